//! Any path the portal does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::page_heading::PageHeading;
use crate::i18n::{td_string, use_i18n};
use crate::routes::Page;

/// The "Page not found" page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading title=Signal::derive(move || td_string!(i18n.get_locale(), shell.not_found).to_string()) />
        <p>"If you typed the web address, check it is correct. If you followed a link, it may be out of date."</p>
        <p>
            "Go to "
            <A href=Page::Overview.href()>"your privacy overview"</A>
            " to find what you were looking for."
        </p>
    }
    .into_any()
}
