//! `/`: the user's privacy at a glance — what is held, open requests, current choices, recent access, sharing.

mod access_card;
mod choices_card;
mod holdings_card;
mod requests_card;
mod sharing_card;

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::page_heading::PageHeading;
use crate::routes::Page;
use crate::state::session::use_session;

/// The overview page.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let session = use_session();
    let greeting = async_view("your profile", session.profile.loaded(), |profile| {
        view! {
            <p class="overview__greeting">
                {format!("Welcome back, {}.", profile.greeting_name())}
                " Here is what iCanopus Technology holds about you across PROCRM, eServiceapp and SMSNDT, and what you have chosen."
            </p>
        }
        .into_any()
    });
    view! {
        <PageHeading page=Page::Overview />
        <div class="overview__intro">{greeting}</div>
        <div class="overview__grid">
            <holdings_card::HoldingsCard />
            <requests_card::RequestsCard />
            <choices_card::ChoicesCard />
            <access_card::AccessCard />
            <sharing_card::SharingCard />
        </div>
    }
    .into_any()
}
