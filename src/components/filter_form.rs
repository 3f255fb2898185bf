//! The filter forms above long lists ("Your information", the activity log): labelled controls side by side, a
//! "Clear filters" link while any is set, and every change written to the page's address so a view can be
//! bookmarked and Back undoes a choice.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::i18n::{t, use_i18n};

/// Opens `path` followed by a filter's query string; typing replaces the history entry (`replace`), choosing from a
/// list adds one, so Back undoes it.
pub fn use_filter_address(
    path: &'static str,
) -> impl Fn(String, bool) + Clone + Send + Sync + 'static {
    let navigate = use_navigate();
    move |query: String, replace: bool| {
        navigate(
            &format!("{path}{query}"),
            NavigateOptions {
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    }
}

/// The form: a search landmark holding the controls, and "Clear filters" while `active`.
#[component]
pub fn FilterForm(
    /// The landmark's name ("Find information").
    #[prop(into)]
    label: TextProp,
    class: &'static str,
    /// Whether any filter is set.
    #[prop(into)]
    active: Signal<bool>,
    on_clear: Callback<()>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form class=class role="search" aria-label=move || label.get() on:submit=|ev| ev.prevent_default()>
            {children()}
            <Show when=move || active.get()>
                <p class="data-filters__clear">
                    <button type="button" class="button-link" on:click=move |_| on_clear.run(())>
                        {t!(i18n, common.clear_filters)}
                    </button>
                </p>
            </Show>
        </form>
    }
}

/// A list to choose from, its first option meaning "any".
#[component]
pub fn SelectFilter(
    id: &'static str,
    #[prop(into)] label: TextProp,
    /// The first option's words ("All products"); its value is empty.
    #[prop(optional, into)]
    any: Option<TextProp>,
    /// Each option's value and words.
    options: Vec<(&'static str, TextProp)>,
    /// The value chosen now.
    #[prop(into)]
    value: Signal<&'static str>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="data-filters__field">
            <label for=id>{move || label.get()}</label>
            <select id=id prop:value=move || value.get() on:change=move |ev| on_change.run(event_target_value(&ev))>
                {any.map(|any| view! { <option value="">{move || any.get()}</option> })}
                {options
                    .into_iter()
                    .map(|(value, words)| view! { <option value=value>{move || words.get()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A typed input: words to search for (`kind` "search") or a date ("date").
#[component]
pub fn InputFilter(
    id: &'static str,
    kind: &'static str,
    #[prop(into)] label: TextProp,
    /// An example of what to type.
    #[prop(optional, into)]
    placeholder: Option<TextProp>,
    #[prop(into)] value: Signal<String>,
    /// Called on every key for a search, once a date is complete for a date.
    on_change: Callback<String>,
) -> impl IntoView {
    let search = kind == "search";
    let class = if search {
        "data-filters__field data-filters__field--search"
    } else {
        "data-filters__field"
    };
    view! {
        <div class=class>
            <label for=id>{move || label.get()}</label>
            <input
                id=id
                type=kind
                autocomplete=search.then_some("off")
                placeholder=move || placeholder.as_ref().map(|p| p.get().to_string())
                prop:value=move || value.get()
                on:input=move |ev| {
                    if search {
                        on_change.run(event_target_value(&ev));
                    }
                }
                on:change=move |ev| {
                    if !search {
                        on_change.run(event_target_value(&ev));
                    }
                }
            />
        </div>
    }
}
