//! Formatting of dates, counts and sizes for display, through the browser's `Intl`.

use std::cell::RefCell;

use chrono::{DateTime, NaiveDate, Utc};
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The JavaScript `Date`, bound here so `toLocaleString` can take `undefined` locales (the browser's own).
    #[wasm_bindgen(js_name = Date)]
    type LocalDate;

    #[wasm_bindgen(constructor, js_class = "Date")]
    fn new(millis: f64) -> LocalDate;

    /// Throws on an unknown locale or time zone; the error is caught and the browser's defaults used instead.
    #[wasm_bindgen(method, catch, js_class = "Date", js_name = toLocaleString)]
    fn to_locale_string_with(
        this: &LocalDate,
        locales: &JsValue,
        options: &JsValue,
    ) -> Result<String, JsValue>;

    /// The JavaScript `Number`, bound for `toLocaleString(locales, options)`.
    #[wasm_bindgen(js_name = Number)]
    type LocalNumber;

    #[wasm_bindgen(constructor, js_class = "Number")]
    fn new(value: f64) -> LocalNumber;

    #[wasm_bindgen(method, catch, js_class = "Number", js_name = toLocaleString)]
    fn to_locale_string_with(
        this: &LocalNumber,
        locales: &JsValue,
        options: &JsValue,
    ) -> Result<String, JsValue>;

    /// `Intl.DateTimeFormat`: made once per language, zone and style and reused, since building one costs far more
    /// than formatting with it (a page of 50 dates, or a CSV of 10,000, would otherwise build one per date).
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    #[derive(Clone)]
    type DateFormatter;

    /// Throws on an unknown locale or time zone.
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DateFormatter, JsValue>;

    #[wasm_bindgen(method, js_class = "DateTimeFormat", js_name = format)]
    fn format(this: &DateFormatter, millis: f64) -> String;

    /// `Intl.supportedValuesOf(key)`.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = supportedValuesOf)]
    fn supported_values_of(key: &str) -> Result<js_sys::Array, JsValue>;
}

/// The reader's language and time zone for dates and numbers; `None` means the browser's own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisplayPrefs {
    pub language: Option<String>,
    pub time_zone: Option<String>,
}

thread_local! {
    static DISPLAY: RefCell<Option<ArcRwSignal<DisplayPrefs>>> = const { RefCell::new(None) };
    static DATE_FORMATTERS: RefCell<Vec<(String, DateFormatter)>> = const { RefCell::new(Vec::new()) };
}

/// The date formatter for `language` (the browser's if `None`) and `pairs`, built on first use; `None` if the
/// browser rejects the language or time zone.
fn date_formatter(language: Option<&str>, pairs: &[(&str, &str)]) -> Option<DateFormatter> {
    // Spelled out, not `{:?}`: release builds compile `Debug` formatting to nothing (`-Zfmt-debug=none`).
    let mut key = language.unwrap_or("(browser)").to_owned();
    for (name, value) in pairs {
        key.push_str(&format!(";{name}={value}"));
    }
    DATE_FORMATTERS.with(|cache| {
        if let Some((_, formatter)) = cache.borrow().iter().find(|(k, _)| *k == key) {
            return Some(formatter.clone());
        }
        let locales = language.map_or(JsValue::UNDEFINED, JsValue::from_str);
        let formatter = DateFormatter::new(&locales, &options(pairs)).ok()?;
        let mut cache = cache.borrow_mut();
        if cache.len() >= 32 {
            cache.clear();
        }
        cache.push((key, formatter.clone()));
        Some(formatter)
    })
}

fn display() -> ArcRwSignal<DisplayPrefs> {
    DISPLAY.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| ArcRwSignal::new(DisplayPrefs::default()))
            .clone()
    })
}

/// Formats dates and numbers in this language and time zone from now on (the profile's, or the browser's when
/// `None`). Every view that formatted a date re-renders.
pub fn set_display_prefs(prefs: DisplayPrefs) {
    let signal = display();
    if signal.get_untracked() != prefs {
        signal.set(prefs);
    }
}

/// The current language and time zone, reactively.
fn prefs() -> DisplayPrefs {
    display().get()
}

fn locales(prefs: &DisplayPrefs) -> JsValue {
    prefs
        .language
        .as_deref()
        .map_or(JsValue::UNDEFINED, JsValue::from_str)
}

/// The browser's own time zone, e.g. `Asia/Kolkata`.
pub fn browser_time_zone() -> String {
    let resolved =
        js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &Object::new()).resolved_options();
    Reflect::get(&resolved, &JsValue::from_str("timeZone"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "UTC".to_string())
}

/// Whether the browser can show times in `zone` (any IANA name or alias it accepts, such as `Asia/Kolkata`).
pub fn is_time_zone(zone: &str) -> bool {
    LocalDate::new(0.0)
        .to_locale_string_with(&JsValue::UNDEFINED, &options(&[("timeZone", zone)]))
        .is_ok()
}

