//! The mock backend's store: loads the overlay from browser storage (or memory when storage fails), and saves it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::demo;
use super::error::StorageError;
use super::overlay::{Overlay, Unreadable};
use super::storage;

/// A function told about problems with stored data.
type Listener = Rc<dyn Fn(StoreNotice)>;

thread_local! {
    /// The last overlay known, so reads keep working for this visit when storage cannot be read.
    static MEMORY: RefCell<Overlay> = RefCell::new(Overlay::default());
    /// Who is told about problems with stored data (the app shell's notices).
    static LISTENER: RefCell<Option<Listener>> = RefCell::new(None);
    /// Problems met before anyone listened.
    static PENDING: RefCell<Vec<StoreNotice>> = const { RefCell::new(Vec::new()) };
    /// Storage being unavailable is told once per visit, not on every read.
    static UNAVAILABLE_TOLD: Cell<bool> = const { Cell::new(false) };
}

/// Something the user should know about their saved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreNotice {
    /// Stored changes could not be read; they were moved aside and the demo data starts from the seed.
    SetAside(Unreadable),
    /// Storage cannot be used; changes last for this visit only.
    Unavailable(StorageError),
}

fn remember(overlay: &Overlay) {
    MEMORY.with(|memory| *memory.borrow_mut() = overlay.clone());
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

/// The overlay as it stands now. Reads storage each time, so changes made in another tab are seen.
pub fn load() -> Overlay {
    let persona = demo::current_persona();
    match storage::read(&storage::overlay_key(&persona)) {
        Ok(text) => {
            let (overlay, problem) = Overlay::parse(text.as_deref());
            if let (Some(problem), Some(text)) = (problem, text) {
                // Keep the unreadable data for inspection instead of destroying it.
                let _kept = storage::write(&storage::set_aside_key(&persona), &text);
                let _removed = storage::remove(&storage::overlay_key(&persona));
                note(StoreNotice::SetAside(problem));
            }
            remember(&overlay);
            overlay
        }
        Err(error) => {
            note(StoreNotice::Unavailable(error));
            MEMORY.with(|memory| memory.borrow().clone())
        }
    }
}

/// Saves `overlay`, like a server committing a write: either it is stored, or nothing changes and the error says
/// why (the mock backend's "disk" is browser storage).
pub fn save(overlay: &Overlay) -> Result<(), StorageError> {
    let text =
        serde_json::to_string(overlay).map_err(|error| StorageError::Failed(error.to_string()))?;
    let key = storage::overlay_key(&demo::current_persona());
    if overlay.is_empty() {
        storage::remove(&key)?;
    } else {
        storage::write(&key, &text)?;
    }
    remember(overlay);
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
