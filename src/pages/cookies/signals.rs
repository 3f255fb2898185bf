//! How this browser's privacy signals (Global Privacy Control, Do Not Track) are treated, with a one-click
//! "apply my browser's signal".

use leptos::prelude::*;

use crate::api;
use crate::state::consent::use_consent;

fn yes_no(sent: bool) -> &'static str {
    if sent {
        "sends it"
    } else {
        "does not send it"
    }
}

/// The browser signals section.
#[component]
pub fn PrivacySignals() -> impl IntoView {
    let consent = use_consent();
    let signals = api::browser::privacy_signals();
    let saving = move || consent.saving();
    view! {
        <section class="privacy-signals" id="signals" aria-labelledby="signals-title">
            <h2 id="signals-title">"Your browser's privacy signals"</h2>
            <dl class="privacy-signals__list">
                <div>
                    <dt>"Global Privacy Control (GPC)"</dt>
                    <dd>{format!("This browser {}.", yes_no(signals.gpc))}</dd>
                    <dd class="muted">
                        "We honour GPC by default: until you make a choice yourself, analytics and marketing cookies stay off and are labelled so. A choice you make yourself overrides it."
                    </dd>
                </div>
                <div>
                    <dt>"Do Not Track (DNT)"</dt>
                    <dd>{format!("This browser {}.", yes_no(signals.dnt))}</dd>
                    <dd class="muted">
                        "Our privacy policy says plainly that there is no standard for what websites should do with DNT, and that for now we do not take action in response to it."
                    </dd>
                </div>
            </dl>
            <p>
                "Whatever your browser sends, you can apply its wish yourself: this turns off every optional message (for every product and channel) and every optional cookie."
            </p>
            <button
                type="button"
                class="button button--secondary"
                disabled=saving
                on:click=move |_| {
                    consent.apply_signal.dispatch(());
                }
            >
                "Apply my browser's signal"
            </button>
        </section>
    }
    .into_any()
}
