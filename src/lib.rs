//! The iCanopus privacy self-service portal: a Leptos single-page app over a static-JSON mock backend.

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod pages;
pub mod routes;
pub mod state;

pub use app::App;
