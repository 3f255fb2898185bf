//! The app root: contexts, the router, the shell and the route table.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{ParamSegment, StaticSegment};

use crate::api::{self, StoreNotice, Unreadable};
use crate::components::cookie_banner::CookieBanner;
use crate::components::format::{self, DisplayPrefs};
use crate::components::notice_area::NoticeArea;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::pages::activity::ActivityPage;
use crate::pages::communications::CommunicationsPage;
use crate::pages::cookies::CookiesPage;
use crate::pages::data::DataPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::overview::OverviewPage;
use crate::pages::policy::PolicyPage;
use crate::pages::profile::ProfilePage;
use crate::pages::requests::{NewDeletionPage, NewExportPage, RequestDetailPage, RequestsPage};
use crate::pages::sharing::SharingPage;
use crate::routes::{Page, REQUEST_PARAM};
use crate::state::consent::provide_consent;
use crate::state::notices::{provide_notices, NoticeKind};
use crate::state::session::{provide_session, use_session};

/// What to tell the user about trouble with their saved changes.
fn describe_store_notice(notice: StoreNotice) -> String {
    match notice {
        StoreNotice::SetAside(Unreadable::Corrupted) => {
            "Your saved demo changes could not be read, so the portal started again from the original demo data. The unreadable copy was kept aside in this browser.".to_string()
        }
        StoreNotice::SetAside(Unreadable::OtherVersion(_)) => {
            "Your saved demo changes came from an older version of the portal, so the portal started again from the original demo data. The old copy was kept aside in this browser.".to_string()
        }
        StoreNotice::Unavailable(error) => error.to_string(),
    }
}

/// After client-side navigation, move focus to the new page's heading so screen readers announce it.
fn focus_heading_on_navigation() {
    let pathname = use_location().pathname;
    Effect::watch(
        move || pathname.get(),
        move |_, _, _| {
            request_animation_frame(|| {
                if let Some(heading) = document().get_element_by_id("page-title") {
                    if let Ok(heading) =
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
                    {
                        let _focused = heading.focus();
                    }
                }
            });
        },
        false,
    );
}

/// The routes, inside the router so navigation hooks work.
#[component]
fn Shell() -> impl IntoView {
    let notices = provide_notices();
    provide_consent();
    let session = use_session();
    focus_heading_on_navigation();
    // Another tab changed saved data: show it here too, without a reload.
    api::browser::on_change_in_another_tab(move || session.data_changed());
    // Dates and numbers follow the profile's language and time zone, or the browser's when it has none.
    Effect::new(move |_| {
        if let Some(Ok(profile)) = session.profile.get() {
            format::set_display_prefs(DisplayPrefs {
                language: profile.optional.language,
                time_zone: profile.optional.time_zone,
            });
        }
    });
    // Keep this browser's cookies in line with the choice that stands (an expired one no longer allows anything).
    Effect::new(move |_| {
        if let (Some(Ok(settings)), Some(Ok(policy))) =
            (session.cookies.get(), session.policy.get())
        {
            let now = api::now();
            let standing = settings.valid_consent(now, policy.revision_on(now.date_naive()));
            api::browser::apply_cookie_choice(standing, &settings.cookies);
        }
    });
    api::on_store_notice(move |notice| {
        notices.push(NoticeKind::Warning, describe_store_notice(notice))
    });
    view! {
        <SiteHeader />
        <main id="main" class="layout-main" tabindex="-1">
            <NoticeArea />
            <Routes fallback=|| view! { <NotFoundPage /> }>
                <Route path=StaticSegment(Page::Overview.segment()) view=OverviewPage />
                <Route path=StaticSegment(Page::Data.segment()) view=DataPage />
                <Route path=StaticSegment(Page::Communications.segment()) view=CommunicationsPage />
                <Route path=StaticSegment(Page::Cookies.segment()) view=CookiesPage />
                <Route path=StaticSegment(Page::Profile.segment()) view=ProfilePage />
                <Route path=StaticSegment(Page::Requests.segment()) view=RequestsPage />
                <Route
                    path=(StaticSegment(Page::Requests.segment()), StaticSegment(Page::NewExport.segment()))
                    view=NewExportPage
                />
                <Route
                    path=(StaticSegment(Page::Requests.segment()), StaticSegment(Page::NewDeletion.segment()))
                    view=NewDeletionPage
                />
                <Route
                    path=(StaticSegment(Page::Requests.segment()), ParamSegment(REQUEST_PARAM))
                    view=RequestDetailPage
                />
                <Route path=StaticSegment(Page::Activity.segment()) view=ActivityPage />
                <Route path=StaticSegment(Page::Sharing.segment()) view=SharingPage />
                <Route path=StaticSegment(Page::Policy.segment()) view=PolicyPage />
            </Routes>
        </main>
        <SiteFooter />
        <CookieBanner />
    }
}

/// The whole portal.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_session();
    view! {
        <Router>
            <Shell />
        </Router>
    }
}
