//! The header on every page: skip link, product name, the signed-in user, and the primary navigation.

use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::components::language_switcher::LanguageSwitcher;
use crate::components::primary_nav::PrimaryNav;
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::routes::{Page, PRODUCT_NAME};
use crate::state::session::use_session;
use crate::text::format::fill;

/// Moves focus to `<main>` itself: the router would otherwise treat the link as a navigation and keep focus here.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _focused = main.focus();
            main.scroll_into_view();
        }
    }
}

/// The site header.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let user_name = move || {
        session
            .profile
            .get()
            .and_then(Result::ok)
            .map(|profile| profile.account.name)
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {move || td_string!(i18n.get_locale(), shell.skip)}
        </a>
        <header class="site-header">
            <div class="site-header__bar">
                <A href=Page::Overview.href() attr:class="site-header__brand">
                    <span class="site-header__logo" aria-hidden="true"></span>
                    {PRODUCT_NAME}
                </A>
                {move || {
                    let unread = session.notices.get().and_then(Result::ok).map_or(0, |b| b.unread_count());
                    (unread > 0)
                        .then(|| {
                            view! {
                                <A href=Page::Policy.href_to("notices") attr:class="site-header__notices">
                                    {if unread == 1 {
                                        t!(i18n, shell.unread_single).into_any()
                                    } else {
                                        fill(t_string!(i18n, shell.unread_many), &[("count", &unread)]).into_any()
                                    }}
                                </A>
                            }
                        })
                }}
                <p class="site-header__user">
                    {move || {
                        user_name()
                            .map(|name| {
                                view! {
                                    <span class="site-header__user-label">{move || td_string!(i18n.get_locale(), shell.signed_in_as)}" "</span>
                                    <strong>{name}</strong>
                                }
                            })
                    }}
                </p>
                <LanguageSwitcher />
            </div>
            <PrimaryNav />
        </header>
    }
    .into_any()
}
