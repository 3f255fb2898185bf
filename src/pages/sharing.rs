//! `/sharing`: See which partners, apps and service providers receive your information.

use leptos::prelude::*;

use crate::pages::planned::PlannedPage;
use crate::routes::Page;

/// What the page will hold once built.
const WILL_HOLD: &[&str] = &[
    "Reselling partners in your region, with a way to stop working with each.",
    "Marketplace apps you installed and what their developers received.",
    "The kinds of service provider we use, what each receives and why.",
];

/// The sharing page.
#[component]
pub fn SharingPage() -> impl IntoView {
    view! {
        <PlannedPage
            page=Page::Sharing
            purpose="See which partners, apps and service providers receive your information."
            will_hold=WILL_HOLD
        />
    }
}
