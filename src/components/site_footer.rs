//! The footer on every page: the data protection contact and the policy's effective date, from the backend.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::persona_switcher::PersonaSwitcher;
use crate::components::reset_demo::ResetDemo;
use crate::i18n::{td_string, use_i18n};
use crate::routes::Page;
use crate::state::session::use_session;
use crate::text::format;
use crate::text::format::fill;
use crate::text::labels;

/// The site footer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let policy = session.policy;
    let details = move || {
        let l = i18n.get_locale();
        match policy.get() {
            None => view! { <p>{td_string!(l, footer.loading)}</p> }.into_any(),
            Some(Ok(policy)) => {
                let today = crate::api::now().date_naive();
                let contact = policy.contact_on(today).to_string();
                let mailto = format!("mailto:{contact}");
                view! {
                    <p>
                        {td_string!(l, footer.contact)}" "
                        <a href=mailto>{contact}</a> "."
                    </p>
                    <p>
                        <A href=Page::Policy.href()>{td_string!(l, footer.policy_link)}</A>
                        " "
                        {
                            let date = format::day(policy.in_force_since(today));
                            fill(td_string!(l, footer.effective_from), &[("date", &date)])
                        }
                    </p>

                }
                .into_any()
            }
            Some(Err(error)) => view! {
                <p>
                    {format!("{}. ", labels::error_title(l, &error))}
                    <button type="button" class="button-link" on:click=move |_| policy.reload()>
                        {move || td_string!(l, footer.try_again)}
                    </button>
                </p>
            }
            .into_any(),
        }
    };
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <div class="site-footer__contact">
                    {details}
                    <p>
                        <A href=Page::Cookies.href()>{move || td_string!(i18n.get_locale(), footer.cookie_settings)}</A>
                    </p>
                </div>
                {api::is_mock_backend().then(|| {
                    view! {
                        <div class="site-footer__demo">
                            <p class="site-footer__demo-note">
                                {move || td_string!(i18n.get_locale(), footer.demo_note)}
                            </p>
                            <PersonaSwitcher />
                            <ResetDemo />
                        </div>
                    }
                })}
            </div>
        </footer>
    }
    .into_any()
}
