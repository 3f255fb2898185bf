//! The language switcher in the header: changes the portal's language at once, without a reload, and keeps the
//! choice in this browser.

use leptos::prelude::*;

use leptos_i18n::Locale as _;

use crate::i18n::{td_string, use_i18n, Locale};
use crate::state::notices::{use_notices, NoticeKind};

/// The languages the portal speaks, each named in itself.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let notices = use_notices();
    let choose = move |tag: String| {
        let Some(locale) = Locale::get_all()
            .iter()
            .copied()
            .find(|l| l.as_str() == tag)
        else {
            return;
        };
        i18n.set_locale(locale);
        match crate::dom::save_language(locale.as_str()) {
            Ok(()) => notices.push(
                NoticeKind::Success,
                td_string!(locale, shell.language_saved),
            ),
            Err(problem) => notices.push(
                NoticeKind::Warning,
                format!("{} ({problem})", td_string!(locale, shell.language_saved)),
            ),
        }
    };
    view! {
        <div class="language-switcher">
            <label for="portal-language" class="language-switcher__label">
                {move || td_string!(i18n.get_locale(), shell.language)}
            </label>
            <select
                id="portal-language"
                class="language-switcher__select"
                prop:value=move || i18n.get_locale().as_str()
                on:change=move |ev| choose(event_target_value(&ev))
            >
                {Locale::get_all()
                    .iter()
                    .map(|l| {
                        view! {
                            <option value=l.as_str() lang=l.as_str()>
                                {td_string!(*l, language_name)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
    .into_any()
}
