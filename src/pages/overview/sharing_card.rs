//! Who currently receives the user's information.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::summary_card::SummaryCard;
use crate::domain::sharing::Sharing;
use crate::i18n::{t_string, td_string, use_i18n};
use crate::routes::Page;
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;

fn render(sharing: Arc<Sharing>) -> AnyView {
    let l = use_i18n().get_locale();
    let stop = use_session()
        .marketing()
        .and_then(|m| m.stop(sharing.despite_gpc.is_some()));
    let active_partners = sharing
        .reselling_partners
        .iter()
        .filter(|p| p.receives(stop.as_ref()))
        .count();
    view! {
        <ul class="plain-list sharing-summary">
            <li>
                {format::count(active_partners, td_string!(l, units.reselling_partner), td_string!(l, units.reselling_partners))}
                {td_string!(l, overview.in_your_region)}
            </li>
            <li>
                {format::count(sharing.connected_apps(), td_string!(l, units.app_developer), td_string!(l, units.app_developers))}
                {td_string!(l, overview.name_and_email)}
            </li>
            <li>
                {format::count(sharing.service_providers.len(), td_string!(l, units.provider_kind), td_string!(l, units.provider_kinds))}
            </li>
        </ul>
        {(!sharing.cut_off.is_empty()).then(|| view! {
            <p>{fill(td_string!(l, overview.cut_off), &[("count", &sharing.cut_off.len())])}</p>
        })}
        <p class="muted">{td_string!(l, overview.no_advertising)}</p>
    }
    .into_any()
}

/// The "Who receives your information" card.
#[component]
pub fn SharingCard() -> impl IntoView {
    let session = use_session();
    let sharing = session.sharing.loaded();
    let i18n = use_i18n();
    view! {
        <SummaryCard
            title=move || t_string!(i18n, overview.sharing_title)
            id="overview-sharing"
            href=Page::Sharing.href()
            link_text=move || t_string!(i18n, overview.sharing_link)
        >
            {async_view(|l| td_string!(l, load.sharing), sharing, render)}
        </SummaryCard>
    }
}
