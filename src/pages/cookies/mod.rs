//! `/cookies`: the cookie categories and their cookies, the current choice and how to change or withdraw it,
//! how browser privacy signals are treated, and the consent record.

mod history;
mod signals;

use leptos::prelude::*;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::cookie_choices::CookieChoices;
use crate::components::format;
use crate::components::labels;
use crate::components::page_heading::PageHeading;
use crate::domain::cookies::{
    Choices, ConsentMethod, CookieCategory, CookieSettings, OPTIONAL_CATEGORIES,
};
use crate::domain::policy::PolicyDocument;
use crate::routes::Page;
use crate::state::consent::{use_consent, ConsentRequest};
use crate::state::session::use_session;

fn current_choice(settings: &CookieSettings, policy: &PolicyDocument) -> AnyView {
    let now = api::now();
    match (&settings.consent, settings.ask_reason(now, policy.revision_on(now.date_naive()))) {
        (None, _) => view! {
            <p>"You have not made a cookie choice yet. Until you do, only strictly necessary cookies are used."</p>
        }
        .into_any(),
        (Some(consent), reason) => {
            let allowed: Vec<&str> = std::iter::once(CookieCategory::StrictlyNecessary)
                .chain(consent.allowed_optional())
                .map(labels::cookie_category)
                .collect();
            let standing = match reason {
                None => format!("It stands until {}, when we will ask again.", format::date(consent.expires_at())),
                Some(_) => "It no longer stands (it is more than 6 months old, or the policy has changed), so only strictly necessary cookies are used until you choose again.".to_string(),
            };
            view! {
                <p>{format!("Allowed: {}.", allowed.join(", "))}</p>
                <p class="muted">
                    {format!(
                        "You chose on {}, using {}, under the privacy policy of {}. {standing}",
                        format::date_time(consent.given_at),
                        labels::consent_method(consent.method),
                        consent.policy_revision,
                    )}
                </p>
            }
            .into_any()
        }
    }
}

fn settings_view((settings, policy): (CookieSettings, PolicyDocument)) -> AnyView {
    let consent = use_consent();
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
    let initial = settings
        .valid_consent(now, policy.revision_on(now.date_naive()))
        .map_or(Choices::NONE, |c| c.choices());
    let save = move |choices: Choices| {
        consent.save.dispatch(ConsentRequest {
            choices,
            method: ConsentMethod::SettingsPage,
        });
    };
    let has_optional = initial != Choices::NONE;
    view! {
        <section aria-labelledby="cookie-current-title">
            <h2 id="cookie-current-title">"Your current choice"</h2>
            {current_choice(&settings, &policy)}
            <Show when=move || has_optional>
                <button
                    type="button"
                    class="button button--secondary"
                    disabled=move || saving.get()
                    on:click=move |_| save(Choices::NONE)
                >
                    "Withdraw consent: reject all optional cookies"
                </button>
            </Show>
        </section>
        <section aria-labelledby="cookie-choices-title">
            <h2 id="cookie-choices-title">"Choose which cookies we may use"</h2>
            <p>"Strictly necessary cookies are always on. Everything else is off unless you turn it on; turning a category off deletes its cookies from this browser at once."</p>
            <CookieChoices
                settings=settings.clone()
                current
                initial
                on_save=Callback::new(save)
                saving
                id_prefix="settings"
            />
            <p class="muted">
                "This portal sets only our own (first-party) cookies, with placeholder values, for the categories you allow. Third-party cookies are set only on our marketing websites, and only if you allow their category."
            </p>
        </section>
        <signals::PrivacySignals />
        <history::ConsentHistory settings />
    }
    .into_any()
}

/// The cookie preferences page.
#[component]
pub fn CookiesPage() -> impl IntoView {
    let session = use_session();
    let data = session.cookies.loaded().and(session.policy.loaded());
    view! {
        <PageHeading page=Page::Cookies />
        <div class="cookies">{async_view("your cookie choices", data, settings_view)}</div>
    }
    .into_any()
}
