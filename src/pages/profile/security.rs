//! The optional security question: chosen from a list or written by the user; the answer is write-only (typed
//! twice, never shown back); it can be changed or removed; it is used only to reset a password.

use leptos::prelude::*;

use crate::api;
use crate::components::error_summary::{ErrorSummary, FieldError, FieldProblem};
use crate::components::text_field::{TextField, TextKind};
use crate::domain::profile::SecurityQuestion;
use crate::domain::profile_rules::{check_answer, check_question, ANSWER_MIN, SUGGESTED_QUESTIONS};
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

const CHOICE: &str = "question-0";
const CUSTOM: &str = "custom-question";
const ANSWER: &str = "answer";
const REPEAT: &str = "answer-again";
/// The radio value for "write my own".
const OWN: &str = "own";

/// The security question section.
#[component]
pub fn SecurityQuestionForm(
    /// The question set now, if any (never the answer).
    current: Option<SecurityQuestion>,
    /// Set while the form holds typed text not yet saved.
    dirty: RwSignal<bool>,
    /// The page's announcement line, which outlives this form's re-render after a save.
    status: RwSignal<String>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let choice = RwSignal::new(String::new());
    let custom = RwSignal::new(String::new());
    let answer = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();
    let failure = RwSignal::new(None::<String>);
    let confirming_removal = RwSignal::new(false);
    let is_set = current.is_some();

    Effect::new(move |_| {
        let typed = !choice.get().is_empty()
            || !custom.get().is_empty()
            || !answer.get().is_empty()
            || !repeat.get().is_empty();
        dirty.set(typed);
    });

    let save = Action::new_local(move |request: &Option<(String, String)>| {
        let request = request.clone();
        async move {
            let removing = request.is_none();
            match api::set_security_question(request).await {
                Ok(profile) => {
                    // The answer leaves the page as soon as it is saved.
                    answer.set(String::new());
                    repeat.set(String::new());
                    custom.set(String::new());
                    choice.set(String::new());
                    confirming_removal.set(false);
                    failure.set(None);
                    let l = i18n.get_locale_untracked();
                    status.set(if removing {
                        td_string!(l, profile.question_removed).to_string()
                    } else {
                        td_string!(l, profile.question_set).to_string()
                    });
                    session.profile.replace(profile);
                    session.activity.refresh_if_used();
                }
                Err(error) => {
                    let l = i18n.get_locale_untracked();
                    failure.set(Some(fill(
                        td_string!(l, profile.nothing_changed),
                        &[("error", &labels::error_text(l, &error))],
                    )))
                }
            }
        }
    });
    let saving = save.pending();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = choice.get_untracked();
        let question = if chosen == OWN {
            custom.get_untracked()
        } else {
            chosen.clone()
        };
        let l = i18n.get_locale_untracked();
        let mut found = Vec::new();
        if chosen.is_empty() {
            found.push(FieldProblem {
                field: CHOICE,
                message: td_string!(l, profile.choose_question_problem).to_string(),
            });
        } else if chosen == OWN {
            if let Err(p) = check_question(&question) {
                found.push(FieldProblem {
                    field: CUSTOM,
                    message: labels::problem(l, td_string!(l, profile.what.question), p),
                });
            }
        }
        let typed = answer.get_untracked();
        let again = repeat.get_untracked();
        if let Err(p) = check_answer(&question, &typed, &again) {
            let field = if matches!(p, crate::domain::profile_rules::Problem::Mismatch) {
                REPEAT
            } else {
                ANSWER
            };
            found.push(FieldProblem {
                field,
                message: labels::problem(l, td_string!(l, profile.what.answer), p),
            });
        }
        problems.set(found.clone());
        if found.is_empty() {
            save.dispatch(Some((question, typed)));
        }
    };

    let state_line = move || match &current {
        Some(q) => fill(
            t_string!(i18n, profile.question_state),
            &[("date", &format::date(q.set_at)), ("question", &q.question)],
        ),
        None => t_string!(i18n, profile.no_question).to_string(),
    };

    view! {
        <section class="security-question" aria-labelledby="security-title">
            <h2 id="security-title">{t!(i18n, labels.category.security)}</h2>
            <p>{t!(i18n, profile.question_intro)}</p>
            <p class="security-question__state">{state_line}</p>
            <form on:submit=submit novalidate>
                <ErrorSummary problems=problems_signal />
                {move || failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
                <fieldset class="form-field">
                    <legend>{move || if is_set { t_string!(i18n, profile.choose_new_question) } else { t_string!(i18n, profile.choose_question) }}</legend>
                    <FieldError field=CHOICE problems=problems_signal />
                    <div class="radios">
                        {SUGGESTED_QUESTIONS
                            .iter()
                            .enumerate()
                            .map(|(i, q)| {
                                let id = format!("question-{i}");
                                view! {
                                    <div class="radios__item">
                                        <input
                                            type="radio"
                                            name="question"
                                            id=id.clone()
                                            value=*q
                                            prop:checked=move || choice.get() == *q
                                            on:change=move |_| choice.set(q.to_string())
                                        />
                                        <label for=id>{*q}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                        <div class="radios__item">
                            <input
                                type="radio"
                                name="question"
                                id="question-own"
                                value=OWN
                                prop:checked=move || choice.get() == OWN
                                on:change=move |_| choice.set(OWN.to_string())
                            />
                            <label for="question-own">{t!(i18n, profile.write_own)}</label>
                        </div>
                    </div>
                    <Show when=move || choice.get() == OWN>
                        <TextField
                            id=CUSTOM
                            label=move || t_string!(i18n, profile.your_question)
                            problems=problems_signal
                            value=custom
                            class="radios__conditional"
                        />
                    </Show>
                </fieldset>
                <TextField
                    id=ANSWER
                    label=move || t_string!(i18n, labels.field.answer)
                    hint=move || fill(t_string!(i18n, profile.answer_hint), &[("min", &ANSWER_MIN)])
                    problems=problems_signal
                    value=answer
                    kind=TextKind::Secret
                />
                <TextField
                    id=REPEAT
                    label=move || t_string!(i18n, profile.answer_again)
                    problems=problems_signal
                    value=repeat
                    kind=TextKind::Secret
                />
                <button type="submit" id="security-save" class="button" disabled=move || saving.get()>
                    {move || {
                        if saving.get() {
                            t_string!(i18n, common.saving)
                        } else if is_set {
                            t_string!(i18n, profile.change_question)
                        } else {
                            t_string!(i18n, profile.set_question)
                        }
                    }}
                </button>
            </form>
            <Show when=move || is_set>
                <div class="security-question__remove">
                    <Show
                        when=move || confirming_removal.get()
                        fallback=move || view! {
                            <button
                                type="button"
                                id="security-remove-ask"
                                data-focus-next="security-remove"
                                class="button button--quiet"
                                on:click=move |_| confirming_removal.set(true)
                            >
                                {t!(i18n, profile.remove_question)}
                            </button>
                        }
                    >
                        <p>{t!(i18n, profile.remove_question_confirm)}</p>
                        <div class="button-row">
                            <button
                                type="button"
                                id="security-remove"
                                data-focus-next="security-save"
                                class="button button--warning"
                                disabled=move || saving.get()
                                on:click=move |_| {
                                    save.dispatch(None);
                                }
                            >
                                {t!(i18n, profile.yes_remove)}
                            </button>
                            <button
                                type="button"
                                id="security-keep"
                                data-focus-next="security-remove-ask"
                                class="button button--quiet"
                                on:click=move |_| confirming_removal.set(false)
                            >
                                {t!(i18n, profile.keep_it)}
                            </button>
                        </div>
                    </Show>
                </div>
            </Show>
        </section>
    }
    .into_any()
}
