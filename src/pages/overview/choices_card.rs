//! The current communication and cookie choices.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::summary_card::SummaryCard;
use crate::domain::communications::{CommunicationPreferences, GRID_SIZE};
use crate::domain::cookies::{CookieCategory, CookieSettings};
use crate::domain::marketing::MarketingStop;
use crate::domain::policy::PolicyDocument;
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::routes::Page;
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

fn communications_summary(prefs: CommunicationPreferences) -> AnyView {
    let l = use_i18n().get_locale();
    let stop = use_session()
        .marketing()
        .and_then(|m| m.stop(prefs.despite_gpc.is_some()));
    let line = if prefs.is_unsubscribed_from_all() {
        td_string!(l, overview.unsubscribed_all).to_string()
    } else {
        fill(
            td_string!(l, overview.receive_count),
            &[
                ("count", &prefs.received_count(stop.as_ref())),
                ("total", &GRID_SIZE),
            ],
        )
    };
    let stopped = stop.map(|stop| match stop {
        MarketingStop::Objected { on, .. } => fill(
            td_string!(l, overview.marketing_objected),
            &[("date", &format::day(on))],
        ),
        MarketingStop::Gpc { .. } => td_string!(l, overview.marketing_gpc).to_string(),
    });
    view! {
        <p>{line}</p>
        {stopped.map(|text| view! { <p>{text}</p> })}
        <p class="muted">
            {td_string!(l, overview.essential_continue)}
        </p>
    }
    .into_any()
}

fn cookies_summary((settings, policy): (CookieSettings, Arc<PolicyDocument>)) -> AnyView {
    let l = use_i18n().get_locale();
    let Some(consent) = settings.consent else {
        return view! {
            <p>{td_string!(l, overview.no_cookie_choice)}</p>
        }
        .into_any();
    };
    let objected = use_session().marketing_objected_on();
    let allowed: Vec<&str> = std::iter::once(CookieCategory::StrictlyNecessary)
        .chain(consent.allowed_optional())
        // An objection to marketing keeps marketing cookies off whatever the choice allows.
        .filter(|c| *c != CookieCategory::Marketing || objected.is_none())
        .map(|c| labels::cookie_category(l, c))
        .collect();
    let now = api::now();
    let renewal = if consent.needs_renewal(now, policy.revision_on(now.date_naive())) {
        td_string!(l, overview.renewal_due).to_string()
    } else {
        fill(
            td_string!(l, overview.ask_again),
            &[("date", &format::date(consent.expires_at()))],
        )
    };
    view! {
        <p>{fill(td_string!(l, overview.cookies_allowed), &[("list", &allowed.join(", "))])}</p>
        <p class="muted">{fill(td_string!(l, overview.chosen_on), &[("date", &format::date(consent.given_at)), ("renewal", &renewal)])}</p>
    }
    .into_any()
}

/// The "Your choices" card.
#[component]
pub fn ChoicesCard() -> impl IntoView {
    let session = use_session();
    let communications = session.communications.loaded();
    let cookies = session.cookies.loaded().and(session.policy.loaded());
    let i18n = use_i18n();
    view! {
        <SummaryCard
            title=move || t_string!(i18n, overview.choices_title)
            id="overview-choices"
            href=Page::Communications.href()
            link_text=move || t_string!(i18n, overview.choices_link)
        >
            <h3 class="summary-card__subtitle">{t!(i18n, overview.messages)}</h3>
            {async_view(|l| td_string!(l, load.communications), communications, communications_summary)}
            <h3 class="summary-card__subtitle">{t!(i18n, overview.cookies)}</h3>
            {async_view(|l| td_string!(l, load.cookies), cookies, cookies_summary)}
            <p>
                <leptos_router::components::A href=Page::Cookies.href()>
                    {t!(i18n, overview.change_cookies)}
                </leptos_router::components::A>
            </p>
        </SummaryCard>
    }
}
