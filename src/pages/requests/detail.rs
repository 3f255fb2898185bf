//! `/requests/{reference}`: one request's timeline, what it is about, why it was declined or extended, and the
//! actions still allowed (download, cancel, appeal, raise a concern).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::confirm_step::{ConfirmIds, ConfirmStep};
use crate::components::download::download_text;
use crate::components::error_summary::{ErrorSummary, FieldProblem};
use crate::components::page_heading::PageHeading;
use crate::components::page_heading::PAGE_TITLE_ID;
use crate::components::request_timeline::RequestTimeline;
use crate::components::status_badge::StatusBadge;
use crate::components::text_field::{TextField, TextKind};
use crate::domain::category_policy::LegalHold;
use crate::domain::requests::{
    ConcernTopic, PrivacyRequest, RequestKind, RequestLog, RequestStatus,
};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::{concern_href, request_href, Page, REQUEST_PARAM};
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

use super::concern::Regulators;

const APPEAL: &str = "appeal-reason";

async fn download(l: Locale, request: &PrivacyRequest) -> Result<(), String> {
    let export = request
        .export
        .as_ref()
        .ok_or(td_string!(l, detail.no_file))?;
    let file = export
        .file
        .as_ref()
        .ok_or(td_string!(l, detail.not_ready))?;
    let text = api::export_file_text(&request.reference)
        .await
        .map_err(|error| labels::error_text(l, &error))?
        .ok_or(td_string!(l, detail.not_kept))?;
    download_text(&file.name, export.format.media_type(), &text)
}

fn actions(l: Locale, request: PrivacyRequest, appealable: bool) -> AnyView {
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
                        let request = request.clone();
                        leptos::task::spawn_local(async move {
                            if let Err(problem) = download(l, &request).await {
                                notices.push(
                                    NoticeKind::Warning,
                                    fill(td_string!(l, cookies.download_failed_file), &[("problem", &problem)]),
                                );
                            }
                        });
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
        if appealable {
            return ().into_any();
        }
        return view! { <p>{td_string!(l, detail.nothing_more)}</p> }.into_any();
    }
    view! { <div class="request-actions">{download_view}{cancel_view}</div> }.into_any()
}

/// Why the request was declined or put off, and the appeal against it: the form while one may be filed, the
/// appeal's own page once it is.
fn appeal(
    l: Locale,
    request: &PrivacyRequest,
    log: &RequestLog,
    reason: RwSignal<String>,
) -> Option<AnyView> {
    if let Some(filed) = log.appeal_of(&request.reference) {
        let href = request_href(&filed.reference);
        let reference = filed.reference.clone();
        let words = fill(
            td_string!(l, appeal.filed_on),
            &[
                ("date", &format::date(filed.received_at)),
                ("due", &format::day(filed.due_on())),
            ],
        );
        return Some(
            view! {
                <section aria-labelledby="appeal-title">
                    <h2 id="appeal-title">{td_string!(l, appeal.title)}</h2>
                    <p>{words} " " <A href=href>{reference}</A></p>
                </section>
            }
            .into_any(),
        );
    }
    if !log.may_appeal(request) {
        return None;
    }
    let i18n = use_i18n();
    let after = super::filing::AfterFiling::here();
    let regarding = request.reference.clone();
    let attempt = StoredValue::new(api::new_attempt_key());
    let failure = RwSignal::new(None::<String>);
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();
    let send = Action::new_local(move |summary: &String| {
        let (summary, regarding) = (summary.clone(), regarding.clone());
        async move {
            failure.set(None);
            let outcome = api::file_appeal(regarding, summary, attempt.get_value()).await;
            if after.show(
                outcome,
                |l| td_string!(l, appeal.sent),
                |l| td_string!(l, appeal.not_sent),
                failure,
            ) {
                reason.set(String::new());
            }
        }
    });
    let sending = send.pending();
    let reference = request.reference.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = reason.get_untracked().trim().to_string();
        if typed.is_empty() {
            problems.set(vec![FieldProblem {
                field: APPEAL,
                message: td_string!(i18n.get_locale_untracked(), appeal.reason_problem).to_string(),
            }]);
            return;
        }
        problems.set(Vec::new());
        if !sending.get_untracked() {
            // The company's record is in English; the user's reasons stay as typed.
            send.dispatch(format!("Appeal against {reference}: {typed}"));
        }
    };
    let due =
        format::day(PrivacyRequest::new(RequestKind::Appeal, String::new(), api::now()).due_on());
    Some(view! {
        <section aria-labelledby="appeal-title">
            <h2 id="appeal-title">{td_string!(l, appeal.title)}</h2>
            <p>{fill(td_string!(l, appeal.intro), &[("date", &due)])}</p>
            <form class="request-form" on:submit=on_submit novalidate>
                <ErrorSummary problems=problems_signal />
                {move || failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
                <TextField
                    id=APPEAL
                    label=td_string!(l, appeal.reason)
                    problems=problems_signal
                    value=reason
                    kind=TextKind::Lines(4)
                />
                <button type="submit" class="button" disabled=move || sending.get()>{td_string!(l, appeal.send)}</button>
            </form>
        </section>
    }
    .into_any())
}

