//! A card on the overview: a heading, its content, and a link to the page with the details.

use leptos::prelude::*;
use leptos_router::components::A;

/// A titled card linking to a page.
#[component]
pub fn SummaryCard(
    /// The card's heading (an `h2`).
    #[prop(into)]
    title: TextProp,
    /// The id of the heading, which labels the card.
    id: &'static str,
    /// Where the card's link goes.
    href: &'static str,
    /// The link's text, naming the destination.
    #[prop(into)]
    link_text: TextProp,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="summary-card" aria-labelledby=id>
            <h2 class="summary-card__title" id=id>{move || title.get()}</h2>
            <div class="summary-card__body">{children()}</div>
            <p class="summary-card__more">
                <A href=href>{move || link_text.get()}</A>
            </p>
        </section>
    }
    .into_any()
}
