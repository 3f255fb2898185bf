//! `/activity`: who at the company accessed the user's data and why, and everything that happened on the account
//! (sign-ins, changes, requests), filterable by kind, product, dates and words, a page at a time; the filtered
//! entries can be downloaded as CSV. Built for 10,000 entries: texts are prepared once, filtering is a pass over
//! plain strings, and only one page is ever in the DOM.

mod filters;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::async_view::async_view;
use crate::components::download::download_text;
use crate::components::in_steps::Steps;
use crate::components::page_heading::PageHeading;
use crate::dom::{timed, yield_now};
use crate::domain::activity::{ActivityDetail, ActivityEvent, ActivityLog};
use crate::domain::activity_filter::{day_bounds, page_of, select, ActivityFilter, PAGE_SIZE};
use crate::domain::export::{csv_cell, CSV_BOM};
use crate::domain::requests::ExportFormat;
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::routes::Page;
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

use filters::ActivityFilters;

/// The log with each entry's searchable text, prepared once per load.
struct Prepared {
    events: Vec<ActivityEvent>,
    texts: Vec<String>,
}

/// Entries prepared between pauses: a long log is prepared as several short tasks.
const PREPARE_PER_STEP: usize = 2_500;

/// The lower-case text searched for one entry: what happened, its kind and its product.
fn search_text(l: Locale, e: &ActivityEvent) -> String {
    let mut text = labels::activity_text(l, &e.detail);
    text.push(' ');
    text.push_str(labels::activity_detail_kind(l, &e.detail));
    if let Some(product) = e.product {
        text.push(' ');
        text.push_str(product.name());
    }
    text.to_lowercase()
}

/// Prepares the texts of `events[from..]`, at most one step's worth; returns whether any remain.
fn prepare_step(l: Locale, events: &[ActivityEvent], texts: &mut Vec<String>) -> bool {
    timed("activity-prepare", || {
        let from = texts.len();
        let to = (from + PREPARE_PER_STEP).min(events.len());
        texts.extend(events[from..to].iter().map(|e| search_text(l, e)));
        to < events.len()
    })
}

/// The list once its entries are prepared, in steps of their own tasks (saying so meanwhile for a long log). Even a
/// short log is not prepared and shown in the task that loaded it: on the first visit the browser compiles this
/// code as it first runs, and loading, preparing, filtering and the list's first render together were a long task.
/// Reads the language, so a change of language prepares the texts again in the new one.
fn prepared_log(log: Arc<ActivityLog>, filter: Memo<ActivityFilter>) -> AnyView {
    let l = use_i18n().get_locale();
    let count = log.events.len();
    let ready = RwSignal::new(None::<Arc<Prepared>>);
    leptos::task::spawn_local(async move {
        // The log is shared with the document cache: its entries are copied once here, for this page.
        let events = Arc::unwrap_or_clone(log).events;
        let mut texts = Vec::with_capacity(count);
        loop {
            yield_now().await;
            if !prepare_step(l, &events, &mut texts) {
                break;
            }
        }
        let prepared = Arc::new(Prepared { events, texts });
        // A first pass on its own task: the browser's first run of this code is its slowest, and the list's first
        // render follows in a task of its own.
        let _warm = run_filter(&prepared, &filter.get_untracked());
        yield_now().await;
        let _set = ready.try_set(Some(prepared));
    });
    view! {
        {move || match ready.get() {
            Some(prepared) => log_view(l, prepared, filter),
            // A short log is ready within a few milliseconds: nothing to announce.
            None if count <= PREPARE_PER_STEP => ().into_any(),
            None => view! {
                <p class="activity-summary" role="status">
                    {fill(td_string!(l, activity.preparing), &[("count", &format::number(count as u64))])}
                </p>
            }
            .into_any(),
        }}
    }
    .into_any()
}

/// Chooses the entries the filter asks for, timed as `activity-filter`.
fn run_filter(prepared: &Prepared, filter: &ActivityFilter) -> Vec<usize> {
    timed("activity-filter", || {
        let offset = format::zone_offset_minutes(crate::api::now().timestamp_millis());
        let bounds = day_bounds(filter.from, filter.to, offset);
        select(&prepared.events, &prepared.texts, filter, bounds)
    })
}

/// Rows written between pauses while the CSV is made, so even 10,000 entries never hold the page for long.
const CSV_ROWS_PER_STEP: usize = 500;

