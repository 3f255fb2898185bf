//! The designer preview's simulated conditions, applied to the mock backend (Cargo feature `preview` only: none of
//! this is in the release bundle). Reads can be slowed down or made to fail once; the browser's privacy signals
//! can be pretended; the first-visit cookie banner can be shown again. See `domain::simulation` for the URL form.

use crate::domain::simulation::{FailMode, Simulation};

use super::endpoint::Endpoint;
use super::error::ApiError;
use super::state;
use crate::dom::{self, PrivacySignals};

/// The conditions now in force.
pub fn current() -> Simulation {
    state::with(|s| s.simulation.clone())
}

/// Puts `simulation` in force; a failure it names is armed again.
pub fn set(simulation: Simulation) {
    state::with(|s| {
        s.failure_armed = simulation.fail.is_some();
        s.simulation = simulation;
    });
}

/// Whether the simulated failure has not happened yet.
pub fn failure_pending() -> bool {
    state::with(|s| s.failure_armed)
}

/// The query of the page's address, as `get(name)`.
fn location_query() -> impl Fn(&str) -> Option<String> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    move |name| params.as_ref().and_then(|p| p.get(name))
}

/// Applies the conditions a shared link names (call before anything is read). The first-visit banner a link asks
/// for is shown by the panel once data can be reloaded ([`show_banner_again`]). A link that names no condition
/// leaves the current ones alone.
pub fn apply_location() {
    let get = location_query();
    if !Simulation::is_named_in(&get) {
        return;
    }
    let simulation = Simulation::from_query(&get);
    if let Some(persona) = &simulation.persona {
        if *persona != super::demo::current_persona() {
            // Shown for this visit even if storage refuses it.
            let _kept = super::demo::switch_persona(persona);
        }
    }
    set(simulation);
}

/// Slows a read down and makes it fail when the conditions say so; `None` lets the real read go ahead.
pub(super) async fn intercept(endpoint: Endpoint) -> Option<Result<String, ApiError>> {
    let simulation = current();
    if simulation.latency_ms > 0 {
        dom::pause(std::time::Duration::from_millis(
            simulation.latency_ms.into(),
        ))
        .await;
    }
    if !(failure_pending() && simulation.fails(endpoint.key())) {
        return None;
    }
    state::with(|s| s.failure_armed = false);
    Some(match simulation.mode {
        FailMode::ServerError => Err(ApiError::Status {
            endpoint,
            status: 500,
        }),
        // What a misconfigured server or proxy sends: an HTML page where JSON was expected.
        FailMode::Malformed => Ok("<!doctype html><title>Bad gateway</title>".to_string()),
        FailMode::Offline => Err(ApiError::Network { endpoint }),
    })
}

/// The privacy signals to report: the browser's, or what the preview pretends.
pub(super) fn signals(real: PrivacySignals) -> PrivacySignals {
    let simulation = current();
    PrivacySignals {
        gpc: real.gpc || simulation.gpc,
        dnt: real.dnt || simulation.dnt,
    }
}
