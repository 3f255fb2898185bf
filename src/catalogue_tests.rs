//! The message catalogues: every key in every language, and every key used.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

const LANGUAGES: [&str; 3] = ["en", "hi", "de"];

/// Translations that rightly read as the English does: words German shares with English ("Cookie", "Name",
/// "Status", "Marketing", "Browser", "Export", "SMS"). Anything else left in English is a missed translation.
const SAME_AS_ENGLISH: [(&str, &str); 10] = [
    ("de", "pages.cookies.nav"),
    ("de", "pages.new_export.nav"),
    ("de", "cookies.col_cookie"),
    ("de", "overview.cookies"),
    ("de", "labels.channel.sms"),
    ("de", "labels.cookie.marketing"),
    ("de", "labels.field.browser"),
    ("de", "labels.field.name"),
    ("de", "labels.request_kind.export"),
    ("de", "requests.status"),
];

/// Every text of `value` at its dotted key; anything but an object or a non-empty text fails the test.
fn walk(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                walk(&path, value, out);
            }
        }
        Value::String(text) => {
            assert!(!text.trim().is_empty(), "{prefix} is empty");
            out.insert(prefix.to_string(), text.clone());
        }
        other => panic!("{prefix}: expected text, found {other}"),
    }
}

/// A language's catalogue: text by key.
fn texts(language: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{language}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut out = BTreeMap::new();
    walk("", &value, &mut out);
    out
}

/// A language's keys.
fn catalogue(language: &str) -> BTreeSet<String> {
    texts(language).into_keys().collect()
}

/// The placeholders of a text: `{name}` (filled by `format::fill`) and `{{ name }}` (filled by `t!`).
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = rest[open..].trim_start_matches('{');
        match after.find('}') {
            Some(close) => {
                found.insert(after[..close].trim().to_string());
                rest = after[close..].trim_start_matches('}');
            }
            None => break,
        }
    }
    found
}

fn sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path.ends_with("catalogue_tests.rs")
        {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_language_has_every_key_and_no_other() {
    let english = catalogue("en");
    assert!(english.len() > 40, "only {} keys", english.len());
    for language in &LANGUAGES[1..] {
        let other = catalogue(language);
        let missing: Vec<_> = english.difference(&other).collect();
        let extra: Vec<_> = other.difference(&english).collect();
        assert!(missing.is_empty(), "{language} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{language} has keys English lacks: {extra:?}"
        );
    }
}

#[test]
fn every_key_is_used_in_the_code() {
    let mut code = String::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    // Formatting may break a macro call over lines: compare with every run of white space as one space.
    let code = code.split_whitespace().collect::<Vec<_>>().join(" ");
    let unused: Vec<_> = catalogue("en")
        .into_iter()
        .filter(|key| {
            ![
                format!(", {key})"),
                format!(", {key},"),
                format!(", {key} )"),
            ]
            .iter()
            .any(|usage| code.contains(usage.as_str()))
        })
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}

#[test]
fn translations_are_not_copies_of_the_english() {
    let english = texts("en");
    for language in &LANGUAGES[1..] {
        let other = texts(language);
        let same: Vec<_> = english
            .iter()
            .filter(|(key, text)| other.get(*key) == Some(*text))
            .map(|(key, _)| key.as_str())
            .filter(|key| !SAME_AS_ENGLISH.contains(&(*language, *key)))
            .collect();
        assert!(same.is_empty(), "{language} keeps the English of {same:?}");
    }
}

#[test]
fn every_translation_has_the_placeholders_of_the_english() {
    let english = texts("en");
    assert!(
        english.values().any(|t| !placeholders(t).is_empty()),
        "no English text has a placeholder: the check would prove nothing"
    );
    for language in &LANGUAGES[1..] {
        let other = texts(language);
        for (key, text) in &english {
            let theirs = other.get(key).map(|t| placeholders(t)).unwrap_or_default();
            assert_eq!(
                placeholders(text),
                theirs,
                "{language} {key}: placeholders differ from the English"
            );
        }
    }
}

#[test]
fn placeholders_are_found_in_both_forms() {
    let found: Vec<String> = placeholders("{{ count }} of {total}, {")
        .into_iter()
        .collect();
    assert_eq!(found, ["count", "total"]);
}
