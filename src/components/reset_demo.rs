//! "Reset demo data": puts the mock backend back to its seed, after a confirmation step.

use leptos::prelude::*;

use crate::api;
use crate::i18n::{t, t_string, use_i18n};
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;
use crate::text::labels;

/// The reset control, with its confirmation.
#[component]
pub fn ResetDemo(
    /// Start with the confirmation open (the designer gallery shows both states).
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let session = use_session();
    let notices = use_notices();
    let i18n = use_i18n();
    let confirming = RwSignal::new(open);
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let start_ref = NodeRef::<leptos::html::Button>::new();

    let reset = move |_| {
        match api::reset_demo_data() {
            Ok(()) => notices.push(NoticeKind::Success, t_string!(i18n, demo.reset_done)),
            Err(error) => notices.push(
                NoticeKind::Warning,
                labels::error_text(i18n.get_locale_untracked(), &error),
            ),
        }
        confirming.set(false);
        session.data_changed();
    };

    // Move focus into the confirmation when it opens and back to the button when it closes.
    Effect::watch(
        move || confirming.get(),
        move |open, _, _| {
            let target = if *open {
                cancel_ref.get()
            } else {
                start_ref.get()
            };
            if let Some(button) = target {
                let _focused = button.focus();
            }
        },
        false,
    );

    view! {
        <div class="reset-demo">
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="button button--quiet"
                            node_ref=start_ref
                            on:click=move |_| confirming.set(true)
                        >
                            {t!(i18n, demo.reset)}
                        </button>
                    }
                }
            >
                <div
                    class="reset-demo__confirm"
                    role="group"
                    aria-labelledby="reset-demo-question"
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            confirming.set(false);
                        }
                    }
                >
                    <p id="reset-demo-question">
                        {t!(i18n, demo.reset_question)}
                    </p>
                    <div class="button-row">
                        <button type="button" class="button button--warning" on:click=reset>
                            {t!(i18n, demo.reset_yes)}
                        </button>
                        <button
                            type="button"
                            class="button button--secondary"
                            node_ref=cancel_ref
                            on:click=move |_| confirming.set(false)
                        >
                            {t!(i18n, common.cancel)}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
    .into_any()
}
