//! The iCanopus privacy self-service portal: a Leptos single-page app over a static-JSON mock backend.

pub mod api;
pub mod app;
pub mod components;
pub mod domain;

// The message catalogues in locales/, compiled in: a missing or misspelt key fails the build.
#[allow(deprecated)]
mod catalogues {
    leptos_i18n::load_locales!();
}
pub use catalogues::i18n;

pub mod pages;
pub mod routes;
pub mod state;

pub use app::App;

#[cfg(test)]
mod catalogue_tests;
