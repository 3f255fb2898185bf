//! `/data`: everything the policy says is collected, with this user's values, why, who sees it, how long,
//! and what they can do about it; filterable by product and source, searchable, printable.

mod category;
mod filters;
mod prepared;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::empty_panel::EmptyPanel;
use crate::components::in_steps::{Steps, PER_FRAME};
use crate::components::page_heading::PageHeading;
use crate::domain::category_policy::LegalHold;
use crate::domain::data_filter::{Filter, PRODUCT_KEY, SEARCH_KEY, SOURCE_KEY};
use crate::domain::inventory::{CategoryId, DataSource};
use crate::domain::policy::{CleanupSchedule, Unstated};
use crate::domain::records::held_records;
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::{ask_href, Page};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;
use leptos_router::components::A;

use category::CategorySection;
use filters::FilterControls;
use prepared::Prepared;

/// Everything the page shows, prepared once per load and shared by every filter change.
struct Held {
    records: Vec<Prepared>,
    /// Items held per category, counted as the overview counts them.
    counts: Vec<(CategoryId, usize)>,
    cleanup: CleanupSchedule,
}

impl Held {
    fn count(&self, category: CategoryId) -> usize {
        self.counts
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(0, |(_, n)| *n)
    }
}

/// The records of `category` that pass `filter`. A search that names the category itself keeps all its records.
fn matching<'a>(
    l: Locale,
    held: &'a Held,
    category: CategoryId,
    filter: &Filter,
) -> Vec<&'a Prepared> {
    let title_matches = filter.matches_text([labels::category(l, category)]);
    held.records
        .iter()
        .filter(|p| p.record.category == category && filter.keeps(&p.record))
        .filter(|p| {
            title_matches
                || filter.search_terms().is_empty()
                || filter.matches_text(p.texts(l).iter().map(String::as_str))
        })
        .collect()
}

fn results(held: Arc<Held>, filter: Memo<Filter>) -> AnyView {
    // Only the first complete build follows the fragment; later ones follow the filter and keep the scroll.
    let scrolled = StoredValue::new(false);
    let opened = StoredValue::new(false);
    let l = use_i18n().get_locale();
    let total = held.records.len();
    let today = api::now().date_naive();
    let cleanup_on = held.cleanup.next_cleanup_after(today);
    let purge_on = held.cleanup.backup_purge_after(cleanup_on);
    let closing_dates = fill(
        td_string!(l, data.closing_dates),
        &[
            ("cleanup", &format::day(cleanup_on)),
            ("purge", &format::day(purge_on)),
        ],
    );
    let sections = {
        let held = held.clone();
        move || {
            let filter = filter.get();
            // Categories are built two per frame (the whole page at once is a long task); see `in_steps`.
            let steps = Steps::on_open(opened, PER_FRAME);
            let mut shown = 0;
            let sections = DataSource::ALL
                .into_iter()
                .filter(|source| filter.source.is_none_or(|s| s == *source))
                .filter_map(|source| {
                    let categories: Vec<_> = CategoryId::ALL
                        .into_iter()
                        .filter(|c| c.source() == source)
                        .map(|c| (c, matching(l, &held, c, &filter)))
                        .filter(|(_, records)| !filter.is_active() || !records.is_empty())
                        .collect();
                    if categories.is_empty() {
                        return None;
                    }
                    shown += categories.iter().map(|(_, r)| r.len()).sum::<usize>();
                    let closing_dates = closing_dates.clone();
                    let searching = !filter.search_terms().is_empty();
                    Some(view! {
                        <section class="data-source" aria-labelledby=format!("source-{}", source.slug())>
                            <h2 id=format!("source-{}", source.slug())>{labels::source(l, source)}</h2>
                            <p class="data-source__intro">{labels::source_intro(l, source)}</p>
                            {categories
                                .into_iter()
                                .map(|(category, records)| {
                                    let records: Vec<Prepared> = records.into_iter().cloned().collect();
                                    let held_items = (!filter.is_active()).then(|| held.count(category));
                                    let closing_dates = closing_dates.clone();
                                    steps.part(move || {
                                        view! {
                                            <CategorySection
                                                l
                                                category
                                                records
                                                held=held_items
                                                expanded=searching
                                                closing_dates
                                            />
                                        }
                                        .into_any()
                                    })
                                })
                                .collect_view()}
                        </section>
                    })
                })
                .collect_view();
            let summary = if filter.is_active() {
                fill(
                    td_string!(l, data.showing_some),
                    &[("shown", &shown), ("total", &total)],
                )
            } else {
                fill(td_string!(l, data.showing_all), &[("total", &total)])
            };
            let empty = (shown == 0).then(|| {
                let what = if filter.query.trim().is_empty() {
                    td_string!(l, data.nothing_matches).to_string()
                } else {
                    fill(td_string!(l, data.nothing_matches_query), &[("query", &filter.query.trim())])
                };
                view! {
                    <EmptyPanel message=what>
                        <p>
                            {td_string!(l, data.try_other)}
                            <leptos_router::components::A href=Page::Data.href()>{td_string!(l, data.show_everything)}</leptos_router::components::A>
                            "."
                        </p>
                    </EmptyPanel>
                }
            });
            steps.run(move || {
                if scrolled.try_get_value() == Some(false) {
                    scrolled.set_value(true);
                    crate::dom::scroll_to_fragment();
                }
            });
            view! {
                <p class="data-summary" role="status">{summary}</p>
                {empty}
                {sections}
            }
        }
    };
    view! {
        {sections}
        <section class="data-legal" aria-labelledby="data-legal-title">
            <h2 id="data-legal-title">{td_string!(l, data.keep_longer)}</h2>
            <p>
                {td_string!(l, data.keep_longer_intro)}
            </p>
            <ul>{LegalHold::ALL.iter().map(|h| view! { <li>{labels::legal_hold(l, *h)}</li> }).collect_view()}</ul>
        </section>
        <section class="data-legal" aria-labelledby="data-where-title">
            <h2 id="data-where-title">{td_string!(l, data.where_kept)}</h2>
            <ul>
                <li>
                    {td_string!(l, data.storage_unstated)}
                    " "
                    <A href=ask_href(Unstated::StorageLocation, None)>{td_string!(l, data.ask_storage)}</A>
                </li>
                <li>
                    {td_string!(l, data.transfers_unstated)}
                    " "
                    <A href=ask_href(Unstated::Transfers, None)>{td_string!(l, data.ask_transfers)}</A>
                </li>
            </ul>
        </section>
    }
    .into_any()
}

/// The "Your information" page.
#[component]
pub fn DataPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| {
            Filter::from_params(
                q.get_str(PRODUCT_KEY),
                q.get_str(SOURCE_KEY),
                q.get_str(SEARCH_KEY),
            )
        })
    });
    let data = session
        .profile
        .loaded()
        .and(session.inventory.loaded())
        .and(session.policy.loaded());
    view! {
        <PageHeading page=Page::Data />
        <FilterControls filter />
        <div class="data-results">
            {async_view(
                |l| td_string!(l, load.held),
                data,
                move |((profile, inventory), policy)| {
                    let records = held_records(&profile, &inventory).into_iter().map(Prepared::new).collect();
                    let counts = CategoryId::ALL
                        .into_iter()
                        .map(|c| (c, inventory.count(&profile, c)))
                        .collect();
                    results(Arc::new(Held { records, counts, cleanup: policy.cleanup.clone() }), filter)
                },
            )}
        </div>
    }
    .into_any()
}
