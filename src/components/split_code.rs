//! A view whose code lives in a WebAssembly module of its own (a `wasm_split` split point), shown once that code has
//! come: a lazily loaded page (`pages/lazy.rs`) or the cookie banner's choices. Until then the caller's "meanwhile"
//! view shows that it is on its way or, when it could not be fetched, why, with a "Try again" that fetches it again.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use crate::components::async_view::ErrorPanel;
use crate::i18n::{td_string, use_i18n, Locale};
use crate::text::format::fill;

/// Code on its way.
pub type Fetching = Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;

/// A view being built, its code fetched first if need be.
pub type Building = Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// How a view's code is fetched, and how the view is built once the code is there.
#[derive(Clone)]
pub struct SplitCode {
    pub fetch: Arc<dyn Fn() -> Fetching + Send + Sync>,
    pub build: Arc<dyn Fn() -> Building + Send + Sync>,
}

/// What shows while the code is not there.
pub enum Meanwhile {
    /// The code is on its way.
    Loading,
    /// The code could not be fetched; `retry` fetches it again, `retrying` is true while it does.
    Failed {
        retry: Callback<()>,
        retrying: Signal<bool>,
    },
}

/// The view `code` builds once `fetching` has brought its code (with `None`: a fetch that already failed);
/// `meanwhile` until then. The view is built only if this one is still on screen when the code comes, under its
/// owner, so it finds the portal's contexts and goes when this view does.
pub fn when_code_arrives(
    code: SplitCode,
    fetching: Option<Fetching>,
    meanwhile: impl Fn(Meanwhile) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let owner = Owner::current().unwrap_or_default();
    let failed = RwSignal::new(fetching.is_none());
    let retrying = RwSignal::new(false);
    let arrived = RwSignal::new(false);
    // The built view, handed from the waiting task to the view below once.
    let slot = Arc::new(Mutex::new(None::<AnyView>));
    let wait = {
        let slot = Arc::clone(&slot);
        let build = Arc::clone(&code.build);
        move |fetching: Fetching| {
            let slot = Arc::clone(&slot);
            let build = Arc::clone(&build);
            spawn_local(owner.with(|| {
                ScopedFuture::new_untracked(async move {
                    let fetched = fetching.await;
                    if arrived.try_get_untracked().is_none() {
                        // The reader has moved on: this view and its owner are gone.
                        return;
                    }
                    let built = match fetched {
                        Ok(()) => build().await,
                        Err(error) => Err(error),
                    };
                    match built {
                        Ok(view) => {
                            if let Ok(mut slot) = slot.lock() {
                                *slot = Some(view);
                            }
                            let _disposed = arrived.try_set(true);
                        }
                        Err(_) => {
                            let _disposed = failed.try_set(true);
                            let _disposed = retrying.try_set(false);
                        }
                    }
                })
            }));
        }
    };
    if let Some(fetching) = fetching {
        wait(fetching);
    }
    let retry = {
        let fetch = Arc::clone(&code.fetch);
        Callback::new(move |_| {
            if retrying.get_untracked() {
                return;
            }
            retrying.set(true);
            wait(fetch());
        })
    };
    (move || {
        if arrived.get() {
            if let Some(view) = slot.lock().ok().and_then(|mut slot| slot.take()) {
                return view;
            }
        }
        if failed.get() {
            meanwhile(Meanwhile::Failed {
                retry,
                retrying: retrying.into(),
            })
        } else {
            meanwhile(Meanwhile::Loading)
        }
    })
    .into_any()
}

/// Says that the code of `what` (e.g. "this page") could not be fetched, with a "Try again" and a "Reload the page"
/// (code that will not come back, such as a version deployed since, comes with the reload); `focus_next` is where
/// keyboard focus goes once the retry brings it (the page's heading by default).
pub fn code_missing(
    what: fn(Locale) -> &'static str,
    retry: Callback<()>,
    retrying: Signal<bool>,
    focus_next: Option<String>,
) -> AnyView {
    let l = use_i18n().get_locale();
    let title = fill(td_string!(l, errors.title), &[("subject", &what(l))]);
    view! {
        <ErrorPanel
            title=title
            message=td_string!(l, errors.page_code)
            on_retry=retry
            retrying=retrying
            focus_next=focus_next
            offer_reload=true
        />
    }
    .into_any()
}
