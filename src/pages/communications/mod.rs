//! `/communications`: which non-essential messages the user receives, by topic, channel and product; the
//! essential ones, locked on; unsubscribe from all (with undo); saving that says what happened.

mod grid;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::async_view::LoadingPanel;
use crate::components::labels;
use crate::components::page_heading::PageHeading;
use crate::components::unsaved_guard::guard_unsaved_changes;
use crate::domain::communications::{CommunicationPreferences, EssentialMessage, GRID_SIZE};
use crate::domain::product::Product;
use crate::routes::Page;
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;

use grid::MessageGrid;

/// What a save is for.
#[derive(Clone)]
enum SaveKind {
    /// The choices edited in the grid.
    Choices,
    /// Unsubscribe from all; holds the choices to go back to on "Undo".
    UnsubscribeAll { before: CommunicationPreferences },
    /// Undo of an unsubscribe from all.
    Undo,
}

#[derive(Clone)]
struct SaveRequest {
    preferences: CommunicationPreferences,
    kind: SaveKind,
}

/// What the activity log and the status line say about a save.
fn summary(request: &SaveRequest, saved: &CommunicationPreferences) -> String {
    match &request.kind {
        SaveKind::UnsubscribeAll { .. } => {
            "Unsubscribed from all non-essential messages".to_string()
        }
        SaveKind::Undo => "Undid unsubscribing from all non-essential messages".to_string(),
        SaveKind::Choices => {
            let (on, off) = saved.changes_to(&request.preferences);
            match (on, off) {
                (0, 0) => "Saved communication preferences (no change)".to_string(),
                (on, 0) => format!("Turned on {on} kind(s) of optional message"),
                (0, off) => format!("Turned off {off} kind(s) of optional message"),
                (on, off) => format!("Turned on {on} and off {off} kind(s) of optional message"),
            }
        }
    }
}

/// "Object to marketing": a request to stop using the user's information for marketing at all, beyond messages.
#[component]
fn Objection() -> impl IntoView {
    let session = use_session();
    let attempt = StoredValue::new(api::new_attempt_key());
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let file = Action::new_local(move |_: &()| async move {
        match api::file_objection(attempt.get_value()).await {
            Ok(filed) => {
                session.requests.reload();
                session.activity.refresh_if_used();
                outcome.set(Some(Ok(filed.reference)));
            }
            Err(error) => outcome.set(Some(Err(error.to_string()))),
        }
    });
    let filing = file.pending();
    view! {
        <section class="communications__objection" aria-labelledby="objection-title">
            <h2 id="objection-title">"Object to marketing"</h2>
            <p>
                "Beyond messages, you can object to any use of your information for marketing: campaigns, suggestions and analysis of what might interest you. We answer within one month."
            </p>
            {move || match outcome.get() {
                Some(Ok(reference)) => view! {
                    <p role="status">
                        {format!("Your objection is filed as {reference}. ")}
                        <A href=crate::routes::request_href(&reference)>"Follow it"</A>
                    </p>
                }
                .into_any(),
                Some(Err(message)) => view! {
                    <p class="field-error" role="alert">{format!("Your objection was not filed. {message}")}</p>
                }
                .into_any(),
                None => ().into_any(),
            }}
            <button
                type="button"
                class="button button--secondary"
                disabled=move || filing.get() || matches!(outcome.get(), Some(Ok(_)))
                on:click=move |_| {
                    file.dispatch(());
                }
            >
                "Object to marketing"
            </button>
        </section>
    }
    .into_any()
}

