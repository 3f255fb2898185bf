//! `/profile`: the account fields (read-only, with corrections), the optional details, the security question,
//! and the optional data the company does not need.

mod account;
mod optional;
mod photo;
mod security;

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::page_heading::PageHeading;
use crate::components::unsaved_guard::guard_unsaved_changes;
use crate::domain::profile::Profile;
use crate::i18n::td_string;
use crate::routes::Page;
use crate::state::session::use_session;

/// The profile page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let session = use_session();
    let corrections_dirty = RwSignal::new(false);
    let optional_dirty = RwSignal::new(false);
    let security_dirty = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    guard_unsaved_changes(Signal::derive(move || {
        corrections_dirty.get() || optional_dirty.get() || security_dirty.get()
    }));
    let render = move |profile: Profile| {
        view! {
            <account::AccountDetails account=profile.account.clone() dirty=corrections_dirty />
            <optional::OptionalDetails saved=profile.optional.clone() dirty=optional_dirty status />
            <security::SecurityQuestionForm
                current=profile.security_question.clone()
                dirty=security_dirty
                status
            />
            <optional::Minimise saved=profile.optional status />
        }
        .into_any()
    };
    view! {
        <PageHeading page=Page::Profile />
        <p class="form-status" role="status">{move || status.get()}</p>
        <div class="profile">{async_view(|l| td_string!(l, load.profile), session.profile.loaded(), render)}</div>
    }
    .into_any()
}
