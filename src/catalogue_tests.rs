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

/// The placeholders of a text: `{name}`, filled by `format::fill` (also what `{{ name }}` would name, which
/// [`one_placeholder_syntax`] rules out).
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
fn placeholders_are_found_and_an_unclosed_brace_is_not_one() {
    let found: Vec<String> = placeholders("{count} of {total}, {").into_iter().collect();
    assert_eq!(found, ["count", "total"]);
}

/// One placeholder syntax: `{name}`, filled by `format::fill`. leptos_i18n's own `{{ name }}` interpolation is not
/// used: every text is filled the same way, and the checks below cover them all.
#[test]
fn one_placeholder_syntax() {
    for language in LANGUAGES {
        let doubled: Vec<String> = texts(language)
            .into_iter()
            .filter(|(_, text)| text.contains("{{") || text.contains("}}"))
            .map(|(key, _)| key)
            .collect();
        assert!(doubled.is_empty(), "{language}: `{{{{ }}}}` in {doubled:?}");
    }
}

/// The `fill(t_string!(…, key), &[("name", …), …])` calls in `code` (white space already made single spaces): each
/// key with the placeholder names the call gives.
fn fill_calls(code: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut calls = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("fill(") {
        rest = &rest[at + "fill(".len()..];
        let call = rest.trim_start();
        let Some(after_macro) = ["td_string!(", "t_string!("]
            .iter()
            .find_map(|m| call.strip_prefix(m))
        else {
            continue;
        };
        let Some((args, after)) = after_macro.split_once(')') else {
            continue;
        };
        let Some(key) = args.split(',').nth(1).map(str::trim) else {
            continue;
        };
        let Some(list) = after.trim_start().strip_prefix(',').map(str::trim_start) else {
            continue;
        };
        let Some(list) = list.strip_prefix("&[") else {
            continue;
        };
        // The list runs to the `]` that closes it.
        let mut depth = 1;
        let end = list
            .char_indices()
            .find(|(_, c)| {
                match c {
                    '[' => depth += 1,
                    ']' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .map_or(list.len(), |(i, _)| i);
        // Each pair opens with `("name",`.
        let names = list[..end]
            .split('(')
            .filter_map(|part| part.trim_start().strip_prefix('"'))
            .filter_map(|part| part.split_once('"'))
            .filter(|(name, after)| {
                after.trim_start().starts_with(',')
                    && !name.is_empty()
                    && name.chars().all(|c| c.is_alphanumeric() || c == '_')
            })
            .map(|(name, _)| name.to_string())
            .collect();
        calls.push((key.to_string(), names));
    }
    calls
}

/// Every call that fills a named text gives exactly the placeholders that text has: a misspelt or missing name
/// fails here rather than showing `{name}` to a user.
#[test]
fn every_fill_gives_the_placeholders_of_its_text() {
    let mut code = String::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    let code = code.split_whitespace().collect::<Vec<_>>().join(" ");
    let english = texts("en");
    let calls = fill_calls(&code);
    assert!(calls.len() > 100, "only {} fill calls found", calls.len());
    for (key, names) in calls {
        let text = english.get(&key).unwrap_or_else(|| panic!("no text {key}"));
        assert_eq!(placeholders(text), names, "fill of {key}");
    }
}

#[test]
fn fill_calls_are_read_with_their_names() {
    let code = r#"a fill(td_string!(l, x.y), &[( "date", &f(a[0])), ("n", &v.join(", "))]) b fill(t_string!(i18n, z), &[("k", &k)],)"#;
    let calls = fill_calls(code);
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].0, "x.y");
    assert_eq!(
        calls[0].1,
        BTreeSet::from(["date".to_string(), "n".to_string()])
    );
    assert_eq!(calls[1].0, "z");
    assert_eq!(calls[1].1, BTreeSet::from(["k".to_string()]));
}
