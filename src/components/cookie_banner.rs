//! The cookie banner: asks for a choice on a first visit, after 6 months, and when the policy changes. "Accept
//! all", "Reject all" and "Choose" are equal buttons on the first layer; nothing is pre-ticked; it sits at the foot
//! of the window and never blocks reading.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::api;
use crate::components::cookie_choices::CookieChoices;
use crate::domain::cookies::{
    AskReason, Choices, ConsentMethod, CookieCategory, CookieSettings, OPTIONAL_CATEGORIES,
};
use crate::domain::policy::PolicyDocument;
use crate::routes::Page;
use crate::state::consent::{use_consent, ConsentRequest};
use crate::state::session::use_session;

/// The sentence explaining why the banner asks now.
fn reason_text(reason: &AskReason, policy: &PolicyDocument) -> String {
    match reason {
        AskReason::FirstVisit => {
            "We use strictly necessary cookies to make our websites work. With your permission we would also use functional, analytics and marketing cookies. None of them is on until you choose.".to_string()
        }
        AskReason::Expired => {
            "You made your cookie choice more than 6 months ago, so we are asking again. Until you choose, only strictly necessary cookies are used.".to_string()
        }
        AskReason::PolicyChanged { given_under } => {
            let current = policy.revision_on(api::now().date_naive());
            let change = policy
                .changes
                .iter()
                .rev()
                .find(|c| c.revision == current)
                .map(|c| format!(" What changed: {}", c.summary))
                .unwrap_or_default();
            format!(
                "Our privacy policy has changed since you chose (your choice was made under the version of {given_under}; the current one is {}).{change} Please choose again; until you do, only strictly necessary cookies are used.",
                current
            )
        }
    }
}

fn banner(settings: CookieSettings, policy: PolicyDocument, reason: AskReason) -> AnyView {
    let consent = use_consent();
    let choosing = RwSignal::new(false);
    let saving = Signal::derive(move || consent.saving());
    let signals = api::browser::privacy_signals();
    let now = api::now();
    let current = [
        CookieCategory::StrictlyNecessary,
        OPTIONAL_CATEGORIES[0],
        OPTIONAL_CATEGORIES[1],
        OPTIONAL_CATEGORIES[2],
    ]
    .map(|c| settings.effective(c, signals.gpc, now, policy.revision_on(now.date_naive())));
    let text = reason_text(&reason, &policy);
    let choose = move |choices: Choices| {
        consent.save.dispatch(ConsentRequest {
            choices,
            method: ConsentMethod::Banner,
        });
    };
    view! {
        <section class="cookie-banner" aria-labelledby="cookie-banner-title">
            <div class="cookie-banner__inner">
                <h2 class="cookie-banner__title" id="cookie-banner-title">"Cookies on our websites"</h2>
                <p>{text}</p>
                {signals.gpc.then(|| view! {
                    <p class="muted">
                        "Your browser sends Global Privacy Control, so analytics and marketing cookies stay off unless you turn them on yourself."
                    </p>
                })}
                <div class="cookie-banner__buttons">
                    <button type="button" class="cookie-banner__button" disabled=move || saving.get() on:click=move |_| choose(Choices::ALL)>
                        "Accept all"
                    </button>
                    <button type="button" class="cookie-banner__button" disabled=move || saving.get() on:click=move |_| choose(Choices::NONE)>
                        "Reject all"
                    </button>
                    <button
                        type="button"
                        class="cookie-banner__button"
                        aria-expanded=move || choosing.get().to_string()
                        aria-controls="cookie-banner-choices"
                        on:click=move |_| choosing.update(|c| *c = !*c)
                    >
                        "Choose"
                    </button>
                </div>
                <div id="cookie-banner-choices" class="cookie-banner__choices" class:cookie-banner__choices--open=move || choosing.get()>
                    <Show when=move || choosing.get()>
                        <CookieChoices
                            settings=settings.clone()
                            current
                            initial=Choices::NONE
                            on_save=Callback::new(choose)
                            saving
                            id_prefix="banner"
                        />
                    </Show>
                </div>
                <p class="cookie-banner__more">
                    <A href=Page::Cookies.href()>"Read about each cookie and change your choice at any time"</A>
                </p>
            </div>
        </section>
    }
    .into_any()
}

/// Shows the banner when a choice is needed (never on the cookie settings page, which offers the same choice).
#[component]
pub fn CookieBanner() -> impl IntoView {
    let session = use_session();
    let pathname = use_location().pathname;
    move || {
        if pathname.get() == Page::Cookies.href() {
            return ().into_any();
        }
        let (Some(Ok(settings)), Some(Ok(policy))) = (session.cookies.get(), session.policy.get())
        else {
            return ().into_any();
        };
        let now = api::now();
        match settings.ask_reason(now, policy.revision_on(now.date_naive())) {
            Some(reason) => banner(settings, policy, reason),
            None => ().into_any(),
        }
    }
}
