//! Reusable UI. Components know domain types and the api's error type, never pages.

pub mod async_view;
pub mod choices;
pub mod confirm_step;
pub mod cookie_banner;
pub mod cookie_choices;
pub mod download;
pub mod empty_panel;
pub mod error_summary;
pub mod filter_form;
pub mod in_steps;
pub mod language_switcher;
pub mod notice_area;
pub mod page_heading;
pub mod persona_switcher;
pub mod primary_nav;
pub mod record_card;
pub mod request_timeline;
pub mod reset_demo;
pub mod site_footer;
pub mod site_header;
pub mod split_code;
pub mod status_badge;
pub mod summary_card;
pub mod text_field;
pub mod toggle;
pub mod unsaved_guard;
