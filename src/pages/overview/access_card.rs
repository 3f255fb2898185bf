//! The latest audited employee access to the user's service data.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::summary_card::SummaryCard;
use crate::domain::activity::{ActivityDetail, ActivityLog};
use crate::i18n::{t_string, td_string, use_i18n};
use crate::routes::Page;
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

/// How many accesses the card lists.
const SHOWN: usize = 3;

fn render(log: Arc<ActivityLog>) -> AnyView {
    let l = use_i18n().get_locale();
    let latest = log.latest_access(SHOWN);
    if latest.is_empty() {
        return view! { <p>{td_string!(l, overview.no_access)}</p> }.into_any();
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
                        <strong>{labels::employee_role(l, role)}</strong>
                        {event.product.map(|p| format!(" · {}", p.name()))}
                    </p>
                    <p>{fill(td_string!(l, overview.access_line), &[("reason", &labels::access_reason(l, reason)), ("accessed", &accessed)])}</p>
                    <p class="muted">
                        <time datetime=event.at.to_rfc3339()>{format::date_time(event.at)}</time>
                    </p>
                </li>
            }),
            _ => None,
        })
        .collect_view();
    view! {
        <p class="muted">{td_string!(l, overview.access_audited)}</p>
        <ul class="plain-list">{items}</ul>
    }
    .into_any()
}

/// The "Recent access to your data" card.
#[component]
pub fn AccessCard() -> impl IntoView {
    let session = use_session();
    let activity = session.activity.loaded();
    let i18n = use_i18n();
    view! {
        <SummaryCard
            title=move || t_string!(i18n, overview.access_title)
            id="overview-access"
            href=Page::Activity.href()
            link_text=move || t_string!(i18n, overview.access_link)
        >
            {async_view(|l| td_string!(l, load.access_log), activity, render)}
        </SummaryCard>
    }
}
