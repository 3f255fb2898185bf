//! Nomination: the person the user names to act for them if they die or cannot act themselves; named, changed or
//! removed here.

use leptos::prelude::*;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::choices::RadioGroup;
use crate::components::confirm_step::{ConfirmIds, ConfirmStep};
use crate::components::error_summary::{ErrorSummary, FieldError, FieldProblem};
use crate::components::text_field::TextField;
use crate::domain::nomination::{check, Nomination, Nominee, NomineeField, Relation};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

const NAME: &str = "nominee-name";
const CONTACT: &str = "nominee-contact";
/// The first relation's radio: where the summary's link for a missing relation leads.
const RELATION: &str = "nominee-relation-spouse";
const ADD: &str = "nominee-add";
const CHANGE: &str = "nominee-change";
const SAVE: &str = "nominee-save";

/// What the form holds, kept while the document refreshes.
#[derive(Clone, Copy)]
pub struct NomineeDraft {
    open: RwSignal<bool>,
    name: RwSignal<String>,
    relation: RwSignal<Option<Relation>>,
    contact: RwSignal<String>,
    problems: RwSignal<Vec<FieldProblem>>,
    failure: RwSignal<Option<String>>,
    removing: RwSignal<bool>,
}

impl NomineeDraft {
    pub fn empty() -> Self {
        Self {
            open: RwSignal::new(false),
            name: RwSignal::new(String::new()),
            relation: RwSignal::new(None),
            contact: RwSignal::new(String::new()),
            problems: RwSignal::new(Vec::new()),
            failure: RwSignal::new(None),
            removing: RwSignal::new(false),
        }
    }

    /// Opens the form with `from`'s details, or empty.
    fn open_with(self, from: Option<&Nominee>) {
        self.name
            .set(from.map(|n| n.name.clone()).unwrap_or_default());
        self.relation.set(from.map(|n| n.relation));
        self.contact
            .set(from.map(|n| n.contact.clone()).unwrap_or_default());
        self.problems.set(Vec::new());
        self.failure.set(None);
        self.open.set(true);
    }

    /// Whether the form holds what `saved` does not.
    pub fn differs_from(self, saved: Option<&Nominee>) -> bool {
        self.open.get()
            && (self
                .name
                .with(|n| n.trim() != saved.map_or("", |s| s.name.as_str()))
                || self.relation.get() != saved.map(|s| s.relation)
                || self
                    .contact
                    .with(|c| c.trim() != saved.map_or("", |s| s.contact.as_str())))
    }

    fn problems(self, l: Locale) -> Vec<FieldProblem> {
        let found = check(
            &self.name.get_untracked(),
            self.relation.get_untracked(),
            &self.contact.get_untracked(),
        );
        found
            .into_iter()
            .map(|(field, problem)| {
                let (id, what) = match field {
                    NomineeField::Name => (NAME, td_string!(l, nominee.what.name)),
                    NomineeField::Relation => (RELATION, td_string!(l, nominee.what.relation)),
                    NomineeField::Contact => (CONTACT, td_string!(l, nominee.what.contact)),
                };
                FieldProblem {
                    field: id,
                    message: labels::problem(l, what, problem),
                }
            })
            .collect()
    }
}

