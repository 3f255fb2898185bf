//! The footer on every page: the data protection contact and the policy's effective date, from the backend.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::format;
use crate::components::persona_switcher::PersonaSwitcher;
use crate::components::reset_demo::ResetDemo;
use crate::routes::Page;
use crate::state::session::use_session;

/// The site footer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let session = use_session();
    let policy = session.policy;
    let details = move || match policy.get() {
        None => view! { <p>"Loading contact details…"</p> }.into_any(),
        Some(Ok(policy)) => {
            let today = crate::api::now().date_naive();
            let contact = policy.contact_on(today).to_string();
            let mailto = format!("mailto:{contact}");
            view! {
                <p>
                    "Questions or concerns about your personal information? Write to our data protection contact at "
                    <a href=mailto>{contact}</a> "."
                </p>
                <p>
                    <A href=Page::Policy.href()>"Privacy policy"</A>
                    {format!(" effective from {}.", format::day(policy.in_force_since(today)))}
                </p>

            }
            .into_any()
        }
        Some(Err(error)) => view! {
            <p>
                {format!("{}. ", error.title())}
                <button type="button" class="button-link" on:click=move |_| policy.reload()>
                    "Try again"
                </button>
            </p>
        }
        .into_any(),
    };
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <div class="site-footer__contact">
                    {details}
                    <p>
                        <A href=Page::Cookies.href()>"Cookie settings"</A>
                    </p>
                </div>
                <div class="site-footer__demo">
                    <p class="site-footer__demo-note">
                        "This is a demonstration portal: changes are kept in this browser only."
                    </p>
                    <PersonaSwitcher />
                    <ResetDemo />
                </div>
            </div>
        </footer>
    }
    .into_any()
}
