//! Notices sent to the user (policy changes, a change of ownership), with read and unread state.

use leptos::prelude::*;

use crate::api;
use crate::components::async_view::async_view;
use crate::domain::policy::{PolicyNotice, PolicyNoticeKind, PolicyNotices};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

fn notice_item(l: Locale, notice: PolicyNotice) -> impl IntoView {
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
                Err(error) => notices.push(
                    NoticeKind::Warning,
                    fill(
                        td_string!(l, common.nothing_changed),
                        &[("error", &labels::error_text(l, &error))],
                    ),
                ),
            }
        }
    });
    let pending = toggle.pending();
    let kind = match notice.kind {
        PolicyNoticeKind::PolicyChange => td_string!(l, notices.policy_change),
        PolicyNoticeKind::OwnershipChange => td_string!(l, notices.ownership),
    };
    view! {
        <li class="policy-notice" class:policy-notice--unread=unread>
            <p class="policy-notice__head">
                {unread.then(|| view! { <strong class="policy-notice__badge">{td_string!(l, notices.unread)}</strong> })}
                <span class="muted">{format!("{kind} · {}", format::date(notice.published_at))}</span>
            </p>
            <h3 class="policy-notice__title">{notice.title.clone()}</h3>
            <p>{notice.body.clone()}</p>
            <button
                type="button"
                id=format!("notice-{}-read", notice.id)
                class="button-link"
                disabled=move || pending.get()
                on:click=move |_| {
                    toggle.dispatch(unread);
                }
            >
                {if unread { td_string!(l, notices.mark_read) } else { td_string!(l, notices.mark_unread) }}
                <span class="visually-hidden">{format!(": {}", notice.title)}</span>
            </button>
        </li>
    }
}

/// The notices section.
#[component]
pub fn PolicyNoticesList() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let render = move |board: PolicyNotices| {
        let l = i18n.get_locale();
        let unread = board.unread_count();
        view! {
            <section class="policy-notices" id="notices" aria-labelledby="notices-title">
                <h2 id="notices-title">
                    {td_string!(l, notices.title)}
                    <span class="muted">{fill(td_string!(l, notices.unread_count), &[("unread", &unread)])}</span>
                </h2>
                <ul class="plain-list">{board.newest_first().into_iter().map(|notice| notice_item(l, notice)).collect_view()}</ul>
            </section>
        }
        .into_any()
    };
    async_view(
        |l| td_string!(l, load.notices),
        session.notices.loaded(),
        render,
    )
}
