//! The mock backend's store: each document's changes in their own browser-storage entry, read afresh every time (so
//! another tab's saves are seen) and written only after checking nobody saved the document since it was read.
//! Nothing is kept in memory in place of storage: a write storage refuses is reported, never shown as saved.

use std::rc::Rc;

use serde_json::Value;

use super::changes::{
    check_write, set_asides_to_drop, split_whole_overlay, DocumentChanges, StoreNotice, Unreadable,
};
use super::demo;
use super::error::{ApiError, StorageError};
use super::local_storage;
use super::state::{self, Listener};

pub(super) fn note(notice: StoreNotice) {
    if matches!(notice, StoreNotice::Unavailable(_))
        && state::with(|s| std::mem::replace(&mut s.unavailable_told, true))
    {
        return;
    }
    // The listener runs after the state is let go: it may read the api again.
    match state::with(|s| s.listener.clone()) {
        Some(listener) => listener(notice),
        None => state::with(|s| s.pending.push(notice)),
    }
}

fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}

/// Keeps a copy of unreadable `text` found at `key`, then removes the original; never the other way round. At
/// most `MAX_SET_ASIDE` copies are kept: the oldest go, once the new copy is stored. True when it was set aside.
fn set_aside(persona: &str, key: &str, what: &str, text: &str, why: Unreadable) -> bool {
    let kept = local_storage::keys_starting_with(&local_storage::set_aside_prefix(persona))
        .unwrap_or_default();
    let copy = local_storage::set_aside_key(persona, now_millis(), what);
    if let Err(error) = local_storage::write(&copy, text) {
        note(StoreNotice::LeftInPlace(error));
        return false;
    }
    let dropped = set_asides_to_drop(&kept);
    for old in &dropped {
        let _removed = local_storage::remove(old);
    }
    if !dropped.is_empty() {
        note(StoreNotice::OldestSetAsideDropped);
    }
    let _removed = local_storage::remove(key);
    note(StoreNotice::SetAside(why));
    true
}

/// Splits an earlier build's whole overlay into per-document entries, once: each entry is stored before the old
/// overlay is removed. Other data at the old key is set aside, or left alone if a newer build wrote it.
fn split_earlier_overlay(persona: &str) {
    if state::with(|s| !s.checked_whole_overlay.insert(persona.to_string())) {
        return;
    }
    let key = local_storage::whole_overlay_key(persona);
    let Ok(Some(text)) = local_storage::read(&key) else {
        return;
    };
    let Some(entries) = split_whole_overlay(&text) else {
        match serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|v| v.get("version").and_then(Value::as_u64))
        {
            Some(0) => {
                set_aside(persona, &key, "overlay", &text, Unreadable::OlderVersion(0));
            }
            Some(_) => note(StoreNotice::UpdatedInAnotherTab),
            None => {
                set_aside(persona, &key, "overlay", &text, Unreadable::Corrupted);
            }
        }
        return;
    };
    for (document, changes) in entries {
        let entry = local_storage::document_key(persona, &document);
        if matches!(local_storage::read(&entry), Ok(None)) {
            if let Err(error) = local_storage::write(&entry, &changes.to_text()) {
                note(StoreNotice::LeftInPlace(error));
                return;
            }
        }
    }
    let _removed = local_storage::remove(&key);
}

/// What storage holds for one document, as far as this build can use it.
enum Stored {
    Usable(DocumentChanges),
    /// Written by a newer build: not to be read or overwritten here.
    Newer,
    /// Unreadable and still in place (it could not be copied aside).
    Stuck(StorageError),
}

fn stored(persona: &str, document: &str) -> Result<Stored, StorageError> {
    split_earlier_overlay(persona);
    let key = local_storage::document_key(persona, document);
    let text = local_storage::read(&key)?;
    match DocumentChanges::parse(text.as_deref()) {
        Ok(changes) => Ok(Stored::Usable(changes)),
        Err(Unreadable::NewerVersion(_)) => {
            note(StoreNotice::UpdatedInAnotherTab);
            Ok(Stored::Newer)
        }
        Err(why) => {
            let text = text.unwrap_or_default();
            if set_aside(persona, &key, document, &text, why) {
                Ok(Stored::Usable(DocumentChanges::empty()))
            } else {
                Ok(Stored::Stuck(StorageError::Failed(
                    "unreadable saved data could not be set aside".to_string(),
                )))
            }
        }
    }
}

