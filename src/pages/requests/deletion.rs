//! `/requests/delete`: choose what to delete, see the consequences and the dated timeline, confirm by typing the
//! username on a check-your-answers step, then get a reference and what happens next.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::choices::RadioGroup;
use crate::components::error_summary::{ErrorSummary, FieldError, FieldProblem};
use crate::components::page_heading::focus_heading_on_change;
use crate::components::page_heading::PageHeading;
use crate::components::text_field::TextField;
use crate::components::unsaved_guard::guard_unsaved_changes;
use crate::domain::category_policy::LegalHold;
use crate::domain::policy::{CleanupSchedule, PolicyDocument};
use crate::domain::product::Product;
use crate::domain::profile::Profile;
use crate::domain::requests::{DeletionDetails, DeletionScope};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::{request_href, Page};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

const SCOPE: &str = "scope-optional";
const USERNAME: &str = "confirm-username";

/// The scopes on offer, with their radio ids.
const SCOPES: [(DeletionScope, &str); 5] = [
    (DeletionScope::OptionalProfile, "scope-optional"),
    (DeletionScope::ServiceData(Product::Procrm), "scope-procrm"),
    (
        DeletionScope::ServiceData(Product::EServiceApp),
        "scope-eserviceapp",
    ),
    (DeletionScope::ServiceData(Product::Smsndt), "scope-smsndt"),
    (DeletionScope::WholeAccount, "scope-account"),
];

/// What stops working, what cannot be recovered, and what to do first.
pub(super) fn consequences(l: Locale, scope: DeletionScope) -> [String; 3] {
    match scope {
        DeletionScope::OptionalProfile => [
            td_string!(l, deletion.optional.stops).to_string(),
            td_string!(l, deletion.optional.forever).to_string(),
            td_string!(l, deletion.optional.first).to_string(),
        ],
        DeletionScope::ServiceData(product) => [
            fill(
                td_string!(l, deletion.service.stops),
                &[("product", &product.name())],
            ),
            td_string!(l, deletion.unrecoverable).to_string(),
            fill(
                td_string!(l, deletion.service.first),
                &[("product", &product.name())],
            ),
        ],
        DeletionScope::WholeAccount => [
            td_string!(l, deletion.account.stops).to_string(),
            td_string!(l, deletion.unrecoverable).to_string(),
            td_string!(l, deletion.account.first).to_string(),
        ],
        DeletionScope::Category(category) => [
            fill(
                td_string!(l, deletion.category.stops),
                &[("category", &labels::category(l, category))],
            ),
            td_string!(l, deletion.unrecoverable).to_string(),
            td_string!(l, deletion.category.first).to_string(),
        ],
    }
}

/// The words of the final button, naming what it deletes.
fn action_name(l: Locale, scope: DeletionScope) -> String {
    match scope {
        DeletionScope::OptionalProfile => td_string!(l, deletion.action.optional).to_string(),
        DeletionScope::ServiceData(product) => fill(
            td_string!(l, deletion.action.service),
            &[("product", &product.name())],
        ),
        DeletionScope::WholeAccount => td_string!(l, deletion.action.account).to_string(),
        DeletionScope::Category(category) => fill(
            td_string!(l, deletion.action.category),
            &[("category", &labels::category(l, category))],
        ),
    }
}

#[derive(Clone, PartialEq)]
enum Step {
    Choose,
    Check,
    Done {
        reference: String,
        details: DeletionDetails,
    },
}

/// What is wrong with the username typed to confirm, if anything.
fn username_problems(l: Locale, typed: &str, expected: &str) -> Vec<FieldProblem> {
    let message = if typed.trim().is_empty() {
        td_string!(l, deletion.username_missing)
    } else if typed.trim() != expected {
        td_string!(l, deletion.username_wrong)
    } else {
        return Vec::new();
    };
    vec![FieldProblem {
        field: USERNAME,
        message: message.to_string(),
    }]
}

/// Where the journey stands and what was typed, kept by the page so a refresh of the profile or policy (another
/// tab, a change of language) never loses it.
#[derive(Clone, Copy)]
struct Journey {
    scope: RwSignal<Option<DeletionScope>>,
    step: RwSignal<Step>,
    username: RwSignal<String>,
    failure: RwSignal<Option<String>>,
    /// One key per attempt: a double click or a resubmission files one request.
    attempt: StoredValue<String>,
}

