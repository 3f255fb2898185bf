//! One category of held information: its records and the policy's rules for it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::record_card::RecordCard;
use crate::domain::category_policy::{Retention, Right, UserAction};
use crate::domain::inventory::CategoryId;
use crate::domain::policy::Unstated;
use crate::domain::requests::ConcernTopic;
use crate::i18n::{td_string, Locale};
use crate::routes::{ask_href, category_request_href, concern_href, request_href};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

use super::prepared::Prepared;

/// Records shown before "Show all".
const SHOWN_AT_FIRST: usize = 3;

/// A category's records, what it is used for, who can see it, how long it is kept and what the user can do.
#[component]
pub fn CategorySection(
    /// The language to write in (the section is rebuilt when it changes).
    l: Locale,
    /// The category.
    category: CategoryId,
    /// Its records that pass the filter.
    records: Vec<Prepared>,
    /// How many items are held in all (as the overview counts them); `None` while a filter narrows the list.
    held: Option<usize>,
    /// Show every record at once (while searching, every match is shown).
    expanded: bool,
    /// The dates data would leave active databases and backups if the account closed today.
    closing_dates: String,
) -> impl IntoView {
    let rules = category.rules();
    let slug = category.slug();
    let session = use_session();
    // Marked while an open restriction keeps it from use; the page does not wait for the requests to show.
    let restricted = move || {
        session.requests.get().and_then(Result::ok).and_then(|log| {
            log.restricted()
                .into_iter()
                .find(|(c, _)| *c == category)
                .map(|(_, reference)| reference)
        })
    };
    let (one, many) = labels::category_unit(l, category);
    let count = records.len();
    let show_all = RwSignal::new(expanded || count <= SHOWN_AT_FIRST);
    let list_id = format!("{slug}-records");
    let cards = records
        .into_iter()
        .enumerate()
        .map(|(index, prepared)| {
            let beyond_first = index >= SHOWN_AT_FIRST;
            let hidden = move || beyond_first && !show_all.get();
            view! {
                <li class="data-category__record" class:data-category__record--extra=hidden>
                    <RecordCard l record=prepared.record />
                </li>
            }
        })
        .collect_view();
    let retention_dates = matches!(
        rules.retention,
        Retention::UntilAccountClosed | Retention::UntilRemoved
    )
    .then(|| view! { <p class="muted">{closing_dates}</p> });
    view! {
        <section class="data-category" id=slug aria-labelledby=format!("{slug}-title")>
            <h3 class="data-category__title" id=format!("{slug}-title")>
                {labels::category(l, category)}
                <span class="data-category__count">
                    {match held {
                        Some(held) => format::count(held, one, many),
                        None => format::count(count, td_string!(l, units.matching_record), td_string!(l, units.matching_records)),
                    }}
                </span>
            </h3>
            {move || restricted().map(|reference| {
                view! {
                    <p class="data-category__restricted">
                        <strong class="status-badge status-badge--progress">{td_string!(l, data.restricted)}</strong>
                        " "
                        {td_string!(l, data.restricted_until)}
                        " "
                        <A href=request_href(&reference)>{reference.clone()}</A>
                    </p>
                }
            })}
            <p class="data-category__description">{labels::category_description(l, category)}</p>
            {if count == 0 {
                view! { <p class="data-category__none">{td_string!(l, data.nothing_in_category)}</p> }.into_any()
            } else {
                view! {
                    <ul class="data-category__records" id=list_id.clone()>{cards}</ul>
                    {(count > SHOWN_AT_FIRST)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="button button--quiet data-category__more"
                                    aria-expanded=move || show_all.get().to_string()
                                    aria-controls=list_id.clone()
                                    on:click=move |_| show_all.update(|s| *s = !*s)
                                >
                                    {move || {
                                        if show_all.get() {
                                            fill(td_string!(l, data.first_only), &[("n", &SHOWN_AT_FIRST)])
                                        } else {
                                            fill(
                                                td_string!(l, data.show_all),
                                                &[("count", &format::count(count, td_string!(l, labels.unit.record), td_string!(l, labels.unit.records)))],
                                            )
                                        }
                                    }}
                                </button>
                            }
                        })}
                }
                    .into_any()
            }}
            <div class="data-category__rules">
                <div>
                    <h4>{td_string!(l, data.why)}</h4>
                    <ul>{rules.purposes.iter().map(|p| view! { <li>{labels::purpose(l, *p)}</li> }).collect_view()}</ul>
                </div>
                <div>
                    <h4>{td_string!(l, data.who)}</h4>
                    <ul>{rules.recipients.iter().map(|r| view! { <li>{labels::recipient(l, *r)}</li> }).collect_view()}</ul>
                </div>
                <div>
                    <h4>{td_string!(l, data.how_long)}</h4>
                    <p>{labels::retention(l, rules.retention)}</p>
                    {retention_dates}
                </div>
                <div>
                    <h4>{td_string!(l, data.legal_basis)}</h4>
                    <p>{td_string!(l, data.basis_unstated)}</p>
                    <p><A href=ask_href(Unstated::LegalBasis, Some(category))>{td_string!(l, data.ask_basis)}</A></p>
                </div>
                <div>
                    <h4>{td_string!(l, data.what_you_can_do)}</h4>
                    <ul>
                        {rules
                            .actions
                            .iter()
                            // A right asked for here replaces the general link to the same thing.
                            .filter(|action| match action {
                                UserAction::RequestCorrection => !category.allows(Right::Correct),
                                UserAction::RequestDeletion => !category.allows(Right::Delete),
                                _ => true,
                            })
                            .map(|action| {
                                let (text, page) = labels::user_action(l, *action);
                                match page {
                                    Some(page) => view! { <li><A href=page.href()>{text}</A></li> }.into_any(),
                                    None => view! { <li>{text}</li> }.into_any(),
                                }
                            })
                            .collect_view()}
                        {rules
                            .rights
                            .iter()
                            .map(|right| {
                                view! { <li><A href=category_request_href(category, *right)>{labels::right(l, *right)}</A></li> }
                            })
                            .collect_view()}
                        <li><A href=concern_href(ConcernTopic::Category, slug)>{td_string!(l, data.raise_concern)}</A></li>
                    </ul>
                </div>
            </div>
        </section>
    }
    .into_any()
}
