//! The mock backend's demo users ("personas"): which one is shown, kept in browser storage, and the list of them.
//! A real backend has no such thing; the portal hides the control when it talks to one.

use super::endpoint::Endpoint;
use super::error::ApiError;
use super::local_storage;
use super::state;

/// The demo user shown until another is chosen.
pub const DEFAULT_PERSONA: &str = "asha";

/// A demo user of the mock backend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Persona {
    pub id: String,
    pub name: String,
    /// One line on what makes this user's data interesting.
    pub summary: String,
}

crate::from_json_struct!(Persona { id, name, summary });

pub(super) struct PersonaList {
    pub(super) personas: Vec<Persona>,
}

crate::from_json_struct!(PersonaList { personas });

/// A persona id is a short slug; anything else in storage is ignored.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The demo user whose data is shown.
pub fn current_persona() -> String {
    state::with(|s| s.chosen_persona.clone())
        .or_else(|| {
            local_storage::read(local_storage::PERSONA_KEY)
                .ok()
                .flatten()
        })
        .filter(|id| is_valid_id(id))
        .unwrap_or_else(|| DEFAULT_PERSONA.to_string())
}

/// Shows another demo user's data from now on; each demo user keeps their own changes. The choice holds for this
/// visit even if it cannot be stored, in which case the error says so.
pub fn switch_persona(id: &str) -> Result<(), ApiError> {
    if !is_valid_id(id) {
        return Err(ApiError::Malformed {
            endpoint: Endpoint::Personas,
            detail: format!("not a demo user: {id}"),
        });
    }
    state::with(|s| s.chosen_persona = Some(id.to_string()));
    local_storage::write(local_storage::PERSONA_KEY, id).map_err(ApiError::Storage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persona_ids_are_slugs() {
        assert!(is_valid_id("asha"));
        assert!(is_valid_id("long-time2"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("../policy"));
        assert!(!is_valid_id("Asha"));
    }

    #[test]
    fn the_seed_lists_every_persona_folder() {
        let list: PersonaList =
            crate::domain::json::decode(include_str!("../../public/api/personas.json")).unwrap();
        let ids: Vec<_> = list.personas.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["asha", "new", "longtime"]);
        assert_eq!(ids[0], DEFAULT_PERSONA);
    }
}
