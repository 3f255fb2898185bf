//! The frame for a page whose features are still being built: it says plainly what the page will hold and
//! where to go meanwhile, and presents nothing as working.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::page_heading::PageHeading;
use crate::routes::Page;

/// A page that is not built yet.
#[component]
pub fn PlannedPage(
    /// The page being described.
    page: Page,
    /// One sentence on the page's purpose.
    purpose: &'static str,
    /// What the page will let the user see or do.
    will_hold: &'static [&'static str],
) -> impl IntoView {
    view! {
        <PageHeading title=page.title() lead=purpose />
        <div class="planned">
            <p class="planned__status">
                <strong>"This page is not available yet."</strong>
                " Nothing on it can be used today; here is what it will hold."
            </p>
            <ul class="planned__list">
                {will_hold.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}
            </ul>
            <p>
                "Meanwhile, the "
                <A href=Page::Overview.href()>"overview"</A>
                " shows a summary, and you can write to our data protection contact (see the foot of the page)."
            </p>
        </div>
    }
    .into_any()
}
