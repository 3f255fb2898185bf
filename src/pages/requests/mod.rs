//! `/requests`: every request with its type, reference, dates and status (overdue ones flagged), the ways to
//! start an export, a deletion or a concern, and where to go when our answer does not satisfy.

mod category;
mod concern;
mod deletion;
mod detail;
mod export;
mod filing;

pub use category::CategoryRequestPage;
pub use concern::NewConcernPage;
pub use deletion::NewDeletionPage;
pub use detail::RequestDetailPage;
pub use export::NewExportPage;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::empty_panel::EmptyPanel;
use crate::components::page_heading::PageHeading;
use crate::components::status_badge::StatusBadge;
use crate::domain::requests::RequestLog;
use crate::i18n::{t, td_string, use_i18n};
use crate::routes::{request_href, Page};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::labels;

fn history(log: RequestLog) -> AnyView {
    let l = use_i18n().get_locale();
    let today = api::now().date_naive();
    let requests = log.newest_first();
    if requests.is_empty() {
        return view! { <EmptyPanel message=td_string!(l, requests.none_yet) /> }.into_any();
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
                    <td>{labels::request_title(l, &request)}</td>
                    <th scope="row"><A href=href>{reference}</A></th>
                    <td>{format::date(request.received_at)}</td>
                    <td>
                        {due}
                        {overdue.then(|| view! { <strong class="overdue-flag">" "{td_string!(l, requests.overdue)}</strong> })}
                    </td>
                    <td><StatusBadge status=request.status /></td>
                    <td class="requests-table__summary">{request.summary.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="requests-table">
            <caption class="visually-hidden">{td_string!(l, requests.caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{td_string!(l, requests.kind_column)}</th>
                    <th scope="col">{td_string!(l, requests.reference)}</th>
                    <th scope="col">{td_string!(l, requests.submitted)}</th>
                    <th scope="col">{td_string!(l, requests.due_by)}</th>
                    <th scope="col">{td_string!(l, requests.status)}</th>
                    <th scope="col">{td_string!(l, requests.covers)}</th>
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
    let i18n = use_i18n();
    view! {
        <PageHeading page=Page::Requests />
        <div class="requests-start">
            <section class="requests-start__option" aria-labelledby="start-export">
                <h2 id="start-export">{t!(i18n, requests.get_copy)}</h2>
                <p>{t!(i18n, requests.get_copy_intro)}</p>
                <A href=Page::NewExport.href() attr:class="button">{t!(i18n, requests.ask_copy)}</A>
            </section>
            <section class="requests-start__option" aria-labelledby="start-deletion">
                <h2 id="start-deletion">{t!(i18n, requests.delete)}</h2>
                <p>{t!(i18n, requests.delete_intro)}</p>
                <A href=Page::NewDeletion.href() attr:class="button button--secondary">{t!(i18n, requests.ask_delete)}</A>
            </section>
            <section class="requests-start__option" aria-labelledby="start-concern">
                <h2 id="start-concern">{t!(i18n, requests.concern)}</h2>
                <p>{t!(i18n, requests.concern_intro)}</p>
                <A href=Page::NewConcern.href() attr:class="button button--secondary">{t!(i18n, requests.raise_concern)}</A>
            </section>
        </div>
        <section class="requests-history" aria-labelledby="history-title">
            <h2 id="history-title">{t!(i18n, requests.history_title)}</h2>
            {async_view(|l| td_string!(l, load.requests), session.requests.loaded(), history)}
            <p class="muted">
                {t!(i18n, requests.about_category_from)}
                <A href=Page::Data.href()>{move || Page::Data.title(i18n.get_locale())}</A>
                ". "
                {t!(i18n, requests.corrections_from)}
                <A href=Page::Profile.href()>{t!(i18n, requests.profile)}</A>
                {t!(i18n, requests.objection_from)}
                <A href=Page::Communications.href()>{t!(i18n, requests.comm_prefs)}</A>
                "."
            </p>
        </section>
        {move || view! { <concern::Regulators l=i18n.get_locale() /> }}
    }
    .into_any()
}
