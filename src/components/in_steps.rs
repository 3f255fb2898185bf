//! Long pages built a few parts per animation frame, so that opening one never holds the browser for long.
//!
//! A page with many sections (the information page builds 16 categories and every record in them) would be a long
//! task in one go on a slow machine: clicks and key presses wait for it. [`Steps`] builds the first parts
//! at once and the rest a few per frame; the page is complete a few frames later, so printing, find in page and
//! links to a section still see everything.
//!
//! The portal's own first build uses the same steps, paced by tasks instead of frames ([`Steps::in_tasks`]): the
//! page, the header and the rest of the shell each get a task of their own, so no part of starting the portal
//! holds the browser for long (the wasm compiler works each function out on its first call, which makes a first
//! build several times slower than a later one). The first step comes in the next task; the later ones wait until
//! the browser is free, so the page's documents, asked for in the first, are shown as soon as they arrive.
//!
//! Kept rather than building every page in one go: re-measured on the plain build, one-go rendering saves a little
//! code but brings back long tasks on every first load and doubles the overview's time to content against its
//! budget (docs/benchmarks.md, "Size-driven code").

use leptos::prelude::*;

/// Parts built at once, and added in each following frame.
pub const PER_FRAME: usize = 2;

/// When the next step's parts are built.
#[derive(Clone, Copy)]
enum Pace {
    /// In the next animation frame, just before it is painted.
    Frame,
    /// In a task of their own, with the browser free to paint and handle input before it.
    Task,
}

/// The parts of one page, numbered in the order they are asked for.
#[derive(Clone, Copy)]
pub struct Steps {
    /// Parts built at once and in each following frame (or task).
    per_frame: usize,
    /// Frame by frame, or task by task.
    pace: Pace,
    /// How many parts are on the page.
    shown: RwSignal<usize>,
    /// How many parts were asked for.
    total: StoredValue<usize>,
}

impl Default for Steps {
    fn default() -> Self {
        Self::new()
    }
}

impl Steps {
    pub fn new() -> Self {
        Self::per_frame(PER_FRAME)
    }

    /// Steps of `per_frame` parts (at least one), for pages whose parts are large.
    pub fn per_frame(per_frame: usize) -> Self {
        let per_frame = per_frame.max(1);
        Self {
            per_frame,
            pace: Pace::Frame,
            shown: RwSignal::new(per_frame),
            total: StoredValue::new(0),
        }
    }

    /// Steps of `per_frame` parts that all wait for the next frame: for a page opened by navigation, whose first
    /// task already holds the unmounting of the page before it.
    pub fn from_next_frame(per_frame: usize) -> Self {
        let steps = Self::per_frame(per_frame);
        steps.shown.set(0);
        steps
    }

    /// Steps of one part each, every one built in a task of its own after this one: the first in the next task,
    /// the others when the browser has nothing more pressing to do (see [`crate::dom::when_free`]). For
    /// the portal's first build, whose task already holds the wasm module's start.
    pub fn in_tasks() -> Self {
        Self {
            pace: Pace::Task,
            ..Self::from_next_frame(1)
        }
    }

    /// Steps for a part of the page that is rebuilt when its data changes: its first build waits for the frame after
    /// the page opens ([`Self::from_next_frame`]); later builds start at once ([`Self::per_frame`]), so the page
    /// keeps its height and the reader's scroll position. `opened` remembers which build this is.
    pub fn on_open(opened: StoredValue<bool>, per_frame: usize) -> Self {
        if opened.get_value() {
            Self::per_frame(per_frame)
        } else {
            opened.set_value(true);
            Self::from_next_frame(per_frame)
        }
    }

    /// The next part: built at once when it is among the first steps's worth, otherwise in a later frame.
    pub fn part(&self, build: impl FnOnce() -> AnyView + 'static) -> AnyView {
        // One body for every caller: the generic wrapper only boxes (a copy per call site cost kilobytes of wasm).
        self.boxed_part(Box::new(build))
    }

    fn boxed_part(&self, build: Box<dyn FnOnce() -> AnyView>) -> AnyView {
        let index = self.total.get_value();
        self.total.set_value(index + 1);
        let shown = self.shown;
        let visible = Memo::new(move |_| index < shown.get());
        let build = StoredValue::new_local(Some(build));
        (move || {
            visible
                .get()
                .then(|| build.try_update_value(Option::take).flatten())
                .flatten()
                .map(|build| build())
        })
        .into_any()
    }

    /// Builds the remaining parts, a step's worth per animation frame (or task); `done` runs in the frame after the
    /// last. Stops quietly when the page is left (or rebuilt) first.
    pub fn run(self, done: impl FnOnce() + 'static) {
        self.boxed_run(Box::new(done));
    }

    fn boxed_run(self, done: Box<dyn FnOnce()>) {
        let done = StoredValue::new_local(Some(done));
        Effect::new(move |_| {
            let shown = self.shown.get();
            let total = self.total.try_get_value().unwrap_or(0);
            if shown < total {
                let (more, step) = (self.shown, self.per_frame);
                let next = move || {
                    let _left = more.try_update(|n| *n = (*n + step).min(total));
                };
                match self.pace {
                    Pace::Frame => request_animation_frame(next),
                    Pace::Task if shown == 0 => set_timeout(next, std::time::Duration::ZERO),
                    Pace::Task => crate::dom::when_free(next),
                }
            } else if let Some(done) = done.try_update_value(Option::take).flatten() {
                request_animation_frame(done);
            }
        });
    }
}
