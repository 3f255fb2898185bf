//! `/activity`: See who at iCanopus accessed your data and why, and the activity on your account.

use leptos::prelude::*;

use crate::pages::planned::PlannedPage;
use crate::routes::Page;

/// What the page will hold once built.
const WILL_HOLD: &[&str] = &[
    "Every access by our staff to your service data: when, their role, the reason and what they saw.",
    "Your sign-ins and the changes made to your account, including in this portal.",
    "Filters by kind, product and date, search, and a CSV download.",
];

/// The activity log page.
#[component]
pub fn ActivityPage() -> impl IntoView {
    view! {
        <PlannedPage
            page=Page::Activity
            purpose="See who at iCanopus accessed your data and why, and the activity on your account."
            will_hold=WILL_HOLD
        />
    }
}
