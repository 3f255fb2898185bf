//! How much information is held, per source and category.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::async_view::async_view;
use crate::components::summary_card::SummaryCard;
use crate::domain::inventory::{DataSource, Inventory};
use crate::domain::profile::Profile;
use crate::i18n::{t_string, td_string, use_i18n};
use crate::routes::Page;
use crate::state::session::use_session;
use crate::text::format;
use crate::text::labels;

fn render(profile: &Profile, inventory: &Inventory) -> AnyView {
    let l = use_i18n().get_locale();
    DataSource::ALL
        .into_iter()
        .map(|source| {
            let counts = inventory.counts_for(profile, source);
            let total: usize = counts.iter().map(|c| c.items).sum();
            let categories = counts
                .into_iter()
                .map(|count| {
                    let (one, many) = labels::category_unit(l, count.category);
                    let amount = if count.items == 0 {
                        td_string!(l, overview.none_held).to_string()
                    } else {
                        format::count(count.items, one, many)
                    };
                    view! {
                        <li class="holdings__category">
                            <A href=Page::Data.href_to(count.category.slug())>{labels::category(l, count.category)}</A>
                            <span class="holdings__count">{amount}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="holdings__source">
                    <h3 class="holdings__source-title">
                        {labels::source(l, source)}
                        <span class="holdings__total">{format::count(total, td_string!(l, labels.unit.item), td_string!(l, labels.unit.items))}</span>
                    </h3>
                    <ul class="holdings__list">{categories}</ul>
                </div>
            }
        })
        .collect_view()
        .into_any()
}

/// The "What we hold about you" card.
#[component]
pub fn HoldingsCard() -> impl IntoView {
    let session = use_session();
    let held = session.profile.loaded().and(session.inventory.loaded());
    let i18n = use_i18n();
    view! {
        <SummaryCard
            title=move || t_string!(i18n, overview.holdings_title)
            id="overview-holdings"
            href=Page::Data.href()
            link_text=move || t_string!(i18n, overview.holdings_link)
        >
            {async_view(
                |l| td_string!(l, load.holdings),
                held,
                |(profile, inventory)| view! { <div class="holdings">{render(&profile, &inventory)}</div> }.into_any(),
            )}
        </SummaryCard>
    }
}
