//! `/requests`: Ask for a copy of your data or for its deletion, and follow each request to the end.

use leptos::prelude::*;

use crate::pages::planned::PlannedPage;
use crate::routes::Page;

/// What the page will hold once built.
const WILL_HOLD: &[&str] = &[
    "An export of your data as JSON or CSV, produced for you to download.",
    "A deletion request with the dates your data leaves our active systems and our backups.",
    "The history of your requests with their reference numbers and due dates.",
];

/// The requests page.
#[component]
pub fn RequestsPage() -> impl IntoView {
    view! {
        <PlannedPage
            page=Page::Requests
            purpose="Ask for a copy of your data or for its deletion, and follow each request to the end."
            will_hold=WILL_HOLD
        />
    }
}
