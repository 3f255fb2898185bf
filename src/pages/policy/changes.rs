//! Policy changes: a pending significant change with its countdown, exactly what changes and the user's option to
//! end their use; and the history of every change.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use super::section_link::section_link;
use crate::api;
use crate::domain::policy::{anchor, OutlineEntry, PolicyChange, PolicyDocument};
use crate::domain::text_diff::{diff_words, DiffPart};
use crate::i18n::{td_string, Locale};
use crate::routes::Page;
use crate::text::format;
use crate::text::format::fill;

fn diff_view(before: &str, after: &str) -> AnyView {
    diff_words(before, after)
        .into_iter()
        .map(|part| match part {
            DiffPart::Same(text) => view! { <span>{text}</span> }.into_any(),
            DiffPart::Removed(text) => view! {
                <del class="diff__removed"><span class="visually-hidden">"[removed: "</span>{text}<span class="visually-hidden">"]"</span></del>
            }
            .into_any(),
            DiffPart::Added(text) => view! {
                <ins class="diff__added"><span class="visually-hidden">"[added: "</span>{text}<span class="visually-hidden">"]"</span></ins>
            }
            .into_any(),
        })
        .collect_view()
        .into_any()
}

fn pending_view(l: Locale, change: PolicyChange) -> impl IntoView {
    let today = api::now().date_naive();
    let days = change.days_until(today);
    let edits = change
        .edits
        .iter()
        .map(|edit| {
            let before = edit.before.clone().unwrap_or_default();
            let after = edit.after.clone().unwrap_or_default();
            view! {
                <li class="policy-diff">
                    <h4>{section_link(&OutlineEntry {
                        title: edit.section.trim_end_matches([':', '.', ' ']).to_string(),
                        anchor: anchor(&edit.section),
                    })}</h4>
                    <p class="policy-diff__text">{diff_view(&before, &after)}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="pending-change" aria-labelledby="pending-title">
            <h2 id="pending-title">{fill(td_string!(l, policy.change_on), &[("date", &format::day(change.effective_on))])}</h2>
            <p class="pending-change__countdown">
                <strong>
                    {match days {
                        0 => td_string!(l, policy.today).to_string(),
                        1 => td_string!(l, policy.one_day).to_string(),
                        n => fill(td_string!(l, policy.days), &[("n", &n)]),
                    }}
                </strong>
                {fill(td_string!(l, policy.announced_on), &[("date", &format::day(change.announced_on))])}
            </p>
            <p>{change.summary.clone()}</p>
            <h3>{td_string!(l, policy.exactly)}</h3>
            <p class="muted">{td_string!(l, policy.diff_help)}</p>
            <ul class="plain-list">{edits}</ul>
            <h3>{td_string!(l, policy.disagree)}</h3>
            <p>
                {fill(td_string!(l, policy.end_use), &[("date", &format::day(change.objection_deadline()))])}
                <A href=Page::NewDeletion.href()>{td_string!(l, deletion.action.account_ask)}</A>
                {td_string!(l, policy.agreeing)}
            </p>
        </section>
    }
}

/// The pending changes, if any.
#[component]
pub fn PendingChanges(
    /// The language to write in (the section is rebuilt when it changes).
    l: Locale,
    /// The policy document.
    policy: Arc<PolicyDocument>,
) -> impl IntoView {
    let today = api::now().date_naive();
    policy
        .pending(today)
        .into_iter()
        .cloned()
        .map(|change| pending_view(l, change))
        .collect_view()
}

/// Every change, newest first.
#[component]
pub fn ChangeHistory(
    /// The language to write in (the section is rebuilt when it changes).
    l: Locale,
    /// The policy document.
    policy: Arc<PolicyDocument>,
) -> impl IntoView {
    let today = api::now().date_naive();
    let mut changes = policy.changes.clone();
    changes.sort_by_key(|c| std::cmp::Reverse(c.effective_on));
    let rows = changes
        .into_iter()
        .map(|c| {
            let state = if c.is_pending(today) {
                td_string!(l, policy.announced)
            } else {
                td_string!(l, policy.in_force)
            };
            view! {
                <tr>
                    <th scope="row">{c.revision.clone()}</th>
                    <td>{format::day(c.announced_on)}</td>
                    <td>{format::day(c.effective_on)}</td>
                    <td>{if c.significant { td_string!(l, policy.significant) } else { td_string!(l, policy.minor) }}</td>
                    <td>{state}</td>
                    <td>{c.summary.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="change-history" aria-labelledby="history-title">
            <h2 id="history-title">{td_string!(l, policy.history)}</h2>
            <table class="requests-table">
                <caption class="visually-hidden">{td_string!(l, policy.history_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{td_string!(l, policy.version)}</th>
                        <th scope="col">{td_string!(l, policy.announced)}</th>
                        <th scope="col">{td_string!(l, policy.takes_effect)}</th>
                        <th scope="col">{td_string!(l, labels.field.kind)}</th>
                        <th scope="col">{td_string!(l, requests.status)}</th>
                        <th scope="col">{td_string!(l, policy.what_changes)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="muted">{td_string!(l, policy.minor_note)}</p>
        </section>
    }
}
