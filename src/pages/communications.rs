//! `/communications`: Choose which non-essential messages you receive, by topic, channel and product.

use leptos::prelude::*;

use crate::pages::planned::PlannedPage;
use crate::routes::Page;

/// What the page will hold once built.
const WILL_HOLD: &[&str] = &[
    "A grid of newsletters, product news, events, offers, surveys and marketing suggestions, by email, SMS and phone, for each product.",
    "Unsubscribe from all non-essential messages in one step, and undo it.",
    "The essential messages that always continue, and why.",
];

/// The communication preferences page.
#[component]
pub fn CommunicationsPage() -> impl IntoView {
    view! {
        <PlannedPage
            page=Page::Communications
            purpose="Choose which non-essential messages you receive, by topic, channel and product."
            will_hold=WILL_HOLD
        />
    }
}
