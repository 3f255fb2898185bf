//! The iCanopus privacy self-service portal: a Leptos single-page app over a static-JSON mock backend.

// Release builds compile `Debug` formatting to nothing (`-Zfmt-debug=none`, scripts/release-env), so app code must not
// use `{:?}` for anything it shows, stores or compares; tests may. Clippy's `use_debug` catches it in `write!` and
// `print!` (not in `format!`: the end-to-end tests of dates per language and time zone run the release build).
#![cfg_attr(not(test), deny(clippy::use_debug))]

pub mod api;
pub mod app;
pub mod components;
pub mod dom;
pub mod domain;

// The message catalogues in locales/, compiled in: a missing or misspelt key fails the build.
#[allow(deprecated)]
mod catalogues {
    leptos_i18n::load_locales!();
}
pub use catalogues::i18n;

pub mod pages;
#[cfg(preview)]
pub mod preview;
pub mod routes;
pub mod state;
pub mod text;

pub use app::App;

#[cfg(test)]
mod catalogue_tests;
