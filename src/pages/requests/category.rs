//! `/requests/new?category=…&right=…`: a request about one category of information, reached from its section on
//! "Your information": correct it (which detail, what it should say), delete it, stop its use for now, or object to
//! how it is used. Pre-filled from the address; shows what will happen and when before it is sent.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::choices::RadioGroup;
use crate::components::error_summary::{ErrorSummary, FieldError, FieldProblem};
use crate::components::page_heading::PageHeading;
use crate::components::text_field::{TextField, TextKind};
use crate::components::unsaved_guard::guard_unsaved_changes;
use crate::domain::category_policy::Right;
use crate::domain::inventory::{CategoryId, Inventory};
use crate::domain::policy::PolicyDocument;
use crate::domain::profile::Profile;
use crate::domain::records::correctable_fields;
use crate::domain::requests::{Correction, DeletionDetails, DeletionScope, PrivacyRequest};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::{concern_href, Page, CATEGORY_KEY, RIGHT_KEY};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

use super::deletion::{consequences, DeletionDates};

const RIGHT: &str = "right-correct";
const FIELD: &str = "correct-field";
const VALUE: &str = "correct-value";
const DETAILS: &str = "request-details";

/// What the form holds, kept by the page so a reload of a document (another tab, a change of language) keeps it.
#[derive(Clone, Copy)]
struct Ask {
    right: RwSignal<Option<Right>>,
    /// The field to correct, by its name in the company's records; empty for "something else".
    field: RwSignal<String>,
    value: RwSignal<String>,
    details: RwSignal<String>,
    failure: RwSignal<Option<String>>,
    sent: RwSignal<bool>,
    /// One key per attempt: a double click or a resubmission files one request.
    attempt: StoredValue<String>,
}

impl Ask {
    fn typed(&self) -> bool {
        !self.sent.get()
            && !(self.value.get().trim().is_empty() && self.details.get().trim().is_empty())
    }
}

/// The request's own words, in English like every record the company keeps.
fn summary(
    category: CategoryId,
    right: Right,
    correction: Option<&Correction>,
    details: &str,
) -> String {
    let name = labels::category(Locale::en, category);
    let mut words = match (right, correction) {
        (Right::Correct, Some(c)) => format!("{}: should read “{}”", c.field, c.value),
        (Right::Correct, None) => format!("Correct my {name} information"),
        (Right::Delete, _) => labels::deletion_scope(Locale::en, DeletionScope::Category(category)),
        (Right::Restrict, _) => format!("Stop using my {name} information until you answer"),
        (Right::Object, _) => {
            let uses: Vec<&str> = category
                .objectable_purposes()
                .into_iter()
                .map(|p| labels::purpose(Locale::en, p))
                .collect();
            format!(
                "I object to the use of my {name} information: {}",
                uses.join("; ")
            )
        }
    };
    let details = details.trim();
    if !details.is_empty() {
        words.push_str(" — ");
        words.push_str(details);
    }
    words
}

/// What is wrong with the form, if anything.
fn problems_of(l: Locale, ask: &Ask) -> Vec<FieldProblem> {
    match ask.right.get_untracked() {
        None => vec![FieldProblem {
            field: RIGHT,
            message: td_string!(l, category_request.choose_problem).to_string(),
        }],
        Some(Right::Correct) if ask.value.with_untracked(|v| v.trim().is_empty()) => {
            vec![FieldProblem {
                field: VALUE,
                message: td_string!(l, category_request.value_problem).to_string(),
            }]
        }
        Some(Right::Object | Right::Restrict | Right::Delete | Right::Correct) => Vec::new(),
    }
}

