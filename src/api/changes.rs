//! The mock backend's memory: the user's changes, kept in browser storage as a versioned overlay over the seed JSON.
//! Pure data and merge rules (JSON Merge Patch, RFC 7386); no browser access, so it is tested natively.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::error::StorageError;

/// The overlay format this build reads and writes. Stored data of any other version is set aside, not merged.
pub const FORMAT_VERSION: u32 = 1;

/// Changes made on top of the seed documents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Overlay {
    pub version: u32,
    /// Per document key, a merge patch that turns the seed into the current document.
    pub patches: BTreeMap<String, Value>,
    /// Per document key, entries appended to an append-only document (the activity log).
    pub appended: BTreeMap<String, Vec<Value>>,
}

crate::from_json_struct!(Overlay {
    version,
    patches: default,
    appended: default
});

impl Default for Overlay {
    fn default() -> Self {
        Overlay {
            version: FORMAT_VERSION,
            patches: BTreeMap::new(),
            appended: BTreeMap::new(),
        }
    }
}

/// Why stored overlay data could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not valid overlay JSON.
    Corrupted,
    /// Written by another version of the portal.
    OtherVersion(u32),
}

impl Overlay {
    /// Reads stored overlay text. Nothing stored gives an empty overlay; unusable data gives an empty overlay and
    /// the reason, so the caller can set the old data aside and tell the user.
    pub fn parse(stored: Option<&str>) -> (Overlay, Option<Unreadable>) {
        let Some(text) = stored else {
            return (Overlay::default(), None);
        };
        match serde_json::from_str::<Value>(text) {
            Ok(value) => match value.get("version").and_then(Value::as_u64) {
                Some(v) if v == u64::from(FORMAT_VERSION) => {
                    match <Overlay as crate::domain::json::FromJson>::from_json(&value) {
                        Ok(overlay) => (overlay, None),
                        Err(_) => (Overlay::default(), Some(Unreadable::Corrupted)),
                    }
                }
                Some(v) => (
                    Overlay::default(),
                    Some(Unreadable::OtherVersion(
                        u32::try_from(v).unwrap_or(u32::MAX),
                    )),
                ),
                None => (Overlay::default(), Some(Unreadable::Corrupted)),
            },
            Err(_) => (Overlay::default(), Some(Unreadable::Corrupted)),
        }
    }

    /// True when the overlay holds a change to the document `key`.
    pub fn touches(&self, key: &str) -> bool {
        self.patches.contains_key(key) || self.appended.get(key).is_some_and(|e| !e.is_empty())
    }

    /// True when the overlay holds no change.
    pub fn is_empty(&self) -> bool {
        self.patches.is_empty() && self.appended.values().all(Vec::is_empty)
    }

    /// The current document for `key`: the seed with its patch applied, then appended entries added to
    /// `append_field` (the seed's entries first, in order).
    pub fn apply(&self, key: &str, append_field: Option<&str>, mut seed: Value) -> Value {
        if let Some(patch) = self.patches.get(key) {
            merge_patch(&mut seed, patch);
        }
        if let (Some(field), Some(entries)) = (append_field, self.appended.get(key)) {
            if !entries.is_empty() {
                if let Value::Object(map) = &mut seed {
                    let list = map
                        .entry(field.to_string())
                        .or_insert_with(|| Value::Array(Vec::new()));
                    if let Value::Array(items) = list {
                        items.extend(entries.iter().cloned());
                    } else {
                        *list = Value::Array(entries.clone());
                    }
                }
            }
        }
        seed
    }

    /// Records that the document `key`, whose seed is `seed`, now reads `current`.
    pub fn set_document(&mut self, key: &str, seed: &Value, current: &Value) {
        let patch = diff(seed, current);
        if patch.as_object().is_some_and(Map::is_empty) {
            self.patches.remove(key);
        } else {
            self.patches.insert(key.to_string(), patch);
        }
    }

