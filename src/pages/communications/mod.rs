//! `/communications`: which non-essential messages the user receives, by topic, channel and product; the
//! essential ones, locked on; unsubscribe from all (with undo); saving that says what happened.

mod grid;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::async_view::{ErrorPanel, LoadingPanel};
use crate::components::in_steps::Steps;
use crate::components::page_heading::PageHeading;
use crate::components::unsaved_guard::guard_unsaved_changes;
use crate::domain::communications::{CommunicationPreferences, EssentialMessage, GRID_SIZE};
use crate::domain::marketing::{MarketingSignals, MarketingStop};
use crate::domain::product::Product;
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::routes::Page;
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

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

/// What the page shows about marketing: an objection (filed at once, in effect at once, withdrawn as easily) and,
/// once the policy honours it, the browser's Global Privacy Control signal with the choice to receive the marketing
/// messages ticked anyway.
#[component]
fn Marketing(marketing: Signal<Option<MarketingSignals>>) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let attempt = StoredValue::new(api::new_attempt_key());
    // What the last action said: announced in the live region, which stays while the section below it changes.
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let failed = move |template: &str, error: api::ApiError| {
        let l = i18n.get_locale_untracked();
        let error = labels::error_text(l, &error);
        outcome.set(Some(Err(fill(
            template,
            &[("message", &error), ("error", &error)],
        ))));
    };
    let file = Action::new_local(move |_: &()| async move {
        match api::file_objection(attempt.get_value()).await {
            Ok(filed) => {
                session.requests.reload();
                session.activity.refresh_if_used();
                let said = fill(
                    t_string!(i18n, comm.objection_filed),
                    &[("reference", &filed.reference)],
                );
                outcome.set(Some(Ok(said)));
            }
            Err(error) => failed(t_string!(i18n, comm.objection_failed), error),
        }
    });
    let withdraw = Action::new_local(move |reference: &String| {
        let reference = reference.clone();
        async move {
            match api::withdraw_objection(&reference).await {
                Ok(()) => {
                    // A later objection is a new attempt.
                    attempt.set_value(api::new_attempt_key());
                    session.requests.reload();
                    session.activity.refresh_if_used();
                    outcome.set(Some(Ok(t_string!(i18n, comm.withdrawn).to_string())));
                }
                Err(error) => failed(t_string!(i18n, comm.withdraw_failed), error),
            }
        }
    });
    let choose = Action::new_local(move |despite: &bool| {
        let despite = *despite;
        async move {
            match api::set_messages_despite_gpc(despite).await {
                Ok(saved) => {
                    session.communications.replace(saved);
                    session.activity.refresh_if_used();
                    let said = if despite {
                        t_string!(i18n, comm.despite_saved)
                    } else {
                        t_string!(i18n, comm.follow_saved)
                    };
                    outcome.set(Some(Ok(said.to_string())));
                }
                Err(error) => failed(t_string!(i18n, common.nothing_changed), error),
            }
        }
    });
    let busy = Signal::derive(move || {
        file.pending().get() || withdraw.pending().get() || choose.pending().get()
    });
    let despite_since = move || {
        session
            .communications
            .get()
            .and_then(Result::ok)
            .and_then(|p| p.despite_gpc)
    };
    let objection = move || {
        let l = i18n.get_locale();
        match marketing.get().and_then(|m| m.objection) {
            Some((reference, on)) => {
                let withdrawing = reference.clone();
                view! {
                    <p>
                        {fill(td_string!(l, comm.objected), &[("date", &format::day(on)), ("reference", &reference)])}
                        " "
                        <A href=crate::routes::request_href(&reference)>{td_string!(l, comm.follow_it)}</A>
                    </p>
                    // Focus moves to the button that takes its place, so a keyboard user stays where they were.
                    <button
                        type="button"
                        id="comm-withdraw"
                        data-focus-next="comm-object"
                        class="button button--secondary"
                        disabled=move || busy.get()
                        on:click=move |_| {
                            withdraw.dispatch(withdrawing.clone());
                        }
                    >
                        {td_string!(l, comm.withdraw)}
                    </button>
                }
                .into_any()
            }
            None => view! {
                <p>{td_string!(l, comm.object_intro)}</p>
                <button
                    type="button"
                    id="comm-object"
                    data-focus-next="comm-withdraw"
                    class="button button--secondary"
                    disabled=move || busy.get()
                    on:click=move |_| {
                        file.dispatch(());
                    }
                >
                    {td_string!(l, comm.object_title)}
                </button>
            }
            .into_any(),
        }
    };
    // Global Privacy Control, while the policy honours it and no objection covers more.
    let gpc = move || {
        let l = i18n.get_locale();
        let signals = marketing.get()?;
        let since = signals.gpc_since.filter(|_| signals.objection.is_none())?;
        let (text, button, despite) = match despite_since() {
            Some(on) => (
                fill(
                    td_string!(l, comm.gpc_despite),
                    &[("date", &format::date(on))],
                ),
                td_string!(l, comm.follow_gpc_button),
                false,
            ),
            None => (
                fill(
                    td_string!(l, comm.gpc_stops),
                    &[("date", &format::day(since))],
                ),
                td_string!(l, comm.despite_button),
                true,
            ),
        };
        Some(view! {
            <p>{text}</p>
            <button
                type="button"
                id="comm-gpc"
                class="button button--quiet"
                disabled=move || busy.get()
                on:click=move |_| {
                    choose.dispatch(despite);
                }
            >
                {button}
            </button>
        })
    };
    view! {
        <section class="communications__objection" id="marketing" aria-labelledby="objection-title">
            <h2 id="objection-title">{t!(i18n, comm.marketing_title)}</h2>
            <p role="status">
                {move || match outcome.get() {
                    Some(Ok(said)) => said.into_any(),
                    _ => ().into_any(),
                }}
            </p>
            {move || match outcome.get() {
                Some(Err(message)) => view! { <p class="field-error" role="alert">{message}</p> }.into_any(),
                _ => ().into_any(),
            }}
            {objection}
            {gpc}
        </section>
    }
    .into_any()
}

