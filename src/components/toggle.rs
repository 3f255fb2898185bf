//! A switch: a real checkbox with `role="switch"`, its label beside it.

use leptos::prelude::*;

/// One on/off choice.
#[component]
pub fn Toggle(
    /// The input's id (its label points to it).
    #[prop(into)]
    id: String,
    /// What the switch turns on.
    #[prop(into)]
    label: TextProp,
    /// Whether it is on.
    #[prop(into)]
    on: Signal<bool>,
    /// True when it cannot be changed now (while saving, or always for a locked choice).
    #[prop(into)]
    disabled: Signal<bool>,
    /// Ids of the texts that describe it (space-separated), if any.
    #[prop(optional, into)]
    described_by: Option<String>,
    /// Called with the new state when the user flips it.
    on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="toggle">
            <input
                type="checkbox"
                role="switch"
                class="toggle__input"
                id=id.clone()
                aria-describedby=described_by
                prop:checked=move || on.get()
                disabled=move || disabled.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label class="toggle__label" for=id>{move || label.get()}</label>
        </div>
    }
    .into_any()
}
