//! The designer preview panel (Cargo feature `preview` only; absent from the release bundle): choose the demo
//! user, slow the mock backend down, make a read fail, pretend the browser sends GPC or DNT, show the first-visit
//! banner again, reset the demo data, and copy a link that opens the page in the same state.
//!
//! A tool for the team, so its words are English only and not in the catalogues.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::{self, simulate, Endpoint};
use crate::domain::simulation::{FailMode, FailTarget, Simulation, LATENCIES};
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;

/// The panel's title, also what the release-bundle check looks for.
pub const TITLE: &str = "Preview: simulated conditions";

fn fail_value(simulation: &Simulation) -> String {
    match &simulation.fail {
        None => String::new(),
        Some(FailTarget::Next) => "next".to_string(),
        Some(FailTarget::Document(key)) => key.clone(),
    }
}

fn mode_name(mode: FailMode) -> &'static str {
    match mode {
        FailMode::ServerError => "HTTP 500",
        FailMode::Malformed => "Malformed JSON",
        FailMode::Offline => "Offline (no answer)",
    }
}

/// Forgets the demo user's cookie choice, then reloads the cookie settings so the banner asks again.
pub fn show_banner_again() {
    let session = use_session();
    let notices = use_notices();
    leptos::task::spawn_local(async move {
        match api::show_banner_again().await {
            Ok(()) => session.cookies.reload(),
            Err(error) => notices.push(
                NoticeKind::Warning,
                format!("The banner could not be shown again: {error}"),
            ),
        }
    });
}

/// The floating preview panel.
#[component]
pub fn PreviewPanel() -> impl IntoView {
    let session = use_session();
    let notices = use_notices();
    let draft = RwSignal::new(simulate::current());
    let persona = RwSignal::new(api::demo::current_persona());

    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut next = draft.get_untracked();
        next.persona = Some(persona.get_untracked());
        if Some(api::demo::current_persona()) != next.persona {
            if let Err(error) = api::demo::switch_persona(&persona.get_untracked()) {
                notices.push(
                    NoticeKind::Warning,
                    format!("Demo user kept for this visit only ({error})."),
                );
            }
        }
        simulate::set(next.clone());
        draft.set(next);
        session.data_changed();
    };
    let banner_again = move |_| show_banner_again();
    let reset = move |_| {
        match api::reset_demo_data() {
            Ok(()) => notices.push(NoticeKind::Success, "Demo data reset."),
            Err(error) => {
                notices.push(NoticeKind::Warning, format!("Demo data not reset: {error}"))
            }
        }
        session.data_changed();
    };
    let personas = move || {
        session
            .personas
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|p| view! { <option value=p.id.clone() selected=p.id == persona.get_untracked()>{p.name}</option> })
            .collect_view()
    };

    view! {
        <details class="preview-panel">
            <summary class="preview-panel__toggle">"Preview"</summary>
            <form class="preview-panel__body" on:submit=apply aria-labelledby="preview-panel-title">
                <h2 class="preview-panel__title" id="preview-panel-title">{TITLE}</h2>
                <div class="preview-panel__field">
                    <label for="preview-persona">"Demo user"</label>
                    <select id="preview-persona" on:change=move |ev| persona.set(event_target_value(&ev))>
                        {personas}
                    </select>
                </div>
                <ConditionFields draft />
                <div class="preview-panel__actions">
                    <button type="submit" class="button">"Apply and reload data"</button>
                    <button type="button" class="button button--quiet" on:click=banner_again>
                        "Show the cookie banner again"
                    </button>
                    <button type="button" class="button button--quiet" on:click=reset>
                        "Reset demo data"
                    </button>
                </div>
                <StateLink draft persona />
            </form>
        </details>
    }
    .into_any()
}

/// The conditions to simulate: latency, a failing read and how it fails, the browser's privacy signals.
#[component]
fn ConditionFields(draft: RwSignal<Simulation>) -> impl IntoView {
    view! {
        <fieldset class="preview-panel__field">
            <legend>"Latency of every read"</legend>
            {LATENCIES
                .into_iter()
                .map(|ms| {
                    let id = format!("preview-latency-{ms}");
                    let text = if ms == 0 { "None".to_string() } else { format!("{} s", ms / 1000) };
                    view! {
                        <label class="preview-panel__choice">
                            <input
                                type="radio"
                                name="preview-latency"
                                id=id
                                prop:checked=move || draft.with(|d| d.latency_ms == ms)
                                on:change=move |_| draft.update(|d| d.latency_ms = ms)
                            />
                            {text}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
        <div class="preview-panel__field">
            <label for="preview-fail">"Make a read fail (once)"</label>
            <select
                id="preview-fail"
                prop:value=move || draft.with(fail_value)
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    draft.update(|d| {
                        d.fail = match value.as_str() {
                            "" => None,
                            "next" => Some(FailTarget::Next),
                            key => Some(FailTarget::Document(key.to_string())),
                        }
                    });
                }
            >
                <option value="">"Nothing"</option>
                <option value="next">"The next read"</option>
                {Endpoint::ALL
                    .into_iter()
                    .map(|e| view! { <option value=e.key()>{e.file()}</option> })
                    .collect_view()}
            </select>
        </div>
        <div class="preview-panel__field">
            <label for="preview-mode">"How it fails"</label>
            <select
                id="preview-mode"
                prop:value=move || draft.with(|d| d.mode.slug())
                on:change=move |ev| {
                    let mode = FailMode::from_slug(&event_target_value(&ev)).unwrap_or_default();
                    draft.update(|d| d.mode = mode);
                }
            >
                {FailMode::ALL
                    .into_iter()
                    .map(|m| view! { <option value=m.slug()>{mode_name(m)}</option> })
                    .collect_view()}
            </select>
        </div>
        <fieldset class="preview-panel__field">
            <legend>"Pretend the browser sends"</legend>
            <label class="preview-panel__choice">
                <input
                    type="checkbox"
                    prop:checked=move || draft.with(|d| d.gpc)
                    on:change=move |ev| draft.update(|d| d.gpc = event_target_checked(&ev))
                />
                "Global Privacy Control"
            </label>
            <label class="preview-panel__choice">
                <input
                    type="checkbox"
                    prop:checked=move || draft.with(|d| d.dnt)
                    on:change=move |ev| draft.update(|d| d.dnt = event_target_checked(&ev))
                />
                "Do Not Track"
            </label>
        </fieldset>
    }
}

/// A link that opens the page in the state chosen, and "Copy link".
#[component]
fn StateLink(draft: RwSignal<Simulation>, persona: RwSignal<String>) -> impl IntoView {
    let notices = use_notices();
    let location = use_location();
    let link = move || {
        let mut sim = draft.get();
        sim.persona = Some(persona.get());
        let query = sim.to_query();
        let path = location.pathname.get();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    let copy = move |_| {
        let href = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
            + &link();
        leptos::task::spawn_local(async move {
            if crate::dom::copy_text(&href).await {
                notices.push(NoticeKind::Success, "Link to this state copied.");
            } else {
                notices.push(
                    NoticeKind::Warning,
                    format!("Copying was refused; the link is {href}"),
                );
            }
        });
    };
    view! {
    <p class="preview-panel__link">
        <a href=link>"Link to this state"</a>
        " "
        <button type="button" class="button-link" on:click=copy>"Copy link"</button>
    </p>
    }
}
