//! How this browser's privacy signals (Global Privacy Control, Do Not Track) are treated, with a one-click
//! "apply my browser's signal".

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::api;
use crate::i18n::{td_string, Locale};
use crate::state::consent::use_consent;
use crate::text::format;
use crate::text::format::fill;

fn yes_no(l: Locale, sent: bool) -> &'static str {
    if sent {
        td_string!(l, cookies.sends)
    } else {
        td_string!(l, cookies.does_not_send)
    }
}

/// The browser signals section.
#[component]
pub fn PrivacySignals(
    /// The language to write in (the section is rebuilt when it changes).
    l: Locale,
    /// The day from which the policy treats GPC as a request to stop marketing use and sharing, if it does.
    gpc_marketing_from: Option<NaiveDate>,
) -> impl IntoView {
    let consent = use_consent();
    let signals = api::privacy_signals();
    let saving = move || consent.saving();
    view! {
        <section class="privacy-signals" id="signals" aria-labelledby="signals-title">
            <h2 id="signals-title">{td_string!(l, cookies.signals_title)}</h2>
            <dl class="privacy-signals__list">
                <div>
                    <dt>"Global Privacy Control (GPC)"</dt>
                    <dd>{fill(td_string!(l, cookies.this_browser), &[("state", &yes_no(l, signals.gpc))])}</dd>
                    <dd class="muted">
                        {td_string!(l, cookies.gpc_note)}
                    </dd>
                    {gpc_marketing_from.map(|from| view! {
                        <dd class="muted">
                            {fill(td_string!(l, cookies.gpc_marketing), &[("date", &format::day(from))])}
                        </dd>
                    })}
                </div>
                <div>
                    <dt>"Do Not Track (DNT)"</dt>
                    <dd>{fill(td_string!(l, cookies.this_browser), &[("state", &yes_no(l, signals.dnt))])}</dd>
                    <dd class="muted">
                        {td_string!(l, cookies.dnt_note)}
                    </dd>
                </div>
            </dl>
            <p>
                {td_string!(l, cookies.apply_intro)}
            </p>
            <button
                type="button"
                id="cookies-apply"
                class="button button--secondary"
                disabled=saving
                on:click=move |_| {
                    consent.apply_signal.dispatch(());
                }
            >
                {td_string!(l, cookies.apply)}
            </button>
        </section>
    }
    .into_any()
}
