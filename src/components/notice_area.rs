//! Where notices appear: announced politely to screen readers, dismissable.

use leptos::prelude::*;

use crate::i18n::{t, use_i18n};
use crate::state::notices::{use_notices, NoticeKind};

/// One notice, with its "Dismiss" button.
#[component]
pub fn NoticeCard(
    /// Success or warning.
    kind: NoticeKind,
    /// What to tell the user.
    #[prop(into)]
    text: String,
    /// A link after the text (its words, its address), opened in a new tab.
    #[prop(default = None)]
    link: Option<(String, String)>,
    /// Called when the user dismisses it.
    on_dismiss: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class=match kind {
            NoticeKind::Success => "notice notice--success",
            NoticeKind::Warning => "notice notice--warning",
        }>
            <p class="notice__text">
                {text}
                {link.map(|(words, href)| {
                    view! {
                        " "
                        <a href=href target="_blank" rel="noopener">
                            {words}
                            <span class="visually-hidden">" "{t!(i18n, regulator.new_tab)}</span>
                        </a>
                    }
                })}
            </p>
            <button type="button" class="button-link notice__dismiss" on:click=move |_| on_dismiss.run(())>
                {t!(i18n, common.dismiss)}
                <span class="visually-hidden">" "{t!(i18n, common.this_message)}</span>
            </button>
        </div>
    }
    .into_any()
}

/// The list of current notices.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let notices = use_notices();
    view! {
        <div class="notice-area" role="status" aria-live="polite">
            <For each=move || notices.list() key=|notice| notice.id let:notice>
                <NoticeCard
                    kind=notice.kind
                    text=notice.text.clone()
                    link=notice.link.clone()
                    on_dismiss=Callback::new(move |()| notices.dismiss(notice.id))
                />
            </For>
        </div>
    }
    .into_any()
}
