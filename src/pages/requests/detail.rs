//! `/requests/{reference}`: one request's timeline, and the actions still allowed (download, cancel).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::download::download_text;
use crate::components::format;
use crate::components::labels;
use crate::components::page_heading::PageHeading;
use crate::components::request_timeline::RequestTimeline;
use crate::components::status_badge::StatusBadge;
use crate::domain::catalogue::LegalHold;
use crate::domain::requests::{
    ExportFormat, PrivacyRequest, RequestKind, RequestLog, RequestStatus,
};
use crate::i18n::{td_string, use_i18n};
use crate::routes::{Page, REQUEST_PARAM};
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;

fn download(request: &PrivacyRequest) -> Result<(), String> {
    let export = request.export.as_ref().ok_or("this request has no file")?;
    let file = export.file.as_ref().ok_or("the file is not ready")?;
    let text = api::export_file_text(&request.reference)
        .ok_or("the file is no longer kept in this browser")?;
    let mime = match export.format {
        ExportFormat::Json => "application/json",
        ExportFormat::Csv => "text/csv",
    };
    download_text(&file.name, mime, &text)
}

fn actions(request: PrivacyRequest) -> AnyView {
    let session = use_session();
    let notices = use_notices();
    let today = api::now().date_naive();
    let confirming = RwSignal::new(false);
    let reference = request.reference.clone();
    let cancel = Action::new_local(move |reference: &String| {
        let reference = reference.clone();
        async move {
            match api::cancel_request(&reference).await {
                Ok(()) => {
                    notices.push(
                        NoticeKind::Success,
                        format!("Request {reference} is cancelled."),
                    );
                    session.requests.reload();
                    session.activity.refresh_if_used();
                }
                Err(error) => notices.push(
                    NoticeKind::Warning,
                    format!("Request {reference} was not cancelled. {error}"),
                ),
            }
        }
    });
    let cancelling = cancel.pending();
    let file = request
        .export
        .as_ref()
        .and_then(|e| e.file.clone())
        .filter(|_| request.status == RequestStatus::Ready);
    let can_cancel = request.can_cancel(today);
    let cancel_text = if request.kind == RequestKind::Deletion {
        "Cancel this deletion"
    } else {
        "Cancel this request"
    };
    let download_view = file.map(|file| {
        let request = request.clone();
        view! {
            <div class="request-actions__download">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        if let Err(problem) = download(&request) {
                            notices.push(NoticeKind::Warning, format!("The file could not be downloaded: {problem}."));
                        }
                    }
                >
                    {format!("Download {}", file.name)}
                </button>
                <p class="muted">
                    {format!("{} · SHA-256 ", format::bytes(file.bytes))}
                    <code class="checksum">{file.sha256.clone()}</code>
                </p>
            </div>
        }
    });
    let cancel_view = can_cancel.then(|| {
        let reference = reference.clone();
        view! {
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button button--secondary" on:click=move |_| confirming.set(true)>
                        {cancel_text}
                    </button>
                }
            >
                <div class="request-actions__confirm">
                    <p>"Cancel this request? Nothing more will be done on it."</p>
                    <div class="button-row">
                        <button
                            type="button"
                            class="button button--warning"
                            disabled=move || cancelling.get()
                            on:click={
                                let reference = reference.clone();
                                move |_| {
                                    cancel.dispatch(reference.clone());
                                }
                            }
                        >
                            "Yes, cancel it"
                        </button>
                        <button type="button" class="button button--quiet" on:click=move |_| confirming.set(false)>
                            "Keep it"
                        </button>
                    </div>
                </div>
            </Show>
        }
    });
    if download_view.is_none() && cancel_view.is_none() {
        return view! { <p>"There is nothing more for you to do on this request."</p> }.into_any();
    }
    view! { <div class="request-actions">{download_view}{cancel_view}</div> }.into_any()
}

fn detail(reference: String, log: RequestLog) -> AnyView {
    let Some(request) = log.find(&reference).cloned() else {
        return view! {
            <p>{format!("There is no request with the reference {reference}. Check the reference, or find it in the list of your requests.")}</p>
            <p><A href=Page::Requests.href()>"See all your requests"</A></p>
        }
        .into_any();
    };
    let today = api::now().date_naive();
    let overdue = request.is_overdue(today);
    let deletion_note = request.deletion.as_ref().map(|d| {
        view! {
            <section class="request-detail__deletion" aria-labelledby="deletion-dates">
                <h2 id="deletion-dates">"When your data goes"</h2>
                <p>{labels::deletion_scope(d.scope)}</p>
                <ul>
                    <li>{format!("Removed from our active database at the clean-up on {}.", format::day(d.cleanup_on))}</li>
                    <li>{format!("Removed from our backups by {}.", format::day(d.backup_purge_on))}</li>
                </ul>
                <p>"Some records may be kept longer where the law requires it:"</p>
                <ul>{LegalHold::ALL.iter().map(|h| view! { <li>{labels::legal_hold(*h)}</li> }).collect_view()}</ul>
            </section>
        }
    });
    let export_note = request.export.as_ref().map(|e| {
        let categories: Vec<&str> = e.categories.iter().map(|c| labels::category(*c)).collect();
        let products: Vec<&str> = e.products.iter().map(|p| p.name()).collect();
        view! {
            <section aria-labelledby="export-scope">
                <h2 id="export-scope">"What the export covers"</h2>
                <dl class="summary-list">
                    <div><dt>"Personal information"</dt><dd>{if categories.is_empty() { "None".to_string() } else { categories.join(", ") }}</dd></div>
                    <div><dt>"Service data"</dt><dd>{if products.is_empty() { "None".to_string() } else { products.join(", ") }}</dd></div>
                    <div><dt>"Format"</dt><dd>{labels::export_format(e.format)}</dd></div>
                </dl>
            </section>
        }
    });
    view! {
        <p class="page-heading__lead">{request.summary.clone()}</p>
        <dl class="summary-list">
            <div><dt>"Type"</dt><dd>{labels::request_kind(request.kind)}</dd></div>
            <div><dt>"Status"</dt><dd><StatusBadge status=request.status /></dd></div>
            <div><dt>"Submitted"</dt><dd>{format::date_time(request.received_at)}</dd></div>
            <div>
                <dt>"Due by"</dt>
                <dd>
                    {format::day(request.due_on())}
                    {overdue.then(|| view! { <strong class="overdue-flag">" Overdue: we are late answering"</strong> })}
                </dd>
            </div>
        </dl>
        <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">"Timeline"</h2>
            <RequestTimeline request=request.clone() />
        </section>
        {export_note}
        {deletion_note}
        <section aria-labelledby="actions-title">
            <h2 id="actions-title">"What you can do"</h2>
            {actions(request)}
        </section>
        <p><A href=Page::Requests.href()>"See all your requests"</A></p>
    }
    .into_any()
}

/// One request's page.
#[component]
pub fn RequestDetailPage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let params = use_params_map();
    let reference = move || params.with(|p| p.get(REQUEST_PARAM).unwrap_or_default());
    move || {
        let reference = reference();
        view! {
            <PageHeading title={
                let reference = reference.clone();
                Signal::derive(move || {
                    format!("{} {reference}", td_string!(i18n.get_locale(), shell.request_title))
                })
            } />
            <div class="request-detail">
                {async_view(
                    "your request",
                    session.requests.loaded(),
                    move |log| detail(reference.clone(), log),
                )}
            </div>
        }
    }
}
