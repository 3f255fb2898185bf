//! Any path the portal does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::page_heading::PageHeading;
use crate::routes::Page;

/// The "Page not found" page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageHeading title="Page not found" />
        <p>"If you typed the web address, check it is correct. If you followed a link, it may be out of date."</p>
        <p>
            "Go to "
            <A href=Page::Overview.href()>"your privacy overview"</A>
            " to find what you were looking for."
        </p>
    }
    .into_any()
}
