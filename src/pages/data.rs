//! `/data`: Everything our privacy policy says we collect about you, with the values we hold, why, who sees it and for how long.

use leptos::prelude::*;

use crate::pages::planned::PlannedPage;
use crate::routes::Page;

/// What the page will hold once built.
const WILL_HOLD: &[&str] = &[
    "Every category the policy names, grouped by where it came from: provided by you, collected automatically, from third parties, and your service data.",
    "The actual values we hold for you in each category.",
    "The purposes each category serves, who can see it, and how long it is kept.",
];

/// The your information page.
#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <PlannedPage
            page=Page::Data
            purpose="Everything our privacy policy says we collect about you, with the values we hold, why, who sees it and for how long."
            will_hold=WILL_HOLD
        />
    }
}
