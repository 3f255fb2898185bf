//! Shared loading and error states for data read from the backend.

use leptos::prelude::*;

use crate::components::format::fill;
use crate::components::labels;
use crate::i18n::{t_string, use_i18n, Locale};
use crate::state::documents::Loaded;

/// Shown while data is on its way.
#[component]
pub fn LoadingPanel(
    /// What is loading, e.g. "your requests", in the given language.
    what: fn(Locale) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="loading-panel" role="status">
            <span class="loading-panel__spinner" aria-hidden="true"></span>
            <span>{move || fill(t_string!(i18n, load.text), &[("what", &what(i18n.get_locale()))])}</span>
        </div>
    }
}

/// Explains a failed read and offers to try again.
#[component]
pub fn ErrorPanel(
    /// Heading, e.g. "We could not load your requests".
    #[prop(into)]
    title: String,
    /// What went wrong and what to do.
    #[prop(into)]
    message: String,
    /// Called by t_string!(i18n, common.try_again).
    on_retry: Callback<()>,
    /// True while the retry is under way.
    retrying: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="error-panel" role="alert">
            <h3 class="error-panel__title">{title}</h3>
            <p class="error-panel__message">{message}</p>
            <button
                type="button"
                class="button button--secondary"
                disabled=move || retrying.get()
                on:click=move |_| on_retry.run(())
            >
                {move || if retrying.get() { t_string!(i18n, common.trying_again) } else { t_string!(i18n, common.try_again) }}
            </button>
        </div>
    }
}

/// Renders loaded data: a loading panel until it first arrives, `render`'s view when it is there, and an error
/// panel with a working t_string!(i18n, common.try_again) when it failed. While a reload is under way the earlier content stays.
pub fn async_view<T, F>(what: fn(Locale) -> &'static str, data: Loaded<T>, render: F) -> AnyView
where
    T: 'static,
    F: Fn(T) -> AnyView + Send + Sync + 'static,
{
    let retrying = {
        let data = data.clone();
        Signal::derive(move || data.is_loading())
    };
    let retry = {
        let data = data.clone();
        Callback::new(move |_| data.retry())
    };
    (move || match data.read() {
        None => view! { <LoadingPanel what /> }.into_any(),
        Some(Ok(value)) => render(value),
        Some(Err(error)) => {
            let l = use_i18n().get_locale();
            view! {
                <ErrorPanel
                    title=labels::error_title(l, &error)
                    message=labels::error_text(l, &error)
                    on_retry=retry
                    retrying
                />
            }
            .into_any()
        }
    })
    .into_any()
}
