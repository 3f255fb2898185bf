//! Plain data and the policy's rules about it: the documents' types (read by `json`, written by serde), counts,
//! schedules, due dates.
//! Nothing here knows about Leptos, the browser or the backend, so every rule is tested with `cargo test`.

pub mod account_export;
pub mod activity;
pub mod activity_filter;
pub mod category_policy;
pub mod communications;
pub mod cookies;
pub mod data_filter;
pub mod edits;
pub mod export;
pub mod inventory;
pub mod json;
pub mod language;
pub mod marketing;
pub mod nomination;
pub mod policy;
pub mod product;
pub mod profile;
pub mod profile_rules;
pub mod records;
pub mod requests;
pub mod sharing;
pub mod simulation;
pub mod text_diff;