    /// Appends an entry to the append-only document `key`.
    pub fn append(&mut self, key: &str, entry: Value) {
        self.appended
            .entry(key.to_string())
            .or_default()
            .push(entry);
    }

    /// Drops every change to `key` (used when a patch no longer fits the seed).
    pub fn forget(&mut self, key: &str) {
        self.patches.remove(key);
        self.appended.remove(key);
    }
}

/// Applies an RFC 7386 JSON Merge Patch to `target`.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch_map) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    if let Value::Object(target_map) = target {
        for (key, value) in patch_map {
            if value.is_null() {
                target_map.remove(key);
            } else {
                merge_patch(target_map.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }
}

/// The merge patch that turns `from` into `to`. Object members that are `null` in `to` count as absent,
/// as merge patches cannot express a stored `null` (our documents treat absent and `null` alike).
pub fn diff(from: &Value, to: &Value) -> Value {
    match (from, to) {
        (Value::Object(old), Value::Object(new)) => {
            let mut patch = Map::new();
            for (key, old_value) in old {
                match new.get(key) {
                    None | Some(Value::Null) => {
                        if !old_value.is_null() {
                            patch.insert(key.clone(), Value::Null);
                        }
                    }
                    Some(new_value) => {
                        if !new_value.is_object() || !old_value.is_object() {
                            if old_value != new_value {
                                patch.insert(key.clone(), strip_nulls(new_value));
                            }
                        } else {
                            let inner = diff(old_value, new_value);
                            if !inner.as_object().is_some_and(Map::is_empty) {
                                patch.insert(key.clone(), inner);
                            }
                        }
                    }
                }
            }
            for (key, new_value) in new {
                if !old.contains_key(key) && !new_value.is_null() {
                    patch.insert(key.clone(), strip_nulls(new_value));
                }
            }
            Value::Object(patch)
        }
        _ => strip_nulls(to),
    }
}

/// A copy of `value` without `null` object members (at any depth).
pub fn strip_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), strip_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(strip_nulls).collect()),
        other => other.clone(),
    }
}