/// The communication preferences page.
#[component]
pub fn CommunicationsPage() -> impl IntoView {
    let session = use_session();
    let notices = use_notices();
    let saved_doc = session.communications;
    // The choices on screen; `None` until the saved ones have loaded.
    let draft = RwSignal::new(None::<CommunicationPreferences>);
    let status = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<(String, SaveRequest)>);
    let undo = RwSignal::new(None::<CommunicationPreferences>);

    let saved = move || saved_doc.get().and_then(Result::ok);
    let dirty = Signal::derive(move || {
        draft.with(|d| match (d, saved()) {
            (Some(d), Some(s)) => !d.same_choices(&s),
            _ => false,
        })
    });
    guard_unsaved_changes(dirty);

    // Follow the saved choices (first load, a save, another tab). Edits not yet saved are kept, and the user is
    // told that saving will replace what the other tab saved.
    Effect::new(move |previous: Option<Option<CommunicationPreferences>>| {
        let current = saved();
        if let Some(current) = &current {
            let previous = previous.flatten();
            let on_screen = draft.get_untracked();
            let already_shown = on_screen.as_ref().is_some_and(|d| d.same_choices(current));
            let editing = match (&on_screen, &previous) {
                (Some(d), Some(p)) => !d.same_choices(p),
                _ => false,
            };
            if already_shown {
                // Nothing to do: a save from this page, or the same choices saved elsewhere.
            } else if !editing {
                draft.set(Some(current.clone()));
            } else {
                notices.push(
                    NoticeKind::Warning,
                    "Your communication preferences were changed in another tab. Saving here will replace them.",
                );
            }
        }
        current
    });

    let save = Action::new_local(move |request: &SaveRequest| {
        let request = request.clone();
        async move {
            let before = saved();
            let text = summary(&request, before.as_ref().unwrap_or(&request.preferences));
            match api::save_communications(&request.preferences, &text).await {
                Ok(stored) => {
                    failure.set(None);
                    saved_doc.replace(stored.clone());
                    draft.set(Some(stored));
                    session.activity.refresh_if_used();
                    match &request.kind {
                        SaveKind::UnsubscribeAll { before } => {
                            undo.set(Some(before.clone()));
                            status.set(
                                "You have unsubscribed from all non-essential messages.".into(),
                            );
                        }
                        SaveKind::Undo => {
                            undo.set(None);
                            status.set("Your earlier choices are back.".into());
                        }
                        SaveKind::Choices => {
                            undo.set(None);
                            status.set("Your communication preferences are saved.".into());
                        }
                    }
                }
                Err(error) => {
                    // Roll back to what is really saved, and keep the attempt for "Try saving again".
                    draft.set(before);
                    status.set(String::new());
                    failure.set(Some((error.to_string(), request)));
                }
            }
        }
    });
    let saving = save.pending();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(preferences) = draft.get_untracked() {
            save.dispatch(SaveRequest {
                preferences,
                kind: SaveKind::Choices,
            });
        }
    };
    let unsubscribe_all = move |_| {
        if let Some(current) = saved() {
            save.dispatch(SaveRequest {
                preferences: current.unsubscribed_from_all(),
                kind: SaveKind::UnsubscribeAll { before: current },
            });
        }
    };
    let undo_unsubscribe = move |_| {
        if let Some(before) = undo.get_untracked() {
            save.dispatch(SaveRequest {
                preferences: before,
                kind: SaveKind::Undo,
            });
        }
    };
    let retry = move |_| {
        if let Some((_, request)) = failure.get_untracked() {
            draft.set(Some(request.preferences.clone()));
            save.dispatch(request);
        }
    };

    let failure_view = move || {
        failure.get().map(|(message, _)| {
            view! {
                <div class="error-panel" role="alert">
                    <h2 class="error-panel__title">"Your changes were not saved"</h2>
                    <p>{message}</p>
                    <p>"Your choices are back to how they were saved before."</p>
                    <button type="button" class="button button--secondary" on:click=retry disabled=move || saving.get()>
                        "Try saving again"
                    </button>
                </div>
            }
        })
    };

    let form = move || {
        match saved_doc.get() {
        None => view! { <LoadingPanel what="your communication preferences" /> }.into_any(),
        Some(Err(error)) => view! {
            <div class="error-panel" role="alert">
                <h2 class="error-panel__title">{error.title()}</h2>
                <p>{error.to_string()}</p>
                <button type="button" class="button button--secondary" on:click=move |_| saved_doc.reload()>
                    "Try again"
                </button>
            </div>
        }
        .into_any(),
        Some(Ok(_)) => view! {
            <form class="communications-form" on:submit=on_submit aria-describedby="grid-help">
                <p id="grid-help">
                    {format!(
                        "Tick what you want to receive. There are {GRID_SIZE} kinds of optional message: 6 topics, by email, SMS or phone, for each product."
                    )}
                </p>
                <div class="communications-form__grids">
                    {Product::ALL
                        .iter()
                        .map(|product| view! { <MessageGrid product=*product draft saving /> })
                        .collect_view()}
                </div>
                <div class="communications-form__actions">
                    <button type="submit" class="button" disabled=move || saving.get() || !dirty.get()>
                        {move || if saving.get() { "Saving…" } else { "Save my choices" }}
                    </button>
                    <Show when=move || dirty.get()>
                        <p class="muted">"You have changes you have not saved."</p>
                    </Show>
                </div>
            </form>
        }
        .into_any(),
    }
    };

    view! {
        <PageHeading page=Page::Communications />
        <div class="communications">
            <p class="communications__status" role="status">
                {move || status.get()}
                <Show when=move || undo.with(Option::is_some)>
                    " "
                    <button type="button" class="button-link" on:click=undo_unsubscribe disabled=move || saving.get()>
                        "Undo"
                    </button>
                </Show>
            </p>
            {failure_view}
            <section class="communications__all" aria-labelledby="unsubscribe-all-title">
                <h2 id="unsubscribe-all-title">"Stop all optional messages"</h2>
                <p>"One step turns off every newsletter, offer, event invitation, survey and suggestion, for every product and channel."</p>
                <button
                    type="button"
                    class="button button--secondary"
                    on:click=unsubscribe_all
                    disabled=move || saving.get() || saved().is_none_or(|s| s.is_unsubscribed_from_all())
                >
                    "Unsubscribe from all non-essential messages"
                </button>
            </section>
            <section aria-labelledby="optional-title">
                <h2 id="optional-title">"Optional messages"</h2>
                {form}
                <p class="communications__note">
                    "When you turn a message off, we add you to a suppression list so that it stays off: the policy lets us keep that list for as long as it is needed, even after other data is deleted. Your choice takes effect for every message sent after you save it; a message already on its way may still arrive."
                </p>
            </section>
            <section class="communications__essential" aria-labelledby="essential-title">
                <h2 id="essential-title">"Messages you always get"</h2>
                <p>"You will keep getting these whatever you choose above, because you need them to use our services safely."</p>
                <ul class="essential-list">
                    {EssentialMessage::ALL
                        .iter()
                        .enumerate()
                        .map(|(index, message)| {
                            let (name, why) = labels::essential_message(*message);
                            let id = format!("essential-{index}");
                            view! {
                                <li class="essential-list__item">
                                    <input type="checkbox" id=id.clone() checked disabled aria-describedby=format!("{id}-why") />
                                    <label for=id.clone()>{name} <span class="essential-list__lock">" (always on)"</span></label>
                                    <p class="muted" id=format!("{id}-why")>{why}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
            <Objection />
            <p>
                "Your browser may also send a privacy signal. "
                <A href=Page::Cookies.href_to("signals")>"See how browser privacy signals are treated"</A>
                "."
            </p>
        </div>
    }
    .into_any()
}
