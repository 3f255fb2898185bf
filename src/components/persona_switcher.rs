//! The "Demo user" control: shows another of the mock backend's demo users (hidden with a real backend).

use leptos::prelude::*;

use crate::api;
use crate::api::demo::Persona;
use crate::components::async_view::async_view;
use crate::i18n::{t, td_string, use_i18n};
use crate::state::notices::{use_notices, NoticeKind};
use crate::state::session::use_session;
use crate::text::format::fill;
use crate::text::labels;

fn switcher(personas: Vec<Persona>) -> AnyView {
    let i18n = use_i18n();
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
        let l = i18n.get_locale_untracked();
        match api::demo::switch_persona(&id) {
            Ok(()) => notices.push(
                NoticeKind::Success,
                fill(td_string!(l, demo.now_showing), &[("name", &name)]),
            ),
            Err(error) => notices.push(
                NoticeKind::Warning,
                fill(
                    td_string!(l, demo.now_showing_visit),
                    &[("name", &name), ("error", &labels::error_text(l, &error))],
                ),
            ),
        }
        session.data_changed();
    };
    view! {
        <form class="persona-switcher" on:submit=submit>
            <label for="demo-user">{t!(i18n, demo.user)}</label>
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
                <button type="submit" class="button button--quiet">{t!(i18n, demo.show)}</button>
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
    if !api::is_mock_backend() {
        return ().into_any();
    }
    async_view(
        |l| td_string!(l, load.personas),
        personas.loaded(),
        switcher,
    )
}