/// What the request is about: its category, the correction, the request a concern or appeal is about.
fn about_rows(l: Locale, request: &PrivacyRequest) -> impl IntoView {
    let category = request.category.map(|c| {
        view! {
            <div>
                <dt>{td_string!(l, category_request.about)}</dt>
                <dd><A href=Page::Data.href_to(c.slug())>{labels::category(l, c)}</A></dd>
            </div>
        }
    });
    let topic = request.topic.filter(|t| *t != ConcernTopic::Category && *t != ConcernTopic::Request).map(|t| {
        view! { <div><dt>{td_string!(l, category_request.about)}</dt><dd>{labels::concern_topic(l, t)}</dd></div> }
    });
    let correction = request.correction.clone().map(|c| {
        view! {
            <div><dt>{td_string!(l, detail.field)}</dt><dd>{c.field}</dd></div>
            <div><dt>{td_string!(l, category_request.should_read)}</dt><dd>{c.value}</dd></div>
        }
    });
    let regarding = request.regarding.clone().map(|reference| {
        view! {
            <div>
                <dt>{td_string!(l, detail.regarding)}</dt>
                <dd><A href=request_href(&reference)>{reference.clone()}</A></dd>
            </div>
        }
    });
    (category, topic, correction, regarding)
}

/// The answer so far: why it was declined, why it takes longer, what a restriction means meanwhile.
fn answer(l: Locale, request: &PrivacyRequest) -> impl IntoView {
    let declined = (request.status == RequestStatus::Declined).then(|| {
        let reason = request
            .decision
            .clone()
            .unwrap_or_else(|| td_string!(l, detail.no_reason).to_string());
        view! {
            <section class="request-detail__answer" aria-labelledby="declined-title">
                <h2 id="declined-title">{td_string!(l, detail.why_declined)}</h2>
                <p>{reason}</p>
            </section>
        }
    });
    let extended = request.extension.clone().map(|e| {
        view! {
            <section class="request-detail__answer" aria-labelledby="extended-title">
                <h2 id="extended-title">{td_string!(l, detail.more_time)}</h2>
                <p>
                    {fill(
                        td_string!(l, detail.extended),
                        &[("date", &format::day(e.until)), ("first", &format::day(request.first_due_on())), ("told", &format::day(e.on))],
                    )}
                </p>
                <p>{e.reason}</p>
            </section>
        }
    });
    let restricted = request.category.filter(|c| request.restricts(*c)).map(|c| {
        view! { <p class="request-detail__restricted">{fill(td_string!(l, detail.restricted), &[("category", &labels::category(l, c))])}</p> }
    });
    (declined, extended, restricted)
}

fn detail(reference: String, log: RequestLog, appeal_reason: RwSignal<String>) -> AnyView {
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
    // Where our own route ends: a refusal, an answer put off, an appeal or a concern.
    let regulators = request.status == RequestStatus::Declined
        || request.extension.is_some()
        || matches!(request.kind, RequestKind::Appeal | RequestKind::Concern);
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
        let parts = labels::account_parts(l, e);
        view! {
            <section aria-labelledby="export-scope">
                <h2 id="export-scope">{td_string!(l, detail.export_covers)}</h2>
                <dl class="summary-list">
                    <div><dt>{td_string!(l, export.personal)}</dt><dd>{if categories.is_empty() { td_string!(l, common.none).to_string() } else { categories.join(", ") }}</dd></div>
                    <div><dt>{td_string!(l, export.service)}</dt><dd>{if products.is_empty() { td_string!(l, common.none).to_string() } else { products.join(", ") }}</dd></div>
                    <div><dt>{td_string!(l, export.account)}</dt><dd>{if parts.is_empty() { td_string!(l, common.none).to_string() } else { parts.join(", ") }}</dd></div>
                    <div><dt>{td_string!(l, export.format)}</dt><dd>{labels::export_format(l, e.format)}</dd></div>
                </dl>
            </section>
        }
    });
    view! {
        <p class="page-heading__lead">{request.summary.clone()}</p>
        <dl class="summary-list">
            <div><dt>{td_string!(l, requests.kind_column)}</dt><dd>{labels::request_kind(l, request.kind)}</dd></div>
            {about_rows(l, &request)}
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
        {answer(l, &request)}
        {export_note}
        {deletion_note}
        {appeal(l, &request, &log, appeal_reason)}
        <section aria-labelledby="actions-title">
            <h2 id="actions-title">{td_string!(l, data.what_you_can_do)}</h2>
            {actions(l, request.clone(), log.may_appeal(&request))}
            <p>
                <A href=concern_href(ConcernTopic::Request, &request.reference)>{td_string!(l, detail.raise_concern)}</A>
            </p>
        </section>
        {regulators.then(|| view! { <Regulators l /> })}
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
        // Held here, so a reload of the requests (another tab, a change of language) keeps what was typed.
        let appeal_reason = RwSignal::new(String::new());
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
                    move |log| detail(reference.clone(), log, appeal_reason),
                )}
            </div>
        }
    }
}
