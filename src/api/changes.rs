//! The mock backend's memory: the user's changes, kept in browser storage one entry per document (a versioned,
//! revisioned merge patch over the seed JSON, JSON Merge Patch RFC 7386), and the rules for reading, checking and
//! setting aside those entries. Pure data and rules; no browser access, so it is tested natively.

use serde::Serialize;
use serde_json::{Map, Value};

use super::error::StorageError;

/// The entry format this build reads and writes.
pub const FORMAT_VERSION: u32 = 2;

/// The format of earlier builds: one overlay per demo user holding every document's changes. Met in storage, it is
/// split into entries of this format (each stored before the old overlay goes).
pub const WHOLE_OVERLAY_VERSION: u32 = 1;

/// Documents earlier builds kept that this one no longer keeps: the salted hash of the security answer (answers
/// are short enough that a hash gives them away). Met in stored data, they are dropped.
pub const RETIRED_DOCUMENTS: &[&str] = &["security-answer"];

/// How many set-aside copies of unreadable data a demo user keeps; setting aside one more drops the oldest.
pub const MAX_SET_ASIDE: usize = 3;

/// One document's changes on top of its seed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocumentChanges {
    pub version: u32,
    /// How many times the document has been saved. A write names the revision it was based on, and is refused when
    /// another tab has saved the document since ([`check_write`]).
    pub revision: u64,
    /// The merge patch that turns the seed into the current document (absent: none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patch: Option<Value>,
    /// Entries appended to an append-only document (the activity log), after the seed's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub appended: Vec<Value>,
}

crate::from_json_struct!(DocumentChanges {
    version,
    revision,
    patch: default,
    appended: default
});

/// Why a stored entry could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not valid entry JSON, or changes that no longer fit the document.
    Corrupted,
    /// Written by an older version of the portal, in a format this build does not read.
    OlderVersion(u32),
    /// Written by a newer version of the portal (open in another tab): left untouched, never set aside.
    NewerVersion(u32),
}

/// The stored version of `text`, if it is a JSON object with a version.
fn stored_version(value: &Value) -> Option<u32> {
    value
        .get("version")
        .and_then(Value::as_u64)
        .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
}

impl DocumentChanges {
    /// Reads a stored entry. Nothing stored gives no changes (revision 0).
    pub fn parse(stored: Option<&str>) -> Result<DocumentChanges, Unreadable> {
        let Some(text) = stored else {
            return Ok(DocumentChanges::empty());
        };
        let value: Value = serde_json::from_str(text).map_err(|_| Unreadable::Corrupted)?;
        match stored_version(&value) {
            Some(FORMAT_VERSION) => {
                <DocumentChanges as crate::domain::json::FromJson>::from_json(&value)
                    .map_err(|_| Unreadable::Corrupted)
            }
            Some(v) if v > FORMAT_VERSION => Err(Unreadable::NewerVersion(v)),
            Some(v) => Err(Unreadable::OlderVersion(v)),
            None => Err(Unreadable::Corrupted),
        }
    }

    /// No changes.
    pub fn empty() -> DocumentChanges {
        DocumentChanges {
            version: FORMAT_VERSION,
            ..DocumentChanges::default()
        }
    }

    /// The stored text.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// True when the entry holds no change (it is then removed from storage rather than kept).
    pub fn is_empty(&self) -> bool {
        self.patch.is_none() && self.appended.is_empty()
    }

    /// The current document: the seed with the patch applied, then appended entries added to `append_field`.
    pub fn apply(&self, append_field: Option<&str>, mut seed: Value) -> Value {
        if let Some(patch) = &self.patch {
            merge_patch(&mut seed, patch);
        }
        if let (Some(field), false) = (append_field, self.appended.is_empty()) {
            if let Value::Object(map) = &mut seed {
                let list = map
                    .entry(field.to_string())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(items) = list {
                    items.extend(self.appended.iter().cloned());
                } else {
                    *list = Value::Array(self.appended.clone());
                }
            }
        }
        seed
    }

    /// The next revision, in which the document whose seed is `seed` reads `current`.
    pub fn with_document(&self, seed: &Value, current: &Value) -> DocumentChanges {
        let patch = diff(seed, current);
        DocumentChanges {
            version: FORMAT_VERSION,
            revision: self.revision + 1,
            patch: (!patch.as_object().is_some_and(Map::is_empty)).then_some(patch),
            appended: self.appended.clone(),
        }
    }

    /// The next revision, with `entry` appended.
    pub fn with_entry(&self, entry: Value) -> DocumentChanges {
        let mut next = self.clone();
        next.version = FORMAT_VERSION;
        next.revision += 1;
        next.appended.push(entry);
        next
    }
}

/// A write refused because the document changed since the writer read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The revision now stored.
    pub stored: u64,
}

