//! The current communication and cookie choices.

use leptos::prelude::*;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::format;
use crate::components::labels;
use crate::components::summary_card::SummaryCard;
use crate::domain::communications::{CommunicationPreferences, GRID_SIZE};
use crate::domain::cookies::{CookieCategory, CookieSettings};
use crate::domain::policy::PolicyDocument;
use crate::routes::Page;
use crate::state::session::use_session;

fn communications_summary(prefs: CommunicationPreferences) -> AnyView {
    let line = if prefs.is_unsubscribed_from_all() {
        "You have unsubscribed from all non-essential messages.".to_string()
    } else {
        format!(
            "You receive {} of the {GRID_SIZE} optional kinds of message (by topic, channel and product).",
            prefs.subscribed_count()
        )
    };
    view! {
        <p>{line}</p>
        <p class="muted">
            "Essential messages, such as receipts, security notices and policy changes, always continue."
        </p>
    }
    .into_any()
}

fn cookies_summary((settings, policy): (CookieSettings, PolicyDocument)) -> AnyView {
    let Some(consent) = settings.consent else {
        return view! {
            <p>"You have not made a cookie choice yet. Until you do, only strictly necessary cookies are used."</p>
        }
        .into_any();
    };
    let allowed: Vec<&str> = std::iter::once(CookieCategory::StrictlyNecessary)
        .chain(consent.allowed_optional())
        .map(labels::cookie_category)
        .collect();
    let now = api::now();
    let renewal = if consent.needs_renewal(now, policy.revision_on(now.date_naive())) {
        "Your choice is due to be asked again.".to_string()
    } else {
        format!(
            "We will ask again after {}.",
            format::date(consent.expires_at())
        )
    };
    view! {
        <p>{format!("Cookies allowed: {}.", allowed.join(", "))}</p>
        <p class="muted">{format!("Chosen on {}. {renewal}", format::date(consent.given_at))}</p>
    }
    .into_any()
}

/// The "Your choices" card.
#[component]
pub fn ChoicesCard() -> impl IntoView {
    let session = use_session();
    let communications = session.communications.loaded();
    let cookies = session.cookies.loaded().and(session.policy.loaded());
    view! {
        <SummaryCard
            title="Your choices"
            id="overview-choices"
            href=Page::Communications.href()
            link_text="Change your communication preferences"
        >
            <h3 class="summary-card__subtitle">"Messages"</h3>
            {async_view("your communication preferences", communications, communications_summary)}
            <h3 class="summary-card__subtitle">"Cookies"</h3>
            {async_view("your cookie choices", cookies, cookies_summary)}
            <p>
                <leptos_router::components::A href=Page::Cookies.href()>
                    "Change your cookie preferences"
                </leptos_router::components::A>
            </p>
        </SummaryCard>
    }
}
