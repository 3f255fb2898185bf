//! Who currently receives the user's information.

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::format;
use crate::components::summary_card::SummaryCard;
use crate::domain::sharing::Sharing;
use crate::routes::Page;
use crate::state::session::use_session;

fn render(sharing: Sharing) -> AnyView {
    let active_partners = sharing
        .reselling_partners
        .iter()
        .filter(|p| p.active)
        .count();
    view! {
        <ul class="plain-list sharing-summary">
            <li>
                {format::count(active_partners, "reselling partner", "reselling partners")}
                " in your region"
            </li>
            <li>
                {format::count(sharing.marketplace_apps.len(), "marketplace app developer", "marketplace app developers")}
                " (your name and email)"
            </li>
            <li>
                {format::count(sharing.service_providers.len(), "kind of service provider", "kinds of service provider")}
            </li>
        </ul>
        <p class="muted">"Our policy commits us never to make money from advertising."</p>
    }
    .into_any()
}

/// The "Who receives your information" card.
#[component]
pub fn SharingCard() -> impl IntoView {
    let session = use_session();
    let sharing = session.sharing.loaded();
    view! {
        <SummaryCard
            title="Who receives your information"
            id="overview-sharing"
            href=Page::Sharing.href()
            link_text="See partners, apps and third parties"
        >
            {async_view("the list of partners and apps", sharing, render)}
        </SummaryCard>
    }
}