/// Whether a write based on revision `based_on` (`None`: not based on an earlier read, e.g. an append) may replace
/// the stored revision `stored`: only when nobody has saved the document in between.
pub fn check_write(stored: u64, based_on: Option<u64>) -> Result<(), Conflict> {
    match based_on {
        Some(read) if read != stored => Err(Conflict { stored }),
        _ => Ok(()),
    }
}

/// Splits an earlier build's whole overlay (`{"version": 1, "patches": {...}, "appended": {...}}`) into one entry
/// per document, leaving out retired documents. `None` when the text is not such an overlay.
pub fn split_whole_overlay(text: &str) -> Option<Vec<(String, DocumentChanges)>> {
    let value: Value = serde_json::from_str(text).ok()?;
    if stored_version(&value) != Some(WHOLE_OVERLAY_VERSION) {
        return None;
    }
    let mut entries: Vec<(String, DocumentChanges)> = Vec::new();
    let entry_of = |key: &str, entries: &mut Vec<(String, DocumentChanges)>| -> usize {
        entries
            .iter()
            .position(|(k, _)| k == key)
            .unwrap_or_else(|| {
                entries.push((key.to_string(), DocumentChanges::empty()));
                entries.len() - 1
            })
    };
    for (key, patch) in value.get("patches")?.as_object()? {
        let i = entry_of(key, &mut entries);
        entries[i].1.patch = Some(patch.clone());
        entries[i].1.revision = 1;
    }
    if let Some(appended) = value.get("appended") {
        for (key, list) in appended.as_object()? {
            let i = entry_of(key, &mut entries);
            entries[i].1.appended = list.as_array()?.clone();
            entries[i].1.revision = 1;
        }
    }
    entries
        .retain(|(key, changes)| !RETIRED_DOCUMENTS.contains(&key.as_str()) && !changes.is_empty());
    Some(entries)
}

