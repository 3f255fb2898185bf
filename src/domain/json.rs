//! Decoding JSON documents into domain types, one small non-generic function per type.
//!
//! The documents are parsed once into a `serde_json::Value` (one copy of the parser, shared with the storage
//! overlay's merge code), then each type reads its fields from it. Kept instead of derived `serde::Deserialize`
//! because the derive makes the first load much larger, re-measured on the plain build (docs/benchmarks.md, "Size-driven
//! code"): it costs copies of the parser's code per type and per `Vec<T>`; these readers are plain field lookups.
//! Encoding stays with derived `serde::Serialize`; the property tests check that every decoder reads back what the
//! encoder writes.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};

/// Why a document could not be decoded: what was expected, and where in the document. Boxed, so that every
/// reader's `Result` stays one word wider than its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError(Box<Failure>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Failure {
    /// Field names and list positions from the document's root, outermost first.
    path: Vec<PathPart>,
    problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum PathPart {
    Field(&'static str),
    Index(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Problem {
    Syntax(String),
    Missing,
    Expected(&'static str),
}

impl JsonError {
    /// A value of the wrong kind; `expected` names what was wanted ("a string", "one of: a, b").
    #[inline(never)]
    fn new(problem: Problem) -> Self {
        JsonError(Box::new(Failure {
            path: Vec::new(),
            problem,
        }))
    }

    /// A value of the wrong kind; `expected` names what was wanted ("a string", "one of: a, b").
    pub fn expected(expected: &'static str) -> Self {
        JsonError::new(Problem::Expected(expected))
    }

    /// The text is not JSON at all.
    pub fn syntax(error: &serde_json::Error) -> Self {
        JsonError::new(Problem::Syntax(error.to_string()))
    }

    #[inline(never)]
    fn within(mut self, part: PathPart) -> Self {
        self.0.path.insert(0, part);
        self
    }

    /// Marks the error as found inside the field `name`.
    #[inline(never)]
    pub fn in_field(self, name: &'static str) -> Self {
        self.within(PathPart::Field(name))
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.problem {
            Problem::Syntax(detail) => return f.write_str(detail),
            Problem::Missing => f.write_str("missing field")?,
            Problem::Expected(what) => write!(f, "expected {what}")?,
        }
        if self.0.path.is_empty() {
            return Ok(());
        }
        f.write_str(" at ")?;
        for (position, part) in self.0.path.iter().enumerate() {
            match part {
                PathPart::Field(name) if position == 0 => f.write_str(name)?,
                PathPart::Field(name) => write!(f, ".{name}")?,
                PathPart::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for JsonError {}

/// A type read from a JSON value.
pub trait FromJson: Sized {
    /// Reads the value.
    fn from_json(value: &Value) -> Result<Self, JsonError>;

    /// The value of a field that is not in the document at all, if the type has one (an `Option` is `None`).
    fn absent() -> Option<Self> {
        None
    }
}

/// Parses `text` and decodes it as `T`.
pub fn decode<T: FromJson>(text: &str) -> Result<T, JsonError> {
    let value: Value = serde_json::from_str(text).map_err(|error| JsonError::syntax(&error))?;
    T::from_json(&value)
}

/// The value as an object, or an error naming what was expected.
pub fn object(value: &Value) -> Result<&Map<String, Value>, JsonError> {
    value.as_object().ok_or(JsonError::expected("an object"))
}

/// The field `name` of `object`, out of line: one copy of the lookup for every field of every type.
#[inline(never)]
fn lookup<'a>(object: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    object.get(name)
}

#[inline(never)]
fn missing(name: &'static str) -> JsonError {
    JsonError::new(Problem::Missing).in_field(name)
}

/// Reads the field `name`; a missing field is an error unless the type has an absent value.
pub fn field<T: FromJson>(object: &Map<String, Value>, name: &'static str) -> Result<T, JsonError> {
    match lookup(object, name) {
        Some(value) => T::from_json(value).map_err(|error| error.in_field(name)),
        None => T::absent().ok_or_else(|| missing(name)),
    }
}

/// Reads the field `name`, or the type's default when it is missing or `null`.
pub fn field_or_default<T: FromJson + Default>(
    object: &Map<String, Value>,
    name: &'static str,
) -> Result<T, JsonError> {
    match lookup(object, name) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(value) => T::from_json(value).map_err(|error| error.in_field(name)),
    }
}

/// The text of a string value.
pub fn string(value: &Value) -> Result<&str, JsonError> {
    value.as_str().ok_or(JsonError::expected("a string"))
}

/// An externally tagged enum variant with data, `{"variant": data}`: the variant's name and its data.
pub fn tagged(value: &Value) -> Result<(&str, &Value), JsonError> {
    match value.as_object() {
        Some(object) if object.len() == 1 => Ok(object
            .iter()
            .next()
            .map(|(name, data)| (name.as_str(), data))
            .ok_or(JsonError::expected("an object with one entry"))?),
        _ => Err(JsonError::expected("an object with one entry")),
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        string(value).map(str::to_string)
    }
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        value.as_bool().ok_or(JsonError::expected("true or false"))
    }
}

impl FromJson for u64 {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        value
            .as_u64()
            .ok_or(JsonError::expected("a whole number of at least 0"))
    }
}

impl FromJson for u32 {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        value
            .as_u64()
            .and_then(|number| u32::try_from(number).ok())
            .ok_or(JsonError::expected("a whole number from 0 to 4294967295"))
    }
}

impl FromJson for i64 {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        value.as_i64().ok_or(JsonError::expected("a whole number"))
    }
}

impl FromJson for Value {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        Ok(value.clone())
    }
}

impl FromJson for DateTime<Utc> {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        // Strict RFC 3339, as the documents are written: chrono's relaxed `FromStr` parser is much larger code.
        DateTime::parse_from_rfc3339(string(value)?)
            .map(|at| at.with_timezone(&Utc))
            .map_err(|_| JsonError::expected("a date and time (RFC 3339)"))
    }
}

