//! Open export, deletion and correction requests.

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::status_badge::StatusBadge;
use crate::components::summary_card::SummaryCard;
use crate::domain::requests::RequestLog;
use crate::i18n::{t_string, td_string, use_i18n};
use crate::routes::Page;
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

fn render(log: RequestLog) -> AnyView {
    let l = use_i18n().get_locale();
    let open = log.open();
    if open.is_empty() {
        return view! {
            <p>{td_string!(l, overview.no_open_requests)}</p>
            <p class="muted">{format::count(log.requests.len(), td_string!(l, units.earlier_request), td_string!(l, units.earlier_requests))}</p>
        }
        .into_any();
    }
    let items = open
        .into_iter()
        .map(|request| {
            view! {
                <li class="request-summary">
                    <p class="request-summary__head">
                        <strong>{fill(td_string!(l, overview.request_kind), &[("kind", &labels::request_kind(l, request.kind))])}</strong>
                        " "
                        <span class="request-summary__reference">{request.reference.clone()}</span>
                        " "
                        <StatusBadge status=request.status />
                    </p>
                    <p class="request-summary__summary">{request.summary.clone()}</p>
                    <p class="request-summary__dates muted">
                        {fill(
                            td_string!(l, overview.received_due),
                            &[
                                ("received", &format::date(request.received_at)),
                                ("due", &format::day(request.due_on())),
                            ],
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
    let i18n = use_i18n();
    view! {
        <SummaryCard
            title=move || t_string!(i18n, overview.requests_title)
            id="overview-requests"
            href=Page::Requests.href()
            link_text=move || t_string!(i18n, overview.requests_link)
        >
            {async_view(|l| td_string!(l, load.requests), requests, render)}
        </SummaryCard>
    }
}