fn journey(state: Journey, (profile, policy): (Profile, Arc<PolicyDocument>)) -> AnyView {
    let session = use_session();
    let i18n = use_i18n();
    let Journey {
        scope,
        step,
        username,
        failure,
        attempt,
    } = state;
    let schedule = StoredValue::new(policy.cleanup.clone());

    let submit = Action::new_local(move |chosen: &DeletionScope| {
        let chosen = *chosen;
        async move {
            failure.set(None);
            // The request is the company's record, kept in English like every entry the backend writes.
            let summary = labels::deletion_scope(Locale::en, chosen);
            match api::file_deletion(chosen, summary, attempt.get_value()).await {
                Ok(filed) => {
                    session.requests.reload();
                    session.activity.refresh_if_used();
                    let details = DeletionDetails::scheduled(
                        chosen,
                        api::now().date_naive(),
                        &schedule.get_value(),
                    );
                    step.set(Step::Done {
                        reference: filed.reference,
                        details,
                    });
                }
                Err(error) => {
                    let l = i18n.get_locale_untracked();
                    failure.set(Some(fill(
                        td_string!(l, deletion.not_sent),
                        &[("error", &labels::error_text(l, &error))],
                    )))
                }
            }
        }
    });
    let expected = profile.account.username;
    let cleanup = policy.cleanup.clone();

    (move || match step.get() {
        Step::Choose => view! { <ChooseScope scope step /> }.into_any(),
        Step::Check => view! {
            <CheckDeletion
                scope
                step
                username
                expected=expected.clone()
                cleanup=cleanup.clone()
                failure
                submit
            />
        }
        .into_any(),
        Step::Done { reference, details } => {
            view! { <DeletionReceived reference details /> }.into_any()
        }
    })
    .into_any()
}

/// Step 1: what to delete.
#[component]
fn ChooseScope(scope: RwSignal<Option<DeletionScope>>, step: RwSignal<Step>) -> impl IntoView {
    let i18n = use_i18n();
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();
    let continue_to_check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if scope.get_untracked().is_none() {
            problems.set(vec![FieldProblem {
                field: SCOPE,
                message: td_string!(i18n.get_locale_untracked(), deletion.choose_problem)
                    .to_string(),
            }]);
        } else {
            problems.set(Vec::new());
            step.set(Step::Check);
        }
    };
    let options: Vec<_> = SCOPES
        .iter()
        .map(|(scope, id)| (Some(*scope), id.to_string()))
        .collect();
    move || {
        let l = i18n.get_locale();
        view! {
            <form class="request-form" on:submit=continue_to_check novalidate>
                <ErrorSummary problems=problems_signal />
                <fieldset class="form-field">
                    <legend>{td_string!(l, deletion.what)}</legend>
                    <FieldError field=SCOPE problems=problems_signal />
                    <RadioGroup
                        name="scope"
                        options=options.clone()
                        chosen=scope
                        label=Callback::new(move |s: Option<DeletionScope>| {
                            s.map(|s| labels::deletion_scope(l, s).to_string()).unwrap_or_default()
                        })
                    />
                </fieldset>
                <button type="submit" class="button">{td_string!(l, common.next_step)}</button>
            </form>
        }
    }
}

/// Step 2: what the deletion means and when each part happens; the username typed to confirm.
#[component]
fn CheckDeletion(
    scope: RwSignal<Option<DeletionScope>>,
    step: RwSignal<Step>,
    username: RwSignal<String>,
    /// The username that confirms.
    expected: String,
    /// The policy's clean-up schedule.
    cleanup: CleanupSchedule,
    failure: RwSignal<Option<String>>,
    submit: Action<DeletionScope, ()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();
    let submitting = submit.pending();
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = username.with_untracked(|typed| {
            username_problems(i18n.get_locale_untracked(), typed, &expected)
        });
        let ready = found.is_empty();
        problems.set(found);
        if let (true, Some(chosen)) = (ready, scope.get_untracked()) {
            if !submitting.get_untracked() {
                submit.dispatch(chosen);
            }
        }
    };
    move || {
        let l = i18n.get_locale();
        let Some(chosen) = scope.get() else {
            return ().into_any();
        };
        let details = DeletionDetails::scheduled(chosen, api::now().date_naive(), &cleanup);
        let [stops, forever, first] = consequences(l, chosen);
        view! {
            <form class="request-form" on:submit=confirm.clone() novalidate>
                <ErrorSummary problems=problems_signal />
                <h2>{td_string!(l, export.check)}</h2>
                {move || failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
                <dl class="summary-list summary-list--check">
                    <div>
                        <dt>{td_string!(l, deletion.what_deleted)}</dt>
                        <dd>{labels::deletion_scope(l, chosen)}</dd>
                        <dd>
                            <button type="button" class="button-link" on:click=move |_| step.set(Step::Choose)>
                                {td_string!(l, common.change)}<span class="visually-hidden">" "{td_string!(l, deletion.change_what)}</span>
                            </button>
                        </dd>
                    </div>
                </dl>
                <section class="deletion-consequences" aria-labelledby="consequences-title">
                    <h3 id="consequences-title">{td_string!(l, deletion.means)}</h3>
                    <ul>
                        <li>{stops}</li>
                        <li>{forever}</li>
                        <li>{first} " " <A href=Page::NewExport.href()>{td_string!(l, deletion.ask_export)}</A></li>
                    </ul>
                </section>
                <DeletionDates l details />
                <TextField
                    id=USERNAME
                    label=td_string!(l, deletion.type_username)
                    problems=problems_signal
                    value=username
                />
                <button type="submit" class="button button--warning" disabled=move || submitting.get()>
                    {action_name(l, chosen)}
                </button>
            </form>
        }
        .into_any()
    }
}

