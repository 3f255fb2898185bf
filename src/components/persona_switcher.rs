//! The "Demo user" control: shows another of the mock backend's demo users (hidden with a real backend).

use leptos::prelude::*;

use crate::api;
use crate::api::demo::Persona;
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;

fn switcher(personas: Vec<Persona>) -> AnyView {
    let session = use_session();
    let notices = use_notices();
    let current = api::demo::current_persona();
    let chosen = RwSignal::new(current.clone());
    let summary = {
        let personas = personas.clone();
        move || {
            let id = chosen.get();
            personas
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.summary.clone())
                .unwrap_or_default()
        }
    };
    let names = personas.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = chosen.get_untracked();
        if id == api::demo::current_persona() {
            return;
        }
        let name = names
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.clone(), |p| p.name.clone());
        match api::demo::switch_persona(&id) {
            Ok(()) => notices.push(
                NoticeKind::Success,
                format!("Now showing the demo user {name}."),
            ),
            Err(error) => notices.push(
                NoticeKind::Warning,
                format!("Now showing the demo user {name} for this visit. {error}"),
            ),
        }
        session.data_changed();
    };
    view! {
        <form class="persona-switcher" on:submit=submit>
            <label for="demo-user">"Demo user"</label>
            <div class="persona-switcher__row">
                <select
                    id="demo-user"
                    aria-describedby="demo-user-summary"
                    on:change=move |ev| chosen.set(event_target_value(&ev))
                >
                    {personas
                        .into_iter()
                        .map(|p| {
                            let selected = p.id == current;
                            view! { <option value=p.id.clone() selected=selected>{p.name.clone()}</option> }
                        })
                        .collect_view()}
                </select>
                <button type="submit" class="button button--quiet">"Show this user"</button>
            </div>
            <p class="muted" id="demo-user-summary">{summary}</p>
        </form>
    }
    .into_any()
}

/// Lists the demo users and switches between them; renders nothing when a real backend is in use.
#[component]
pub fn PersonaSwitcher() -> impl IntoView {
    let personas = use_session().personas;
    move || {
        if !api::is_mock_backend() {
            return ().into_any();
        }
        match personas.get() {
            Some(Ok(list)) => switcher(list),
            Some(Err(error)) => view! {
                <p>
                    {format!("{}. ", error.title())}
                    <button type="button" class="button-link" on:click=move |_| personas.reload()>
                        "Try again"
                    </button>
                </p>
            }
            .into_any(),
            None => ().into_any(),
        }
    }
}
