//! One record of held information as a list of labelled values.

use leptos::prelude::*;

use crate::components::format;
use crate::components::labels;
use crate::domain::held::{FieldValue, HeldRecord};

/// A value as text: what the card shows, and what search looks through.
pub fn value_text(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(text) => text.clone(),
        FieldValue::Empty => "Nothing held".to_string(),
        FieldValue::Time(at) => format::date_time(*at),
        FieldValue::Day(day) => format::day(*day),
        FieldValue::Count(n) => format::number(*n),
        FieldValue::Bytes(n) => format::bytes(*n),
        FieldValue::Millis(ms) => format!("{} ms", format::number(u64::from(*ms))),
        FieldValue::YesNo(true) => "Yes".to_string(),
        FieldValue::YesNo(false) => "No".to_string(),
        FieldValue::Money { minor, currency } => format::money(*minor, currency),
        FieldValue::List(items) if items.is_empty() => "None".to_string(),
        FieldValue::List(items) => items.join(", "),
        FieldValue::Image(_) => "A photo you uploaded".to_string(),
        FieldValue::Withheld => "Never shown, not even to you".to_string(),
        FieldValue::CardDetailsStored(false) => {
            "Not stored: card details go straight to the payment processor".to_string()
        }
        FieldValue::CardDetailsStored(true) => "Stored".to_string(),
    }
}

/// Every text of a record, labels and values, for search.
pub fn record_texts(record: &HeldRecord) -> Vec<String> {
    let mut texts = Vec::with_capacity(record.fields.len() * 2 + 1);
    if let Some(product) = record.product {
        texts.push(product.name().to_string());
    }
    for field in &record.fields {
        texts.push(labels::field(field.key).to_string());
        texts.push(value_text(&field.value));
    }
    texts
}

fn value_view(value: &FieldValue) -> AnyView {
    match value {
        FieldValue::Image(url) => view! {
            <img class="record-card__photo" src=url.clone() alt="Your profile photo" width="64" height="64" />
        }
        .into_any(),
        FieldValue::List(items) if items.len() > 1 => view! {
            <ul class="record-card__list">
                {items.iter().map(|item| view! { <li>{item.clone()}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        FieldValue::Empty | FieldValue::Withheld => {
            view! { <span class="record-card__none">{value_text(value)}</span> }.into_any()
        }
        other => value_text(other).into_any(),
    }
}

/// A record's fields as a description list, with its product first when it has one.
#[component]
pub fn RecordCard(
    /// The record to show.
    record: HeldRecord,
) -> impl IntoView {
    let product = record.product.map(|product| {
        view! {
            <div class="record-card__row">
                <dt>"Product"</dt>
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
                    <dt>{labels::field(field.key)}</dt>
                    <dd>{value_view(&field.value)}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="record-card">{product}{rows}</dl> }.into_any()
}
