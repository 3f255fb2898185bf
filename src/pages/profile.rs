//! `/profile`: See your account details and change or delete your optional profile information.

use leptos::prelude::*;

use crate::pages::planned::PlannedPage;
use crate::routes::Page;

/// What the page will hold once built.
const WILL_HOLD: &[&str] = &[
    "Your account details, with a way to ask for a correction.",
    "Your photo, time zone and language, which you can change or delete.",
    "Your security question, used only to reset your password.",
];

/// The profile page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    view! {
        <PlannedPage
            page=Page::Profile
            purpose="See your account details and change or delete your optional profile information."
            will_hold=WILL_HOLD
        />
    }
}
