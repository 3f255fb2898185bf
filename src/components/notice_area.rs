//! Where notices appear: announced politely to screen readers, dismissable.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};
use crate::state::notices::{use_notices, NoticeKind};

/// The list of current notices.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    view! {
        <div class="notice-area" role="status" aria-live="polite">
            <For each=move || notices.list() key=|notice| notice.id let:notice>
                <div class=match notice.kind {
                    NoticeKind::Success => "notice notice--success",
                    NoticeKind::Warning => "notice notice--warning",
                }>
                    <p class="notice__text">{notice.text.clone()}</p>
                    <button
                        type="button"
                        class="button-link notice__dismiss"
                        on:click=move |_| notices.dismiss(notice.id)
                    >
                        {t!(i18n, common.dismiss)}
                        <span class="visually-hidden">" "{t!(i18n, common.this_message)}</span>
                    </button>
                </div>
            </For>
        </div>
    }
    .into_any()
}