/// What the page's parts share: the choices on screen and the save in progress.
#[derive(Clone, Copy)]
struct Editing {
    /// The choices on screen; `None` until the saved ones have loaded.
    draft: RwSignal<Option<CommunicationPreferences>>,
    /// The screen differs from what is saved.
    dirty: Signal<bool>,
    saving: Signal<bool>,
    save: Action<SaveRequest, ()>,
    /// Why the last save failed, with what it asked for (for "Try saving again").
    failure: RwSignal<Option<(String, SaveRequest)>>,
}

/// Follows the saved choices onto the screen (first load, a save, another tab). Edits not yet saved are kept, and
/// the user is told that saving will replace what the other tab saved.
fn follow_saved_choices(draft: RwSignal<Option<CommunicationPreferences>>) {
    let session = use_session();
    let notices = use_notices();
    let i18n = use_i18n();
    let saved = move || session.communications.get().and_then(Result::ok);
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
                    td_string!(i18n.get_locale_untracked(), comm.changed_elsewhere),
                );
            }
        }
        current
    });
}

/// The communication preferences page.
#[component]
pub fn CommunicationsPage() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let saved_doc = session.communications;
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

    follow_saved_choices(draft);

    let save = Action::new_local(move |request: &SaveRequest| {
        let mut request = request.clone();
        // The grid saves ticks; the choice about Global Privacy Control is made in its own place and goes as this
        // page last read it (not read afresh: that would hide another tab's newer save from the conflict check).
        if let Some(read) = saved() {
            request.preferences.despite_gpc = read.despite_gpc;
        }
        async move {
            let before = saved();
            let text = summary(&request, before.as_ref().unwrap_or(&request.preferences));
            let l = i18n.get_locale_untracked();
            match api::save_communications(&request.preferences, &text).await {
                Ok(stored) => {
                    failure.set(None);
                    saved_doc.replace(stored.clone());
                    draft.set(Some(stored));
                    session.activity.refresh_if_used();
                    let (back_to, said) = match &request.kind {
                        SaveKind::UnsubscribeAll { before } => {
                            (Some(before.clone()), td_string!(l, comm.unsubscribed))
                        }
                        SaveKind::Undo => (None, td_string!(l, comm.earlier_back)),
                        SaveKind::Choices => (None, td_string!(l, comm.saved)),
                    };
                    undo.set(back_to);
                    status.set(said.into());
                }
                Err(error) => {
                    // What is on screen stays as it is (the user's ticks are not lost; the page says they are not
                    // saved), and the attempt is kept for "Try saving again".
                    status.set(String::new());
                    failure.set(Some((labels::error_text(l, &error), request)));
                }
            }
        }
    });
    let editing = Editing {
        draft,
        dirty,
        saving: save.pending().into(),
        save,
        failure,
    };
    let saving = editing.saving;
    let marketing = Signal::derive(move || session.marketing());

    let undo_unsubscribe = Callback::new(move |()| {
        if let Some(before) = undo.get_untracked() {
            save.dispatch(SaveRequest {
                preferences: before,
                kind: SaveKind::Undo,
            });
        }
    });

    // The page's sections a frame at a time from the frame after it opens (see `in_steps`): built in one go,
    // opening the page for the first time was a long task.
    let steps = Steps::from_next_frame(1);
    let top = steps.part(move || view! { <StopAll editing /> }.into_any());
    let optional = steps.part(move || {
        view! {
            <section aria-labelledby="optional-title">
                <h2 id="optional-title">{t!(i18n, comm.optional)}</h2>
                <OptionalMessages editing marketing />
                <p class="communications__note">
                    {t!(i18n, comm.suppression_note)}
                </p>
            </section>
        }
        .into_any()
    });
    let rest = steps.part(move || {
        view! {
            <EssentialMessages />
            <Marketing marketing />
            <p>
                {t!(i18n, comm.signal_note)}
                <A href=Page::Cookies.href_to("signals")>{t!(i18n, comm.signal_link)}</A>
                "."
            </p>
        }
        .into_any()
    });
    steps.run(|| ());

    view! {
        <PageHeading page=Page::Communications />
        <div class="communications">
            <StatusLine status undo saving on_undo=undo_unsubscribe />
            <SaveFailure failure editing />
            {top}
            {optional}
            {rest}
        </div>
    }
    .into_any()
}

