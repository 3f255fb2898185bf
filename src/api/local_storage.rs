//! Browser storage (localStorage) for the overlay. Every call returns a typed error instead of throwing.

use wasm_bindgen::{JsCast, JsValue};

use super::error::StorageError;

/// Which demo user is shown (mock backend only).
pub const PERSONA_KEY: &str = "icanopus-privacy-portal/persona";

/// Where the overlay of the demo user `persona` lives: each demo user keeps their own changes.
pub fn overlay_key(persona: &str) -> String {
    format!("icanopus-privacy-portal/overlay/{persona}")
}

/// Where unreadable overlay data is moved, so that nothing saved is silently destroyed.
pub fn set_aside_key(persona: &str) -> String {
    format!("icanopus-privacy-portal/overlay-set-aside/{persona}")
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
