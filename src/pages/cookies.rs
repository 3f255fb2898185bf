//! `/cookies`: Choose which cookies our websites may use, and see how browser privacy signals are treated.

use leptos::prelude::*;

use crate::pages::planned::PlannedPage;
use crate::routes::Page;

/// What the page will hold once built.
const WILL_HOLD: &[&str] = &[
    "The cookie categories (strictly necessary, functional, analytics, marketing) with every cookie in each.",
    "Your current choice, when and how you gave it, and a way to change or withdraw it.",
    "How Do Not Track and Global Privacy Control signals from your browser are treated.",
];

/// The cookie preferences page.
#[component]
pub fn CookiesPage() -> impl IntoView {
    view! {
        <PlannedPage
            page=Page::Cookies
            purpose="Choose which cookies our websites may use, and see how browser privacy signals are treated."
            will_hold=WILL_HOLD
        />
    }
}
