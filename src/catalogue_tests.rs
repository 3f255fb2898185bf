//! The message catalogues: every key in every language, and every key used.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

const LANGUAGES: [&str; 3] = ["en", "hi", "de"];

fn keys(prefix: &str, value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                keys(&path, value, out);
            }
        }
        Value::String(text) => {
            assert!(!text.trim().is_empty(), "{prefix} is empty");
            out.insert(prefix.to_string());
        }
        other => panic!("{prefix}: expected text, found {other}"),
    }
}

fn catalogue(language: &str) -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{language}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut out = BTreeSet::new();
    keys("", &value, &mut out);
    out
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
    let unused: Vec<_> = catalogue("en")
        .into_iter()
        .filter(|key| !code.contains(&format!(", {key})")) && !code.contains(&format!(", {key},")))
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}

#[test]
fn translations_are_not_copies_of_the_english() {
    let read = |language: &str| -> Value {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{language}.json"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let english = read("en");
    for language in &LANGUAGES[1..] {
        let other = read(language);
        let same: Vec<_> = catalogue("en")
            .into_iter()
            .filter(|key| {
                let pointer = format!("/{}", key.replace('.', "/"));
                english.pointer(&pointer) == other.pointer(&pointer)
            })
            // Product and brand names stay as they are.
            .filter(|key| !["pages.cookies.nav", "pages.new_export.nav"].contains(&key.as_str()))
            .collect();
        assert!(same.is_empty(), "{language} keeps the English of {same:?}");
    }
}
