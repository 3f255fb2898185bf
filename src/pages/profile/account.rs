//! The account fields, read-only, each with "Request a correction" that files a rectification request.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::error_summary::{ErrorSummary, FieldProblem};
use crate::components::text_field::{TextField, TextKind};
use crate::domain::profile::{Account, AccountField};
use crate::domain::profile_rules::{check_correction, check_note, correction_summary};
use crate::domain::requests::PrivacyRequest;
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::routes::Page;
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

/// The ids of a field's two inputs: the corrected value and the note.
fn input_ids(field: AccountField) -> (&'static str, &'static str) {
    match field {
        AccountField::Name => ("correct-name", "note-name"),
        AccountField::ContactNumber => ("correct-contact-number", "note-contact-number"),
        AccountField::Email => ("correct-email", "note-email"),
        AccountField::Company => ("correct-company", "note-company"),
        AccountField::Country => ("correct-country", "note-country"),
        AccountField::Username => ("correct-username", "note-username"),
    }
}

/// What is wrong with a correction and its note, if anything.
fn problems_with(
    l: Locale,
    field: AccountField,
    current: &str,
    corrected: &str,
    note: &str,
) -> Vec<FieldProblem> {
    let (value_id, note_id) = input_ids(field);
    let mut found = Vec::new();
    if let Err(p) = check_correction(current, corrected, field == AccountField::Email) {
        let what = fill(
            td_string!(l, profile.what.correct),
            &[(
                "field",
                &labels::in_sentence(l, labels::account_field(l, field)),
            )],
        );
        found.push(FieldProblem {
            field: value_id,
            message: labels::problem(l, &what, p),
        });
    }
    if let Err(p) = check_note(note) {
        found.push(FieldProblem {
            field: note_id,
            message: labels::problem(l, td_string!(l, profile.what.note), p),
        });
    }
    found
}

/// What the correction form holds: which field's form is open, what was typed, and what became of sending it.
/// Kept by the page, so a refresh of the profile never loses it.
#[derive(Clone, Copy)]
pub struct CorrectionDraft {
    open: RwSignal<Option<AccountField>>,
    value: RwSignal<String>,
    note: RwSignal<String>,
    sent: RwSignal<Option<Result<String, String>>>,
}

impl CorrectionDraft {
    pub fn empty() -> Self {
        Self {
            open: RwSignal::new(None),
            value: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
            sent: RwSignal::new(None),
        }
    }

    /// Opens the form of `field`, empty.
    fn open(self, field: AccountField) {
        self.close();
        self.open.set(Some(field));
    }

    /// Closes the form and forgets what it held.
    fn close(self) {
        self.open.set(None);
        self.value.set(String::new());
        self.note.set(String::new());
        self.sent.set(None);
    }
}

/// The correction form for one field.
#[component]
fn CorrectionForm(
    /// The field to correct.
    field: AccountField,
    /// What the account says now.
    current: String,
    /// What the form holds.
    draft: CorrectionDraft,
    /// Set to true while the user has typed something not yet sent.
    dirty: RwSignal<bool>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let (value_id, note_id) = input_ids(field);
    let current = StoredValue::new(current);
    let CorrectionDraft {
        value, note, sent, ..
    } = draft;
    let on_close = Callback::new(move |()| draft.close());
    let problems = RwSignal::new(Vec::<FieldProblem>::new());
    let problems_signal: Signal<Vec<FieldProblem>> = problems.into();
    let label = move || labels::account_field(i18n.get_locale(), field);

    let send = Action::new_local(move |summary: &String| {
        let summary = summary.clone();
        async move {
            let outcome = api::request_correction(summary).await;
            match outcome {
                Ok(reference) => {
                    dirty.set(false);
                    session.requests.reload();
                    session.activity.refresh_if_used();
                    sent.set(Some(Ok(reference)));
                }
                Err(error) => sent.set(Some(Err(labels::error_text(
                    i18n.get_locale_untracked(),
                    &error,
                )))),
            }
        }
    });
    let sending = send.pending();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let corrected = value.get_untracked();
        let extra = note.get_untracked();
        let l = i18n.get_locale_untracked();
        let found = current.with_value(|c| problems_with(l, field, c, &corrected, &extra));
        let ready = found.is_empty();
        problems.set(found);
        if ready {
            // The request is the company's record, kept in English like every entry the backend writes.
            let english = labels::account_field(Locale::en, field);
            send.dispatch(correction_summary(english, &corrected, &extra));
        }
    };

    view! {
        {move || match sent.get() {
            Some(Ok(reference)) => view! { <CorrectionSent reference on_close /> }.into_any(),
            _ => ().into_any(),
        }}
        <Show when=move || !matches!(sent.get(), Some(Ok(_)))>
            <form class="correction-form" on:submit=submit novalidate>
                <ErrorSummary problems=problems_signal />
                {move || match sent.get() {
                    Some(Err(message)) => view! {
                        <p class="field-error" role="alert">{fill(t_string!(i18n, profile.request_not_sent), &[("message", &message)])}</p>
                    }
                        .into_any(),
                    _ => ().into_any(),
                }}
                <TextField
                    id=value_id
                    label=move || fill(t_string!(i18n, profile.what_should), &[("field", &labels::in_sentence(i18n.get_locale(), label()))])
                    problems=problems_signal
                    value
                    on_input=Callback::new(move |()| dirty.set(true))
                />
                <TextField
                    id=note_id
                    label=move || t_string!(i18n, profile.anything_else)
                    problems=problems_signal
                    value=note
                    kind=TextKind::Lines(2)
                    on_input=Callback::new(move |()| dirty.set(true))
                />
                <div class="button-row">
                    <button type="submit" id="correction-send" data-focus-next="correction-close" class="button" disabled=move || sending.get()>
                        {move || if sending.get() { t_string!(i18n, common.sending) } else { t_string!(i18n, profile.send_correction) }}
                    </button>
                    <button
                        type="button"
                        class="button button--quiet"
                        on:click=move |_| {
                            dirty.set(false);
                            on_close.run(());
                        }
                    >
                        {t!(i18n, common.cancel)}
                    </button>
                </div>
            </form>
        </Show>
    }
    .into_any()
}

