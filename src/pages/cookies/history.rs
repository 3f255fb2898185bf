//! The consent record: every cookie choice, newest first, and a JSON receipt to download.

use leptos::prelude::*;
use serde::Serialize;

use crate::api;
use crate::components::download::download_text;
use crate::components::empty_panel::EmptyPanel;
use crate::domain::cookies::{CookieConsent, CookieSettings, OPTIONAL_CATEGORIES};
use crate::i18n::{td_string, Locale};
use crate::state::notices::{use_notices, NoticeKind};
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

/// The downloadable receipt.
#[derive(Serialize)]
struct Receipt<'a> {
    kind: &'static str,
    generated_at: String,
    current: Option<&'a CookieConsent>,
    history: &'a [CookieConsent],
}

fn choices_text(l: Locale, consent: &CookieConsent) -> String {
    OPTIONAL_CATEGORIES
        .iter()
        .map(|c| {
            let state = if consent.allows(*c) {
                td_string!(l, cookies.on)
            } else {
                td_string!(l, cookies.off)
            };
            format!("{} {state}", labels::cookie_category(l, *c))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The consent history section.
#[component]
pub fn ConsentHistory(
    /// The language to write in (the section is rebuilt when it changes).
    l: Locale,
    /// The cookie document, with its history.
    settings: CookieSettings,
) -> impl IntoView {
    let notices = use_notices();
    let rows = settings
        .history
        .iter()
        .rev()
        .map(|consent| {
            view! {
                <tr>
                    <td>{format::date_time(consent.given_at)}</td>
                    <td>{choices_text(l, consent)}</td>
                    <td>{labels::consent_method(l, consent.method)}</td>
                    <td>{consent.policy_revision.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = settings.history.is_empty();
    let download = move |_| {
        let receipt = Receipt {
            kind: "iCanopus cookie consent record",
            generated_at: api::now().to_rfc3339(),
            current: settings.consent.as_ref(),
            history: &settings.history,
        };
        let outcome = serde_json::to_string_pretty(&receipt)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                download_text(
                    "cookie-consent-record.json",
                    "application/json;charset=utf-8",
                    &text,
                )
            });
        if let Err(problem) = outcome {
            notices.push(
                NoticeKind::Warning,
                fill(
                    td_string!(l, cookies.download_failed),
                    &[("problem", &problem)],
                ),
            );
        }
    };
    view! {
        <section class="consent-history" aria-labelledby="consent-history-title">
            <h2 id="consent-history-title">{td_string!(l, cookies.record)}</h2>
            {if empty {
                view! { <EmptyPanel message=td_string!(l, cookies.record_empty) /> }.into_any()
            } else {
                view! {
                    <table class="consent-history__table">
                        <caption class="visually-hidden">{td_string!(l, cookies.record_caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{td_string!(l, cookies.col_when)}</th>
                                <th scope="col">{td_string!(l, cookies.col_choices)}</th>
                                <th scope="col">{td_string!(l, cookies.col_how)}</th>
                                <th scope="col">{td_string!(l, cookies.col_version)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }}
            <button type="button" class="button button--quiet" on:click=download>
                {td_string!(l, cookies.download)}
            </button>
        </section>
    }
    .into_any()
}
