//! The backend's documents as the app holds them: each loaded on first use, shared by every page and component
//! that reads it, and reloaded (keeping the old value on screen meanwhile) when data changes.
//!
//! One small cache instead of a `LocalResource` per component: a page that shows the profile twice fetches it
//! once, and the bundle carries one loading path per document type instead of one async machine per resource
//! (what that weighed: docs/benchmarks.md).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;

/// A boxed load of a document.
pub type Load<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// One document of the backend, shared by everything that shows it.
pub struct SharedDocument<T: Send + Sync + 'static> {
    outcome: RwSignal<Option<Result<T, ApiError>>>,
    loading: RwSignal<bool>,
    /// Whether anything has asked for the document yet.
    started: StoredValue<bool>,
    /// Which load is the latest; an older one finishing late is ignored.
    generation: StoredValue<u64>,
    /// When the latest load began (milliseconds since the epoch), so a view can say when it is slow.
    started_at: StoredValue<i64>,
    load: fn() -> Load<T>,
}

impl<T: Send + Sync + 'static> Clone for SharedDocument<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for SharedDocument<T> {}

impl<T: Clone + Send + Sync + 'static> SharedDocument<T> {
    /// A document loaded by `load`; nothing is fetched until it is first read.
    pub fn new(load: fn() -> Load<T>) -> Self {
        SharedDocument {
            outcome: RwSignal::new(None),
            loading: RwSignal::new(false),
            started: StoredValue::new(false),
            generation: StoredValue::new(0),
            started_at: StoredValue::new(0),
            load,
        }
    }

    /// Fetches the document again. The current value stays readable until the new one arrives.
    pub fn reload(&self) {
        self.started.set_value(true);
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.started_at
            .set_value(crate::api::now().timestamp_millis());
        self.loading.set(true);
        let this = *self;
        spawn_local(async move {
            let outcome = (this.load)().await;
            if this.generation.try_get_value() == Some(generation) {
                this.outcome.set(Some(outcome));
                this.loading.set(false);
            }
        });
    }

    /// Puts a value the backend has just confirmed (the answer to a write) in place, without fetching again.
    pub fn replace(&self, value: T) {
        self.started.set_value(true);
        self.generation.set_value(self.generation.get_value() + 1);
        self.outcome.set(Some(Ok(value)));
        self.loading.set(false);
    }

    /// Reloads the document if anything has read it yet (a write, a reset or another demo user changed it).
    pub fn refresh_if_used(&self) {
        if self.started.get_value() {
            self.reload();
        }
    }

    /// The latest outcome, reactively: `None` until the first load finishes. Starts the first load.
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        if !self.started.get_value() {
            self.started.set_value(true);
            self.started_at
                .set_value(crate::api::now().timestamp_millis());
            // Starting a load writes signals; do it outside whatever reactive scope is reading.
            let this = *self;
            queue_microtask(move || this.reload());
        }
        self.outcome.get()
    }

    /// The latest outcome, without subscribing to changes and without starting a load.
    pub fn get_untracked(&self) -> Option<Result<T, ApiError>> {
        self.outcome.get_untracked()
    }

    /// True while a load is under way.
    pub fn is_loading(&self) -> bool {
        self.loading.get()
    }

    /// When the latest load began (milliseconds since the epoch; 0 before the first), so a loading panel counts
    /// its wait from the read, not from when it was (re)built.
    pub fn since(&self) -> i64 {
        self.started_at.get_value()
    }

    /// This document as something a view can wait for.
    pub fn loaded(self) -> Loaded<T> {
        Loaded {
            read: Arc::new(move || self.get()),
            loading: Arc::new(move || self.is_loading()),
            retry: Arc::new(move || self.reload()),
            since: Arc::new(move || self.since()),
        }
    }
}

/// What a view waits for: one document or several combined. Type-erased, so views stay small.
pub struct Loaded<T> {
    read: Arc<dyn Fn() -> Option<Result<T, ApiError>> + Send + Sync>,
    loading: Arc<dyn Fn() -> bool + Send + Sync>,
    retry: Arc<dyn Fn() + Send + Sync>,
    since: Arc<dyn Fn() -> i64 + Send + Sync>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        Loaded {
            read: self.read.clone(),
            loading: self.loading.clone(),
            retry: self.retry.clone(),
            since: self.since.clone(),
        }
    }
}

impl<T: 'static> Loaded<T> {
    /// The outcome, reactively; `None` while loading for the first time.
    pub fn read(&self) -> Option<Result<T, ApiError>> {
        (self.read)()
    }

    /// True while any part is loading.
    pub fn is_loading(&self) -> bool {
        (self.loading)()
    }

    /// When the wait began (milliseconds since the epoch): the earliest start of any part.
    pub fn since(&self) -> i64 {
        (self.since)()
    }

    /// Loads every part again.
    pub fn retry(&self) {
        (self.retry)()
    }

    /// Both outcomes together: loaded when both are, failed when either failed (the first failure is reported).
    pub fn and<U: 'static>(self, other: Loaded<U>) -> Loaded<(T, U)> {
        let (a, b) = (self.clone(), other.clone());
        let (la, lb) = (self.clone(), other.clone());
        Loaded {
            read: Arc::new(move || match (a.read(), b.read()) {
                (Some(Err(error)), _) | (_, Some(Err(error))) => Some(Err(error)),
                (Some(Ok(x)), Some(Ok(y))) => Some(Ok((x, y))),
                _ => None,
            }),
            loading: Arc::new(move || la.is_loading() || lb.is_loading()),
            since: {
                let (sa, sb) = (self.clone(), other.clone());
                Arc::new(move || sa.since().min(sb.since()))
            },
            retry: Arc::new(move || {
                self.retry();
                other.retry();
            }),
        }
    }
}