/// What the last save did, with "Undo" after unsubscribing from all.
#[component]
fn StatusLine(
    status: RwSignal<String>,
    undo: RwSignal<Option<CommunicationPreferences>>,
    saving: Signal<bool>,
    on_undo: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="communications__status" role="status">
            {move || status.get()}
            <Show when=move || undo.with(Option::is_some)>
                " "
                <button
                    type="button"
                    id="comm-undo"
                    data-focus-next="comm-unsubscribe-all"
                    class="button-link"
                    on:click=move |_| on_undo.run(())
                    disabled=move || saving.get()
                >
                    {t!(i18n, common.undo)}
                </button>
            </Show>
        </p>
    }
}

/// A failed save: what went wrong, that the choices on screen are kept, and "Try saving again".
#[component]
fn SaveFailure(
    failure: RwSignal<Option<(String, SaveRequest)>>,
    editing: Editing,
) -> impl IntoView {
    let i18n = use_i18n();
    let retry = Callback::new(move |()| {
        if editing.saving.get_untracked() {
            return;
        }
        if let Some((_, request)) = failure.get_untracked() {
            // The choices on screen, with any ticks changed since the failure; the other saves as they were asked.
            let request = match editing.draft.get_untracked() {
                Some(preferences) if matches!(request.kind, SaveKind::Choices) => SaveRequest {
                    preferences,
                    kind: SaveKind::Choices,
                },
                _ => request,
            };
            editing.save.dispatch(request);
        }
    });
    move || {
        failure.get().map(|(message, _)| {
            view! {
                <ErrorPanel
                    title=t_string!(i18n, comm.not_saved)
                    message
                    note=move || t_string!(i18n, comm.kept_on_screen)
                    on_retry=retry
                    retrying=editing.saving
                    retry_id="comm-retry".to_string()
                    focus_next=Some("comm-save".to_string())
                    retry_label=move || t_string!(i18n, common.try_saving_again)
                    top_level=true
                />
            }
        })
    }
}

/// "Unsubscribe from all", which "Undo" in the status line takes back.
#[component]
fn StopAll(editing: Editing) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let saved = move || session.communications.get().and_then(Result::ok);
    let unsubscribe_all = move |_| {
        if let Some(current) = saved().filter(|s| !s.is_unsubscribed_from_all()) {
            editing.save.dispatch(SaveRequest {
                preferences: current.unsubscribed_from_all(),
                kind: SaveKind::UnsubscribeAll { before: current },
            });
        }
    };
    view! {
        <section class="communications__all" aria-labelledby="unsubscribe-all-title">
            <h2 id="unsubscribe-all-title">{t!(i18n, comm.stop_all)}</h2>
            <p>{t!(i18n, comm.stop_all_intro)}</p>
            <button
                type="button"
                id="comm-unsubscribe-all"
                class="button button--secondary"
                on:click=unsubscribe_all
                disabled=move || editing.saving.get()
                aria-disabled=move || saved().is_none_or(|s| s.is_unsubscribed_from_all()).then_some("true")
            >
                {t!(i18n, comm.unsubscribe_all)}
            </button>
        </section>
    }
}

