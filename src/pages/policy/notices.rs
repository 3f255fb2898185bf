//! Notices sent to the user (policy changes, a change of ownership), with read and unread state.

use leptos::prelude::*;

use crate::api;
use crate::components::format;
use crate::domain::policy::{PolicyNotice, PolicyNoticeKind};
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;

fn notice_item(notice: PolicyNotice) -> impl IntoView {
    let session = use_session();
    let notices = use_notices();
    let unread = notice.read_at.is_none();
    let id = notice.id.clone();
    let toggle = Action::new_local(move |read: &bool| {
        let read = *read;
        let id = id.clone();
        async move {
            match api::set_notice_read(&id, read).await {
                Ok(board) => {
                    session.notices.replace(board);
                    session.activity.refresh_if_used();
                }
                Err(error) => {
                    notices.push(NoticeKind::Warning, format!("Nothing changed. {error}"))
                }
            }
        }
    });
    let pending = toggle.pending();
    let kind = match notice.kind {
        PolicyNoticeKind::PolicyChange => "Policy change",
        PolicyNoticeKind::OwnershipChange => "Change of ownership",
    };
    view! {
        <li class="policy-notice" class:policy-notice--unread=unread>
            <p class="policy-notice__head">
                {unread.then(|| view! { <strong class="policy-notice__badge">"Unread"</strong> })}
                <span class="muted">{format!("{kind} · {}", format::date(notice.published_at))}</span>
            </p>
            <h3 class="policy-notice__title">{notice.title.clone()}</h3>
            <p>{notice.body.clone()}</p>
            <button
                type="button"
                class="button-link"
                disabled=move || pending.get()
                on:click=move |_| {
                    toggle.dispatch(unread);
                }
            >
                {if unread { "Mark as read" } else { "Mark as unread" }}
                <span class="visually-hidden">{format!(": {}", notice.title)}</span>
            </button>
        </li>
    }
}

/// The notices section.
#[component]
pub fn PolicyNoticesList() -> impl IntoView {
    let session = use_session();
    move || {
        match session.notices.get() {
        None => view! { <p class="muted">"Loading your notices…"</p> }.into_any(),
        Some(Err(error)) => view! {
            <p>
                {format!("{}. ", error.title())}
                <button type="button" class="button-link" on:click=move |_| session.notices.reload()>"Try again"</button>
            </p>
        }
        .into_any(),
        Some(Ok(board)) => {
            let unread = board.unread_count();
            view! {
                <section class="policy-notices" id="notices" aria-labelledby="notices-title">
                    <h2 id="notices-title">
                        "Notices to you"
                        <span class="muted">{format!(" ({unread} unread)")}</span>
                    </h2>
                    <ul class="plain-list">{board.newest_first().into_iter().map(notice_item).collect_view()}</ul>
                </section>
            }
            .into_any()
        }
    }
    }
}
