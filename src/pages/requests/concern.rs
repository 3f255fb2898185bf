//! `/requests/concern?topic=…&about=…`: raising a concern or complaint about a request, a category of
//! information, an access by staff, or anything else; who handles it, when we answer, and where to go next if
//! the answer does not satisfy (the regulators).

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
use crate::domain::inventory::CategoryId;
use crate::domain::policy::PolicyDocument;
use crate::domain::policy::Unstated;
use crate::domain::requests::{ConcernTopic, PrivacyRequest, RequestKind, RequestLog};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::routes::{Page, ABOUT_KEY, ASK_KEY, TOPIC_KEY};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

const TOPIC: &str = "topic-request";
const REGARDING: &str = "concern-request";
const CATEGORY: &str = "concern-category";
const MESSAGE: &str = "concern-message";

/// A text of the page in the reader's language.
type Words = fn(Locale) -> &'static str;

/// The data protection authorities a user can complain to, with where they explain how.
const REGULATORS: [(Words, &str); 3] = [
    (
        |l| td_string!(l, regulator.india),
        "https://www.meity.gov.in/data-protection-framework",
    ),
    (
        |l| td_string!(l, regulator.europe),
        "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en",
    ),
    (
        |l| td_string!(l, regulator.uk),
        "https://ico.org.uk/make-a-complaint/",
    ),
];

