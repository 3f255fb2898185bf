//! Shared loading and error states for data read from the backend.

use leptos::prelude::*;

use crate::api::ApiError;

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
    /// True while the retry is under way. A plain `ReadSignal` (not `Signal`, whose conversion would allocate a
    /// new reactive node in the caller's scope) so the panel can outlive the async scope that rendered it.
    retrying: ReadSignal<bool>,
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

/// Renders a resource: a loading panel until it first resolves, `render`'s view when it succeeds, and an error
/// panel with a working "Try again" when it fails. While a refetch is under way the earlier content stays visible.
///
/// Errors are rendered from the typed `ApiError` here rather than through `<ErrorBoundary>`: with several
/// boundaries on one page, Leptos 0.8 delivered async errors to the wrong boundary (seen in the overview's
/// fault-injection tests), and the typed value gives a more specific message anyway.
pub fn async_view<T, F>(
    what: &'static str,
    resource: LocalResource<Result<T, ApiError>>,
    render: F,
) -> AnyView
where
    T: Clone + 'static,
    F: Fn(T) -> AnyView + Clone + Send + Sync + 'static,
{
    let pending = RwSignal::new(false);
    // Created here, in the caller's scope, so they outlive each render of the content below.
    let retrying = pending.read_only();
    let retry = Callback::new(move |_| resource.refetch());
    view! {
        <Transition fallback=move || view! { <LoadingPanel what /> } set_pending=pending.write_only()>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => render(value),
                        Err(error) => {
                            view! {
                                <ErrorPanel
                                    title=error.title()
                                    message=error.to_string()
                                    on_retry=retry
                                    retrying
                                />
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}
