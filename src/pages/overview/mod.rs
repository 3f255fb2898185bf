//! `/`: the user's privacy at a glance — what is held, open requests, current choices, recent access, sharing.

mod access_card;
mod choices_card;
mod holdings_card;
mod requests_card;
mod sharing_card;

use std::time::Duration;

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::page_heading::PageHeading;
use crate::i18n::{td_string, use_i18n};
use crate::routes::Page;
use crate::state::session::{use_session, Session};
use crate::text::format::fill;

/// How long the greeting and the cards wait, laid out but not shown, for the documents they read: long enough for a
/// quick answer, so that no card is shown loading and then pushes the ones below it down as it fills in; short
/// enough that a slow answer shows its loading panel (and a failed one its message) without a noticeable wait.
const HOLD: Duration = Duration::from_millis(300);

/// True until every document the overview reads has an outcome (content or error), or [`HOLD`] has passed.
fn holding(session: Session) -> Memo<bool> {
    let waited = RwSignal::new(false);
    set_timeout(
        move || {
            let _disposed = waited.try_set(true);
        },
        HOLD,
    );
    Memo::new(move |_| {
        !waited.get()
            && (session.profile.get().is_none()
                || session.inventory.get().is_none()
                || session.requests.get().is_none()
                || session.communications.get().is_none()
                || session.cookies.get().is_none()
                || session.policy.get().is_none()
                || session.activity.get().is_none()
                || session.sharing.get().is_none())
    })
}

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
    let holding = holding(session);
    view! {
        <PageHeading page=Page::Overview />
        <div class="overview__intro" class:overview--holding=holding>{greeting}</div>
        <div class="overview__grid" class:overview--holding=holding>
            <holdings_card::HoldingsCard />
            <requests_card::RequestsCard />
            <choices_card::ChoicesCard />
            <access_card::AccessCard />
            <sharing_card::SharingCard />
        </div>
    }
    .into_any()
}
