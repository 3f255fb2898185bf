//! Browser storage (localStorage): where the portal keeps what it keeps, and the calls to it. Every call returns a
//! typed error instead of throwing.

use wasm_bindgen::{JsCast, JsValue};

use super::error::StorageError;

/// What every key the portal writes in this browser starts with.
pub const PREFIX: &str = "icanopus-privacy-portal/";

/// Which demo user is shown (mock backend only).
pub const PERSONA_KEY: &str = "icanopus-privacy-portal/persona";

/// Where the changes to `document` of the demo user `persona` live: one entry per document, so two tabs saving
/// different documents never write the same entry.
pub fn document_key(persona: &str, document: &str) -> String {
    format!("{PREFIX}changes/{persona}/{document}")
}

/// Where earlier builds kept all of a demo user's changes in one overlay (read once, then split per document).
pub fn whole_overlay_key(persona: &str) -> String {
    format!("{PREFIX}overlay/{persona}")
}

/// What the keys of the demo user `persona`'s set-aside copies start with.
pub fn set_aside_prefix(persona: &str) -> String {
    format!("{PREFIX}set-aside/{persona}/")
}

/// Where unreadable data of `persona` found at `millis` (since the epoch) in `what` is kept, so nothing stored is
/// silently destroyed. The time comes first and zero-padded, so the names sort oldest first.
pub fn set_aside_key(persona: &str, millis: i64, what: &str) -> String {
    format!("{}{millis:013}-{what}", set_aside_prefix(persona))
}

/// What the portal keeps in this browser, read from the names of its entries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeptSummary {
    /// Per demo user, the documents with saved changes (`export-files` holds the files of exports).
    pub changes: Vec<(String, Vec<String>)>,
    /// Copies of unreadable data kept aside.
    pub set_aside: usize,
    /// Changes in an earlier build's format, not yet split per document.
    pub earlier_format: usize,
    /// Whether the chosen demo user is kept.
    pub demo_user: bool,
    /// Whether the chosen language is kept.
    pub language: bool,
    /// Entries of any other kind (from other versions of the portal).
    pub other: usize,
}

impl KeptSummary {
    /// Sorts the portal's `keys` by what they hold.
    pub fn of(keys: &[String]) -> KeptSummary {
        let mut summary = KeptSummary::default();
        for key in keys {
            let Some(name) = key.strip_prefix(PREFIX) else {
                continue;
            };
            let parts: Vec<&str> = name.split('/').collect();
            match parts.as_slice() {
                ["changes", persona, document] => {
                    match summary.changes.iter_mut().find(|(p, _)| p == persona) {
                        Some((_, documents)) => documents.push(document.to_string()),
                        None => summary
                            .changes
                            .push((persona.to_string(), vec![document.to_string()])),
                    }
                }
                ["set-aside", _, _] => summary.set_aside += 1,
                ["overlay", _] => summary.earlier_format += 1,
                ["persona"] => summary.demo_user = true,
                ["language"] => summary.language = true,
                _ => summary.other += 1,
            }
        }
        summary
    }

    /// True when the portal keeps nothing in this browser.
    pub fn is_empty(&self) -> bool {
        *self == KeptSummary::default()
    }
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) | Err(_) => Err(StorageError::Unavailable),
    }
}

fn describe(error: JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == 22 => {
            StorageError::QuotaExceeded
        }
        Some(e) if e.name() == "SecurityError" => StorageError::Unavailable,
        Some(e) => StorageError::Failed(e.message()),
        None => StorageError::Failed(
            error
                .as_string()
                .unwrap_or_else(|| "unknown error".to_string()),
        ),
    }
}

/// Reads a stored value.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(key).map_err(describe)
}

/// Stores a value.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(describe)
}

/// Removes a value.
pub fn remove(key: &str) -> Result<(), StorageError> {
    storage()?.remove_item(key).map_err(describe)
}

/// Every stored key that starts with `prefix`, sorted.
pub fn keys_starting_with(prefix: &str) -> Result<Vec<String>, StorageError> {
    let storage = storage()?;
    let count = storage.length().map_err(describe)?;
    let mut keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect();
    keys.sort();
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_the_portal_writes_is_described() {
        let keys: Vec<String> = [
            document_key("asha", "profile"),
            document_key("asha", "activity"),
            document_key("new", "export-files"),
            set_aside_key("asha", 1_700_000_000_000, "sharing"),
            whole_overlay_key("longtime"),
            PERSONA_KEY.to_string(),
            format!("{PREFIX}language"),
            format!("{PREFIX}something-else"),
        ]
        .into();
        let summary = KeptSummary::of(&keys);
        assert_eq!(
            summary.changes,
            [
                (
                    "asha".to_string(),
                    vec!["profile".to_string(), "activity".to_string()]
                ),
                ("new".to_string(), vec!["export-files".to_string()]),
            ]
        );
        assert_eq!(summary.set_aside, 1);
        assert_eq!(summary.earlier_format, 1);
        assert!(summary.demo_user && summary.language);
        assert_eq!(summary.other, 1);
        assert!(KeptSummary::of(&[]).is_empty());
    }
}
