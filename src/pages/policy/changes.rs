//! Policy changes: a pending significant change with its countdown, exactly what changes and the user's option to
//! end their use; and the history of every change.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::format;
use crate::domain::policy::{anchor, OutlineEntry, PolicyChange, PolicyDocument};
use crate::domain::text_diff::{diff_words, DiffPart};
use crate::routes::Page;

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

fn pending_view(change: PolicyChange) -> impl IntoView {
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
                    <h4>{super::section_link(&OutlineEntry {
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
            <h2 id="pending-title">{format!("A change takes effect on {}", format::day(change.effective_on))}</h2>
            <p class="pending-change__countdown">
                <strong>
                    {match days {
                        0 => "It takes effect today.".to_string(),
                        1 => "1 day to go.".to_string(),
                        n => format!("{n} days to go."),
                    }}
                </strong>
                {format!(
                    " Announced on {}: the policy promises at least 30 days' notice of significant changes.",
                    format::day(change.announced_on)
                )}
            </p>
            <p>{change.summary.clone()}</p>
            <h3>"Exactly what changes"</h3>
            <p class="muted">"Removed words are struck through; added words are underlined."</p>
            <ul class="plain-list">{edits}</ul>
            <h3>"If you do not agree"</h3>
            <p>
                {format!(
                    "If you think this change affects your rights, you may end your use of our services by writing to us by {}. ",
                    format::day(change.objection_deadline())
                )}
                <A href=Page::NewDeletion.href()>"Ask us to delete your account"</A>
                ". Using our services after the change takes effect counts as agreeing to it."
            </p>
        </section>
    }
}

/// The pending changes, if any.
#[component]
pub fn PendingChanges(
    /// The policy document.
    policy: PolicyDocument,
) -> impl IntoView {
    let today = api::now().date_naive();
    policy
        .pending(today)
        .into_iter()
        .cloned()
        .map(pending_view)
        .collect_view()
}

/// Every change, newest first.
#[component]
pub fn ChangeHistory(
    /// The policy document.
    policy: PolicyDocument,
) -> impl IntoView {
    let today = api::now().date_naive();
    let mut changes = policy.changes.clone();
    changes.sort_by_key(|c| std::cmp::Reverse(c.effective_on));
    let rows = changes
        .into_iter()
        .map(|c| {
            let state = if c.is_pending(today) {
                "Announced"
            } else {
                "In force"
            };
            view! {
                <tr>
                    <th scope="row">{c.revision.clone()}</th>
                    <td>{format::day(c.announced_on)}</td>
                    <td>{format::day(c.effective_on)}</td>
                    <td>{if c.significant { "Significant" } else { "Minor" }}</td>
                    <td>{state}</td>
                    <td>{c.summary.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="change-history" aria-labelledby="history-title">
            <h2 id="history-title">"Change history"</h2>
            <table class="requests-table">
                <caption class="visually-hidden">"Every change to the policy, newest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Version"</th>
                        <th scope="col">"Announced"</th>
                        <th scope="col">"Takes effect"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"What changes"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="muted">"Minor changes are not emailed; significant ones are, at least 30 days ahead."</p>
        </section>
    }
}