/// A correction sent: its reference, when the answer is due, and where to follow it.
#[component]
fn CorrectionSent(reference: String, on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let due = {
        let reference = reference.clone();
        move || {
            session
                .requests
                .get()
                .and_then(Result::ok)
                .and_then(|log| log.requests.into_iter().find(|r| r.reference == reference))
                .map(|r: PrivacyRequest| {
                    format!(
                        " {}",
                        fill(
                            t_string!(i18n, profile.answer_by),
                            &[("date", &format::day(r.due_on()))]
                        )
                    )
                })
                .unwrap_or_default()
        }
    };
    view! {
        <div class="correction-done" role="status">
            <p>
                <strong>{move || fill(t_string!(i18n, profile.correction_sent), &[("reference", &reference)])}</strong>
                {due}
            </p>
            <p>
                {t!(i18n, profile.follow_with)}
                <A href=Page::Requests.href()>{t!(i18n, profile.requests_link)}</A>
                ". "
                <button type="button" id="correction-close" class="button-link" on:click=move |_| on_close.run(())>
                    {t!(i18n, common.close)}
                </button>
            </p>
        </div>
    }
}

/// The account details section.
#[component]
pub fn AccountDetails(
    /// The account as the backend has it.
    account: Account,
    /// What the correction form holds.
    draft: CorrectionDraft,
    /// True while a correction form holds text not yet sent.
    dirty: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = draft.open;
    let rows = AccountField::ALL
        .into_iter()
        .map(|field| {
            let current = field.value(&account).to_string();
            let label = move || labels::account_field(i18n.get_locale(), field);
            let shown = current.clone();
            view! {
                <div class="account-details__row">
                    <dt>{label}</dt>
                    <dd>
                        <span class="account-details__value">{shown}</span>
                        <Show when=move || open.get() != Some(field)>
                            <button
                                type="button"
                                class="button-link"
                                on:click=move |_| draft.open(field)
                            >
                                {t!(i18n, profile.request_correction)}
                                <span class="visually-hidden">" "{move || fill(t_string!(i18n, profile.to_your), &[("field", &labels::in_sentence(i18n.get_locale(), label()))])}</span>
                            </button>
                        </Show>
                        <Show when=move || open.get() == Some(field)>
                            <CorrectionForm field current=current.clone() draft dirty />
                        </Show>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="account-details" aria-labelledby="account-title">
            <h2 id="account-title">{t!(i18n, labels.category.account)}</h2>
            <p>
                {t!(i18n, profile.account_intro)}
            </p>
            <dl class="account-details__list">
                {rows}
                <div class="account-details__row">
                    <dt>{t!(i18n, profile.password)}</dt>
                    <dd>
                        <span class="account-details__value">{t!(i18n, profile.password_held)}</span>
                        <a href=crate::api::password_url()>{t!(i18n, profile.password_change)}</a>
                    </dd>
                </div>
            </dl>
        </section>
    }
    .into_any()
}
