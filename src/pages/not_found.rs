//! Any path the portal does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::page_heading::PageHeading;
use crate::i18n::{t, td_string, use_i18n};
use crate::routes::Page;

/// The "Page not found" page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading title=Signal::derive(move || td_string!(i18n.get_locale(), shell.not_found).to_string()) />
        <p>{t!(i18n, not_found.check)}</p>
        <p>
            {t!(i18n, not_found.go_to)}
            <A href=Page::Overview.href()>{t!(i18n, not_found.overview)}</A>
            {t!(i18n, not_found.to_find)}
        </p>
    }
    .into_any()
}