/// What happens once the request is sent, and when.
fn what_happens(l: Locale, category: CategoryId, right: Right, policy: &PolicyDocument) -> AnyView {
    let now = api::now();
    let due =
        format::day(PrivacyRequest::new(labels::right_kind(right), String::new(), now).due_on());
    let name = labels::category(l, category);
    match right {
        Right::Delete => {
            let details = DeletionDetails::scheduled(DeletionScope::Category(category), now.date_naive(), &policy.cleanup);
            let [stops, forever, first] = consequences(l, DeletionScope::Category(category));
            view! {
                <ul>
                    <li>{stops}</li>
                    <li>{forever}</li>
                    <li>{first}</li>
                </ul>
                <DeletionDates l details />
            }
            .into_any()
        }
        Right::Correct => view! { <p>{fill(td_string!(l, category_request.correct_next), &[("date", &due)])}</p> }.into_any(),
        Right::Restrict => view! {
            <p>{fill(td_string!(l, category_request.restrict_next), &[("category", &name), ("date", &due)])}</p>
        }
        .into_any(),
        Right::Object => view! {
            <p>{fill(td_string!(l, category_request.object_uses), &[("category", &name)])}</p>
            <ul>
                {category
                    .objectable_purposes()
                    .into_iter()
                    .map(|p| view! { <li>{labels::purpose(l, p)}</li> })
                    .collect_view()}
            </ul>
            <p>{fill(td_string!(l, category_request.object_next), &[("date", &due)])}</p>
        }
        .into_any(),
    }
}

fn form(
    category: CategoryId,
    ask: Ask,
    (profile, inventory, policy): (Profile, Arc<Inventory>, Arc<PolicyDocument>),
) -> AnyView {
    let i18n = use_i18n();
    let after = super::filing::AfterFiling::here();
    let Ask {
        right,
        field,
        value,
        details,
        failure,
        sent,
        attempt,
    } = ask;
    let rights = category.rules().rights;
    let held = inventory.count(&profile, category);
    let fields = correctable_fields(&profile, &inventory, category);
    if field.get_untracked().is_empty() && value.get_untracked().is_empty() {
        if let Some(first) = fields.first() {
            field.set(labels::field(Locale::en, *first).to_string());
        }
    }
    let policy = StoredValue::new(policy);
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();

    let submit = Action::new_local(
        move |(chosen, correction, words): &(Right, Option<Correction>, String)| {
            let (chosen, correction, words) = (*chosen, correction.clone(), words.clone());
            async move {
                failure.set(None);
                let key = attempt.get_value();
                let outcome = match chosen {
                    Right::Delete => {
                        api::file_deletion(DeletionScope::Category(category), words, key).await
                    }
                    other => {
                        api::file_about_category(
                            labels::right_kind(other),
                            category,
                            correction,
                            words,
                            key,
                        )
                        .await
                    }
                };
                if after.show(
                    outcome,
                    |l| td_string!(l, category_request.filed),
                    |l| td_string!(l, category_request.not_sent),
                    failure,
                ) {
                    sent.set(true);
                }
            }
        },
    );
    let sending = submit.pending();
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = problems_of(i18n.get_locale_untracked(), &ask);
        let ready = found.is_empty();
        problems.set(found);
        let Some(chosen) = right.get_untracked().filter(|_| ready) else {
            return;
        };
        if sending.get_untracked() {
            return;
        }
        let correction = (chosen == Right::Correct).then(|| Correction {
            field: field.get_untracked(),
            value: value.get_untracked().trim().to_string(),
        });
        let correction = correction.filter(|c| !c.field.is_empty());
        let words = if chosen == Right::Correct && correction.is_none() {
            // "Something else": the value names the detail too.
            summary(
                category,
                chosen,
                None,
                &format!(
                    "{} {}",
                    value.get_untracked().trim(),
                    details.get_untracked().trim()
                ),
            )
        } else {
            summary(
                category,
                chosen,
                correction.as_ref(),
                &details.get_untracked(),
            )
        };
        submit.dispatch((chosen, correction, words));
    };
    let options: Vec<_> = rights
        .iter()
        .map(|r| (Some(*r), format!("right-{}", r.slug())))
        .collect();
    let fields = StoredValue::new(fields);

    (move || {
        let l = i18n.get_locale();
        let name = labels::category(l, category);
        let (one, many) = labels::category_unit(l, category);
        if rights.is_empty() {
            return view! {
                <p>{fill(td_string!(l, category_request.edit_yourself), &[("category", &name)])}</p>
                <p><A href=Page::Profile.href()>{Page::Profile.title(l)}</A></p>
            }
            .into_any();
        }
        let chosen = right.get();
        let correct_fields = (chosen == Some(Right::Correct)).then(|| {
            view! {
                <div class="form-field">
                    <label for=FIELD>{td_string!(l, category_request.which_field)}</label>
                    <select id=FIELD prop:value=move || field.get() on:change=move |ev| field.set(event_target_value(&ev))>
                        {fields
                            .get_value()
                            .into_iter()
                            .map(|key| {
                                view! { <option value=labels::field(Locale::en, key)>{labels::field(l, key)}</option> }
                            })
                            .collect_view()}
                        <option value="">{td_string!(l, category_request.something_else)}</option>
                    </select>
                </div>
                <TextField
                    id=VALUE
                    label=td_string!(l, category_request.should_read)
                    problems=problems_signal
                    value=value
                />
            }
        });
        view! {
            <dl class="summary-list">
                <div>
                    <dt>{td_string!(l, category_request.about)}</dt>
                    <dd>
                        <A href=Page::Data.href_to(category.slug())>{name}</A>
                        " · "
                        {format::count(held, one, many)}
                    </dd>
                </div>
            </dl>
            <form class="request-form" on:submit=send novalidate>
                <ErrorSummary problems=problems_signal />
                {move || failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
                <fieldset class="form-field">
                    <legend>{td_string!(l, category_request.what)}</legend>
                    <FieldError field=RIGHT problems=problems_signal />
                    <RadioGroup
                        name="right"
                        options=options.clone()
                        chosen=right
                        label=Callback::new(move |r: Option<Right>| r.map(|r| labels::right(l, r).to_string()).unwrap_or_default())
                    />
                </fieldset>
                {correct_fields}
                <TextField
                    id=DETAILS
                    label=td_string!(l, category_request.details)
                    hint=td_string!(l, category_request.details_hint)
                    problems=problems_signal
                    value=details
                    kind=TextKind::Lines(4)
                />
                {chosen.map(|chosen| {
                    view! {
                        <section class="request-form__next" aria-labelledby="next-title">
                            <h2 id="next-title">{td_string!(l, category_request.next)}</h2>
                            {policy.with_value(|policy| what_happens(l, category, chosen, policy))}
                        </section>
                    }
                })}
                <button
                    type="submit"
                    class="button"
                    class:button--warning=chosen == Some(Right::Delete)
                    disabled=move || sending.get()
                >
                    {match chosen {
                        Some(Right::Delete) => fill(
                            td_string!(l, deletion.action.category),
                            &[("category", &name)],
                        ),
                        _ => td_string!(l, category_request.send).to_string(),
                    }}
                </button>
            </form>
            <p class="muted">
                <A href=concern_href(crate::domain::requests::ConcernTopic::Category, category.slug())>
                    {td_string!(l, category_request.concern_instead)}
                </A>
            </p>
        }
        .into_any()
    })
    .into_any()
}

