//! One module per route, composing api, state and components.

pub mod activity;
pub mod communications;
pub mod cookies;
pub mod data;
pub mod lazy;
pub mod not_found;
pub mod overview;
pub mod policy;
pub mod profile;
pub mod requests;
pub mod sharing;
