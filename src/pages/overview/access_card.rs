//! The latest audited employee access to the user's service data.

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::format;
use crate::components::labels;
use crate::components::summary_card::SummaryCard;
use crate::domain::activity::{ActivityDetail, ActivityLog};
use crate::routes::Page;
use crate::state::session::use_session;

/// How many accesses the card lists.
const SHOWN: usize = 3;

fn render(log: ActivityLog) -> AnyView {
    let latest = log.latest_access(SHOWN);
    if latest.is_empty() {
        return view! { <p>"No employee has accessed your service data."</p> }.into_any();
    }
    let items = latest
        .into_iter()
        .filter_map(|event| match event.detail {
            ActivityDetail::EmployeeAccess {
                role,
                reason,
                accessed,
            } => Some(view! {
                <li class="access-summary">
                    <p class="access-summary__head">
                        <strong>{labels::employee_role(role)}</strong>
                        {event.product.map(|p| format!(" · {}", p.name()))}
                    </p>
                    <p>{format!("{} — viewed {accessed}", labels::access_reason(reason))}</p>
                    <p class="muted">
                        <time datetime=event.at.to_rfc3339()>{format::date_time(event.at)}</time>
                    </p>
                </li>
            }),
            _ => None,
        })
        .collect_view();
    view! {
        <p class="muted">"Every access by our staff is logged and audited."</p>
        <ul class="plain-list">{items}</ul>
    }
    .into_any()
}

/// The "Recent access to your data" card.
#[component]
pub fn AccessCard() -> impl IntoView {
    let session = use_session();
    let activity = session.activity.loaded();
    view! {
        <SummaryCard
            title="Recent access to your data"
            id="overview-access"
            href=Page::Activity.href()
            link_text="See the full access and activity log"
        >
            {async_view("the access log", activity, render)}
        </SummaryCard>
    }
}
