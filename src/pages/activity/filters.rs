//! The log's filters: kind, product, dates, words and order, written to the URL as they change.

use leptos::prelude::*;

use crate::components::filter_form::{use_filter_address, FilterForm, InputFilter, SelectFilter};
use crate::domain::activity_filter::{ActivityFilter, KindFilter, Order};
use crate::domain::json::parse_day;
use crate::domain::product::Product;
use crate::i18n::{t_string, use_i18n};
use crate::routes::Page;
use crate::text::labels;

/// The filter form.
#[component]
pub fn ActivityFilters(
    /// The filter as read from the URL.
    filter: Memo<ActivityFilter>,
) -> impl IntoView {
    let i18n = use_i18n();
    let go = use_filter_address(Page::Activity.href());
    // Any change starts again from page 1.
    let clear = {
        let go = go.clone();
        Callback::new(move |()| go(ActivityFilter::default().to_query_string(), false))
    };
    let update = move |change: &dyn Fn(&mut ActivityFilter), replace: bool| {
        let mut next = filter.get_untracked();
        change(&mut next);
        go(next.first_page().to_query_string(), replace);
    };
    let on = move |change: fn(&mut ActivityFilter, &str), replace: bool| {
        let update = update.clone();
        Callback::new(move |value: String| update(&|f| change(f, &value), replace))
    };
    let kinds = KindFilter::ALL
        .iter()
        .map(|k| {
            (
                k.slug(),
                TextProp::from(move || labels::activity_kind(i18n.get_locale(), *k)),
            )
        })
        .collect();
    let products = Product::ALL
        .iter()
        .map(|p| (p.slug(), TextProp::from(p.name())))
        .collect();
    let orders = vec![
        (
            "newest",
            TextProp::from(move || t_string!(i18n, activity.newest)),
        ),
        (
            "oldest",
            TextProp::from(move || t_string!(i18n, activity.oldest)),
        ),
    ];
    let date = |day: Option<chrono::NaiveDate>| day.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <FilterForm
            label=move || t_string!(i18n, activity.find)
            class="activity-filters"
            active=Signal::derive(move || filter.get().is_active())
            on_clear=clear
        >
            <SelectFilter
                id="activity-kind"
                label=move || t_string!(i18n, labels.field.kind)
                any=move || t_string!(i18n, activity.everything)
                options=kinds
                value=Signal::derive(move || filter.get().kind.map_or("", |k| k.slug()))
                on_change=on(|f, v| f.kind = KindFilter::from_slug(v), false)
            />
            <SelectFilter
                id="activity-product"
                label=move || t_string!(i18n, labels.field.product)
                any=move || t_string!(i18n, activity.all_products)
                options=products
                value=Signal::derive(move || filter.get().product.map_or("", |p| p.slug()))
                on_change=on(|f, v| f.product = Product::from_slug(v), false)
            />
            <InputFilter
                id="activity-from"
                kind="date"
                label=move || t_string!(i18n, activity.from)
                value=Signal::derive(move || date(filter.get().from))
                on_change=on(|f, v| f.from = parse_day(v), false)
            />
            <InputFilter
                id="activity-to"
                kind="date"
                label=move || t_string!(i18n, activity.to)
                value=Signal::derive(move || date(filter.get().to))
                on_change=on(|f, v| f.to = parse_day(v), false)
            />
            <InputFilter
                id="activity-search"
                kind="search"
                label=move || t_string!(i18n, activity.search)
                placeholder=move || t_string!(i18n, activity.search_example)
                value=Signal::derive(move || filter.get().query)
                on_change=on(|f, v| f.query = v.to_string(), true)
            />
            <SelectFilter
                id="activity-order"
                label=move || t_string!(i18n, activity.order)
                options=orders
                value=Signal::derive(move || if filter.get().order == Order::OldestFirst { "oldest" } else { "newest" })
                on_change=on(|f, v| f.order = if v == "oldest" { Order::OldestFirst } else { Order::NewestFirst }, false)
            />
        </FilterForm>
    }
    .into_any()
}
