//! `/requests`: every request with its type, reference, dates and status (overdue ones flagged), and the ways to
//! start an export or a deletion.

mod deletion;
mod detail;
mod export;

pub use deletion::NewDeletionPage;
pub use detail::RequestDetailPage;
pub use export::NewExportPage;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::format;
use crate::components::labels;
use crate::components::page_heading::PageHeading;
use crate::components::status_badge::StatusBadge;
use crate::domain::requests::RequestLog;
use crate::routes::{request_href, Page};
use crate::state::session::use_session;

fn history(log: RequestLog) -> AnyView {
    let today = api::now().date_naive();
    let requests = log.newest_first();
    if requests.is_empty() {
        return view! { <p>"You have not made any requests yet."</p> }.into_any();
    }
    let rows = requests
        .into_iter()
        .map(|request| {
            let overdue = request.is_overdue(today);
            let href = request_href(&request.reference);
            let due = format::day(request.due_on());
            let reference = request.reference.clone();
            view! {
                <tr class:requests-table__row--overdue=overdue>
                    <td>{labels::request_kind(request.kind)}</td>
                    <th scope="row"><A href=href>{reference}</A></th>
                    <td>{format::date(request.received_at)}</td>
                    <td>
                        {due}
                        {overdue.then(|| view! { <strong class="overdue-flag">" Overdue"</strong> })}
                    </td>
                    <td><StatusBadge status=request.status /></td>
                    <td class="requests-table__summary">{request.summary.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="requests-table">
            <caption class="visually-hidden">"Your requests, newest first"</caption>
            <thead>
                <tr>
                    <th scope="col">"Type"</th>
                    <th scope="col">"Reference"</th>
                    <th scope="col">"Submitted"</th>
                    <th scope="col">"Due by"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"What it covers"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

/// The requests page.
#[component]
pub fn RequestsPage() -> impl IntoView {
    let session = use_session();
    view! {
        <PageHeading page=Page::Requests />
        <div class="requests-start">
            <section class="requests-start__option" aria-labelledby="start-export">
                <h2 id="start-export">"Get a copy of your data"</h2>
                <p>"Choose what to include and a format (JSON or CSV). The file is made straight away, here in your browser."</p>
                <A href=Page::NewExport.href() attr:class="button">"Ask for a copy of your data"</A>
            </section>
            <section class="requests-start__option" aria-labelledby="start-deletion">
                <h2 id="start-deletion">"Delete your data"</h2>
                <p>"Optional profile data, one product's data, or your whole account. See exactly when it goes before you confirm."</p>
                <A href=Page::NewDeletion.href() attr:class="button button--secondary">"Ask us to delete your data"</A>
            </section>
        </div>
        <section class="requests-history" aria-labelledby="history-title">
            <h2 id="history-title">"Your requests"</h2>
            {async_view("your requests", session.requests.loaded(), history)}
            <p class="muted">
                "Corrections are asked for from your "
                <A href=Page::Profile.href()>"profile"</A>
                "; an objection to marketing from your "
                <A href=Page::Communications.href()>"communication preferences"</A>
                "."
            </p>
        </section>
    }
    .into_any()
}
