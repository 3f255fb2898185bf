//! One record of held information as a list of labelled values.

use leptos::prelude::*;

use crate::domain::records::{FieldValue, HeldRecord};
use crate::i18n::{td_string, Locale};
use crate::text::format;
use crate::text::labels;

/// A value as text: what the card shows, and what search looks through.
pub fn value_text(l: Locale, value: &FieldValue) -> String {
    match value {
        FieldValue::Text(text) => text.clone(),
        FieldValue::Empty => td_string!(l, record.nothing_held).to_string(),
        FieldValue::Time(at) => format::date_time(*at),
        FieldValue::Day(day) => format::day(*day),
        FieldValue::Count(n) => format::number(*n),
        FieldValue::Bytes(n) => format::bytes(*n),
        FieldValue::Millis(ms) => format!("{} ms", format::number(u64::from(*ms))),
        FieldValue::YesNo(true) => td_string!(l, common.yes).to_string(),
        FieldValue::YesNo(false) => td_string!(l, common.no).to_string(),
        FieldValue::Money { minor, currency } => format::money(*minor, currency),
        FieldValue::List(items) if items.is_empty() => td_string!(l, common.none).to_string(),
        FieldValue::List(items) => items.join(", "),
        FieldValue::Image(_) => td_string!(l, record.photo_uploaded).to_string(),
        FieldValue::Withheld => td_string!(l, record.never_shown).to_string(),
        FieldValue::CardDetailsStored(false) => td_string!(l, record.card_not_stored).to_string(),
        FieldValue::CardDetailsStored(true) => td_string!(l, record.stored).to_string(),
    }
}

/// Every text of a record, labels and values, for search.
pub fn record_texts(l: Locale, record: &HeldRecord) -> Vec<String> {
    let mut texts = Vec::with_capacity(record.fields.len() * 2 + 1);
    if let Some(product) = record.product {
        texts.push(product.name().to_string());
    }
    for field in &record.fields {
        texts.push(labels::field(l, field.key).to_string());
        texts.push(value_text(l, &field.value));
    }
    texts
}

fn value_view(l: Locale, value: &FieldValue) -> AnyView {
    match value {
        FieldValue::Image(url) => view! {
            <img class="record-card__photo" src=url.clone() alt=td_string!(l, record.photo_alt) width="64" height="64" />
        }
        .into_any(),
        FieldValue::List(items) if items.len() > 1 => view! {
            <ul class="record-card__list">
                {items.iter().map(|item| view! { <li>{item.clone()}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        FieldValue::Empty | FieldValue::Withheld => {
            view! { <span class="record-card__none">{value_text(l, value)}</span> }.into_any()
        }
        other => value_text(l, other).into_any(),
    }
}

/// A record's fields as a description list, with its product first when it has one. Written once in the given
/// language: the pages that show records build them again when the language changes, so no text here needs to
/// follow it (which would cost two reactive effects per field on a page of hundreds of fields).
#[component]
pub fn RecordCard(
    /// The language to write in.
    l: Locale,
    /// The record to show.
    record: HeldRecord,
) -> impl IntoView {
    let product = record.product.map(|product| {
        view! {
            <div class="record-card__row">
                <dt>{td_string!(l, labels.field.product)}</dt>
                <dd>{product.name()}</dd>
            </div>
        }
    });
    let rows = record
        .fields
        .iter()
        .map(|field| {
            view! {
                <div class="record-card__row">
                    <dt>{labels::field(l, field.key)}</dt>
                    <dd>{value_view(l, &field.value)}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="record-card">{product}{rows}</dl> }.into_any()
}
