//! `/requests/delete`: choose what to delete, see the consequences and the dated timeline, confirm by typing the
//! username on a check-your-answers step, then get a reference and what happens next.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::async_view::async_view;
use crate::components::error_summary::{field_message, ErrorSummary, FieldError, FieldProblem};
use crate::components::format;
use crate::components::labels;
use crate::components::page_heading::PageHeading;
use crate::components::unsaved_guard::guard_unsaved_changes;
use crate::domain::catalogue::LegalHold;
use crate::domain::policy::PolicyDocument;
use crate::domain::product::Product;
use crate::domain::profile::Profile;
use crate::domain::requests::{DeletionDetails, DeletionScope};
use crate::routes::{request_href, Page};
use crate::state::session::use_session;

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
fn consequences(scope: DeletionScope) -> [String; 3] {
    match scope {
        DeletionScope::OptionalProfile => [
            "Your photo, time zone and language are removed. Nothing stops working: dates then show in your browser's time zone and language.".to_string(),
            "You can add them again at any time, so nothing is lost for good.".to_string(),
            "You can also delete them yourself at once on your profile page.".to_string(),
        ],
        DeletionScope::ServiceData(product) => [
            format!("Everything you keep in {0} (records, files, settings) is removed, and {0} will be empty when you next use it. Your account and your other products keep working.", product.name()),
            "After the clean-up it cannot be recovered, by you or by us.".to_string(),
            format!("If you may need the data, download an export of your {} service data first.", product.name()),
        ],
        DeletionScope::WholeAccount => [
            "Your account and everything in it are removed: all three products' data, your profile and your history. You will no longer be able to sign in, and any subscription ends.".to_string(),
            "After the clean-up it cannot be recovered, by you or by us.".to_string(),
            "If you may need anything, download an export of your data first.".to_string(),
        ],
    }
}

/// The final button names the action.
fn action_name(scope: DeletionScope) -> String {
    match scope {
        DeletionScope::OptionalProfile => "Delete my optional profile data".to_string(),
        DeletionScope::ServiceData(product) => format!("Delete my {} data", product.name()),
        DeletionScope::WholeAccount => "Delete my account".to_string(),
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

fn journey((profile, policy): (Profile, PolicyDocument)) -> AnyView {
    let session = use_session();
    let scope = RwSignal::new(None::<DeletionScope>);
    let step = RwSignal::new(Step::Choose);
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
            match api::file_deletion(chosen, labels::deletion_scope(chosen), attempt.get_value())
                .await
            {
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
                Err(error) => failure.set(Some(format!(
                    "Your request was not sent. Nothing was deleted. {error}"
                ))),
            }
        }
    });
    let submitting = submit.pending();

    let continue_to_check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if scope.get_untracked().is_none() {
            problems.set(vec![FieldProblem {
                field: SCOPE,
                message: "Choose what to delete".to_string(),
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
        let found = if typed.trim().is_empty() {
            vec![FieldProblem {
                field: USERNAME,
                message: "Enter your username to confirm".to_string(),
            }]
        } else if typed.trim() != expected {
            vec![FieldProblem {
                field: USERNAME,
                message: "The username you entered is not yours: enter it exactly as it appears on your profile".to_string(),
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
        view! {
            <form class="request-form" on:submit=continue_to_check novalidate>
                <ErrorSummary problems=problems_signal />
                <fieldset class="form-field">
                    <legend>"What do you want us to delete?"</legend>
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
                                        <label for=*id>{labels::deletion_scope(option)}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <button type="submit" class="button">"Continue"</button>
            </form>
        }
        .into_any()
    };

    let check_view = move || {
        let Some(chosen) = scope.get() else {
            return ().into_any();
        };
        let details =
            DeletionDetails::scheduled(chosen, api::now().date_naive(), &schedule.get_value());
        let [stops, forever, first] = consequences(chosen);
        let username_error = field_message(problems_signal, USERNAME);
        view! {
            <form class="request-form" on:submit=confirm novalidate>
                <ErrorSummary problems=problems_signal />
                <h2>"Check your answers"</h2>
                {move || failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
                <dl class="summary-list summary-list--check">
                    <div>
                        <dt>"What will be deleted"</dt>
                        <dd>{labels::deletion_scope(chosen)}</dd>
                        <dd>
                            <button type="button" class="button-link" on:click=move |_| step.set(Step::Choose)>
                                "Change"<span class="visually-hidden">" what will be deleted"</span>
                            </button>
                        </dd>
                    </div>
                </dl>
                <section class="deletion-consequences" aria-labelledby="consequences-title">
                    <h3 id="consequences-title">"What this means"</h3>
                    <ul>
                        <li>{stops}</li>
                        <li>{forever}</li>
                        <li>{first} " " <A href=Page::NewExport.href()>"Ask for an export"</A></li>
                    </ul>
                </section>
                <section class="deletion-timeline" aria-labelledby="when-title">
                    <h3 id="when-title">"When it goes"</h3>
                    <ol class="timeline">
                        <li class="timeline__step timeline__step--current">
                            <span class="timeline__status">"We receive your request"</span>
                            <span class="timeline__when">"today"</span>
                        </li>
                        <li class="timeline__step timeline__step--expected">
                            <span class="timeline__status">"Removed from our active database, at the next clean-up"</span>
                            <span class="timeline__when">{format::day(details.cleanup_on)}</span>
                        </li>
                        <li class="timeline__step timeline__step--expected">
                            <span class="timeline__status">"Removed from our backups, 3 months later"</span>
                            <span class="timeline__when">{format::day(details.backup_purge_on)}</span>
                        </li>
                    </ol>
                    <p>
                        {format!(
                            "Our active databases are cleaned up once every 6 months; until the clean-up on {}, your data stays, and you can cancel this request.",
                            format::day(details.cleanup_on)
                        )}
                    </p>
                    <p>"Some records may be kept longer where the law requires it:"</p>
                    <ul>{LegalHold::ALL.iter().map(|h| view! { <li>{labels::legal_hold(*h)}</li> }).collect_view()}</ul>
                </section>
                <div class="form-field">
                    <label for=USERNAME>"To confirm, type your username"</label>
                    <FieldError field=USERNAME problems=problems_signal />
                    <input
                        id=USERNAME
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        aria-invalid=move || username_error().is_some().to_string()
                        aria-describedby=move || username_error().map(|_| "confirm-username-error")
                        prop:value=move || username.get()
                        on:input=move |ev| username.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="button button--warning" disabled=move || submitting.get()>
                    {action_name(chosen)}
                </button>
            </form>
        }
        .into_any()
    };

    let done_view = move |reference: String, details: DeletionDetails| {
        view! {
            <div class="confirmation" role="status">
                <h2 class="confirmation__title">"We have your deletion request"</h2>
                <p class="confirmation__reference">{format!("Reference: {reference}")}</p>
            </div>
            <h3>"What happens next"</h3>
            <ul>
                <li>{format!("{} stays until the clean-up on {}; you can cancel the request until then.", labels::deletion_scope(details.scope), format::day(details.cleanup_on))}</li>
                <li>{format!("On {} it is removed from our active database.", format::day(details.cleanup_on))}</li>
                <li>{format!("By {} it is removed from our backups too.", format::day(details.backup_purge_on))}</li>
                <li>"We will email you at each step."</li>
            </ul>
            <p>
                <A href=request_href(&reference)>"Follow or cancel this request"</A>
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
        <div class="request-journey">{async_view("your account", data, journey)}</div>
    }
    .into_any()
}