/// How many minutes the reader's time zone is ahead of UTC at `millis` (e.g. 330 for India). Uses the profile's
/// zone, or the browser's; 0 if it cannot tell.
pub fn zone_offset_minutes(millis: i64) -> i32 {
    let prefs = display().get_untracked();
    let zone = prefs.time_zone.unwrap_or_else(browser_time_zone);
    let text = LocalDate::new(millis as f64)
        .to_locale_string_with(
            &JsValue::from_str("en-GB"),
            &options(&[("timeZone", &zone), ("timeZoneName", "longOffset")]),
        )
        .unwrap_or_default();
    // "29/11/2026, 10:00:00 GMT+05:30" (or "GMT" for UTC itself).
    let Some(offset) = text.rsplit("GMT").next().filter(|o| !o.is_empty()) else {
        return 0;
    };
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let digits = offset.trim_start_matches(['+', '-']);
    let (hours, minutes) = digits.split_once(':').unwrap_or((digits, "0"));
    sign * (hours.parse::<i32>().unwrap_or(0) * 60 + minutes.parse::<i32>().unwrap_or(0))
}

/// Every IANA time zone this browser knows, under its current name (`Asia/Kolkata`, not the `Asia/Calcutta`
/// Chromium lists); empty if it cannot list them.
pub fn time_zones() -> Vec<String> {
    supported_values_of("timeZone")
        .map(|list| {
            crate::domain::profile_rules::current_zone_names(
                list.iter().filter_map(|v| v.as_string()),
            )
        })
        .unwrap_or_default()
}

fn format_number(value: f64, pairs: &[(&str, &str)]) -> String {
    let prefs = prefs();
    let number = LocalNumber::new(value);
    number
        .to_locale_string_with(&locales(&prefs), &options(pairs))
        .or_else(|_| number.to_locale_string_with(&JsValue::UNDEFINED, &options(pairs)))
        .unwrap_or_default()
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

/// Formats a moment in the reader's language and time zone; `utc` keeps it in UTC (for calendar days).
fn format_millis(millis: i64, pairs: &[(&str, &str)], utc: bool) -> String {
    let prefs = prefs();
    let mut with_zone: Vec<(&str, &str)> = pairs.to_vec();
    match (utc, prefs.time_zone.as_deref()) {
        (true, _) => with_zone.push(("timeZone", "UTC")),
        (false, Some(zone)) => with_zone.push(("timeZone", zone)),
        (false, None) => {}
    }
    // An unknown language or time zone falls back to the browser's, rather than failing.
    let mut fallback: Vec<(&str, &str)> = pairs.to_vec();
    if utc {
        fallback.push(("timeZone", "UTC"));
    }
    // An unknown zone keeps the language; an unknown language keeps nothing of the two.
    date_formatter(prefs.language.as_deref(), &with_zone)
        .or_else(|| date_formatter(prefs.language.as_deref(), &fallback))
        .or_else(|| date_formatter(None, &fallback))
        .map(|formatter| formatter.format(millis as f64))
        .unwrap_or_default()
}

/// A moment as a date, e.g. "29 Nov 2026".
pub fn date(at: DateTime<Utc>) -> String {
    format_millis(at.timestamp_millis(), &[("dateStyle", "medium")], false)
}

/// A moment as a date and time, e.g. "29 Nov 2026, 10:21".
pub fn date_time(at: DateTime<Utc>) -> String {
    format_millis(
        at.timestamp_millis(),
        &[("dateStyle", "medium"), ("timeStyle", "short")],
        false,
    )
}

/// A calendar day, e.g. "20 Dec 2026"; formatted in UTC so the day never shifts.
pub fn day(on: NaiveDate) -> String {
    let millis = on
        .and_hms_opt(12, 0, 0)
        .map(|noon| noon.and_utc().timestamp_millis())
        .unwrap_or_default();
    format_millis(millis, &[("dateStyle", "long")], true)
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

/// A catalogue text with its `{name}` placeholders filled in; a placeholder with no value stays as written. Used
/// for every text with a value rather than leptos_i18n's `{{ name }}` interpolation, which costs far more code per
/// text (docs/benchmarks.md, "Size-driven code"); `cargo test` checks every call's names against its text.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(name, _)| *name == &after[..close])
                .map(|v| (close, v.1))
        });
        match value {
            Some((close, value)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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

    #[test]
    fn fill_replaces_named_placeholders_only() {
        assert_eq!(
            fill("{n} of {total}", &[("n", &3), ("total", &"10")]),
            "3 of 10"
        );
        assert_eq!(fill("{n} {n}", &[("n", &1)]), "1 1");
        assert_eq!(fill("{other} and {", &[("n", &1)]), "{other} and {");
        assert_eq!(fill("Hindi: {n} आइटम", &[("n", &2)]), "Hindi: 2 आइटम");
    }
}
