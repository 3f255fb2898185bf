//! Asking before unsaved changes are lost: closing or reloading the tab, or following a link elsewhere.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::i18n::{td_string, use_i18n};

/// While `dirty` is true, leaving the page asks first. Active until the calling component is removed.
pub fn guard_unsaved_changes(dirty: Signal<bool>) {
    let i18n = use_i18n();
    let before_unload = window_event_listener_untyped("beforeunload", move |event| {
        if dirty.get_untracked() {
            // The browser shows its own wording for this one.
            event.prevent_default();
            if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                event.set_return_value("");
            }
        }
    });

    // Links: checked before the router sees the click (capture phase on the document).
    let on_click =
        Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event: web_sys::MouseEvent| {
            if !dirty.get_untracked() || event.default_prevented() {
                return;
            }
            let link = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten());
            let Some(link) = link else {
                return;
            };
            let href = link.get_attribute("href").unwrap_or_default();
            if href.starts_with('#') {
                return;
            }
            if !window()
                .confirm_with_message(td_string!(
                    i18n.get_locale_untracked(),
                    common.leave_question
                ))
                .unwrap_or(true)
            {
                event.prevent_default();
                event.stop_immediate_propagation();
            }
        });
    let document = document();
    let _added = document.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    let listener = SendWrapper::new((document, on_click));
    on_cleanup(move || {
        before_unload.remove();
        let (document, on_click) = listener.take();
        let _removed = document.remove_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
    });
}
