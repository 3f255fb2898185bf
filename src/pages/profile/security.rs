//! The optional security question: chosen from a list or written by the user; the answer is write-only (typed
//! twice, never shown back); it can be changed or removed; it is used only to reset a password.

use leptos::prelude::*;

use crate::api;
use crate::components::choices::RadioGroup;
use crate::components::confirm_step::{ConfirmIds, ConfirmStep};
use crate::components::error_summary::{ErrorSummary, FieldError, FieldProblem};
use crate::components::text_field::{TextField, TextKind};
use crate::domain::profile::SecurityQuestion;
use crate::domain::profile_rules::{
    check_answer, check_question, Problem, ANSWER_MIN, SUGGESTED_QUESTIONS,
};
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};
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

/// The suggested questions and "write my own", with their radio ids.
fn question_options() -> Vec<(String, String)> {
    SUGGESTED_QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, q)| (q.to_string(), format!("question-{i}")))
        .chain([(OWN.to_string(), "question-own".to_string())])
        .collect()
}

/// What the form holds: the question chosen, the user's own question, the answer and the answer again. Kept by the
/// page, so a refresh of the profile never loses it.
#[derive(Clone, Copy)]
pub struct Typed {
    choice: RwSignal<String>,
    custom: RwSignal<String>,
    answer: RwSignal<String>,
    repeat: RwSignal<String>,
}

impl Typed {
    pub fn empty() -> Self {
        Self {
            choice: RwSignal::new(String::new()),
            custom: RwSignal::new(String::new()),
            answer: RwSignal::new(String::new()),
            repeat: RwSignal::new(String::new()),
        }
    }

    fn fields(self) -> [RwSignal<String>; 4] {
        [self.choice, self.custom, self.answer, self.repeat]
    }

    /// Whether anything has been typed or chosen.
    fn any(self) -> bool {
        self.fields().iter().any(|f| !f.with(String::is_empty))
    }

    /// Empties the form (the answer leaves the page as soon as it is saved).
    fn clear(self) {
        for field in self.fields() {
            field.set(String::new());
        }
    }

    /// The question and answer to save, or what is wrong with them.
    fn check(self, l: Locale) -> Result<(String, String), Vec<FieldProblem>> {
        let choice = self.choice.get_untracked();
        let answer = self.answer.get_untracked();
        let question = if choice == OWN {
            self.custom.get_untracked()
        } else {
            choice.clone()
        };
        let mut found = Vec::new();
        if choice.is_empty() {
            found.push(FieldProblem {
                field: CHOICE,
                message: td_string!(l, profile.choose_question_problem).to_string(),
            });
        } else if choice == OWN {
            if let Err(p) = check_question(&question) {
                found.push(FieldProblem {
                    field: CUSTOM,
                    message: labels::problem(l, td_string!(l, profile.what.question), p),
                });
            }
        }
        if let Err(p) = self
            .repeat
            .with_untracked(|again| check_answer(&question, &answer, again))
        {
            let field = if matches!(p, Problem::Mismatch) {
                REPEAT
            } else {
                ANSWER
            };
            found.push(FieldProblem {
                field,
                message: labels::problem(l, td_string!(l, profile.what.answer), p),
            });
        }
        if found.is_empty() {
            Ok((question, answer))
        } else {
            Err(found)
        }
    }
}

/// The security question section.
#[component]
pub fn SecurityQuestionForm(
    /// The question set now, if any (never the answer).
    current: Option<SecurityQuestion>,
    /// What the form holds.
    typed: Typed,
    /// Set while the form holds typed text not yet saved.
    dirty: RwSignal<bool>,
    /// The page's announcement line, which outlives this form's re-render after a save.
    status: RwSignal<String>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();
    let failure = RwSignal::new(None::<String>);
    let confirming_removal = RwSignal::new(false);
    let is_set = current.is_some();

    Effect::new(move |_| dirty.set(typed.any()));

    let save = Action::new_local(move |request: &Option<(String, String)>| {
        let request = request.clone();
        async move {
            let removing = request.is_none();
            match api::set_security_question(request).await {
                Ok(profile) => {
                    typed.clear();
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
        match typed.check(i18n.get_locale_untracked()) {
            Ok(question_and_answer) => {
                problems.set(Vec::new());
                save.dispatch(Some(question_and_answer));
            }
            Err(found) => problems.set(found),
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
                <QuestionChoice typed is_set problems=problems_signal />
                <TextField
                    id=ANSWER
                    label=move || t_string!(i18n, labels.field.answer)
                    hint=move || fill(t_string!(i18n, profile.answer_hint), &[("min", &ANSWER_MIN)])
                    problems=problems_signal
                    value=typed.answer
                    kind=TextKind::Secret
                />
                <TextField
                    id=REPEAT
                    label=move || t_string!(i18n, profile.answer_again)
                    problems=problems_signal
                    value=typed.repeat
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
                    <RemoveQuestion confirming=confirming_removal busy=saving on_yes=Callback::new(move |()| {
                        save.dispatch(None);
                    }) />
                </div>
            </Show>
        </section>
    }
    .into_any()
}

/// The question: one of the suggestions, or the user's own.
#[component]
fn QuestionChoice(
    typed: Typed,
    is_set: bool,
    problems: Signal<Vec<FieldProblem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="form-field">
            <legend>{move || if is_set { t_string!(i18n, profile.choose_new_question) } else { t_string!(i18n, profile.choose_question) }}</legend>
            <FieldError field=CHOICE problems />
            <RadioGroup
                name="question"
                options=question_options()
                chosen=typed.choice
                label=Callback::new(move |q: String| {
                    if q == OWN { t_string!(i18n, profile.write_own).to_string() } else { q }
                })
            />
            <Show when=move || typed.choice.get() == OWN>
                <TextField
                    id=CUSTOM
                    label=move || t_string!(i18n, profile.your_question)
                    problems
                    value=typed.custom
                    class="radios__conditional"
                />
            </Show>
        </fieldset>
    }
}

/// "Remove the question", asked first.
#[component]
fn RemoveQuestion(
    confirming: RwSignal<bool>,
    #[prop(into)] busy: Signal<bool>,
    on_yes: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ConfirmStep
            confirming
            ids=ConfirmIds {
                ask: "security-remove-ask",
                yes: "security-remove",
                keep: "security-keep",
                after_yes: "security-save",
            }
            ask_class="button--quiet"
            ask=move || t_string!(i18n, profile.remove_question)
            question=move || t_string!(i18n, profile.remove_question_confirm)
            yes=move || t_string!(i18n, profile.yes_remove)
            keep=move || t_string!(i18n, profile.keep_it)
            busy
            on_yes
        />
    }
}