/// Where to go when our answer does not satisfy: the regulators, after our own route.
#[component]
pub(super) fn Regulators(l: Locale) -> impl IntoView {
    view! {
        <section class="regulators" aria-labelledby="regulators-title">
            <h2 id="regulators-title">{td_string!(l, regulator.title)}</h2>
            <p>{td_string!(l, regulator.intro)}</p>
            <ul>
                {REGULATORS
                    .into_iter()
                    .map(|(name, href)| {
                        view! { <li><a href=href rel="noopener noreferrer" target="_blank">{name(l)}<span class="visually-hidden">" "{td_string!(l, regulator.new_tab)}</span></a></li> }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// What the form holds, kept by the page.
#[derive(Clone, Copy)]
struct Concern {
    topic: RwSignal<Option<ConcernTopic>>,
    /// The request it is about (its reference), for a concern about a request.
    regarding: RwSignal<String>,
    /// The category it is about (its slug), for a concern about a category.
    category: RwSignal<String>,
    message: RwSignal<String>,
    failure: RwSignal<Option<String>>,
    sent: RwSignal<bool>,
    attempt: StoredValue<String>,
}

fn problems_of(l: Locale, concern: &Concern) -> Vec<FieldProblem> {
    let mut found = Vec::new();
    if concern.topic.get_untracked().is_none() {
        found.push(FieldProblem {
            field: TOPIC,
            message: td_string!(l, concern.topic_problem).to_string(),
        });
    }
    if concern.message.with_untracked(|m| m.trim().is_empty()) {
        found.push(FieldProblem {
            field: MESSAGE,
            message: td_string!(l, concern.message_problem).to_string(),
        });
    }
    found
}

fn form(concern: Concern, (log, policy): (RequestLog, Arc<PolicyDocument>)) -> AnyView {
    let i18n = use_i18n();
    let after = super::filing::AfterFiling::here();
    let today = api::now().date_naive();
    let contact = policy.contact_on(today).to_string();
    let due =
        format::day(PrivacyRequest::new(RequestKind::Concern, String::new(), api::now()).due_on());
    let requests: Vec<PrivacyRequest> = log
        .newest_first()
        .into_iter()
        .filter(|r| r.kind != RequestKind::Concern)
        .collect();
    if concern.regarding.get_untracked().is_empty() {
        if let Some(first) = requests.first() {
            concern.regarding.set(first.reference.clone());
        }
    }
    if concern.category.get_untracked().is_empty() {
        concern.category.set(CategoryId::ALL[0].slug().to_string());
    }
    let requests = StoredValue::new(requests);
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();
    let Concern {
        topic,
        regarding,
        category,
        message,
        failure,
        sent,
        attempt,
    } = concern;

    let submit = Action::new_local(move |topic: &ConcernTopic| {
        let topic = *topic;
        async move {
            failure.set(None);
            let about_request = (topic == ConcernTopic::Request)
                .then(|| regarding.get_untracked())
                .filter(|r| !r.is_empty());
            let about_category = (topic == ConcernTopic::Category)
                .then(|| category.with_untracked(|c| CategoryId::from_slug(c)))
                .flatten();
            // The company's record is in English; the user's own words stay as typed.
            let summary = match (&about_request, about_category) {
                (Some(reference), _) => format!(
                    "About request {reference}: {}",
                    message.get_untracked().trim()
                ),
                (None, Some(c)) => format!(
                    "About my {} information: {}",
                    labels::category(Locale::en, c),
                    message.get_untracked().trim()
                ),
                (None, None) => format!(
                    "{}: {}",
                    labels::concern_topic(Locale::en, topic),
                    message.get_untracked().trim()
                ),
            };
            let outcome = api::file_concern(
                topic,
                about_category,
                about_request,
                summary,
                attempt.get_value(),
            )
            .await;
            if after.show(
                outcome,
                |l| td_string!(l, concern.filed),
                |l| td_string!(l, concern.not_sent),
                failure,
            ) {
                sent.set(true);
            }
        }
    });
    let sending = submit.pending();
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = problems_of(i18n.get_locale_untracked(), &concern);
        let ready = found.is_empty();
        problems.set(found);
        if let (true, Some(chosen)) = (ready, topic.get_untracked()) {
            if !sending.get_untracked() {
                submit.dispatch(chosen);
            }
        }
    };
    let options: Vec<_> = ConcernTopic::ALL
        .into_iter()
        .map(|t| (Some(t), format!("topic-{}", t.slug())))
        .collect();

    (move || {
        let l = i18n.get_locale();
        let chosen = topic.get();
        let which_request = (chosen == Some(ConcernTopic::Request)).then(|| {
            let list = requests.get_value();
            if list.is_empty() {
                return view! { <p class="muted">{td_string!(l, concern.no_requests)}</p> }.into_any();
            }
            view! {
                <div class="form-field">
                    <label for=REGARDING>{td_string!(l, concern.which_request)}</label>
                    <select id=REGARDING prop:value=move || regarding.get() on:change=move |ev| regarding.set(event_target_value(&ev))>
                        {list
                            .into_iter()
                            .map(|r| {
                                let words = format!("{} · {} · {}", r.reference, labels::request_title(l, &r), format::date(r.received_at));
                                view! { <option value=r.reference.clone()>{words}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
            }
            .into_any()
        });
        let which_category = (chosen == Some(ConcernTopic::Category)).then(|| {
            view! {
                <div class="form-field">
                    <label for=CATEGORY>{td_string!(l, concern.which_category)}</label>
                    <select id=CATEGORY prop:value=move || category.get() on:change=move |ev| category.set(event_target_value(&ev))>
                        {CategoryId::ALL
                            .into_iter()
                            .map(|c| view! { <option value=c.slug()>{labels::category(l, c)}</option> })
                            .collect_view()}
                    </select>
                </div>
            }
        });
        view! {
            <form class="request-form" on:submit=send novalidate>
                <ErrorSummary problems=problems_signal />
                {move || failure.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> })}
                <fieldset class="form-field">
                    <legend>{td_string!(l, concern.what_about)}</legend>
                    <FieldError field=TOPIC problems=problems_signal />
                    <RadioGroup
                        name="topic"
                        options=options.clone()
                        chosen=topic
                        label=Callback::new(move |t: Option<ConcernTopic>| t.map(|t| labels::concern_topic(l, t).to_string()).unwrap_or_default())
                    />
                </fieldset>
                {which_request}
                {which_category}
                <TextField
                    id=MESSAGE
                    label=td_string!(l, concern.message)
                    hint=td_string!(l, concern.message_hint)
                    problems=problems_signal
                    value=message
                    kind=TextKind::Lines(6)
                />
                <section class="request-form__next" aria-labelledby="next-title">
                    <h2 id="next-title">{td_string!(l, category_request.next)}</h2>
                    <ul>
                        <li>{fill(td_string!(l, concern.handled_by), &[("email", &contact)])}</li>
                        <li>{fill(td_string!(l, concern.answer_by), &[("date", &due)])}</li>
                    </ul>
                    <p>
                        {td_string!(l, concern.email_instead)}
                        " "
                        <a href=format!("mailto:{contact}")>{contact.clone()}</a>
                    </p>
                </section>
                <button type="submit" class="button" disabled=move || sending.get()>
                    {td_string!(l, concern.send)}
                </button>
            </form>
            <Regulators l />
        }
        .into_any()
    })
    .into_any()
}

/// The concern page.
#[component]
pub fn NewConcernPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let (topic, about, ask) = query.with_untracked(|q| {
        (
            q.get_str(TOPIC_KEY).and_then(ConcernTopic::from_slug),
            q.get_str(ABOUT_KEY).unwrap_or_default().to_string(),
            q.get_str(ASK_KEY).and_then(Unstated::from_slug),
        )
    });
    let i18n = use_i18n();
    // A question about what the policy does not say arrives written, in the user's language, to send or change.
    let asked = ask
        .map(|ask| {
            let l = i18n.get_locale_untracked();
            let category = CategoryId::from_slug(&about).map(|c| labels::category(l, c));
            labels::unstated_question(l, ask, category.unwrap_or_default())
        })
        .unwrap_or_default();
    let concern = Concern {
        topic: RwSignal::new(topic),
        regarding: RwSignal::new(if topic == Some(ConcernTopic::Request) {
            about.clone()
        } else {
            String::new()
        }),
        category: RwSignal::new(
            (topic == Some(ConcernTopic::Category))
                .then(|| CategoryId::from_slug(&about))
                .flatten()
                .map(|c| c.slug().to_string())
                .unwrap_or_default(),
        ),
        message: RwSignal::new(asked.clone()),
        failure: RwSignal::new(None),
        sent: RwSignal::new(false),
        attempt: StoredValue::new(api::new_attempt_key()),
    };
    guard_unsaved_changes(Signal::derive(move || {
        !concern.sent.get() && !concern.message.with(|m| m.trim().is_empty() || *m == asked)
    }));
    let data = session.requests.loaded().and(session.policy.loaded());
    view! {
        <PageHeading page=Page::NewConcern />
        <div class="request-journey">
            {async_view(|l| td_string!(l, load.requests), data, move |data| form(concern, data))}
        </div>
        <p><A href=Page::Requests.href()>{move || td_string!(i18n.get_locale(), overview.requests_link)}</A></p>
    }
    .into_any()
}
