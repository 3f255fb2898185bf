//! Form errors, the GOV.UK way: a summary titled "There is a problem" at the top of the form, focused when it
//! appears, linking to each field; and a message at the field itself.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, use_i18n};

/// One problem: the id of the field it concerns, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub message: String,
}

/// Moves focus to the field with `id` and scrolls it into view.
fn focus_field(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        element.scroll_into_view();
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _focused = element.focus();
        }
    }
}

/// The summary; shows nothing while there is no problem.
#[component]
pub fn ErrorSummary(
    /// The problems to list, in the order of the fields.
    #[prop(into)]
    problems: Signal<Vec<FieldProblem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = NodeRef::<leptos::html::Div>::new();
    // Focus the summary each time a submit finds problems, so screen readers read it out.
    Effect::watch(
        move || problems.get().len(),
        move |count, _, _| {
            if *count > 0 {
                request_animation_frame(move || {
                    if let Some(summary) = summary.get_untracked() {
                        let _focused = summary.focus();
                    }
                });
            }
        },
        false,
    );
    view! {
        <div
            class="error-summary"
            class:error-summary--hidden=move || problems.with(Vec::is_empty)
            role="alert"
            tabindex="-1"
            node_ref=summary
        >
            <Show when=move || !problems.with(Vec::is_empty)>
                <h2 class="error-summary__title">{t!(i18n, errors.summary_title)}</h2>
                <ul class="error-summary__list">
                    <For each=move || problems.get() key=|p| (p.field, p.message.clone()) let:problem>
                        <li>
                            <a
                                href=format!("#{}", problem.field)
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_field(problem.field);
                                }
                            >
                                {problem.message.clone()}
                            </a>
                        </li>
                    </For>
                </ul>
            </Show>
        </div>
    }
    .into_any()
}

/// The message shown at a field, if `problems` has one for it.
pub fn field_message(
    problems: Signal<Vec<FieldProblem>>,
    field: &'static str,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        problems.with(|list| {
            list.iter()
                .find(|p| p.field == field)
                .map(|p| p.message.clone())
        })
    }
}

/// The error text under a field; its id is `{field}-error`, for the field's `aria-describedby`.
#[component]
pub fn FieldError(
    /// The field's id.
    field: &'static str,
    /// The problems of the form.
    #[prop(into)]
    problems: Signal<Vec<FieldProblem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = field_message(problems, field);
    view! {
        <Show when=move || message().is_some()>
            <p class="field-error" id=format!("{field}-error")>
                <span class="visually-hidden">{t!(i18n, errors.prefix)}" "</span>
                {message}
            </p>
        </Show>
    }
    .into_any()
}
