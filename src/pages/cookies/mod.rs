//! `/cookies`: the cookie categories and their cookies, the current choice and how to change or withdraw it,
//! how browser privacy signals are treated, and the consent record.

use std::sync::Arc;

mod history;
mod kept;
mod signals;

use leptos::prelude::*;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::cookie_choices::CookieChoices;
use crate::components::draft::follow_saved;
use crate::components::page_heading::PageHeading;
use crate::domain::cookies::{Choices, ConsentMethod, CookieCategory, CookieSettings};
use crate::domain::policy::PolicyDocument;
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::Page;
use crate::state::consent::{use_consent, ConsentRequest};
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

fn current_choice(l: Locale, settings: &CookieSettings, policy: &PolicyDocument) -> AnyView {
    let now = api::now();
    match (
        &settings.consent,
        settings.ask_reason(now, policy.revision_on(now.date_naive())),
    ) {
        (None, _) => view! {
            <p>{td_string!(l, overview.no_cookie_choice)}</p>
        }
        .into_any(),
        (Some(consent), reason) => {
            let objected = use_session().marketing_objected_on();
            let allowed: Vec<&str> = std::iter::once(CookieCategory::StrictlyNecessary)
                .chain(consent.allowed_optional())
                // An objection to marketing keeps marketing cookies off whatever the choice allows.
                .filter(|c| *c != CookieCategory::Marketing || objected.is_none())
                .map(|c| labels::cookie_category(l, c))
                .collect();
            let standing = match reason {
                None => fill(
                    td_string!(l, cookies.stands_until),
                    &[("date", &format::date(consent.expires_at()))],
                ),
                Some(_) => td_string!(l, cookies.no_longer_stands).to_string(),
            };
            view! {
                <p>{fill(td_string!(l, cookies.allowed), &[("list", &allowed.join(", "))])}</p>
                <p class="muted">
                    {fill(
                        td_string!(l, cookies.you_chose),
                        &[
                            ("date", &format::date_time(consent.given_at)),
                            ("method", &labels::consent_method(l, consent.method)),
                            ("revision", &consent.policy_revision),
                            ("standing", &standing),
                        ],
                    )}
                </p>
            }
            .into_any()
        }
    }
}

/// The categories the standing choice allows (none without one).
fn standing_choices(settings: &CookieSettings, policy: &PolicyDocument) -> Choices {
    let now = api::now();
    settings
        .valid_consent(now, policy.revision_on(now.date_naive()))
        .map_or(Choices::NONE, |c| c.choices())
}

fn settings_view(
    choices: RwSignal<Choices>,
    (settings, policy): (CookieSettings, Arc<PolicyDocument>),
) -> AnyView {
    let l = use_i18n().get_locale();
    let consent = use_consent();
    let saving = Signal::derive(move || consent.saving());
    let signals = api::privacy_signals();
    let now = api::now();
    let objected = use_session().marketing_objected_on();
    let current = settings.effective_now(
        signals.gpc,
        now,
        policy.revision_on(now.date_naive()),
        objected,
    );
    let initial = standing_choices(&settings, &policy);
    // Announced or in force: the section says from when.
    let gpc_marketing_from = policy.honours_gpc_since(chrono::NaiveDate::MAX);
    let save = move |choices: Choices| {
        consent.save.dispatch(ConsentRequest {
            choices,
            method: ConsentMethod::SettingsPage,
        });
    };
    let has_optional = initial != Choices::NONE;
    view! {
        <section aria-labelledby="cookie-current-title">
            <h2 id="cookie-current-title">{td_string!(l, cookies.current)}</h2>
            {current_choice(l, &settings, &policy)}
            <Show when=move || has_optional>
                <button
                    type="button"
                    id="cookies-withdraw"
                    data-focus-next="settings-save"
                    class="button button--secondary"
                    disabled=move || saving.get()
                    on:click=move |_| save(Choices::NONE)
                >
                    {td_string!(l, cookies.withdraw)}
                </button>
            </Show>
        </section>
        <section aria-labelledby="cookie-choices-title">
            <h2 id="cookie-choices-title">{td_string!(l, labels.action.cookies)}</h2>
            <p>{td_string!(l, cookies.choose_intro)}</p>
            <CookieChoices
                settings=settings.clone()
                current
                choices
                on_save=Callback::new(save)
                saving
                id_prefix="settings"
            />
            <p class="muted">
                {td_string!(l, cookies.portal_note)}
            </p>
        </section>
        <signals::PrivacySignals l gpc_marketing_from />
        <history::ConsentHistory l settings />
    }
    .into_any()
}

/// The cookie preferences page.
#[component]
pub fn CookiesPage() -> impl IntoView {
    let session = use_session();
    let data = session.cookies.loaded().and(session.policy.loaded());
    let i18n = use_i18n();
    let notices = use_notices();
    // The boxes ticked live here, outside the settings rebuilt when they refresh.
    let choices = RwSignal::new(Choices::NONE);
    follow_saved(
        move || match (session.cookies.get(), session.policy.get()) {
            (Some(Ok(settings)), Some(Ok(policy))) => Some(standing_choices(&settings, &policy)),
            _ => None,
        },
        move || choices.get_untracked(),
        move |standing| choices.set(standing),
        |mine, from, onto| mine.rebase(*from, *onto),
        move || {
            notices.push(
                NoticeKind::Warning,
                td_string!(i18n.get_locale_untracked(), common.changed_elsewhere),
            )
        },
    );
    view! {
        <PageHeading page=Page::Cookies />
        <div class="cookies">
            {async_view(|l| td_string!(l, load.cookies), data, move |data| settings_view(choices, data))}
        </div>
        {move || view! { <kept::KeptInThisBrowser l=i18n.get_locale() /> }}
    }
    .into_any()
}
