//! Links to a section of `/policy`, from its contents and from its change history.

use leptos::prelude::*;

use crate::domain::policy::OutlineEntry;

/// A link to a section on this page: it scrolls there and puts the section in the address bar, so the link can be
/// copied and shared.
pub fn section_link(entry: &OutlineEntry) -> impl IntoView + use<> {
    let id = entry.anchor.clone();
    view! {
        <a
            class="section-link"
            href=format!("#{}", entry.anchor)
            on:click=move |ev| {
                ev.prevent_default();
                if let Some(element) = document().get_element_by_id(&id) {
                    element.scroll_into_view();
                    let _ = window().history().map(|h| {
                        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{id}")))
                    });
                }
            }
        >
            {entry.title.clone()}
        </a>
    }
}
