//! `/policy`: the privacy policy in force, as the backend serves it.

use leptos::prelude::*;

use crate::components::async_view::async_view;
use crate::components::format;
use crate::components::page_heading::PageHeading;
use crate::domain::policy::PolicyDocument;
use crate::routes::Page;
use crate::state::session::use_session;

fn render(policy: PolicyDocument) -> AnyView {
    let paragraphs = policy
        .paragraphs
        .into_iter()
        .map(|paragraph| {
            if paragraph.heading {
                view! { <h2 class="policy__heading">{paragraph.text}</h2> }.into_any()
            } else {
                view! { <p>{paragraph.text}</p> }.into_any()
            }
        })
        .collect_view();
    view! {
        <p class="policy__meta">
            {format!("In force since {}. ", format::day(policy.effective_on))}
            "Questions: "
            <a href=format!("mailto:{}", policy.contact_email)>{policy.contact_email.clone()}</a>
        </p>
        <article class="policy__text" aria-label="Privacy policy text">{paragraphs}</article>
    }
    .into_any()
}

/// The privacy policy page.
#[component]
pub fn PolicyPage() -> impl IntoView {
    let session = use_session();
    let policy = session.policy.loaded();
    view! {
        <PageHeading
            title=Page::Policy.title()
            lead="The full text of the iCanopus Technology privacy policy, which this portal puts into practice."
        />
        <div class="policy">{async_view("the privacy policy", policy, render)}</div>
    }
    .into_any()
}
