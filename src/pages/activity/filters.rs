//! The log's filters: kind, product, dates, words and order, written to the URL as they change.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::domain::activity_filter::{ActivityFilter, KindFilter, Order};
use crate::domain::product::Product;
use crate::i18n::{t, t_string, use_i18n};
use crate::routes::Page;
use crate::text::labels;

/// The filter form.
#[component]
pub fn ActivityFilters(
    /// The filter as read from the URL.
    filter: Memo<ActivityFilter>,
) -> impl IntoView {
    let navigate = use_navigate();
    // Any change starts again from page 1; typing replaces the history entry, choosing adds one.
    let go = move |next: ActivityFilter, replace: bool| {
        navigate(
            &format!(
                "{}{}",
                Page::Activity.href(),
                next.first_page().to_query_string()
            ),
            NavigateOptions {
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    };
    let go_clear = go.clone();
    let update = move |change: &dyn Fn(&mut ActivityFilter), replace: bool| {
        let mut next = filter.get_untracked();
        change(&mut next);
        go(next, replace);
    };
    let i18n = use_i18n();
    let day = |value: String| crate::domain::json::parse_day(&value);
    let update_kind = update.clone();
    let update_product = update.clone();
    let update_from = update.clone();
    let update_to = update.clone();
    let update_query = update.clone();
    let update_order = update.clone();
    view! {
        <form class="activity-filters" role="search" aria-label=move || t_string!(i18n, activity.find) on:submit=|ev| ev.prevent_default()>
            <div class="data-filters__field">
                <label for="activity-kind">{t!(i18n, labels.field.kind)}</label>
                <select
                    id="activity-kind"
                    prop:value=move || filter.get().kind.map_or("", |k| k.slug())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        update_kind(&|f| f.kind = KindFilter::from_slug(&value), false);
                    }
                >
                    <option value="">{t!(i18n, activity.everything)}</option>
                    {KindFilter::ALL
                        .iter()
                        .map(|k| view! { <option value=k.slug()>{move || labels::activity_kind(i18n.get_locale(), *k)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="data-filters__field">
                <label for="activity-product">{t!(i18n, labels.field.product)}</label>
                <select
                    id="activity-product"
                    prop:value=move || filter.get().product.map_or("", |p| p.slug())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        update_product(&|f| f.product = Product::from_slug(&value), false);
                    }
                >
                    <option value="">{t!(i18n, activity.all_products)}</option>
                    {Product::ALL.iter().map(|p| view! { <option value=p.slug()>{p.name()}</option> }).collect_view()}
                </select>
            </div>
            <div class="data-filters__field">
                <label for="activity-from">{t!(i18n, activity.from)}</label>
                <input
                    id="activity-from"
                    type="date"
                    prop:value=move || filter.get().from.map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let value = day(event_target_value(&ev));
                        update_from(&|f| f.from = value, false);
                    }
                />
            </div>
            <div class="data-filters__field">
                <label for="activity-to">{t!(i18n, activity.to)}</label>
                <input
                    id="activity-to"
                    type="date"
                    prop:value=move || filter.get().to.map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let value = day(event_target_value(&ev));
                        update_to(&|f| f.to = value, false);
                    }
                />
            </div>
            <div class="data-filters__field data-filters__field--search">
                <label for="activity-search">{t!(i18n, activity.search)}</label>
                <input
                    id="activity-search"
                    type="search"
                    autocomplete="off"
                    placeholder=move || t_string!(i18n, activity.search_example)
                    prop:value=move || filter.get().query
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        update_query(&|f| f.query = value.clone(), true);
                    }
                />
            </div>
            <div class="data-filters__field">
                <label for="activity-order">{t!(i18n, activity.order)}</label>
                <select
                    id="activity-order"
                    prop:value=move || if filter.get().order == Order::OldestFirst { "oldest" } else { "newest" }
                    on:change=move |ev| {
                        let oldest = event_target_value(&ev) == "oldest";
                        update_order(
                            &|f| f.order = if oldest { Order::OldestFirst } else { Order::NewestFirst },
                            false,
                        );
                    }
                >
                    <option value="newest">{t!(i18n, activity.newest)}</option>
                    <option value="oldest">{t!(i18n, activity.oldest)}</option>
                </select>
            </div>
            <Show when=move || filter.get().is_active()>
                <p class="data-filters__clear">
                    <button
                        type="button"
                        class="button-link"
                        on:click={
                            let go = go_clear.clone();
                            move |_| go(ActivityFilter::default(), false)
                        }
                    >
                        {t!(i18n, common.clear_filters)}
                    </button>
                </p>
            </Show>
        </form>
    }
    .into_any()
}
