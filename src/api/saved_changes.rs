//! The mock backend's store: loads the overlay from browser storage (or memory when storage fails), and saves it.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::changes::{Overlay, Unreadable};
use super::demo;
use super::error::StorageError;
use super::local_storage;

/// A function told about problems with stored data.
type Listener = Rc<dyn Fn(StoreNotice)>;

thread_local! {
    /// The last overlay known per storage key, so the visit keeps working when storage cannot be read or written.
    static MEMORY: RefCell<HashMap<String, Overlay>> = RefCell::new(HashMap::new());
    /// Keys whose overlay in memory holds changes storage refused: memory is the truth for them this visit.
    static NOT_STORED: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    /// Who is told about problems with stored data (the app shell's notices).
    static LISTENER: RefCell<Option<Listener>> = RefCell::new(None);
    /// Problems met before anyone listened.
    static PENDING: RefCell<Vec<StoreNotice>> = const { RefCell::new(Vec::new()) };
    /// Storage being unreadable is told once per visit, not on every read.
    static UNAVAILABLE_TOLD: Cell<bool> = const { Cell::new(false) };
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

fn remember(key: &str, overlay: &Overlay) {
    MEMORY.with(|memory| memory.borrow_mut().insert(key.to_string(), overlay.clone()));
}

fn remembered(key: &str) -> Overlay {
    MEMORY.with(|memory| memory.borrow().get(key).cloned().unwrap_or_default())
}

fn note(notice: StoreNotice) {
    if matches!(notice, StoreNotice::Unavailable(_)) && UNAVAILABLE_TOLD.replace(true) {
        return;
    }
    match LISTENER.with(|listener| listener.borrow().clone()) {
        Some(listener) => listener(notice),
        None => PENDING.with(|pending| pending.borrow_mut().push(notice)),
    }
}

/// The overlay as it stands now. Reads storage each time, so changes made in another tab are seen; when this
/// visit holds changes storage refused, those are the truth until they can be stored.
pub fn load() -> Overlay {
    let persona = demo::current_persona();
    let key = local_storage::overlay_key(&persona);
    if NOT_STORED.with(|keys| keys.borrow().contains(&key)) {
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
            NOT_STORED.with(|keys| keys.borrow_mut().remove(&key));
        }
        Err(error) => {
            NOT_STORED.with(|keys| keys.borrow_mut().insert(key));
            note(StoreNotice::NotStored(error));
        }
    }
    Ok(())
}

/// Registers who is told about problems with stored data, and tells them about any already met.
pub fn on_notice(listener: impl Fn(StoreNotice) + 'static) {
    let listener: Listener = Rc::new(listener);
    LISTENER.with(|slot| *slot.borrow_mut() = Some(listener.clone()));
    for notice in PENDING.with(|pending| std::mem::take(&mut *pending.borrow_mut())) {
        listener(notice);
    }
}