/// The changes to `document` as stored now, remembering which revision this tab has read (what its next write of
/// the document is based on). Unusable data shows as no changes, and the user is told why.
pub fn read(document: &str) -> DocumentChanges {
    let persona = demo::current_persona();
    match stored(&persona, document) {
        Ok(Stored::Usable(changes)) => {
            let key = local_storage::document_key(&persona, document);
            state::with(|s| s.seen.insert(key, changes.revision));
            changes
        }
        Ok(Stored::Newer | Stored::Stuck(_)) => DocumentChanges::empty(),
        Err(error) => {
            note(StoreNotice::Unavailable(error));
            DocumentChanges::empty()
        }
    }
}

/// The revision of `document` this tab last read or wrote (`None` before it read it).
pub fn seen(document: &str) -> Option<u64> {
    let key = local_storage::document_key(&demo::current_persona(), document);
    state::with(|s| s.seen.get(&key).copied())
}

/// Tells that `document`'s changes no longer fit its seed: they are set aside, and the document shows without them.
pub fn set_aside_unfitting(document: &str) {
    let persona = demo::current_persona();
    let key = local_storage::document_key(&persona, document);
    if let Ok(Some(text)) = local_storage::read(&key) {
        set_aside(&persona, &key, document, &text, Unreadable::Corrupted);
    }
}

/// One document's part in a commit.
pub enum Change<'a> {
    /// The document now reads `current`; its seed is `seed`. Refused if another tab saved the document since this
    /// tab read it.
    Document { seed: &'a Value, current: &'a Value },
    /// An entry appended to an append-only document (never refused: appends do not overwrite).
    Append(Value),
}

/// Stores changes to several documents, like a server committing one write: all of them or none. A write based
/// on an old revision is refused with [`ApiError::Conflict`]; a write storage refuses, with
/// [`ApiError::Storage`]. Only once storage has taken every entry does the commit count as saved.
pub fn commit(changes: Vec<(&str, Change<'_>)>) -> Result<(), ApiError> {
    let persona = demo::current_persona();
    let mut next = Vec::new();
    for (document, change) in changes {
        let key = local_storage::document_key(&persona, document);
        let current = match stored(&persona, document).map_err(ApiError::Storage)? {
            Stored::Usable(current) => current,
            Stored::Newer => {
                return Err(ApiError::Storage(StorageError::UpdatedInAnotherTab));
            }
            Stored::Stuck(error) => return Err(ApiError::Storage(error)),
        };
        let updated = match change {
            Change::Document { seed, current: now } => {
                let based_on = state::with(|s| s.seen.get(&key).copied());
                if check_write(current.revision, based_on).is_err() {
                    note(StoreNotice::ChangedElsewhere);
                    return Err(ApiError::Conflict);
                }
                current.with_document(seed, now)
            }
            Change::Append(entry) => current.with_entry(entry),
        };
        next.push((key, current, updated));
    }
    for (i, (key, _, updated)) in next.iter().enumerate() {
        let written = if updated.is_empty() {
            local_storage::remove(key)
        } else {
            local_storage::write(key, &updated.to_text())
        };
        if let Err(error) = written {
            // Put back what this commit already wrote, so a half-done write leaves nothing behind.
            for (key, before, _) in &next[..i] {
                let _restored = if before.is_empty() {
                    local_storage::remove(key)
                } else {
                    local_storage::write(key, &before.to_text())
                };
            }
            return Err(ApiError::Storage(error));
        }
    }
    state::with(|s| {
        for (key, _, updated) in &next {
            s.seen.insert(key.clone(), updated.revision);
        }
    });
    Ok(())
}

/// Removes every document's changes of the current demo user (their set-aside copies stay).
pub fn clear_documents() -> Result<(), ApiError> {
    let persona = demo::current_persona();
    let prefix = local_storage::document_key(&persona, "");
    for key in local_storage::keys_starting_with(&prefix).map_err(ApiError::Storage)? {
        local_storage::remove(&key).map_err(ApiError::Storage)?;
    }
    state::with(|s| s.seen.clear());
    Ok(())
}

/// Every key the portal has written in this browser.
pub fn portal_keys() -> Result<Vec<String>, StorageError> {
    local_storage::keys_starting_with(local_storage::PREFIX)
}

/// Removes every key the portal has written in this browser, and forgets what this tab remembered of them.
pub fn remove_portal_keys() -> Result<(), StorageError> {
    for key in portal_keys()? {
        local_storage::remove(&key)?;
    }
    state::with(|s| {
        s.seen.clear();
        s.chosen_persona = None;
    });
    Ok(())
}

/// Registers who is told about problems with stored data, and tells them about any already met.
pub fn on_notice(listener: impl Fn(StoreNotice) + 'static) {
    let listener: Listener = Rc::new(listener);
    let pending = state::with(|s| {
        s.listener = Some(listener.clone());
        std::mem::take(&mut s.pending)
    });
    for notice in pending {
        listener(notice);
    }
}