/// Which set-aside copies to drop so that, with one more, at most [`MAX_SET_ASIDE`] are kept: the oldest. `kept`
/// are the keys of the copies kept now; their names sort oldest first (they end in the time they were made).
pub fn set_asides_to_drop(kept: &[String]) -> Vec<String> {
    let mut sorted = kept.to_vec();
    sorted.sort();
    let excess = (sorted.len() + 1).saturating_sub(MAX_SET_ASIDE);
    sorted.into_iter().take(excess).collect()
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
    /// Stored changes could not be read; a copy was kept aside and the document starts again from the seed.
    SetAside(Unreadable),
    /// Unreadable changes could not be copied aside (storage full or failing): they were left where they were, and
    /// the document shows without them for now.
    LeftInPlace(StorageError),
    /// The oldest set-aside copies were dropped to keep [`MAX_SET_ASIDE`].
    OldestSetAsideDropped,
    /// Another tab runs a newer version of the portal and stored data this one does not read: left untouched; this
    /// tab should be reloaded.
    UpdatedInAnotherTab,
    /// Storage cannot be read; changes cannot be kept.
    Unavailable(StorageError),
    /// A write was refused: the document was saved in another tab meanwhile. Its new version should be shown.
    ChangedElsewhere,
    /// The API answered that the session is over (HTTP mode): the user should sign in again.
    SessionOver,
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
    fn with_document_stores_only_what_changed() {
        let seed = json!({"account": {"name": "Asha", "country": "India"}, "optional": {"language": "en"}});
        let current = json!({"account": {"name": "Asha", "country": "India"}, "optional": {"language": "de", "time_zone": "Europe/Berlin"}});
        let changes = DocumentChanges::empty().with_document(&seed, &current);
        assert_eq!(
            changes.patch,
            Some(json!({"optional": {"language": "de", "time_zone": "Europe/Berlin"}}))
        );
        assert_eq!(changes.revision, 1);
        assert_eq!(changes.apply(None, seed.clone()), current);

        let back = changes.with_document(&seed, &seed);
        assert!(back.is_empty(), "returning to the seed leaves no patch");
        assert_eq!(back.revision, 2);
    }

    #[test]
    fn appended_entries_follow_the_seed_entries() {
        let changes = DocumentChanges::empty().with_entry(json!({"id": "new"}));
        let merged = changes.apply(Some("events"), json!({"events": [{"id": "seed"}]}));
        assert_eq!(merged, json!({"events": [{"id": "seed"}, {"id": "new"}]}));
        let merged = changes.apply(Some("events"), json!({}));
        assert_eq!(merged, json!({"events": [{"id": "new"}]}));
    }

    #[test]
    fn a_seed_change_outside_the_patch_shows_through() {
        let changes = DocumentChanges::empty()
            .with_document(&json!({"a": 1, "b": 1}), &json!({"a": 2, "b": 1}));
        assert_eq!(
            changes.apply(None, json!({"a": 1, "b": 5})),
            json!({"a": 2, "b": 5})
        );
    }

    #[test]
    fn stored_text_round_trips() {
        let changes = DocumentChanges::empty()
            .with_document(&json!({"a": 1}), &json!({"a": 2}))
            .with_entry(json!({"id": 1}));
        assert_eq!(
            DocumentChanges::parse(Some(&changes.to_text())),
            Ok(changes)
        );
    }

    #[test]
    fn unusable_stored_text_is_reported_by_kind() {
        assert_eq!(DocumentChanges::parse(None), Ok(DocumentChanges::empty()));
        for text in [
            "{not json",
            "[]",
            "{\"revision\": 1}",
            "{\"version\": 2, \"revision\": \"x\"}",
        ] {
            assert_eq!(
                DocumentChanges::parse(Some(text)),
                Err(Unreadable::Corrupted),
                "{text}"
            );
        }
        assert_eq!(
            DocumentChanges::parse(Some("{\"version\": 1, \"patches\": {}}")),
            Err(Unreadable::OlderVersion(1))
        );
        assert_eq!(
            DocumentChanges::parse(Some("{\"version\": 3, \"revision\": 9}")),
            Err(Unreadable::NewerVersion(3))
        );
    }

    #[test]
    fn an_earlier_whole_overlay_is_split_per_document_without_the_answer_hash() {
        let text = json!({
            "version": 1,
            "patches": {"sharing": {"a": 1}, "security-answer": {"salt": "00", "sha256": "ab"}},
            "appended": {"activity": [{"id": "x"}]}
        })
        .to_string();
        let entries = split_whole_overlay(&text).unwrap();
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["sharing", "activity"]);
        assert_eq!(entries[0].1.patch, Some(json!({"a": 1})));
        assert_eq!(entries[1].1.appended, vec![json!({"id": "x"})]);
        assert!(entries.iter().all(|(_, c)| c.revision == 1));
        assert_eq!(split_whole_overlay("{\"version\": 2}"), None);
        assert_eq!(
            split_whole_overlay("{\"version\": 1, \"patches\": 3}"),
            None
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

        /// A write is refused exactly when the document was saved since it was read; an append is never refused.
        #[test]
        fn a_write_based_on_an_old_revision_is_refused(stored in 0u64..50, read in 0u64..50) {
            prop_assert_eq!(check_write(stored, Some(read)).is_ok(), stored == read);
            prop_assert!(check_write(stored, None).is_ok());
        }

        /// Saving a document moves its revision on by one, so a second writer based on the old one is refused.
        #[test]
        fn every_save_moves_the_revision_on(seed in json_value(), a in json_value(), b in json_value(), saves in 0u64..5) {
            let mut changes = DocumentChanges::empty();
            for _ in 0..saves {
                changes = changes.with_document(&seed, &a);
            }
            let read = changes.revision;
            let first = changes.with_document(&seed, &a);
            prop_assert_eq!(first.revision, read + 1);
            prop_assert!(check_write(first.revision, Some(read)).is_err());
            let second = first.with_document(&seed, &b);
            prop_assert!(second.revision > first.revision);
        }

        /// Any stored text is either read as an entry (which stores and reads back the same) or reported; data of a
        /// newer version is always reported as such, so it is left alone.
        #[test]
        fn stored_entries_are_read_or_reported(version in 0u32..6, revision in 0u64..1000, patch in json_value()) {
            let text = serde_json::json!({"version": version, "revision": revision, "patch": patch}).to_string();
            match DocumentChanges::parse(Some(&text)) {
                Ok(changes) => {
                    prop_assert_eq!(version, FORMAT_VERSION);
                    prop_assert_eq!(DocumentChanges::parse(Some(&changes.to_text())), Ok(changes));
                }
                Err(Unreadable::NewerVersion(v)) => prop_assert!(v > FORMAT_VERSION && v == version),
                Err(Unreadable::OlderVersion(v)) => prop_assert!(v < FORMAT_VERSION && v == version),
                Err(Unreadable::Corrupted) => prop_assert_eq!(version, FORMAT_VERSION),
            }
        }

        /// Setting aside one more copy keeps at most MAX_SET_ASIDE, dropping only the oldest.
        #[test]
        fn set_aside_copies_are_bounded_and_the_oldest_go(stamps in prop::collection::btree_set(0u64..1_000_000, 0..8)) {
            let kept: Vec<String> = stamps.iter().rev().map(|t| format!("set-aside/asha/{t:013}")).collect();
            let dropped = set_asides_to_drop(&kept);
            prop_assert_eq!(dropped.len(), (kept.len() + 1).saturating_sub(MAX_SET_ASIDE));
            let remaining: Vec<&String> = kept.iter().filter(|k| !dropped.contains(k)).collect();
            for gone in &dropped {
                prop_assert!(remaining.iter().all(|k| *k > gone), "only the oldest are dropped");
            }
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
