//! The grid of optional messages for one product: topics by channel, as real checkboxes.

use leptos::prelude::*;

use crate::domain::communications::{
    CommunicationPreferences, MessageChannel, Subscription, Topic,
};
use crate::domain::marketing::MarketingStop;
use crate::domain::product::Product;
use crate::i18n::{td_string, Locale};
use crate::text::format::fill;
use crate::text::labels;

/// One product's table of checkboxes.
#[component]
pub fn MessageGrid(
    /// The product whose messages this table controls.
    product: Product,
    /// The language to write in (the grid is rebuilt when it changes; the choices live in `draft`).
    l: Locale,
    /// The choices being edited.
    draft: RwSignal<Option<CommunicationPreferences>>,
    /// True while a save is under way (the boxes are locked meanwhile).
    #[prop(into)]
    saving: Signal<bool>,
    /// What stops marketing now: marketing messages are then shown off and locked, their ticks kept in `draft`.
    stop: Signal<Option<MarketingStop>>,
) -> impl IntoView {
    view! {
        <table class="message-grid">
            <caption>{product.name()}</caption>
            <thead>
                <tr>
                    <th scope="col">{td_string!(l, comm.message)}</th>
                    {MessageChannel::ALL
                        .iter()
                        .map(|c| view! { <th scope="col">{labels::message_channel(l, *c)}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>
                {Topic::ALL
                    .iter()
                    .map(|topic| {
                        let topic = *topic;
                        let stopped = move || topic.is_marketing() && stop.with(Option::is_some);
                        view! {
                            <tr>
                                <th scope="row">{labels::topic(l, topic)}</th>
                                {MessageChannel::ALL
                                    .iter()
                                    .map(|channel| {
                                        let cell = Subscription { topic, channel: *channel, product };
                                        let name = fill(
                                            td_string!(l, comm.box_label),
                                            &[
                                                ("topic", &labels::topic(l, topic)),
                                                ("channel", &labels::message_channel(l, *channel)),
                                                ("product", &product.name()),
                                            ],
                                        );
                                        view! {
                                            <td>
                                                <input
                                                    type="checkbox"
                                                    class="message-grid__box"
                                                    aria-label=name
                                                    prop:checked=move || {
                                                        let stop = stop.get();
                                                        draft.with(|d| d.as_ref().is_some_and(|d| d.receives(cell, stop.as_ref())))
                                                    }
                                                    disabled=move || saving.get() || stopped()
                                                    aria-describedby=move || stopped().then_some("marketing-stopped")
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        draft.update(|d| {
                                                            if let Some(current) = d {
                                                                *current = current.with(cell, on);
                                                            }
                                                        });
                                                    }
                                                />
                                            </td>
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
