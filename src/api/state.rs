//! The api layer's one piece of shared state, owned here: which backend and demo user this tab uses, the mock's
//! changes kept in memory, and the designer preview's conditions. Every other api module reads and changes it
//! through [`with`], one short borrow at a time (nothing calls back into the api while holding it).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::changes::{Overlay, StoreNotice};
#[cfg(preview)]
use crate::domain::simulation::Simulation;

/// A function told about problems with stored data.
pub(super) type Listener = Rc<dyn Fn(StoreNotice)>;

/// Everything the api layer remembers during a visit.
#[derive(Default)]
pub(super) struct ApiState {
    /// A real server's base URL; `None` while the mock backend is in use.
    pub server_base_url: Option<String>,
    /// The demo user chosen in this tab, which holds even when browser storage cannot.
    pub chosen_persona: Option<String>,
    /// The last overlay known per storage key, so the visit keeps working when storage cannot be read or written.
    pub remembered: HashMap<String, Overlay>,
    /// Keys whose overlay in memory holds changes storage refused: memory is the truth for them this visit.
    pub not_stored: HashSet<String>,
    /// Who is told about problems with stored data (the app shell's notices).
    pub listener: Option<Listener>,
    /// Problems met before anyone listened.
    pub pending: Vec<StoreNotice>,
    /// Storage being unreadable is told once per visit, not on every read.
    pub unavailable_told: bool,
    /// The designer preview's simulated conditions.
    #[cfg(preview)]
    pub simulation: Simulation,
    /// Whether the simulated failure is still to happen (it happens once, so "Try again" then works).
    #[cfg(preview)]
    pub failure_armed: bool,
}

thread_local! {
    static STATE: RefCell<ApiState> = RefCell::new(ApiState::default());
}

/// Runs `change` with the api layer's state.
pub(super) fn with<R>(change: impl FnOnce(&mut ApiState) -> R) -> R {
    STATE.with(|state| change(&mut state.borrow_mut()))
}
