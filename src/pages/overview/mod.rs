//! `/`: the user's privacy at a glance — what is held, open requests, current choices, recent access, sharing.

mod access_card;
mod choices_card;
mod holdings_card;
mod requests_card;
mod sharing_card;

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::format::fill;
use crate::components::page_heading::PageHeading;
use crate::i18n::{td_string, use_i18n};
use crate::routes::Page;
use crate::state::session::use_session;

/// The overview page.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let session = use_session();
    let greeting = async_view(
        |l| td_string!(l, load.profile),
        session.profile.loaded(),
        |profile| {
            let l = use_i18n().get_locale();
            view! {
                <p class="overview__greeting">
                    {fill(td_string!(l, overview.welcome), &[("name", &profile.greeting_name())])}
                    {td_string!(l, overview.intro)}
                </p>
            }
            .into_any()
        },
    );
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
