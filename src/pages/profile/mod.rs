//! `/profile`: the account fields (read-only, with corrections), the optional details, the security question,
//! and the optional data the company does not need.

mod account;
mod nominee;
mod optional;
mod photo;
mod security;

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::in_steps::{Steps, PER_FRAME};
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
    // What the forms hold lives here, outside the sections rebuilt when the profile refreshes.
    let correction = account::CorrectionDraft::empty();
    let optional = optional::OptionalDraft::empty();
    let typed = security::Typed::empty();
    let nominee = nominee::NomineeDraft::empty();
    optional.follow(move || {
        session
            .profile
            .get()
            .and_then(Result::ok)
            .map(|p| p.optional)
    });
    guard_unsaved_changes(Signal::derive(move || {
        corrections_dirty.get()
            || optional_dirty.get()
            || security_dirty.get()
            || session
                .nominee
                .get_untracked()
                .and_then(Result::ok)
                .is_some_and(|saved| nominee.differs_from(saved.nominee.as_ref()))
    }));
    // Two sections a frame, from the frame after the page opens (see `in_steps`): the whole form in one go was a long
    // task on a first visit. A rebuild after a save starts at once, so the page keeps its height and scroll.
    let opened = StoredValue::new(false);
    let render = move |profile: Profile| {
        let steps = Steps::on_open(opened, PER_FRAME);
        let account = profile.account.clone();
        let saved = profile.optional.clone();
        let view = view! {
            {steps.part(move || view! { <account::AccountDetails account draft=correction dirty=corrections_dirty /> }.into_any())}
            {steps.part(move || view! { <optional::OptionalDetails saved draft=optional dirty=optional_dirty status /> }.into_any())}
            {steps.part(move || {
                view! {
                    <security::SecurityQuestionForm current=profile.security_question typed dirty=security_dirty status />
                }
                .into_any()
            })}
            {steps.part(move || view! { <nominee::NomineeSection draft=nominee status /> }.into_any())}
            {steps.part(move || view! { <optional::Minimise saved=profile.optional draft=optional status /> }.into_any())}
        }
        .into_any();
        steps.run(|| ());
        view
    };
    view! {
        <PageHeading page=Page::Profile />
        <p class="form-status" role="status">{move || status.get()}</p>
        <div class="profile">{async_view(|l| td_string!(l, load.profile), session.profile.loaded(), render)}</div>
    }
    .into_any()
}
