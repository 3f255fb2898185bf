//! Shared loading and error states for data read from the backend.

use leptos::prelude::*;

use crate::state::documents::Loaded;

/// Shown while data is on its way.
#[component]
pub fn LoadingPanel(
    /// What is loading, e.g. "your requests".
    #[prop(into)]
    what: String,
) -> impl IntoView {
    view! {
        <div class="loading-panel" role="status">
            <span class="loading-panel__spinner" aria-hidden="true"></span>
            <span>{format!("Loading {what}…")}</span>
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
    /// Called by "Try again".
    on_retry: Callback<()>,
    /// True while the retry is under way.
    retrying: Signal<bool>,
) -> impl IntoView {
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
                {move || if retrying.get() { "Trying again…" } else { "Try again" }}
            </button>
        </div>
    }
}

/// Renders loaded data: a loading panel until it first arrives, `render`'s view when it is there, and an error
/// panel with a working "Try again" when it failed. While a reload is under way the earlier content stays.
pub fn async_view<T, F>(what: &'static str, data: Loaded<T>, render: F) -> AnyView
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
        Some(Err(error)) => view! {
            <ErrorPanel title=error.title() message=error.to_string() on_retry=retry retrying />
        }
        .into_any(),
    })
    .into_any()
}
