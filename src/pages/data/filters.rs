//! The product, source and search controls; every change is written to the URL so the view can be bookmarked.

use leptos::prelude::*;

use crate::components::filter_form::{use_filter_address, FilterForm, InputFilter, SelectFilter};
use crate::domain::data_filter::Filter;
use crate::domain::inventory::DataSource;
use crate::domain::product::Product;
use crate::i18n::{t, t_string, use_i18n};
use crate::routes::Page;
use crate::text::labels;

/// The filter form.
#[component]
pub fn FilterControls(
    /// The filter as read from the URL.
    filter: Memo<Filter>,
) -> impl IntoView {
    let i18n = use_i18n();
    let go = use_filter_address(Page::Data.href());
    let clear = {
        let go = go.clone();
        Callback::new(move |()| go(Filter::default().to_query_string(), false))
    };
    let on = move |change: fn(&mut Filter, &str), replace: bool| {
        let go = go.clone();
        Callback::new(move |value: String| {
            let mut next = filter.get_untracked();
            change(&mut next, &value);
            go(next.to_query_string(), replace);
        })
    };
    let products = Product::ALL
        .iter()
        .map(|p| (p.slug(), TextProp::from(p.name())))
        .collect();
    let sources = DataSource::ALL
        .iter()
        .map(|s| {
            (
                s.slug(),
                TextProp::from(move || labels::source(i18n.get_locale(), *s)),
            )
        })
        .collect();
    view! {
        <FilterForm
            label=move || t_string!(i18n, data.find)
            class="data-filters"
            active=Signal::derive(move || filter.get().is_active())
            on_clear=clear
        >
            <SelectFilter
                id="filter-product"
                label=move || t_string!(i18n, labels.field.product)
                any=move || t_string!(i18n, data.all_products)
                options=products
                value=Signal::derive(move || filter.get().product.map_or("", |p| p.slug()))
                on_change=on(|f, v| f.product = Product::from_slug(v), false)
            />
            <SelectFilter
                id="filter-source"
                label=move || t_string!(i18n, data.source)
                any=move || t_string!(i18n, data.all_sources)
                options=sources
                value=Signal::derive(move || filter.get().source.map_or("", |s| s.slug()))
                on_change=on(|f, v| f.source = DataSource::from_slug(v), false)
            />
            <InputFilter
                id="filter-search"
                kind="search"
                label=move || t_string!(i18n, data.search)
                placeholder=move || t_string!(i18n, data.search_example)
                value=Signal::derive(move || filter.get().query)
                on_change=on(|f, v| f.query = v.to_string(), true)
            />
            <Show when=move || filter.get().product.is_some()>
                <p class="data-filters__note muted">
                    {t!(i18n, data.product_only)}
                </p>
            </Show>
        </FilterForm>
    }
    .into_any()
}
