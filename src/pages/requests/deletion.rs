//! `/requests/delete`: choose what to delete, see the consequences and the dated timeline, confirm by typing the
//! username on a check-your-answers step, then get a reference and what happens next.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::error_summary::{ErrorSummary, FieldError, FieldProblem};
use crate::components::page_heading::focus_heading_on_change;
use crate::components::page_heading::PageHeading;
use crate::components::text_field::TextField;
use crate::components::unsaved_guard::guard_unsaved_changes;
use crate::domain::category_policy::LegalHold;
use crate::domain::policy::PolicyDocument;
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
fn consequences(l: Locale, scope: DeletionScope) -> [String; 3] {
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

fn journey((profile, policy): (Profile, Arc<PolicyDocument>)) -> AnyView {
    let session = use_session();
    let i18n = use_i18n();
    let scope = RwSignal::new(None::<DeletionScope>);
    let step = RwSignal::new(Step::Choose);
    focus_heading_on_change(move || std::mem::discriminant(&step.get()));
    let username = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();
    let failure = RwSignal::new(None::<String>);
    let attempt = StoredValue::new(api::new_attempt_key());
    let expected_username = StoredValue::new(profile.account.username.clone());
    let schedule = StoredValue::new(policy.cleanup.clone());
    guard_unsaved_changes(Signal::derive(move || step.get() == Step::Check));

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
    let submitting = submit.pending();

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

    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = username.get_untracked();
        let expected = expected_username.get_value();
        let l = i18n.get_locale_untracked();
        let found = if typed.trim().is_empty() {
            vec![FieldProblem {
                field: USERNAME,
                message: td_string!(l, deletion.username_missing).to_string(),
            }]
        } else if typed.trim() != expected {
            vec![FieldProblem {
                field: USERNAME,
                message: td_string!(l, deletion.username_wrong).to_string(),
            }]
        } else {
            Vec::new()
        };
        problems.set(found.clone());
        if let (true, Some(chosen)) = (found.is_empty(), scope.get_untracked()) {
            if !submitting.get_untracked() {
                submit.dispatch(chosen);
            }
        }
    };

    let choose_view = move || {
        let l = i18n.get_locale();
        view! {
            <form class="request-form" on:submit=continue_to_check novalidate>
                <ErrorSummary problems=problems_signal />
                <fieldset class="form-field">
                    <legend>{td_string!(l, deletion.what)}</legend>
                    <FieldError field=SCOPE problems=problems_signal />
                    <div class="radios">
                        {SCOPES
                            .iter()
                            .map(|(option, id)| {
                                let option = *option;
                                view! {
                                    <div class="radios__item">
                                        <input
                                            type="radio"
                                            name="scope"
                                            id=*id
                                            prop:checked=move || scope.get() == Some(option)
                                            on:change=move |_| scope.set(Some(option))
                                        />
                                        <label for=*id>{labels::deletion_scope(l, option)}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <button type="submit" class="button">{td_string!(l, common.next_step)}</button>
            </form>
        }
        .into_any()
    };

    let check_view = move || {
        let l = i18n.get_locale();
        let Some(chosen) = scope.get() else {
            return ().into_any();
        };
        let details =
            DeletionDetails::scheduled(chosen, api::now().date_naive(), &schedule.get_value());
        let [stops, forever, first] = consequences(l, chosen);
        view! {
            <form class="request-form" on:submit=confirm novalidate>
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
    };

    let done_view = move |reference: String, details: DeletionDetails| {
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
        .into_any()
    };

    (move || match step.get() {
        Step::Choose => choose_view(),
        Step::Check => check_view(),
        Step::Done { reference, details } => done_view(reference, details),
    })
    .into_any()
}

/// The deletion journey.
#[component]
pub fn NewDeletionPage() -> impl IntoView {
    let session = use_session();
    let data = session.profile.loaded().and(session.policy.loaded());
    view! {
        <PageHeading page=Page::NewDeletion />
        <div class="request-journey">{async_view(|l| td_string!(l, load.account), data, journey)}</div>
    }
    .into_any()
}
