//! A labelled text field, the GOV.UK way: label, optional hint, the message for its problem, then the input
//! (or a text area), described by the hint and the message.

use leptos::prelude::*;

use crate::components::error_summary::{field_message, FieldError, FieldProblem};

/// What kind of text the field takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextKind {
    /// One line.
    #[default]
    Line,
    /// One line, not shown (a secret answer).
    Secret,
    /// Several lines, in a text area of this many rows.
    Lines(u8),
    /// A day, with the browser's date picker (its value is `YYYY-MM-DD` or empty).
    Date,
}

/// The `aria-describedby` of a field: its hint, then its error message, whichever it has.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut parts = Vec::with_capacity(2);
    if hint {
        parts.push(format!("{id}-hint"));
    }
    if error {
        parts.push(format!("{id}-error"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// One text field.
#[component]
pub fn TextField(
    /// The input's id; the hint is `{id}-hint` and the message `{id}-error`.
    id: &'static str,
    /// The label.
    #[prop(into)]
    label: TextProp,
    /// A hint under the label, if any.
    #[prop(optional, into)]
    hint: Option<TextProp>,
    /// The form's problems; the one for `id`, if any, shows here.
    #[prop(into)]
    problems: Signal<Vec<FieldProblem>>,
    /// The text, kept while the user types.
    value: RwSignal<String>,
    /// One line, a secret, or several lines.
    #[prop(optional)]
    kind: TextKind,
    /// Called after each keystroke (e.g. to note unsaved changes).
    #[prop(optional)]
    on_input: Option<Callback<()>>,
    /// An extra class on the field (e.g. the conditional field of a radio).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let error = field_message(problems, id);
    let has_hint = hint.is_some();
    let describe = move || described_by(id, has_hint, error().is_some());
    let invalid = move || error().is_some().to_string();
    let input = move |ev| {
        value.set(event_target_value(&ev));
        if let Some(on_input) = on_input {
            on_input.run(());
        }
    };
    let control = match kind {
        TextKind::Lines(rows) => view! {
            <textarea
                id=id
                rows=rows.to_string()
                aria-invalid=invalid
                aria-describedby=describe
                prop:value=move || value.get()
                on:input=input
            ></textarea>
        }
        .into_any(),
        TextKind::Line | TextKind::Secret | TextKind::Date => view! {
            <input
                id=id
                type=match kind {
                    TextKind::Secret => "password",
                    TextKind::Date => "date",
                    _ => "text",
                }
                autocomplete="off"
                spellcheck="false"
                aria-invalid=invalid
                aria-describedby=describe
                prop:value=move || value.get()
                on:input=input
            />
        }
        .into_any(),
    };
    view! {
        <div class=format!("form-field {class}")>
            <label for=id>{move || label.get()}</label>
            {hint.map(|hint| view! { <p class="muted" id=format!("{id}-hint")>{move || hint.get()}</p> })}
            <FieldError field=id problems />
            {control}
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::described_by;

    #[test]
    fn a_field_is_described_by_its_hint_then_its_error() {
        assert_eq!(described_by("answer", false, false), None);
        assert_eq!(
            described_by("answer", true, false).as_deref(),
            Some("answer-hint")
        );
        assert_eq!(
            described_by("answer", false, true).as_deref(),
            Some("answer-error")
        );
        assert_eq!(
            described_by("answer", true, true).as_deref(),
            Some("answer-hint answer-error")
        );
    }
}