/// When each part of a deletion filed today happens, and what is kept longer.
#[component]
pub(super) fn DeletionDates(l: Locale, details: DeletionDetails) -> impl IntoView {
    view! {
        <section class="deletion-timeline" aria-labelledby="when-title">
            <h3 id="when-title">{td_string!(l, deletion.when)}</h3>
            <ol class="timeline">
                <li class="timeline__step timeline__step--current">
                    <span class="timeline__status">{td_string!(l, deletion.we_receive)}</span>
                    <span class="timeline__when">{td_string!(l, deletion.today)}</span>
                </li>
                <li class="timeline__step timeline__step--expected">
                    <span class="timeline__status">{td_string!(l, deletion.removed_active)}</span>
                    <span class="timeline__when">{format::day(details.cleanup_on)}</span>
                </li>
                <li class="timeline__step timeline__step--expected">
                    <span class="timeline__status">{td_string!(l, deletion.removed_backups)}</span>
                    <span class="timeline__when">{format::day(details.backup_purge_on)}</span>
                </li>
            </ol>
            <p>
                {fill(td_string!(l, deletion.cleanup_note), &[("date", &format::day(details.cleanup_on))])}
            </p>
            <p>{td_string!(l, deletion.kept_longer)}</p>
            <ul>{LegalHold::ALL.iter().map(|h| view! { <li>{labels::legal_hold(l, *h)}</li> }).collect_view()}</ul>
        </section>
    }
}

/// Step 3: the reference, and what happens next.
#[component]
fn DeletionReceived(reference: String, details: DeletionDetails) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let l = i18n.get_locale();
        view! {
            <div class="confirmation" role="status">
                <h2 class="confirmation__title">{td_string!(l, deletion.received)}</h2>
                <p class="confirmation__reference">{fill(td_string!(l, export.reference), &[("reference", &reference)])}</p>
            </div>
            <h3>{td_string!(l, deletion.next)}</h3>
            <ul>
                <li>{fill(td_string!(l, deletion.stays_until), &[("what", &labels::deletion_scope(l, details.scope)), ("date", &format::day(details.cleanup_on))])}</li>
                <li>{fill(td_string!(l, deletion.on_date), &[("date", &format::day(details.cleanup_on))])}</li>
                <li>{fill(td_string!(l, deletion.by_date), &[("date", &format::day(details.backup_purge_on))])}</li>
                <li>{td_string!(l, deletion.email_each_step)}</li>
            </ul>
            <p>
                <A href=request_href(&reference)>{td_string!(l, deletion.follow_or_cancel)}</A>
            </p>
        }
    }
}

/// The deletion journey.
#[component]
pub fn NewDeletionPage() -> impl IntoView {
    let session = use_session();
    let data = session.profile.loaded().and(session.policy.loaded());
    let state = Journey {
        scope: RwSignal::new(None),
        step: RwSignal::new(Step::Choose),
        username: RwSignal::new(String::new()),
        failure: RwSignal::new(None),
        attempt: StoredValue::new(api::new_attempt_key()),
    };
    let step = state.step;
    focus_heading_on_change(move || std::mem::discriminant(&step.get()));
    guard_unsaved_changes(Signal::derive(move || step.get() == Step::Check));
    view! {
        <PageHeading page=Page::NewDeletion />
        <div class="request-journey">
            {async_view(|l| td_string!(l, load.account), data, move |data| journey(state, data))}
        </div>
    }
    .into_any()
}