/// The nomination section of the profile.
#[component]
pub fn NomineeSection(
    /// What the form holds.
    draft: NomineeDraft,
    /// The page's status line, which says what a save did.
    status: RwSignal<String>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let save = Action::new_local(move |next: &(Nomination, Option<Nominee>)| {
        let (before, next) = next.clone();
        async move {
            let l = i18n.get_locale_untracked();
            match api::save_nominee(&before, next).await {
                Ok(saved) => {
                    draft.open.set(false);
                    draft.removing.set(false);
                    status.set(match &saved.nominee {
                        Some(n) => fill(td_string!(l, nominee.saved), &[("name", &n.name)]),
                        None => td_string!(l, nominee.removed).to_string(),
                    });
                    session.nominee.replace(saved);
                    session.activity.refresh_if_used();
                }
                Err(error) => draft.failure.set(Some(fill(
                    td_string!(l, nominee.not_saved),
                    &[("error", &labels::error_text(l, &error))],
                ))),
            }
        }
    });
    let busy = save.pending();
    let render = move |nomination: Nomination| {
        let l = i18n.get_locale();
        let saved = StoredValue::new(nomination);
        let shown = move || {
            let nominee = saved.with_value(|n| n.nominee.clone());
            match nominee {
                Some(n) => {
                    let question =
                        fill(td_string!(l, nominee.remove_question), &[("name", &n.name)]);
                    view! {
                        <dl class="summary-list">
                            <div><dt>{td_string!(l, nominee.name)}</dt><dd>{n.name.clone()}</dd></div>
                            <div><dt>{td_string!(l, nominee.relation)}</dt><dd>{labels::relation(l, n.relation)}</dd></div>
                            <div><dt>{td_string!(l, nominee.contact)}</dt><dd>{n.contact.clone()}</dd></div>
                            <div><dt>{td_string!(l, nominee.named_on)}</dt><dd>{format::date(n.named_at)}</dd></div>
                        </dl>
                        <div class="button-row">
                            <button
                                type="button"
                                id=CHANGE
                                data-focus-next=NAME
                                class="button button--secondary"
                                on:click=move |_| saved.with_value(|s| draft.open_with(s.nominee.as_ref()))
                            >
                                {td_string!(l, nominee.change)}
                            </button>
                            <ConfirmStep
                                confirming=draft.removing
                                ids=ConfirmIds { ask: "nominee-remove", yes: "nominee-remove-yes", keep: "nominee-keep", after_yes: ADD }
                                ask_class="button--quiet"
                                ask=td_string!(l, nominee.remove)
                                question=question
                                yes=td_string!(l, nominee.remove_yes)
                                keep=td_string!(l, nominee.keep)
                                busy=busy
                                on_yes=Callback::new(move |()| {
                                    if !busy.get_untracked() {
                                        save.dispatch((saved.get_value(), None));
                                    }
                                })
                            />
                        </div>
                    }
                    .into_any()
                }
                None => view! {
                    <p>{td_string!(l, nominee.none)}</p>
                    <button
                        type="button"
                        id=ADD
                        data-focus-next=NAME
                        class="button button--secondary"
                        on:click=move |_| draft.open_with(None)
                    >
                        {td_string!(l, nominee.add)}
                    </button>
                }
                .into_any(),
            }
        };
        let problems: Signal<Vec<FieldProblem>> = draft.problems.into();
        let relations: Vec<(Option<Relation>, String)> = Relation::ALL
            .iter()
            .map(|r| (Some(*r), format!("nominee-relation-{}", r.slug())))
            .collect();
        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let found = draft.problems(l);
            let ready = found.is_empty();
            draft.problems.set(found);
            if !ready || busy.get_untracked() {
                return;
            }
            let Some(relation) = draft.relation.get_untracked() else {
                return;
            };
            let next = Nominee {
                name: draft.name.get_untracked(),
                relation,
                contact: draft.contact.get_untracked(),
                named_at: api::now(),
            };
            save.dispatch((saved.get_value(), Some(next)));
        };
        let form = move || {
            view! {
                <form class="request-form nominee__form" on:submit=submit novalidate>
                    <ErrorSummary problems />
                    {move || draft.failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
                    <TextField id=NAME label=td_string!(l, nominee.name) problems value=draft.name />
                    <fieldset class="form-field">
                        <legend>{td_string!(l, nominee.relation)}</legend>
                        <FieldError field=RELATION problems />
                        <RadioGroup
                            name="nominee-relation"
                            options=relations.clone()
                            chosen=draft.relation
                            label=Callback::new(move |r: Option<Relation>| r.map(|r| labels::relation(l, r).to_string()).unwrap_or_default())
                        />
                    </fieldset>
                    <TextField id=CONTACT label=td_string!(l, nominee.contact) hint=td_string!(l, nominee.contact_hint) problems value=draft.contact />
                    <div class="button-row">
                        <button type="submit" id=SAVE data-focus-next=CHANGE class="button" disabled=move || busy.get()>
                            {td_string!(l, nominee.save)}
                        </button>
                        <button
                            type="button"
                            id="nominee-cancel"
                            data-focus-next=if saved.with_value(|s| s.nominee.is_some()) { CHANGE } else { ADD }
                            class="button button--quiet"
                            on:click=move |_| {
                                draft.open.set(false);
                                draft.problems.set(Vec::new());
                                draft.failure.set(None);
                            }
                        >
                            {td_string!(l, nominee.cancel)}
                        </button>
                    </div>
                </form>
            }
        };
        view! { {move || if draft.open.get() { form().into_any() } else { shown() }} }.into_any()
    };
    view! {
        <section class="nominee" aria-labelledby="nominee-title">
            <h2 id="nominee-title">{move || td_string!(i18n.get_locale(), nominee.title)}</h2>
            <p>{move || td_string!(i18n.get_locale(), nominee.intro)}</p>
            {async_view(|l| td_string!(l, load.nominee), session.nominee.loaded(), render)}
        </section>
    }
    .into_any()
}