/// The grids of optional messages and their "Save" button, once the saved choices have loaded.
#[component]
fn OptionalMessages(
    editing: Editing,
    marketing: Signal<Option<MarketingSignals>>,
) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let saved_doc = session.communications;
    let Editing {
        draft,
        dirty,
        saving,
        save,
        failure,
    } = editing;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() || !dirty.get_untracked() {
            return;
        }
        if let Some(preferences) = draft.get_untracked() {
            save.dispatch(SaveRequest {
                preferences,
                kind: SaveKind::Choices,
            });
        }
    };
    let reload = Callback::new(move |_| saved_doc.reload());
    let stop = Signal::derive(move || {
        let despite = saved_doc
            .get()
            .and_then(Result::ok)
            .is_some_and(|p| p.despite_gpc.is_some());
        marketing.get().and_then(|m| m.stop(despite))
    });
    let stop_note = move || {
        let l = i18n.get_locale();
        stop.get().map(|stop| {
            let text = match stop {
                MarketingStop::Objected { on, .. } => fill(
                    td_string!(l, comm.stopped_objected),
                    &[("date", &format::day(on))],
                ),
                MarketingStop::Gpc { .. } => td_string!(l, comm.stopped_gpc).to_string(),
            };
            view! {
                <p id="marketing-stopped" class="communications__stopped">
                    {text}
                    " "
                    <a href="#marketing">{td_string!(l, comm.marketing_title)}</a>
                </p>
            }
        })
    };
    move || {
        let l = i18n.get_locale();
        match saved_doc.get() {
            None => view! {
                <LoadingPanel what=|l| td_string!(l, load.communications) on_retry=reload since=saved_doc.since() />
            }
            .into_any(),
            Some(Err(error)) => view! {
                <ErrorPanel
                    title=labels::error_title(l, &error)
                    message=labels::error_text(l, &error)
                    on_retry=reload
                    retrying=Signal::derive(move || saved_doc.is_loading())
                />
            }
            .into_any(),
            Some(Ok(_)) => view! {
                <form class="communications-form" on:submit=on_submit aria-describedby="grid-help">
                    <p id="grid-help">
                        {fill(td_string!(l, comm.grid_help), &[("total", &GRID_SIZE)])}
                    </p>
                    {stop_note}
                    <div class="communications-form__grids">
                        {
                            // One product's grid per frame (see `in_steps`): all three at once was a long task.
                            let steps = Steps::per_frame(1);
                            let grids = Product::ALL
                                .iter()
                                .map(|&product| steps.part(move || view! { <MessageGrid product l draft saving stop /> }.into_any()))
                                .collect_view();
                            steps.run(|| ());
                            grids
                        }
                    </div>
                    <div class="communications-form__actions">
                        <button
                            type="submit"
                            id="comm-save"
                            class="button"
                            disabled=move || saving.get()
                            aria-disabled=move || (!dirty.get()).then_some("true")
                        >
                            {move || if saving.get() { t_string!(i18n, common.saving) } else { t_string!(i18n, comm.save) }}
                        </button>
                        <Show when=move || dirty.get()>
                            <p class="muted">{t!(i18n, common.unsaved)}</p>
                            // The choice when the preferences were saved elsewhere meanwhile: save these (replacing
                            // those), or take those and drop the edits here.
                            <button
                                type="button"
                                class="button-link"
                                disabled=move || saving.get()
                                on:click=move |_| {
                                    failure.set(None);
                                    draft.set(saved_doc.get_untracked().and_then(Result::ok));
                                }
                            >
                                {t!(i18n, comm.use_saved)}
                            </button>
                        </Show>
                    </div>
                </form>
            }
            .into_any(),
        }
    }
}

/// The messages that are always sent, each locked on with why.
#[component]
fn EssentialMessages() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="communications__essential" aria-labelledby="essential-title">
            <h2 id="essential-title">{t!(i18n, comm.always)}</h2>
            <p>{t!(i18n, comm.always_intro)}</p>
            <ul class="essential-list">
                {EssentialMessage::ALL
                    .iter()
                    .enumerate()
                    .map(|(index, message)| {
                        let name = move || labels::essential_message(i18n.get_locale(), *message).0;
                        let why = move || labels::essential_message(i18n.get_locale(), *message).1;
                        let id = format!("essential-{index}");
                        view! {
                            <li class="essential-list__item">
                                <input type="checkbox" id=id.clone() checked disabled aria-describedby=format!("{id}-why") />
                                <label for=id.clone()>{name} <span class="essential-list__lock">" "{t!(i18n, comm.always_on)}</span></label>
                                <p class="muted" id=format!("{id}-why")>{why}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