/// The request page for one category.
#[component]
pub fn CategoryRequestPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let category =
        query.with_untracked(|q| q.get_str(CATEGORY_KEY).and_then(CategoryId::from_slug));
    let asked = query.with_untracked(|q| q.get_str(RIGHT_KEY).and_then(Right::from_slug));
    let ask = Ask {
        right: RwSignal::new(asked.filter(|r| category.is_some_and(|c| c.allows(*r)))),
        field: RwSignal::new(String::new()),
        value: RwSignal::new(String::new()),
        details: RwSignal::new(String::new()),
        failure: RwSignal::new(None),
        sent: RwSignal::new(false),
        attempt: StoredValue::new(api::new_attempt_key()),
    };
    guard_unsaved_changes(Signal::derive(move || ask.typed()));
    let data = session
        .profile
        .loaded()
        .and(session.inventory.loaded())
        .and(session.policy.loaded());
    view! {
        <PageHeading page=Page::CategoryRequest />
        <div class="request-journey">
            {match category {
                Some(category) => async_view(
                    |l| td_string!(l, load.held),
                    data,
                    move |((profile, inventory), policy)| form(category, ask, (profile, inventory, policy)),
                ),
                None => {
                    let i18n = use_i18n();
                    (move || {
                        let l = i18n.get_locale();
                        view! {
                            <p>{td_string!(l, category_request.no_category)}</p>
                            <p><A href=Page::Data.href()>{Page::Data.title(l)}</A></p>
                        }
                    })
                    .into_any()
                }
            }}
        </div>
    }
    .into_any()
}
