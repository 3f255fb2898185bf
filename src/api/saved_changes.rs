//! The mock backend's store: loads the overlay from browser storage (or memory when storage fails), and saves it.

use std::rc::Rc;

use super::changes::{Overlay, StoreNotice};
use super::demo;
use super::error::StorageError;
use super::local_storage;
use super::state::{self, Listener};

fn remember(key: &str, overlay: &Overlay) {
    state::with(|s| s.remembered.insert(key.to_string(), overlay.clone()));
}

fn remembered(key: &str) -> Overlay {
    state::with(|s| s.remembered.get(key).cloned().unwrap_or_default())
}

fn note(notice: StoreNotice) {
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

/// The overlay as it stands now. Reads storage each time, so changes made in another tab are seen; when this
/// visit holds changes storage refused, those are the truth until they can be stored.
pub fn load() -> Overlay {
    let persona = demo::current_persona();
    let key = local_storage::overlay_key(&persona);
    if state::with(|s| s.not_stored.contains(&key)) {
        return remembered(&key);
    }
    match local_storage::read(&key) {
        Ok(text) => {
            let (overlay, problem) = Overlay::parse(text.as_deref());
            if let (Some(problem), Some(text)) = (problem, text) {
                // Keep the unreadable data for inspection instead of destroying it.
                let _kept = local_storage::write(&local_storage::set_aside_key(&persona), &text);
                let _removed = local_storage::remove(&key);
                note(StoreNotice::SetAside(problem));
            }
            remember(&key, &overlay);
            overlay
        }
        Err(error) => {
            note(StoreNotice::Unavailable(error));
            remembered(&key)
        }
    }
}

/// Saves `overlay`, like a server committing a write. When browser storage (the mock backend's "disk") refuses
/// it, the change still holds for this visit, the user is told that it will not outlast it, and the next save
/// that storage accepts stores everything kept meanwhile.
pub fn save(overlay: &Overlay) -> Result<(), StorageError> {
    let text =
        serde_json::to_string(overlay).map_err(|error| StorageError::Failed(error.to_string()))?;
    let key = local_storage::overlay_key(&demo::current_persona());
    let stored = if overlay.is_empty() {
        local_storage::remove(&key)
    } else {
        local_storage::write(&key, &text)
    };
    remember(&key, overlay);
    match stored {
        Ok(()) => {
            state::with(|s| s.not_stored.remove(&key));
        }
        Err(error) => {
            state::with(|s| s.not_stored.insert(key));
            note(StoreNotice::NotStored(error));
        }
    }
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
