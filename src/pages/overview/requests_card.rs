//! Open export, deletion and correction requests.

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::format;
use crate::components::labels;
use crate::components::status_badge::StatusBadge;
use crate::components::summary_card::SummaryCard;
use crate::domain::requests::RequestLog;
use crate::routes::Page;
use crate::state::session::use_session;

fn render(log: RequestLog) -> AnyView {
    let open = log.open();
    if open.is_empty() {
        return view! {
            <p>"You have no open requests."</p>
            <p class="muted">{format::count(log.requests.len(), "earlier request", "earlier requests")}</p>
        }
        .into_any();
    }
    let items = open
        .into_iter()
        .map(|request| {
            view! {
                <li class="request-summary">
                    <p class="request-summary__head">
                        <strong>{format!("{} request", labels::request_kind(request.kind))}</strong>
                        " "
                        <span class="request-summary__reference">{request.reference.clone()}</span>
                        " "
                        <StatusBadge status=request.status />
                    </p>
                    <p class="request-summary__summary">{request.summary.clone()}</p>
                    <p class="request-summary__dates muted">
                        {format!(
                            "Received {} · due by {}",
                            format::date(request.received_at),
                            format::day(request.due_on()),
                        )}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain-list">{items}</ul> }.into_any()
}

/// The "Your requests" card.
#[component]
pub fn RequestsCard() -> impl IntoView {
    let session = use_session();
    let requests = session.requests.loaded();
    view! {
        <SummaryCard
            title="Your open requests"
            id="overview-requests"
            href=Page::Requests.href()
            link_text="See all your requests"
        >
            {async_view("your requests", requests, render)}
        </SummaryCard>
    }
}
