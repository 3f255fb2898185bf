//! Shared loading and error states for data read from the backend.

use std::time::Duration;

use leptos::prelude::*;

use crate::api;
use crate::components::page_heading::PAGE_TITLE_ID;
use crate::i18n::{t, t_string, use_i18n, Locale};
use crate::state::documents::Loaded;
use crate::text::format::fill;
use crate::text::labels;

/// How long a read may take before the loading panel says so and offers to start it again.
pub const SLOW_AFTER: Duration = Duration::from_secs(3);

thread_local! {
    static RETRY_BUTTONS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A new id for the "Try again" button of one read. The loading and error panels of that read share it, and an
/// error panel rebuilt after another failure keeps it, so the keyboard focus given up by pressing the button (it is
/// disabled or hidden while the read runs) comes back to it (`crate::dom::give_focus_back`); once the content has
/// come, the button names the page's heading as the place to go instead (`data-focus-next`).
fn new_retry_id() -> String {
    let n = RETRY_BUTTONS.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    format!("retry-{n}")
}

/// Shown while data is on its way. After [`SLOW_AFTER`] it says that this is taking longer than usual and, when
/// given `on_retry`, offers to start the read again (without it, that what is loading appears when it comes).
#[component]
pub fn LoadingPanel(
    /// What is loading, e.g. "your requests", in the given language.
    what: fn(Locale) -> &'static str,
    /// Starts the read again; offered once the read is slow.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
    /// When the read began (milliseconds since the epoch); by default, when the panel appears.
    #[prop(optional)]
    since: Option<i64>,
    /// Shows the slow state at once (the component gallery).
    #[prop(optional)]
    slow_now: bool,
    /// The id of the "Try again" button; a new one by default.
    #[prop(optional)]
    retry_id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let retry_id = retry_id.unwrap_or_else(new_retry_id);
    let slow = RwSignal::new(slow_now);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let start_timer = move |waited_ms: i64| {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        let left =
            SLOW_AFTER.saturating_sub(Duration::from_millis(waited_ms.max(0).unsigned_abs()));
        let handle = set_timeout_with_handle(
            move || {
                let _disposed = slow.try_set(true);
            },
            left,
        )
        .ok();
        timer.set_value(handle);
    };
    if !slow_now {
        // A start of 0 means not known yet: count from now.
        let waited = since
            .filter(|since| *since > 0)
            .map_or(0, |since| api::now().timestamp_millis() - since);
        start_timer(waited);
    }
    on_cleanup(move || {
        if let Some(Some(handle)) = timer.try_get_value() {
            handle.clear();
        }
    });
    let retry = move |_| {
        slow.set(false);
        start_timer(0);
        if let Some(on_retry) = on_retry {
            on_retry.run(());
        }
    };
    // With a retry, the panel offers it; without, it says that what is loading appears by itself.
    let slow_text = move || {
        if on_retry.is_some() {
            t_string!(i18n, load.slow)
        } else {
            t_string!(i18n, load.slow_wait)
        }
    };
    view! {
        <div class="loading-panel" role="status">
            <p class="loading-panel__line">
                <span class="loading-panel__spinner" aria-hidden="true"></span>
                <span>{move || fill(t_string!(i18n, load.text), &[("what", &what(i18n.get_locale()))])}</span>
            </p>
            <Show when=move || slow.get()>
                <p class="loading-panel__slow">{slow_text}</p>
                {on_retry.map(|_| view! {
                    <button
                        type="button"
                        id=retry_id.clone()
                        data-focus-next=PAGE_TITLE_ID
                        class="button button--secondary"
                        on:click=retry
                    >
                        {t!(i18n, common.try_again)}
                    </button>
                })}
            </Show>
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
    /// The id of the "Try again" button; a new one by default.
    #[prop(optional)]
    retry_id: Option<String>,
    /// Where keyboard focus goes when the retry brings what was missing and the panel goes; the page's heading by
    /// default.
    #[prop(optional_no_strip)]
    focus_next: Option<String>,
    /// Also offer "Reload the page": for the app's own code, which a reload brings in the version the server has now.
    #[prop(optional)]
    offer_reload: bool,
    /// The title is the page's section heading (`h2`) rather than a heading within a section (`h3`).
    #[prop(optional)]
    top_level: bool,
    /// The retry button's words when it does something else than read again ("Try saving again").
    #[prop(optional, into)]
    retry_label: Option<TextProp>,
    /// Said after the message, e.g. what was kept.
    #[prop(optional, into)]
    note: Option<TextProp>,
) -> impl IntoView {
    let i18n = use_i18n();
    let retry_id = retry_id.unwrap_or_else(new_retry_id);
    let focus_next = focus_next.unwrap_or_else(|| PAGE_TITLE_ID.to_string());
    let title = if top_level {
        view! { <h2 class="error-panel__title">{title}</h2> }.into_any()
    } else {
        view! { <h3 class="error-panel__title">{title}</h3> }.into_any()
    };
    let retry_text = move || match (&retry_label, retrying.get()) {
        (_, true) => t_string!(i18n, common.trying_again).to_string(),
        (Some(label), false) => label.get().to_string(),
        (None, false) => t_string!(i18n, common.try_again).to_string(),
    };
    view! {
        <div class="error-panel" role="alert">
            {title}
            <p class="error-panel__message">{message}</p>
            {note.map(|note| view! { <p>{move || note.get()}</p> })}
            <div class="error-panel__actions">
                <button
                    type="button"
                    id=retry_id
                    data-focus-next=focus_next
                    class="button button--secondary"
                    disabled=move || retrying.get()
                    on:click=move |_| on_retry.run(())
                >
                    {retry_text}
                </button>
                {offer_reload.then(|| view! {
                    <button type="button" class="button button--quiet" on:click=|_| crate::dom::reload_page()>
                        {t!(i18n, common.reload_page)}
                    </button>
                })}
            </div>
        </div>
    }
}

/// Renders loaded data: a loading panel until it first arrives, `render`'s view when it is there, and an error
/// panel with a working "Try again" when it failed. While a reload is under way the earlier content stays.
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
    let retry_id = new_retry_id();
    (move || match data.read() {
        None => view! { <LoadingPanel what on_retry=retry since=data.since() retry_id=retry_id.clone() /> }
            .into_any(),
        Some(Ok(value)) => render(value),
        Some(Err(error)) => {
            let l = use_i18n().get_locale();
            view! {
                <ErrorPanel
                    title=labels::error_title(l, &error)
                    message=labels::error_text(l, &error)
                    on_retry=retry
                    retrying
                    retry_id=retry_id.clone()
                />
            }
            .into_any()
        }
    })
    .into_any()
}
