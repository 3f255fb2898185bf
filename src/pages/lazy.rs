//! The pages whose code is loaded when they are first opened: every page but the overview and "not found".
//!
//! Each page's view is a split point (`wasm_split`): the release build cuts the WebAssembly module there
//! (`scripts/post-build.mjs`), so the first load carries the shell, the overview and what they share, and a page's own
//! code arrives when the page is opened, or earlier when the portal fetches the rest in the background
//! ([`fetch_in_background`]). A page whose code cannot be fetched (offline, a server error) shows why, with a
//! "Try again" that fetches it again; nothing on other pages is affected.

use std::sync::Arc;
use std::time::Duration;

use futures::future::{select, Either};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::LazyRoute;

use crate::components::async_view::LoadingPanel;
use crate::components::page_heading::{PageHeading, PAGE_TITLE_ID};
use crate::components::split_code::{
    code_missing, when_code_arrives, Building, Fetching, Meanwhile, SplitCode,
};
use crate::i18n::td_string;
use crate::routes::Page;

/// A page's code, fetched if need be, then its view.
type LoadPage = fn() -> Building;

/// Fetches a page's code without showing it.
type FetchPage = fn() -> Fetching;

/// How one page is fetched and built.
#[derive(Clone, Copy)]
struct PageCode {
    page: Page,
    fetch: FetchPage,
    load: LoadPage,
}

/// A route whose page lives in a module of its own:
/// `lazy_page! { route: DataRoute, shows: DataPage, page: Page::Data, module: data, view_fn: data_view, fetch_fn: fetch_data }`
/// makes the route type, the split view function and the function that fetches the module. The module is named after the first segment of the page's path (`data` for `/data`, `requests` for every
/// `/requests/…` page): the build's route script (`route-preload.js`, written by scripts/post-build.mjs) starts
/// fetching the module of the path a page is opened at by that name, beside the main module.
macro_rules! lazy_page {
    (
        route: $route:ident,
        shows: $component:ident,
        page: $page:expr,
        module: $module:ident,
        view_fn: $view:ident,
        fetch_fn: $preload:ident $(,)?
    ) => {
        /// A route whose page's code is loaded on first use.
        pub struct $route;

        #[cfg(not(feature = "unsplit"))]
        #[::leptos::wasm_split::wasm_split($module, fallible, wasm_split_path = ::leptos::wasm_split, preload($preload))]
        fn $view() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$component /> }.into_any())
        }

        // One module (the browser tests, whose runner cannot load split modules): the page is already there.
        #[cfg(feature = "unsplit")]
        async fn $view() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$component /> }.into_any())
        }

        #[cfg(feature = "unsplit")]
        async fn $preload() -> Result<(), SplitLoaderError> {
            Ok(())
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_route: Self) -> AnyView {
                page_or_failure(PageCode {
                    page: $page,
                    fetch: || Box::pin($preload()),
                    load: || Box::pin($view()),
                })
                .await
            }

            // No `preload`: the router would wait for it, with nothing on screen, before asking for the view; the
            // view fetches the page's code itself and shows a loading panel while it comes.
        }
    };
}

use crate::pages::activity::ActivityPage;
use crate::pages::communications::CommunicationsPage;
use crate::pages::cookies::CookiesPage;
use crate::pages::data::DataPage;
use crate::pages::policy::PolicyPage;
use crate::pages::profile::ProfilePage;
use crate::pages::requests::{
    CategoryRequestPage, NewConcernPage, NewDeletionPage, NewExportPage, RequestDetailPage,
    RequestsPage,
};
use crate::pages::sharing::SharingPage;

