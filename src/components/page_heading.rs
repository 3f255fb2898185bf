//! A page's one `h1`, which also sets the document title.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::routes::document_title;

/// The page heading and document title.
#[component]
pub fn PageHeading(
    /// The heading text; the document title is derived from it.
    #[prop(into)]
    title: String,
    /// An optional line under the heading.
    #[prop(optional, into)]
    lead: Option<String>,
) -> impl IntoView {
    view! {
        <Title text=document_title(&title) />
        <header class="page-heading">
            <h1 class="page-heading__title" id="page-title" tabindex="-1">{title}</h1>
            {lead.map(|lead| view! { <p class="page-heading__lead">{lead}</p> })}
        </header>
    }
    .into_any()
}
