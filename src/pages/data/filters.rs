//! The product, source and search controls; every change is written to the URL so the view can be bookmarked.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::domain::finder::Filter;
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
    let navigate = use_navigate();
    // Typing replaces the history entry; choosing from a list adds one, so Back undoes it.
    let go = move |next: Filter, replace: bool| {
        navigate(
            &format!("{}{}", Page::Data.href(), next.to_query_string()),
            NavigateOptions {
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    };
    let go_product = go.clone();
    let go_source = go.clone();
    let go_search = go.clone();
    let go_clear = go.clone();
    view! {
        <form class="data-filters" role="search" aria-label=move || t_string!(i18n, data.find) on:submit=|ev| ev.prevent_default()>
            <div class="data-filters__field">
                <label for="filter-product">{t!(i18n, labels.field.product)}</label>
                <select
                    id="filter-product"
                    prop:value=move || filter.get().product.map_or("", |p| p.slug())
                    on:change=move |ev| {
                        let mut next = filter.get_untracked();
                        next.product = Product::from_slug(&event_target_value(&ev));
                        go_product(next, false);
                    }
                >
                    <option value="">{t!(i18n, data.all_products)}</option>
                    {Product::ALL
                        .iter()
                        .map(|p| view! { <option value=p.slug()>{p.name()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="data-filters__field">
                <label for="filter-source">{t!(i18n, data.source)}</label>
                <select
                    id="filter-source"
                    prop:value=move || filter.get().source.map_or("", |s| s.slug())
                    on:change=move |ev| {
                        let mut next = filter.get_untracked();
                        next.source = DataSource::from_slug(&event_target_value(&ev));
                        go_source(next, false);
                    }
                >
                    <option value="">{t!(i18n, data.all_sources)}</option>
                    {DataSource::ALL
                        .iter()
                        .map(|s| view! { <option value=s.slug()>{move || labels::source(i18n.get_locale(), *s)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="data-filters__field data-filters__field--search">
                <label for="filter-search">{t!(i18n, data.search)}</label>
                <input
                    id="filter-search"
                    type="search"
                    autocomplete="off"
                    placeholder=move || t_string!(i18n, data.search_example)
                    prop:value=move || filter.get().query
                    on:input=move |ev| {
                        let mut next = filter.get_untracked();
                        next.query = event_target_value(&ev);
                        go_search(next, true);
                    }
                />
            </div>
            <Show when=move || filter.get().product.is_some()>
                <p class="data-filters__note muted">
                    {t!(i18n, data.product_only)}
                </p>
            </Show>
            <Show when=move || filter.get().is_active()>
                <p class="data-filters__clear">
                    <button
                        type="button"
                        class="button-link"
                        on:click={
                            let go = go_clear.clone();
                            move |_| go(Filter::default(), false)
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
