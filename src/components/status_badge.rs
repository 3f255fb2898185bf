//! A request's status as a coloured badge.

use leptos::prelude::*;

use crate::domain::requests::RequestStatus;
use crate::i18n::use_i18n;
use crate::text::labels;

/// The modifier class for a status's colour.
const fn tone(status: RequestStatus) -> &'static str {
    use RequestStatus::*;
    match status {
        Received | InReview | Preparing | Scheduled | RemovedFromActive => {
            "status-badge status-badge--progress"
        }
        Ready | Completed => "status-badge status-badge--done",
        Expired | Cancelled => "status-badge status-badge--neutral",
        Declined => "status-badge status-badge--problem",
    }
}

/// Shows `status` in words, coloured by whether it is in progress, done or closed.
#[component]
pub fn StatusBadge(status: RequestStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=tone(status)>{move || labels::request_status(i18n.get_locale(), status)}</span> }
}
