//! The primary navigation: one link per page; the current page's link carries `aria-current="page"`.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::{t_string, td_string, use_i18n};
use crate::routes::Page;

/// The primary navigation, collapsed behind a "Menu" button on narrow screens.
#[component]
pub fn PrimaryNav() -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let pathname = use_location().pathname;
    // Close the menu once the user has chosen a page.
    Effect::watch(
        move || pathname.get(),
        move |_, _, _| open.set(false),
        false,
    );
    view! {
        <nav class="primary-nav" aria-label=move || t_string!(i18n, shell.main_nav)>
            <button
                type="button"
                class="primary-nav__toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="primary-nav-list"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || td_string!(i18n.get_locale(), shell.menu)}
            </button>
            <ul
                id="primary-nav-list"
                class="primary-nav__list"
                class:primary-nav__list--open=move || open.get()
            >
                {Page::NAV
                    .into_iter()
                    .map(|page| {
                        view! {
                            <li class="primary-nav__item">
                                <A href=page.href() exact=page == Page::Overview attr:class="primary-nav__link">
                                    {move || page.nav_label(i18n.get_locale())}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
    .into_any()
}
