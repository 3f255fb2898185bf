//! The app root: contexts, the router, the shell and the route table.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{Lazy, ParamSegment, StaticSegment};

use crate::api::{self, StoreNotice, Unreadable};
use crate::components::cookie_banner::CookieBanner;
use crate::components::in_steps::Steps;
use crate::components::notice_area::NoticeArea;
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::domain::language;
use crate::i18n::{td_string, use_i18n, I18nContextProvider, Locale};
use crate::pages::lazy::{
    self, ActivityRoute, CategoryRequestRoute, CommunicationsRoute, CookiesRoute, DataRoute,
    NewConcernRoute, NewDeletionRoute, NewExportRoute, PolicyRoute, ProfileRoute,
    RequestDetailRoute, RequestsRoute, SharingRoute,
};
use crate::pages::not_found::NotFoundPage;
use crate::pages::overview::OverviewPage;
use crate::routes::{Page, REQUEST_PARAM};
use crate::state::consent::provide_consent;
use crate::state::notices::{provide_notices, NoticeKind};
use crate::state::session::{provide_session, use_session};
use crate::text::format::{self, DisplayPrefs};
use leptos_i18n::Locale as _;

/// What to tell the user about trouble with their saved changes (`None`: the page that saved says it already).
fn describe_store_notice(l: Locale, notice: &StoreNotice) -> Option<String> {
    Some(match notice {
        StoreNotice::SetAside(Unreadable::Corrupted) => td_string!(l, store.corrupted).to_string(),
        StoreNotice::SetAside(Unreadable::OlderVersion(_)) => {
            td_string!(l, store.old_version).to_string()
        }
        StoreNotice::SetAside(Unreadable::NewerVersion(_)) | StoreNotice::UpdatedInAnotherTab => {
            td_string!(l, errors.updated_in_another_tab).to_string()
        }
        StoreNotice::LeftInPlace(_) => td_string!(l, store.left_in_place).to_string(),
        StoreNotice::OldestSetAsideDropped => td_string!(l, store.oldest_dropped).to_string(),
        StoreNotice::Unavailable(_) => td_string!(l, store.unavailable).to_string(),
        StoreNotice::ChangedElsewhere | StoreNotice::SessionOver => return None,
    })
}

/// After client-side navigation, move focus to the new page's heading so screen readers announce it.
fn focus_heading_on_navigation() {
    let pathname = use_location().pathname;
    Effect::watch(
        move || pathname.get(),
        move |path, _, _| {
            crate::components::page_heading::focus_new_page_heading(path.clone(), pathname)
        },
        false,
    );
}

/// The portal speaks the language chosen in this browser, else the profile's when the portal has it (the browser's
/// or English until the profile arrives); dates and numbers use a regional variant of that language when the
/// profile or browser names one.
fn follow_language(session: crate::state::session::Session) {
    let i18n = use_i18n();
    let supported: Vec<&'static str> = Locale::get_all().iter().map(|l| l.as_str()).collect();
    let browser = crate::dom::browser_languages();
    let locale_of = |tag: &str| {
        Locale::get_all()
            .iter()
            .copied()
            .find(|l| l.as_str() == tag)
    };
    if let Some(chosen) = crate::dom::saved_language() {
        if let Some(locale) = language::supported_language(&chosen, &supported).and_then(locale_of)
        {
            i18n.set_locale(locale);
        }
    }
    Effect::new(move |_| {
        let profile = session.profile.get().and_then(Result::ok);
        let profile_language = profile.as_ref().and_then(|p| p.optional.language.clone());
        let time_zone = profile.as_ref().and_then(|p| p.optional.time_zone.clone());
        if profile.is_some() {
            let start = language::starting_language(
                crate::dom::saved_language().as_deref(),
                profile_language.as_deref(),
                &browser,
                &supported,
            );
            if let Some(locale) = locale_of(start) {
                if locale != i18n.get_locale_untracked() {
                    i18n.set_locale(locale);
                }
            }
        }
        let portal = i18n.get_locale().as_str();
        format::set_display_prefs(DisplayPrefs {
            language: Some(language::formatting_locale(
                portal,
                crate::dom::saved_language().is_some(),
                profile_language.as_deref(),
                &browser,
            )),
            time_zone,
        });
    });
}

