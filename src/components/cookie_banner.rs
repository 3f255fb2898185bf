//! The cookie banner: asks for a choice on a first visit, after 6 months, and when the policy changes. "Accept
//! all", "Reject all" and "Choose" are equal buttons on the first layer; nothing is pre-ticked; it sits at the foot
//! of the window and never blocks reading.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::api;
use crate::components::cookie_choices::CookieChoices;
use crate::components::format::fill;
use crate::domain::cookies::{
    AskReason, Choices, ConsentMethod, CookieCategory, CookieSettings, OPTIONAL_CATEGORIES,
};
use crate::domain::policy::PolicyDocument;
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::Page;
use crate::state::consent::{use_consent, ConsentRequest};
use crate::state::session::use_session;

/// The sentence explaining why the banner asks now, in `locale`. (Placeholders in braces are filled here; the
/// change's summary comes from the policy document, in English.)
fn reason_text(reason: &AskReason, policy: &PolicyDocument, locale: Locale) -> String {
    match reason {
        AskReason::FirstVisit => td_string!(locale, banner.first_visit).to_string(),
        AskReason::Expired => td_string!(locale, banner.expired).to_string(),
        AskReason::PolicyChanged { given_under } => {
            let current = policy.revision_on(api::now().date_naive());
            let change = policy
                .changes
                .iter()
                .rev()
                .find(|c| c.revision == current)
                .map(|c| {
                    fill(
                        td_string!(locale, banner.what_changed),
                        &[("summary", &c.summary)],
                    )
                })
                .unwrap_or_default();
            fill(
                td_string!(locale, banner.policy_changed),
                &[
                    ("given", given_under),
                    ("current", &current),
                    ("change", &change),
                ],
            )
        }
    }
}

/// The banner itself, asking for `reason`; `id` names it and prefixes its inner ids (so the designer gallery can
/// show several at once).
pub fn banner(
    settings: CookieSettings,
    policy: Arc<PolicyDocument>,
    reason: AskReason,
    locale: Locale,
    id: &'static str,
) -> AnyView {
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
    let text = reason_text(&reason, &policy, locale);
    // Answered (or replaced): a keyboard user carries on from the main content, not from the top of the page.
    on_cleanup(move || api::browser::hand_focus_on(id, "main"));
    let choose = move |choices: Choices| {
        consent.save.dispatch(ConsentRequest {
            choices,
            method: ConsentMethod::Banner,
        });
    };
    view! {
        <section class="cookie-banner" id=id aria-labelledby=format!("{id}-title")>
            <div class="cookie-banner__inner">
                <h2 class="cookie-banner__title" id=format!("{id}-title")>{td_string!(locale, banner.title)}</h2>
                <p>{text}</p>
                {signals.gpc.then(|| view! {
                    <p class="muted">
                        {td_string!(locale, banner.gpc)}
                    </p>
                })}
                <div class="cookie-banner__buttons">
                    <button type="button" class="cookie-banner__button" disabled=move || saving.get() on:click=move |_| choose(Choices::ALL)>
                        {td_string!(locale, banner.accept_all)}
                    </button>
                    <button type="button" class="cookie-banner__button" disabled=move || saving.get() on:click=move |_| choose(Choices::NONE)>
                        {td_string!(locale, banner.reject_all)}
                    </button>
                    <button
                        type="button"
                        class="cookie-banner__button"
                        aria-expanded=move || choosing.get().to_string()
                        aria-controls=format!("{id}-choices")
                        on:click=move |_| choosing.update(|c| *c = !*c)
                    >
                        {td_string!(locale, banner.choose)}
                    </button>
                </div>
                <div id=format!("{id}-choices") class="cookie-banner__choices" class:cookie-banner__choices--open=move || choosing.get()>
                    <Show when=move || choosing.get()>
                        <CookieChoices
                            settings=settings.clone()
                            current
                            initial=Choices::NONE
                            on_save=Callback::new(choose)
                            saving
                            id_prefix=id
                        />
                    </Show>
                </div>
                <p class="cookie-banner__more">
                    <A href=Page::Cookies.href()>{td_string!(locale, banner.more)}</A>
                </p>
            </div>
        </section>
    }
    .into_any()
}

/// The id of the banner users meet (the gallery's copies take others).
pub const BANNER_ID: &str = "cookie-banner";

/// Shows the banner when a choice is needed (never on the cookie settings page, which offers the same choice).
#[component]
pub fn CookieBanner() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let pathname = use_location().pathname;
    move || {
        if pathname.get() == Page::Cookies.href() {
            return ().into_any();
        }
        // The designer gallery shows the banner in each of its states instead.
        #[cfg(feature = "preview")]
        if pathname.get() == crate::routes::GALLERY_PATH {
            return ().into_any();
        }
        let (Some(Ok(settings)), Some(Ok(policy))) = (session.cookies.get(), session.policy.get())
        else {
            return ().into_any();
        };
        let now = api::now();
        match settings.ask_reason(now, policy.revision_on(now.date_naive())) {
            Some(reason) => banner(settings, policy, reason, i18n.get_locale(), BANNER_ID),
            None => ().into_any(),
        }
    }
}
