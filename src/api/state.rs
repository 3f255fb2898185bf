//! The api layer's one piece of shared state, owned here: which backend and demo user this tab uses, which revision
//! of each stored document this tab has read, and the designer preview's conditions. Every other api module reads and changes it
//! through [`with`], one short borrow at a time (nothing calls back into the api while holding it).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::changes::StoreNotice;
use super::config::Config;
use super::endpoint::Endpoint;
#[cfg(preview)]
use crate::domain::simulation::Simulation;

/// A function told about problems with stored data.
pub(super) type Listener = Rc<dyn Fn(StoreNotice)>;

/// Everything the api layer remembers during a visit.
#[derive(Default)]
pub(super) struct ApiState {
    /// The runtime configuration (`None` until it is read).
    pub config: Option<Config>,
    /// In HTTP mode, the ETag of each document as last read or written: what its next write is based on.
    pub etags: HashMap<Endpoint, String>,
    /// The demo user chosen in this tab, which holds even when browser storage cannot.
    pub chosen_persona: Option<String>,
    /// Per storage entry, the revision this tab last read or wrote: what its next write of that document is based on.
    pub seen: HashMap<String, u64>,
    /// Demo users whose storage was checked for an earlier build's whole overlay this visit.
    pub checked_whole_overlay: HashSet<String>,
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