/// The chosen entries as CSV, written a few hundred rows at a time with a pause between, so the page stays
/// responsive.
async fn csv_of(l: Locale, prepared: Arc<Prepared>, chosen: Vec<usize>) -> String {
    let mut out = format!("{CSV_BOM}when_utc,when_local,kind,product,what\n");
    for step in chosen.chunks(CSV_ROWS_PER_STEP) {
        for i in step {
            let e = &prepared.events[*i];
            let row = [
                e.at.to_rfc3339(),
                format::date_time(e.at),
                labels::activity_detail_kind(l, &e.detail).to_string(),
                e.product.map(|p| p.name().to_string()).unwrap_or_default(),
                labels::activity_text(l, &e.detail),
            ];
            let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        yield_now().await;
    }
    out
}

fn entry(l: Locale, event: &ActivityEvent) -> impl IntoView {
    let access = matches!(event.detail, ActivityDetail::EmployeeAccess { .. });
    view! {
        <li class="activity-entry" class:activity-entry--access=access>
            <p class="activity-entry__head">
                <span class="activity-entry__kind">{labels::activity_detail_kind(l, &event.detail)}</span>
                {event.product.map(|p| view! { <span class="activity-entry__product">{p.name()}</span> })}
                <time class="muted" datetime=event.at.to_rfc3339()>{format::date_time(event.at)}</time>
            </p>
            <p class="activity-entry__text">{labels::activity_text(l, &event.detail)}</p>
        </li>
    }
}

fn log_view(l: Locale, prepared: Arc<Prepared>, filter: Memo<ActivityFilter>) -> AnyView {
    let notices = use_notices();
    let chosen = {
        let prepared = prepared.clone();
        Memo::new(move |_| run_filter(&prepared, &filter.get()))
    };
    let total = prepared.events.len();
    // One file at a time: a second click while the first file is being made does nothing.
    let preparing = RwSignal::new(false);
    let download = {
        let prepared = prepared.clone();
        move |_| {
            if preparing.get_untracked() {
                return;
            }
            preparing.set(true);
            let prepared = prepared.clone();
            let selection = chosen.get_untracked();
            leptos::task::spawn_local(async move {
                let text = csv_of(l, prepared, selection).await;
                if let Err(problem) =
                    download_text("activity-log.csv", ExportFormat::Csv.media_type(), &text)
                {
                    notices.push(
                        NoticeKind::Warning,
                        fill(
                            td_string!(l, cookies.download_failed_file),
                            &[("problem", &problem)],
                        ),
                    );
                }
                preparing.set(false);
            });
        }
    };
    let page_link = move |page: usize| {
        let mut f = filter.get();
        f.page = page;
        format!("{}{}", Page::Activity.href(), f.to_query_string())
    };
    let body = move || {
        let f = filter.get();
        chosen.with(|all| {
            let (page, number, pages) = page_of(all, f.page);
            let first = (number - 1) * PAGE_SIZE + 1;
            let summary = if all.is_empty() {
                td_string!(l, activity.no_match).to_string()
            } else {
                let in_all = if f.is_active() {
                    fill(td_string!(l, activity.from_all), &[("total", &format::number(total as u64))])
                } else {
                    String::new()
                };
                fill(
                    td_string!(l, activity.showing),
                    &[
                        ("first", &format::number(first as u64)),
                        ("last", &format::number((first + page.len() - 1) as u64)),
                        ("count", &format::number(all.len() as u64)),
                        ("all", &in_all),
                    ],
                )
            };
            let entries = page.iter().map(|i| entry(l, &prepared.events[*i])).collect_view();
            view! {
                <p class="activity-summary" role="status">{summary}</p>
                <ol class="activity-list">{entries}</ol>
                <nav class="pagination" aria-label=td_string!(l, activity.pages)>
                    {(number > 1).then(|| view! { <A href=page_link(number - 1)>{td_string!(l, activity.previous)}</A> })}
                    <span>{fill(td_string!(l, activity.page_of), &[("number", &number), ("pages", &pages)])}</span>
                    {(number < pages).then(|| view! { <A href=page_link(number + 1)>{td_string!(l, activity.next)}</A> })}
                </nav>
            }
        })
    };
    view! {
        <div class="activity-tools">
            <button
                type="button"
                class="button button--quiet"
                aria-disabled=move || preparing.get().then_some("true")
                on:click=download
            >
                {move || if preparing.get() { td_string!(l, activity.preparing_file) } else { td_string!(l, activity.download) }}
            </button>
        </div>
        {body}
    }
    .into_any()
}

/// The access and activity log page.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| ActivityFilter::from_params(|key| q.get(key))));
    // The filters in the frame after the page opens, the log in the one after (see `in_steps`): in one go, a first
    // visit was a long task.
    let steps = Steps::from_next_frame(1);
    let filters = steps.part(move || view! { <ActivityFilters filter /> }.into_any());
    let log = steps.part(move || {
        async_view(
            |l| td_string!(l, load.activity),
            session.activity.loaded(),
            move |log| prepared_log(log, filter),
        )
    });
    steps.run(|| ());
    view! {
        <PageHeading page=Page::Activity />
        <p class="activity-note">
            {t!(i18n, activity.note)}
        </p>
        {filters}
        <div class="activity">{log}</div>
    }
    .into_any()
}