/// Something the user should know about their saved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreNotice {
    /// Stored changes could not be read; they were moved aside and the demo data starts from the seed.
    SetAside(Unreadable),
    /// Storage cannot be read; changes last for this visit only.
    Unavailable(StorageError),
    /// A change could not be stored (storage off, full or failing); it lasts for this visit only.
    NotStored(StorageError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_follows_rfc_7386_examples() {
        let cases = [
            (json!({"a": "b"}), json!({"a": "c"}), json!({"a": "c"})),
            (
                json!({"a": "b"}),
                json!({"b": "c"}),
                json!({"a": "b", "b": "c"}),
            ),
            (json!({"a": "b"}), json!({"a": null}), json!({})),
            (
                json!({"a": "b", "b": "c"}),
                json!({"a": null}),
                json!({"b": "c"}),
            ),
            (json!({"a": ["b"]}), json!({"a": "c"}), json!({"a": "c"})),
            (json!({"a": "c"}), json!({"a": ["b"]}), json!({"a": ["b"]})),
            (
                json!({"a": {"b": "c"}}),
                json!({"a": {"b": "d", "c": null}}),
                json!({"a": {"b": "d"}}),
            ),
            (
                json!({"a": [{"b": "c"}]}),
                json!({"a": [1]}),
                json!({"a": [1]}),
            ),
            (json!(["a", "b"]), json!(["c", "d"]), json!(["c", "d"])),
            (json!({"a": "b"}), json!(["c"]), json!(["c"])),
            (
                json!({"e": null}),
                json!({"a": 1}),
                json!({"e": null, "a": 1}),
            ),
            (
                json!([1, 2]),
                json!({"a": "b", "c": null}),
                json!({"a": "b"}),
            ),
            (
                json!({}),
                json!({"a": {"bb": {"ccc": null}}}),
                json!({"a": {"bb": {}}}),
            ),
        ];
        for (target, patch, expected) in cases {
            let mut result = target.clone();
            merge_patch(&mut result, &patch);
            assert_eq!(result, expected, "{target} + {patch}");
        }
    }

    #[test]
    fn set_document_stores_only_what_changed() {
        let seed = json!({"account": {"name": "Asha", "country": "India"}, "optional": {"language": "en"}});
        let current = json!({"account": {"name": "Asha", "country": "India"}, "optional": {"language": "de", "time_zone": "Europe/Berlin"}});
        let mut overlay = Overlay::default();
        overlay.set_document("profile", &seed, &current);
        assert_eq!(
            overlay.patches["profile"],
            json!({"optional": {"language": "de", "time_zone": "Europe/Berlin"}})
        );
        assert_eq!(overlay.apply("profile", None, seed.clone()), current);

        overlay.set_document("profile", &seed, &seed);
        assert!(overlay.is_empty(), "returning to the seed leaves no patch");
    }

    #[test]
    fn appended_entries_follow_the_seed_entries() {
        let mut overlay = Overlay::default();
        overlay.append("activity", json!({"id": "new"}));
        let merged = overlay.apply(
            "activity",
            Some("events"),
            json!({"events": [{"id": "seed"}]}),
        );
        assert_eq!(merged, json!({"events": [{"id": "seed"}, {"id": "new"}]}));
        let merged = overlay.apply("activity", Some("events"), json!({}));
        assert_eq!(merged, json!({"events": [{"id": "new"}]}));
    }

    #[test]
    fn a_seed_change_outside_the_patch_shows_through() {
        let mut overlay = Overlay::default();
        overlay.set_document("p", &json!({"a": 1, "b": 1}), &json!({"a": 2, "b": 1}));
        let newer_seed = json!({"a": 1, "b": 5});
        assert_eq!(
            overlay.apply("p", None, newer_seed),
            json!({"a": 2, "b": 5})
        );
    }

    #[test]
    fn stored_text_round_trips() {
        let mut overlay = Overlay::default();
        overlay.append("activity", json!({"id": 1}));
        overlay.set_document("p", &json!({"a": 1}), &json!({"a": 2}));
        let text = serde_json::to_string(&overlay).unwrap();
        assert_eq!(Overlay::parse(Some(&text)), (overlay, None));
    }

    #[test]
    fn unusable_stored_text_is_reported_not_merged() {
        assert_eq!(Overlay::parse(None), (Overlay::default(), None));
        for text in [
            "{not json",
            "[]",
            "{\"patches\": {}}",
            "{\"version\": 1, \"patches\": 3}",
        ] {
            assert_eq!(
                Overlay::parse(Some(text)),
                (Overlay::default(), Some(Unreadable::Corrupted)),
                "{text}"
            );
        }
        assert_eq!(
            Overlay::parse(Some("{\"version\": 0, \"patches\": {}}")),
            (Overlay::default(), Some(Unreadable::OtherVersion(0)))
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-1000i64..1000).prop_map(Value::from),
            "[a-z]{0,4}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[a-d]", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// Whatever a document becomes, the stored patch reproduces it from the seed (nulls aside).
        #[test]
        fn patch_from_diff_reproduces_the_target(seed in json_value(), target in json_value()) {
            let mut merged = seed.clone();
            merge_patch(&mut merged, &diff(&seed, &target));
            prop_assert_eq!(strip_nulls(&merged), strip_nulls(&target));
        }

        /// Applying the same patch twice changes nothing more (merge patches are idempotent).
        #[test]
        fn merge_patch_is_idempotent(seed in json_value(), patch in json_value()) {
            let mut once = seed.clone();
            merge_patch(&mut once, &patch);
            let mut twice = once.clone();
            merge_patch(&mut twice, &patch);
            prop_assert_eq!(once, twice);
        }
    }
}
