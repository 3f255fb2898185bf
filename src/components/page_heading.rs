//! A page's one `h1`, which also sets the document title; both follow the portal's language.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use crate::i18n::use_i18n;
use crate::routes::{document_title, Page};

/// The page heading and document title: a page's own (`page`), or a heading of its own (`title`).
#[component]
pub fn PageHeading(
    /// The page whose title and lead to show, in the portal's language.
    #[prop(optional)]
    page: Option<Page>,
    /// A heading for a page with no fixed title (a request's own page, "not found").
    #[prop(optional, into)]
    title: Option<Signal<String>>,
    /// The page's own code is still on its way (a loading panel follows): this heading is not the page's, and focus
    /// after navigation waits for the page's own.
    #[prop(optional)]
    waiting: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = Signal::derive(move || match (page, title) {
        (Some(page), _) => page.title(i18n.get_locale()).to_string(),
        (None, Some(title)) => title.get(),
        (None, None) => String::new(),
    });
    let lead = move || page.and_then(|page| page.lead(i18n.get_locale()));
    // Which page this heading belongs to: focus after navigation waits for the new page's heading.
    let path = (!waiting).then(|| use_location().pathname.get_untracked());
    view! {
        <Title text=move || document_title(&heading.get()) />
        <header class="page-heading">
            <h1 class="page-heading__title" id=PAGE_TITLE_ID tabindex="-1" data-path=path>
                {heading}
            </h1>
            {move || lead().map(|lead| view! { <p class="page-heading__lead">{lead}</p> })}
        </header>
    }
    .into_any()
}

/// The id of every page's `h1`.
pub const PAGE_TITLE_ID: &str = "page-title";

/// Moves focus to the page's heading whenever `step` changes: a new page (the app shell passes the path), or a
/// journey's next step replacing the form the focus was in; keyboard and screen-reader users start from the top of
/// the new content instead of losing their place.
pub fn focus_heading_on_change<T: PartialEq + Send + Sync + 'static>(
    step: impl Fn() -> T + Send + Sync + 'static,
) {
    Effect::watch(
        step,
        |_, _, _| request_animation_frame(|| crate::dom::focus_by_id(PAGE_TITLE_ID)),
        false,
    );
}

/// How long focus waits for a new page's heading after navigation, in milliseconds (its code may still be on its way);
/// a page that has not come by then shows a loading or error panel of its own, and focus stays where it was.
const HEADING_WAIT_MS: i64 = 15_000;

/// After navigation to `path`, moves focus to that page's heading as soon as it is on screen: at once when the page's
/// code is there, else once it has arrived. A later navigation (`current`, the location's path) takes over.
pub fn focus_new_page_heading(path: String, current: Memo<String>) {
    try_focus(path, current, crate::api::now().timestamp_millis());
}

fn try_focus(path: String, current: Memo<String>, started: i64) {
    request_animation_frame(move || {
        if current.try_get_untracked().as_ref() != Some(&path)
            || crate::dom::focus_heading_of(PAGE_TITLE_ID, &path)
        {
            return;
        }
        if crate::api::now().timestamp_millis() - started < HEADING_WAIT_MS {
            try_focus(path, current, started);
        }
    });
}
