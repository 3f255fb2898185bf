//! What a list says when it has nothing to show: why, and (as children) what to do next.

use leptos::prelude::*;

/// An empty list's explanation.
#[component]
pub fn EmptyPanel(
    /// Why there is nothing, e.g. "You have not made any requests yet."
    #[prop(into)]
    message: TextProp,
    /// What the user can do next, if anything (e.g. a link to show everything).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="empty-panel">
            <p class="empty-panel__message">{move || message.get()}</p>
            {children.map(|next| next())}
        </div>
    }
    .into_any()
}
