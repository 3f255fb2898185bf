//! The cookie categories with a switch each and the cookies each covers; shared by the banner and the settings
//! page so both offer exactly the same choice.

use leptos::prelude::*;

use crate::components::toggle::Toggle;
use crate::domain::cookies::{
    Choices, CookieCategory, CookieInfo, CookieSettings, Effective, ALL_CATEGORIES,
};
use crate::i18n::{t, t_string, use_i18n};
use crate::text::format::fill;
use crate::text::labels;

fn cookie_table(cookies: Vec<CookieInfo>) -> AnyView {
    let i18n = use_i18n();
    if cookies.is_empty() {
        return view! { <p class="muted">{t!(i18n, cookies.none_in_category)}</p> }.into_any();
    }
    view! {
        <table class="cookie-table">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, cookies.col_cookie)}</th>
                    <th scope="col">{t!(i18n, cookies.col_does)}</th>
                    <th scope="col">{t!(i18n, cookies.col_kept)}</th>
                    <th scope="col">{t!(i18n, cookies.col_set_by)}</th>
                </tr>
            </thead>
            <tbody>
                {cookies
                    .into_iter()
                    .map(|c| {
                        view! {
                            <tr>
                                <th scope="row"><code>{c.name}</code></th>
                                <td>{c.purpose}</td>
                                <td>{c.duration}</td>
                                <td>{move || labels::cookie_party(i18n.get_locale(), c.party)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// The choice form.
#[component]
pub fn CookieChoices(
    /// The catalogue of cookies and the stored choice.
    settings: CookieSettings,
    /// Whether each category is on now, and why (from the stored choice and the browser's signals).
    current: [Effective; 4],
    /// The boxes ticked now (held by the caller, so a refresh of the settings never loses them).
    choices: RwSignal<Choices>,
    /// Called with the choices when the user saves.
    on_save: Callback<Choices>,
    /// True while a save is under way.
    #[prop(into)]
    saving: Signal<bool>,
    /// Distinguishes ids when the form appears twice on a page (banner and settings).
    id_prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let categories = ALL_CATEGORIES
        .into_iter()
        .zip(current)
        .map(|(category, effective)| {
            let title = move || labels::cookie_category_title(i18n.get_locale(), category).0;
            let description = move || labels::cookie_category_title(i18n.get_locale(), category).1;
            let id = format!("{id_prefix}-{}", category.key());
            let locked = category == CookieCategory::StrictlyNecessary;
            let cookies: Vec<CookieInfo> = settings
                .cookies
                .iter()
                .filter(|c| c.category == category)
                .cloned()
                .collect();
            let count = cookies.len();
            view! {
                <div class="cookie-choices__category">
                    <Toggle
                        id=id.clone()
                        label=title
                        on=Signal::derive(move || choices.with(|c| c.get(category)))
                        disabled=Signal::derive(move || locked || saving.get())
                        described_by=format!("{id}-about {id}-now")
                        on_change=Callback::new(move |on| choices.update(|c| *c = c.with(category, on)))
                    />
                    <p class="cookie-choices__about" id=format!("{id}-about")>{description}</p>
                    <p class="cookie-choices__now muted" id=format!("{id}-now")>
                        {move || labels::consent_basis(i18n.get_locale(), effective.basis, effective.on)}
                    </p>
                    <details class="cookie-choices__cookies">
                        <summary>{move || fill(t_string!(i18n, cookies.in_category), &[("count", &count)])}</summary>
                        {cookie_table(cookies)}
                    </details>
                </div>
            }
        })
        .collect_view();
    view! {
        <form
            class="cookie-choices"
            on:submit=move |ev| {
                ev.prevent_default();
                if !saving.get_untracked() {
                    on_save.run(choices.get_untracked());
                }
            }
        >
            {categories}
            <button type="submit" id=format!("{id_prefix}-save") class="button" disabled=move || saving.get()>
                {move || if saving.get() { t_string!(i18n, common.saving) } else { t_string!(i18n, cookies.save) }}
            </button>
        </form>
    }
    .into_any()
}