/// The routes, inside the router so navigation hooks work.
#[component]
fn Shell() -> impl IntoView {
    let notices = provide_notices();
    provide_consent();
    let session = use_session();
    focus_heading_on_navigation();
    // Another tab changed saved data: show it here too, without a reload.
    crate::dom::on_change_in_another_tab(move || session.data_changed());
    crate::dom::keep_focus_clear_of(crate::components::cookie_banner::BANNER_ID);
    crate::dom::give_focus_back();
    follow_language(session);
    // The other pages' code comes in the background once this page has settled.
    lazy::fetch_in_background();
    // Keep this browser's cookies in line with the choice that stands (an expired one no longer allows anything;
    // an objection to marketing keeps marketing cookies away).
    Effect::new(move |_| {
        if let (Some(Ok(settings)), Some(Ok(policy)), Some(requests)) = (
            session.cookies.get(),
            session.policy.get(),
            session.requests.get(),
        ) {
            let now = api::now();
            let objected = requests.is_ok_and(|log| log.marketing_objection().is_some());
            let standing =
                settings.standing_choices(now, policy.revision_on(now.date_naive()), objected);
            crate::dom::apply_cookie_choice(standing, &settings.cookies);
        }
    });
    let i18n = use_i18n();
    api::on_store_notice(move |notice| {
        if notice == StoreNotice::ChangedElsewhere {
            // A save was refused because another tab saved first: show what that tab saved.
            session.data_changed();
        }
        if notice == StoreNotice::SessionOver {
            let l = i18n.get_locale_untracked();
            // Signing in again happens in a new tab, so this page keeps what was typed.
            let (text, link) = match api::sign_in_url() {
                Some(url) => (
                    td_string!(l, store.session_over),
                    Some((td_string!(l, store.sign_in_again).to_string(), url)),
                ),
                None => (td_string!(l, store.session_over_no_link), None),
            };
            notices.push_with_link(NoticeKind::Warning, text, link);
        }
        if let Some(text) = describe_store_notice(i18n.get_locale_untracked(), &notice) {
            notices.push(NoticeKind::Warning, text);
        }
    });
    // Built in three tasks after this one, so starting the portal never holds the browser for long: the page
    // first (its documents are asked for when it is built), then, once the browser is free (the documents' answers
    // come first), the header, then the footer and the cookie banner.
    let steps = Steps::in_tasks();
    let page = steps.part(|| {
        view! {
            <NoticeArea />
            <Routes fallback=unmatched_page>
                <Route path=StaticSegment(Page::Overview.segment()) view=OverviewPage />
                <Route path=StaticSegment(Page::Data.segment()) view={Lazy::<DataRoute>::new()} />
                <Route path=StaticSegment(Page::Communications.segment()) view={Lazy::<CommunicationsRoute>::new()} />
                <Route path=StaticSegment(Page::Cookies.segment()) view={Lazy::<CookiesRoute>::new()} />
                <Route path=StaticSegment(Page::Profile.segment()) view={Lazy::<ProfileRoute>::new()} />
                <Route path=StaticSegment(Page::Requests.segment()) view={Lazy::<RequestsRoute>::new()} />
                <Route
                    path=(StaticSegment(Page::Requests.segment()), StaticSegment(Page::NewExport.segment()))
                    view={Lazy::<NewExportRoute>::new()}
                />
                <Route
                    path=(StaticSegment(Page::Requests.segment()), StaticSegment(Page::NewDeletion.segment()))
                    view={Lazy::<NewDeletionRoute>::new()}
                />
                <Route
                    path=(StaticSegment(Page::Requests.segment()), StaticSegment(Page::CategoryRequest.segment()))
                    view={Lazy::<CategoryRequestRoute>::new()}
                />
                <Route
                    path=(StaticSegment(Page::Requests.segment()), StaticSegment(Page::NewConcern.segment()))
                    view={Lazy::<NewConcernRoute>::new()}
                />
                <Route
                    path=(StaticSegment(Page::Requests.segment()), ParamSegment(REQUEST_PARAM))
                    view={Lazy::<RequestDetailRoute>::new()}
                />
                <Route path=StaticSegment(Page::Activity.segment()) view={Lazy::<ActivityRoute>::new()} />
                <Route path=StaticSegment(Page::Sharing.segment()) view={Lazy::<SharingRoute>::new()} />
                <Route path=StaticSegment(Page::Policy.segment()) view={Lazy::<PolicyRoute>::new()} />
            </Routes>
        }
        .into_any()
    });
    let header = steps.part(|| view! { <SiteHeader /> }.into_any());
    let footer_and_banner = steps.part(|| {
        view! {
            <SiteFooter />
            {cookie_banner()}
            {preview_panel()}
        }
        .into_any()
    });
    steps.run(|| ());
    view! {
        {header}
        <main id="main" class="layout-main" tabindex="-1">
            {page}
        </main>
        {footer_and_banner}
    }
}

/// What a path no route matches shows: "not found", or in the designer preview the component gallery at its path.
fn unmatched_page() -> AnyView {
    #[cfg(preview)]
    if let Some(gallery) = crate::preview::gallery_at(&use_location().pathname.get_untracked()) {
        return gallery;
    }
    view! { <NotFoundPage /> }.into_any()
}

#[cfg(preview)]
fn preview_panel() -> AnyView {
    crate::preview::panel()
}

#[cfg(not(preview))]
fn preview_panel() -> AnyView {
    ().into_any()
}

/// The cookie banner; the designer preview leaves it out where its gallery shows it in each of its states.
#[cfg(preview)]
fn cookie_banner() -> AnyView {
    let pathname = use_location().pathname;
    (move || (!crate::preview::hides_banner(&pathname.get())).then(|| view! { <CookieBanner /> }))
        .into_any()
}

#[cfg(not(preview))]
fn cookie_banner() -> AnyView {
    view! { <CookieBanner /> }.into_any()
}

/// The whole portal.
#[component]
pub fn App() -> impl IntoView {
    // A preview link's conditions (demo user, latency, failures) apply before anything is read.
    #[cfg(preview)]
    crate::preview::start();
    provide_meta_context();
    provide_session();
    view! {
        // The language is kept in this browser by the portal itself (no cookie: a language is not worth one).
        <I18nContextProvider enable_cookie=false>
            <Router>
                <Shell />
            </Router>
        </I18nContextProvider>
    }
}
