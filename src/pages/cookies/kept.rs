//! What the portal keeps in this browser besides cookies, and "Remove everything this portal keeps in this browser".

use leptos::prelude::*;

use crate::api::{self, KeptSummary};
use crate::components::confirm_step::{ConfirmIds, ConfirmStep};
use crate::i18n::{td_string, Locale};
use crate::state::session::use_session;
use crate::text::format::fill;
use crate::text::labels;

/// One line per kind of thing kept.
fn kept_lines(l: Locale, kept: &KeptSummary) -> Vec<String> {
    let mut lines: Vec<String> = kept
        .changes
        .iter()
        .map(|(persona, documents)| {
            let names: Vec<&str> = documents
                .iter()
                .map(|d| labels::stored_document(l, d))
                .collect();
            fill(
                td_string!(l, kept.changes),
                &[("persona", persona), ("documents", &names.join(", "))],
            )
        })
        .collect();
    let counted = [
        (kept.set_aside, td_string!(l, kept.set_aside)),
        (kept.earlier_format, td_string!(l, kept.earlier)),
        (kept.other, td_string!(l, kept.other)),
    ];
    lines.extend(
        counted
            .into_iter()
            .filter(|(count, _)| *count > 0)
            .map(|(count, text)| fill(text, &[("count", &count)])),
    );
    if kept.demo_user {
        lines.push(td_string!(l, kept.demo_user).to_string());
    }
    if kept.language {
        lines.push(td_string!(l, kept.language).to_string());
    }
    lines
}

/// The list, and the button that removes it all (asked first); afterwards the portal starts again as on a first
/// visit.
#[component]
pub fn KeptInThisBrowser(l: Locale) -> impl IntoView {
    let session = use_session();
    let confirming = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let removing = RwSignal::new(false);
    // Read again whenever the cookie settings are (a save here; any save in another tab reloads them too).
    let kept = move || {
        session.cookies.get();
        api::kept_in_this_browser()
    };
    let list = move || {
        match kept() {
        Ok(kept) if kept.is_empty() => view! { <p>{td_string!(l, kept.nothing)}</p> }.into_any(),
        Ok(kept) => view! {
            <ul>{kept_lines(l, &kept).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
        }
        .into_any(),
        Err(_) => view! { <p>{td_string!(l, kept.unreadable)}</p> }.into_any(),
    }
    };
    let remove = move |()| {
        removing.set(true);
        match api::remove_everything_kept() {
            // A fresh start of the app: nothing of this visit's memory carries over.
            Ok(()) => {
                let _reloaded = window().location().assign("/");
            }
            Err(error) => {
                removing.set(false);
                failure.set(Some(fill(
                    td_string!(l, kept.not_removed),
                    &[("error", &labels::error_text(l, &error))],
                )));
            }
        }
    };
    view! {
        <section class="kept" aria-labelledby="kept-title">
            <h2 id="kept-title">{td_string!(l, kept.title)}</h2>
            <p>{td_string!(l, kept.intro)}</p>
            {list}
            {move || failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
            <ConfirmStep
                confirming
                ids=ConfirmIds {
                    ask: "kept-remove-ask",
                    yes: "kept-remove",
                    keep: "kept-keep",
                    after_yes: "kept-title",
                }
                ask_class="button--warning"
                ask=td_string!(l, kept.remove)
                question=td_string!(l, kept.confirm)
                yes=td_string!(l, kept.yes)
                keep=td_string!(l, profile.keep_it)
                busy=removing
                on_yes=Callback::new(remove)
            />
        </section>
    }
}
