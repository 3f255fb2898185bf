//! The consent record: every cookie choice, newest first, and a JSON receipt to download.

use leptos::prelude::*;
use serde::Serialize;

use crate::api;
use crate::components::download::download_text;
use crate::components::format;
use crate::components::labels;
use crate::domain::cookies::{CookieConsent, CookieSettings, OPTIONAL_CATEGORIES};
use crate::state::notices::{use_notices, NoticeKind};

/// The downloadable receipt.
#[derive(Serialize)]
struct Receipt<'a> {
    kind: &'static str,
    generated_at: String,
    current: Option<&'a CookieConsent>,
    history: &'a [CookieConsent],
}

fn choices_text(consent: &CookieConsent) -> String {
    OPTIONAL_CATEGORIES
        .iter()
        .map(|c| {
            let state = if consent.allows(*c) { "on" } else { "off" };
            format!("{} {state}", labels::cookie_category(*c))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The consent history section.
#[component]
pub fn ConsentHistory(
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
                    <td>{choices_text(consent)}</td>
                    <td>{labels::consent_method(consent.method)}</td>
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
                download_text("cookie-consent-record.json", "application/json", &text)
            });
        if let Err(problem) = outcome {
            notices.push(
                NoticeKind::Warning,
                format!("The record could not be downloaded: {problem}."),
            );
        }
    };
    view! {
        <section class="consent-history" aria-labelledby="consent-history-title">
            <h2 id="consent-history-title">"Your consent record"</h2>
            {if empty {
                view! { <p>"You have not made a cookie choice yet, so there is nothing to show."</p> }.into_any()
            } else {
                view! {
                    <table class="consent-history__table">
                        <caption class="visually-hidden">"Every cookie choice you made, newest first"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"When"</th>
                                <th scope="col">"Choices"</th>
                                <th scope="col">"How"</th>
                                <th scope="col">"Policy version"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }}
            <button type="button" class="button button--quiet" on:click=download>
                "Download my consent record (JSON)"
            </button>
        </section>
    }
    .into_any()
}