impl FromJson for NaiveDate {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        parse_day(string(value)?).ok_or(JsonError::expected("a date (YYYY-MM-DD)"))
    }
}

/// A day written `YYYY-MM-DD`, as the documents, the address bar's filters and date inputs write it. Read by hand:
/// chrono's general parser (`parse_from_str` and the scanning behind it) is much larger code for one fixed format.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        bytes[from..to].iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let year = i32::try_from(number(0, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?)
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        match value {
            Value::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let items = value.as_array().ok_or(JsonError::expected("a list"))?;
        let mut decoded = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            decoded.push(T::from_json(item).map_err(|error| error.within(PathPart::Index(index)))?);
        }
        Ok(decoded)
    }
}

impl<T: FromJson> FromJson for std::collections::BTreeMap<String, T> {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        object(value)?
            .iter()
            .map(|(key, item)| Ok((key.clone(), T::from_json(item)?)))
            .collect()
    }
}

/// Implements [`FromJson`] for a struct from its field names; `name: default` marks a field that may be missing
/// (or `null`) and then takes its type's default. `Option` fields may always be missing.
#[macro_export]
macro_rules! from_json_struct {
    ($type:ident { $($field:ident $(: $mode:ident)?),* $(,)? }) => {
        impl $crate::domain::json::FromJson for $type {
            fn from_json(value: &serde_json::Value) -> Result<Self, $crate::domain::json::JsonError> {
                let object = $crate::domain::json::object(value)?;
                Ok($type {
                    $($field: $crate::from_json_struct!(@field object, $field $(, $mode)?),)*
                })
            }
        }
    };
    (@field $object:ident, $field:ident) => {
        $crate::domain::json::field($object, stringify!($field))?
    };
    (@field $object:ident, $field:ident, default) => {
        $crate::domain::json::field_or_default($object, stringify!($field))?
    };
}

