//! `/requests/{reference}`: one request's timeline, and the actions still allowed (download, cancel).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::confirm_step::{ConfirmIds, ConfirmStep};
use crate::components::download::download_text;
use crate::components::page_heading::PageHeading;
use crate::components::page_heading::PAGE_TITLE_ID;
use crate::components::request_timeline::RequestTimeline;
use crate::components::status_badge::StatusBadge;
use crate::domain::category_policy::LegalHold;
use crate::domain::requests::{PrivacyRequest, RequestKind, RequestLog, RequestStatus};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::{Page, REQUEST_PARAM};
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

fn download(l: Locale, request: &PrivacyRequest) -> Result<(), String> {
    let export = request
        .export
        .as_ref()
        .ok_or(td_string!(l, detail.no_file))?;
    let file = export
        .file
        .as_ref()
        .ok_or(td_string!(l, detail.not_ready))?;
    let text = api::export_file_text(&request.reference).ok_or(td_string!(l, detail.not_kept))?;
    download_text(&file.name, export.format.media_type(), &text)
}

fn actions(l: Locale, request: PrivacyRequest) -> AnyView {
    let session = use_session();
    let i18n = use_i18n();
    let notices = use_notices();
    let today = api::now().date_naive();
    let confirming = RwSignal::new(false);
    let reference = request.reference.clone();
    let cancel = Action::new_local(move |reference: &String| {
        let reference = reference.clone();
        async move {
            let outcome = api::cancel_request(&reference).await;
            let l = i18n.get_locale_untracked();
            match outcome {
                Ok(()) => {
                    notices.push(
                        NoticeKind::Success,
                        fill(
                            td_string!(l, detail.cancelled),
                            &[("reference", &reference)],
                        ),
                    );
                    session.requests.reload();
                    session.activity.refresh_if_used();
                }
                Err(error) => notices.push(
                    NoticeKind::Warning,
                    fill(
                        td_string!(l, detail.not_cancelled),
                        &[
                            ("reference", &reference),
                            ("error", &labels::error_text(l, &error)),
                        ],
                    ),
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
        td_string!(l, detail.cancel_deletion)
    } else {
        td_string!(l, detail.cancel_request)
    };
    let download_view = file.map(|file| {
        let request = request.clone();
        view! {
            <div class="request-actions__download">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        if let Err(problem) = download(l, &request) {
                            notices.push(
                                NoticeKind::Warning,
                                fill(td_string!(l, cookies.download_failed_file), &[("problem", &problem)]),
                            );
                        }
                    }
                >
                    {fill(td_string!(l, detail.download), &[("name", &file.name)])}
                </button>
                <p class="muted">
                    {format!("{} · SHA-256 ", format::bytes(file.bytes))}
                    <code class="checksum">{file.sha256.clone()}</code>
                </p>
            </div>
        }
    });
    let cancel_view = can_cancel.then(|| {
        view! {
            <ConfirmStep
                confirming=confirming
                ids=ConfirmIds {
                    ask: "request-cancel",
                    yes: "request-cancel-yes",
                    keep: "request-keep",
                    after_yes: PAGE_TITLE_ID,
                }
                ask_class="button--secondary"
                ask=cancel_text
                question=td_string!(l, detail.cancel_question)
                yes=td_string!(l, detail.yes_cancel)
                keep=td_string!(l, profile.keep_it)
                busy=cancelling
                class="request-actions__confirm"
                on_yes=Callback::new(move |()| {
                    cancel.dispatch(reference.clone());
                })
            />
        }
    });
    if request.kind == RequestKind::Export && request.status == RequestStatus::Expired {
        let ended = request
            .export_expires_at()
            .map(format::date)
            .unwrap_or_default();
        return view! {
            <p>{fill(td_string!(l, detail.expired), &[("date", &ended)])}</p>
            <p><A href=Page::NewExport.href()>{td_string!(l, detail.new_export)}</A></p>
        }
        .into_any();
    }
    if download_view.is_none() && cancel_view.is_none() {
        return view! { <p>{td_string!(l, detail.nothing_more)}</p> }.into_any();
    }
    view! { <div class="request-actions">{download_view}{cancel_view}</div> }.into_any()
}

fn detail(reference: String, log: RequestLog) -> AnyView {
    let l = use_i18n().get_locale();
    let Some(request) = log.find(&reference).cloned() else {
        return view! {
            <p>{fill(td_string!(l, detail.no_such), &[("reference", &reference)])}</p>
            <p><A href=Page::Requests.href()>{td_string!(l, overview.requests_link)}</A></p>
        }
        .into_any();
    };
    let today = api::now().date_naive();
    let overdue = request.is_overdue(today);
    let deletion_note = request.deletion.as_ref().map(|d| {
        view! {
            <section class="request-detail__deletion" aria-labelledby="deletion-dates">
                <h2 id="deletion-dates">{td_string!(l, detail.when_goes)}</h2>
                <p>{labels::deletion_scope(l, d.scope)}</p>
                <ul>
                    <li>{fill(td_string!(l, detail.removed_active), &[("date", &format::day(d.cleanup_on))])}</li>
                    <li>{fill(td_string!(l, detail.removed_backups), &[("date", &format::day(d.backup_purge_on))])}</li>
                </ul>
                <p>{td_string!(l, deletion.kept_longer)}</p>
                <ul>{LegalHold::ALL.iter().map(|h| view! { <li>{labels::legal_hold(l, *h)}</li> }).collect_view()}</ul>
            </section>
        }
    });
    let export_note = request.export.as_ref().map(|e| {
        let categories: Vec<&str> = e.categories.iter().map(|c| labels::category(l, *c)).collect();
        let products: Vec<&str> = e.products.iter().map(|p| p.name()).collect();
        view! {
            <section aria-labelledby="export-scope">
                <h2 id="export-scope">{td_string!(l, detail.export_covers)}</h2>
                <dl class="summary-list">
                    <div><dt>{td_string!(l, export.personal)}</dt><dd>{if categories.is_empty() { td_string!(l, common.none).to_string() } else { categories.join(", ") }}</dd></div>
                    <div><dt>{td_string!(l, export.service)}</dt><dd>{if products.is_empty() { td_string!(l, common.none).to_string() } else { products.join(", ") }}</dd></div>
                    <div><dt>{td_string!(l, export.format)}</dt><dd>{labels::export_format(l, e.format)}</dd></div>
                </dl>
            </section>
        }
    });
    view! {
        <p class="page-heading__lead">{request.summary.clone()}</p>
        <dl class="summary-list">
            <div><dt>{td_string!(l, requests.kind_column)}</dt><dd>{labels::request_kind(l, request.kind)}</dd></div>
            <div><dt>{td_string!(l, requests.status)}</dt><dd><StatusBadge status=request.status /></dd></div>
            <div><dt>{td_string!(l, requests.submitted)}</dt><dd>{format::date_time(request.received_at)}</dd></div>
            <div>
                <dt>{td_string!(l, requests.due_by)}</dt>
                <dd>
                    {format::day(request.due_on())}
                    {overdue.then(|| view! { <strong class="overdue-flag">{td_string!(l, detail.overdue)}</strong> })}
                </dd>
            </div>
        </dl>
        <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{td_string!(l, detail.timeline)}</h2>
            <RequestTimeline request=request.clone() />
        </section>
        {export_note}
        {deletion_note}
        <section aria-labelledby="actions-title">
            <h2 id="actions-title">{td_string!(l, data.what_you_can_do)}</h2>
            {actions(l, request)}
        </section>
        <p><A href=Page::Requests.href()>{td_string!(l, overview.requests_link)}</A></p>
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
                    |l| td_string!(l, load.request),
                    session.requests.loaded(),
                    move |log| detail(reference.clone(), log),
                )}
            </div>
        }
    }
}
