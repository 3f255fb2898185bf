//! Formatting of dates, counts and sizes for display, through the browser's `Intl`.

use chrono::{DateTime, NaiveDate, Utc};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The JavaScript `Date`, bound here so `toLocaleString` can take `undefined` locales (the browser's own).
    #[wasm_bindgen(js_name = Date)]
    type LocalDate;

    #[wasm_bindgen(constructor, js_class = "Date")]
    fn new(millis: f64) -> LocalDate;

    #[wasm_bindgen(method, js_class = "Date", js_name = toLocaleString)]
    fn to_locale_string_with(this: &LocalDate, locales: &JsValue, options: &JsValue) -> String;

    /// The JavaScript `Number`, bound for `toLocaleString(locales, options)`.
    #[wasm_bindgen(js_name = Number)]
    type LocalNumber;

    #[wasm_bindgen(constructor, js_class = "Number")]
    fn new(value: f64) -> LocalNumber;

    #[wasm_bindgen(method, js_class = "Number", js_name = toLocaleString)]
    fn to_locale_string_with(this: &LocalNumber, locales: &JsValue, options: &JsValue) -> String;
}

fn format_number(value: f64, pairs: &[(&str, &str)]) -> String {
    LocalNumber::new(value).to_locale_string_with(&JsValue::UNDEFINED, &options(pairs))
}

/// A whole number with the reader's digit grouping, e.g. "48,211".
pub fn number(n: u64) -> String {
    format_number(n as f64, &[])
}

/// An amount in a currency's minor unit, e.g. "₹42,000.00".
pub fn money(minor: i64, currency: &str) -> String {
    format_number(
        minor as f64 / 100.0,
        &[("style", "currency"), ("currency", currency)],
    )
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        let _set = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object.into()
}

fn format_millis(millis: i64, pairs: &[(&str, &str)]) -> String {
    let date = LocalDate::new(millis as f64);
    date.to_locale_string_with(&JsValue::UNDEFINED, &options(pairs))
}

/// A moment as a date, e.g. "29 Nov 2026".
pub fn date(at: DateTime<Utc>) -> String {
    format_millis(at.timestamp_millis(), &[("dateStyle", "medium")])
}

/// A moment as a date and time, e.g. "29 Nov 2026, 10:21".
pub fn date_time(at: DateTime<Utc>) -> String {
    format_millis(
        at.timestamp_millis(),
        &[("dateStyle", "medium"), ("timeStyle", "short")],
    )
}

/// A calendar day, e.g. "20 Dec 2026"; formatted in UTC so the day never shifts.
pub fn day(on: NaiveDate) -> String {
    let millis = on
        .and_hms_opt(12, 0, 0)
        .map(|noon| noon.and_utc().timestamp_millis())
        .unwrap_or_default();
    format_millis(millis, &[("dateStyle", "long"), ("timeZone", "UTC")])
}

/// "1 entry", "3 entries".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// The unit and tenths of a byte count in the largest sensible unit: (whole tenths, unit), e.g. (14, "GB").
/// Integer arithmetic only: formatting floats would pull Rust's float printing into the bundle.
fn bytes_in_unit(n: u64) -> (u64, &'static str) {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut divisor = 1u64;
    let mut unit = 0;
    // Round to tenths in this unit; if that reaches 1000, the next unit up reads better ("1 MB", not "1,000 KB").
    let tenths = |divisor: u64| (n.saturating_mul(10) + divisor / 2) / divisor;
    while tenths(divisor) >= 10_000 && unit < UNITS.len() - 1 {
        divisor *= 1000;
        unit += 1;
    }
    (tenths(divisor), UNITS[unit])
}

/// A byte count in the largest sensible unit, e.g. "1.4 GB", with the reader's decimal separator.
pub fn bytes(n: u64) -> String {
    let (tenths, unit) = bytes_in_unit(n);
    let amount = if tenths % 10 == 0 {
        format_number((tenths / 10) as f64, &[])
    } else {
        format_number(tenths as f64 / 10.0, &[("maximumFractionDigits", "1")])
    };
    format!("{amount} {unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_bytes_read_naturally() {
        assert_eq!(count(1, "entry", "entries"), "1 entry");
        assert_eq!(count(0, "entry", "entries"), "0 entries");
        assert_eq!(bytes_in_unit(999), (9990, "bytes"));
        assert_eq!(bytes_in_unit(1_400_000_000), (14, "GB"));
        assert_eq!(bytes_in_unit(2_147_483_648), (21, "GB"));
        assert_eq!(bytes_in_unit(1_000), (10, "KB"));
        assert_eq!(bytes_in_unit(999_960), (10, "MB"));
        assert_eq!(bytes_in_unit(0), (0, "bytes"));
    }
}