/// Implements [`FromJson`] for an enum of unit variants, each written as the given string.
#[macro_export]
macro_rules! from_json_enum {
    ($type:ident { $first:ident = $first_text:literal $(, $variant:ident = $text:literal)* $(,)? }) => {
        impl $crate::domain::json::FromJson for $type {
            fn from_json(value: &serde_json::Value) -> Result<Self, $crate::domain::json::JsonError> {
                match $crate::domain::json::string(value)? {
                    $first_text => Ok($type::$first),
                    $($text => Ok($type::$variant),)*
                    _ => Err($crate::domain::json::JsonError::expected(
                        concat!("one of: ", $first_text $(, ", ", $text)*),
                    )),
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq)]
    struct Inner {
        name: String,
        count: u32,
    }
    crate::from_json_struct!(Inner { name, count });

    #[derive(Debug, PartialEq)]
    struct Outer {
        inners: Vec<Inner>,
        note: Option<String>,
        tags: Vec<String>,
        on: NaiveDate,
    }
    crate::from_json_struct!(Outer {
        inners,
        note,
        tags: default,
        on
    });

    #[derive(Debug, PartialEq)]
    enum Colour {
        Red,
        DarkBlue,
    }
    crate::from_json_enum!(Colour { Red = "red", DarkBlue = "dark_blue" });

    #[test]
    fn reads_nested_documents_with_optional_and_default_fields() {
        let outer: Outer =
            decode(r#"{"inners": [{"name": "a", "count": 2}], "on": "2026-01-31"}"#).unwrap();
        assert_eq!(
            outer,
            Outer {
                inners: vec![Inner {
                    name: "a".into(),
                    count: 2
                }],
                note: None,
                tags: Vec::new(),
                on: NaiveDate::from_ymd_opt(2026, 1, 31).unwrap(),
            }
        );
        let with_null: Outer =
            decode(r#"{"inners": [], "note": null, "tags": null, "on": "2026-01-31"}"#).unwrap();
        assert_eq!(with_null.note, None);
        assert_eq!(with_null.tags, Vec::<String>::new());
    }

    #[test]
    fn errors_name_the_place_and_what_was_expected() {
        let error = decode::<Outer>(r#"{"inners": [{"name": "a", "count": 1}, {"name": "b", "count": -1}], "on": "2026-01-31"}"#)
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "expected a whole number from 0 to 4294967295 at inners[1].count"
        );
        let missing = decode::<Outer>(r#"{"inners": []}"#).unwrap_err();
        assert_eq!(missing.to_string(), "missing field at on");
        let date = decode::<Outer>(r#"{"inners": [], "on": "31/01/2026"}"#).unwrap_err();
        assert_eq!(date.to_string(), "expected a date (YYYY-MM-DD) at on");
        let root = decode::<Outer>("[]").unwrap_err();
        assert_eq!(root.to_string(), "expected an object");
        assert!(decode::<Outer>("{")
            .unwrap_err()
            .to_string()
            .contains("EOF"));
    }

    #[test]
    fn enums_read_their_written_names_only() {
        assert_eq!(
            decode::<Colour>(r#""dark_blue""#).unwrap(),
            Colour::DarkBlue
        );
        assert_eq!(decode::<Colour>(r#""red""#).unwrap(), Colour::Red);
        assert_eq!(
            decode::<Colour>(r#""Red""#).unwrap_err().to_string(),
            "expected one of: red, dark_blue"
        );
        assert_eq!(
            decode::<Colour>("1").unwrap_err().to_string(),
            "expected a string"
        );
    }

    #[test]
    fn numbers_out_of_range_are_refused() {
        assert!(decode::<u32>("4294967296").is_err());
        assert!(decode::<u32>("1.5").is_err());
        assert_eq!(decode::<u64>("4294967296").unwrap(), 4_294_967_296);
        assert_eq!(decode::<i64>("-3").unwrap(), -3);
        assert!(decode::<bool>("0").is_err());
    }

    #[test]
    fn days_are_read_only_as_yyyy_mm_dd() {
        assert_eq!(
            parse_day("2026-02-28"),
            NaiveDate::from_ymd_opt(2026, 2, 28)
        );
        assert_eq!(
            parse_day("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-05",
            "26-01-05",
            "2026/01/05",
            "2026-01-0x",
            "",
            "２０２６-01-05",
            "+026-01-05",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn date_times_keep_the_instant_of_any_offset() {
        let at: DateTime<Utc> = decode(r#""2026-03-01T10:00:00+05:30""#).unwrap();
        assert_eq!(at.to_rfc3339(), "2026-03-01T04:30:00+00:00");
        assert!(decode::<DateTime<Utc>>(r#""yesterday""#).is_err());
    }
}