lazy_page! {
    route: DataRoute,
    shows: DataPage,
    page: Page::Data,
    module: data,
    view_fn: data_view,
    fetch_fn: fetch_data,
}
lazy_page! {
    route: CommunicationsRoute,
    shows: CommunicationsPage,
    page: Page::Communications,
    module: communications,
    view_fn: communications_view,
    fetch_fn: fetch_communications,
}
lazy_page! {
    route: CookiesRoute,
    shows: CookiesPage,
    page: Page::Cookies,
    module: cookies,
    view_fn: cookies_view,
    fetch_fn: fetch_cookies,
}
lazy_page! {
    route: ProfileRoute,
    shows: ProfilePage,
    page: Page::Profile,
    module: profile,
    view_fn: profile_view,
    fetch_fn: fetch_profile,
}
// The request pages lead into each other: one module for the six of them.
lazy_page! {
    route: RequestsRoute,
    shows: RequestsPage,
    page: Page::Requests,
    module: requests,
    view_fn: requests_view,
    fetch_fn: fetch_requests,
}
lazy_page! {
    route: NewExportRoute,
    shows: NewExportPage,
    page: Page::NewExport,
    module: requests,
    view_fn: new_export_view,
    fetch_fn: fetch_new_export,
}
lazy_page! {
    route: NewDeletionRoute,
    shows: NewDeletionPage,
    page: Page::NewDeletion,
    module: requests,
    view_fn: new_deletion_view,
    fetch_fn: fetch_new_deletion,
}
lazy_page! {
    route: CategoryRequestRoute,
    shows: CategoryRequestPage,
    page: Page::CategoryRequest,
    module: requests,
    view_fn: category_request_view,
    fetch_fn: fetch_category_request,
}
lazy_page! {
    route: NewConcernRoute,
    shows: NewConcernPage,
    page: Page::NewConcern,
    module: requests,
    view_fn: new_concern_view,
    fetch_fn: fetch_new_concern,
}
lazy_page! {
    route: RequestDetailRoute,
    shows: RequestDetailPage,
    page: Page::Requests,
    module: requests,
    view_fn: request_detail_view,
    fetch_fn: fetch_request_detail,
}
lazy_page! {
    route: ActivityRoute,
    shows: ActivityPage,
    page: Page::Activity,
    module: activity,
    view_fn: activity_view,
    fetch_fn: fetch_activity,
}
lazy_page! {
    route: SharingRoute,
    shows: SharingPage,
    page: Page::Sharing,
    module: sharing,
    view_fn: sharing_view,
    fetch_fn: fetch_sharing,
}
lazy_page! {
    route: PolicyRoute,
    shows: PolicyPage,
    page: Page::Policy,
    module: policy,
    view_fn: policy_view,
    fetch_fn: fetch_policy,
}

/// Every module fetched in the background: the cookie banner's choices (a first visit may want them soon), then
/// every page's, in the order of the menu.
const ALL: [FetchPage; 9] = [
    crate::components::cookie_banner::fetch_choices,
    || Box::pin(fetch_data()),
    || Box::pin(fetch_communications()),
    || Box::pin(fetch_cookies()),
    || Box::pin(fetch_profile()),
    || Box::pin(fetch_requests()),
    || Box::pin(fetch_activity()),
    || Box::pin(fetch_sharing()),
    || Box::pin(fetch_policy()),
];

/// How long after the shell is built the other pages' code starts to come, one module at a time: the first page
/// (usually on screen well before) gets the connection and the processor to itself, and a later visit to any page needs no wait (and works if
/// the connection drops in between).
const BACKGROUND_AFTER: Duration = Duration::from_secs(2);

/// Fetches the banner's choices and every page's code in the background, one module after another, once the first
/// page had time to settle; not when the browser asks to save data (then each comes when it is opened).
pub fn fetch_in_background() {
    if crate::dom::saves_data() {
        return;
    }
    set_timeout(
        || {
            spawn_local(async {
                for fetch in ALL {
                    let _ = fetch().await;
                }
            })
        },
        BACKGROUND_AFTER,
    );
}

/// How long the previous page stays on screen while the next page's code arrives before a loading panel takes its
/// place: a fetch this quick looks like an instant page change, a slower one shows that something is happening.
const LOADING_AFTER: Duration = Duration::from_millis(300);

/// The page, once its code is there. Until then: on the first load (nothing on screen yet) the page's heading with a
/// loading panel at once; after navigation the previous page for [`LOADING_AFTER`], then that panel. When the code
/// cannot be fetched, the page's heading with what went wrong and a "Try again".
async fn page_or_failure(code: PageCode) -> AnyView {
    let fetching = (code.fetch)();
    if !crate::dom::has_element(PAGE_TITLE_ID) {
        return pending(code, Some(fetching));
    }
    match select(fetching, Box::pin(crate::dom::pause(LOADING_AFTER))).await {
        Either::Left((Ok(()), _)) => match (code.load)().await {
            Ok(view) => view,
            Err(_) => pending(code, None),
        },
        Either::Left((Err(_), _)) => pending(code, None),
        Either::Right(((), fetching)) => pending(code, Some(fetching)),
    }
}

/// The page's heading with a loading panel while `fetching` runs (or, with `None`, with the failure), then the page;
/// a failed fetch can be tried again from the error panel.
fn pending(code: PageCode, fetching: Option<Fetching>) -> AnyView {
    let split = SplitCode {
        fetch: Arc::new(code.fetch),
        build: Arc::new(code.load),
    };
    when_code_arrives(split, fetching, move |meanwhile| match meanwhile {
        Meanwhile::Loading => view! {
            <PageHeading page=code.page waiting=true />
            <LoadingPanel what=|l| td_string!(l, load.page) />
        }
        .into_any(),
        Meanwhile::Failed { retry, retrying } => view! {
            <PageHeading page=code.page />
            {code_missing(|l| td_string!(l, load.page), retry, retrying, None)}
        }
        .into_any(),
    })
}
