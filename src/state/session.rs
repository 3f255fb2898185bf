//! The signed-in user's session: the backend's documents, shared by every page, and the one way to say that
//! data changed (a write, a reset, another demo user), after which every document in use is reloaded.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::api::demo::Persona;
use crate::api::{self};
use crate::domain::activity::ActivityLog;
use crate::domain::communications::CommunicationPreferences;
use crate::domain::cookies::CookieSettings;
use crate::domain::inventory::Inventory;
use crate::domain::marketing::MarketingSignals;
use crate::domain::nomination::Nomination;
use crate::domain::policy::{PolicyDocument, PolicyNotices};
use crate::domain::profile::Profile;
use crate::domain::requests::RequestLog;
use crate::domain::sharing::Sharing;
use crate::state::documents::{Load, SharedDocument};

/// Every document of the backend, loaded on first use.
#[derive(Clone, Copy)]
pub struct Session {
    pub profile: SharedDocument<Profile>,
    pub inventory: SharedDocument<Arc<Inventory>>,
    pub communications: SharedDocument<CommunicationPreferences>,
    pub cookies: SharedDocument<CookieSettings>,
    pub requests: SharedDocument<RequestLog>,
    pub activity: SharedDocument<Arc<ActivityLog>>,
    pub sharing: SharedDocument<Arc<Sharing>>,
    pub policy: SharedDocument<Arc<PolicyDocument>>,
    pub notices: SharedDocument<PolicyNotices>,
    /// The person named to act for the user.
    pub nominee: SharedDocument<Nomination>,
    /// The mock backend's demo users.
    pub personas: SharedDocument<Vec<Persona>>,
}

impl Session {
    /// Tells every reader that data changed: each document in use is fetched again.
    pub fn data_changed(&self) {
        self.profile.refresh_if_used();
        self.inventory.refresh_if_used();
        self.communications.refresh_if_used();
        self.cookies.refresh_if_used();
        self.requests.refresh_if_used();
        self.activity.refresh_if_used();
        self.sharing.refresh_if_used();
        self.policy.refresh_if_used();
        self.notices.refresh_if_used();
        self.nominee.refresh_if_used();
    }

    /// What stops marketing now; `None` while the requests or the policy are not loaded, or could not be: the pages
    /// then show the saved choices alone, and follow once they are.
    pub fn marketing(&self) -> Option<MarketingSignals> {
        match (self.requests.get(), self.policy.get()) {
            (Some(Ok(log)), Some(Ok(policy))) => Some(api::marketing_signals(&log, &policy)),
            _ => None,
        }
    }

    /// The day the standing objection to marketing was filed; `None` without one, or while the requests are not
    /// loaded (the cookie banner and settings then show the choice alone, and follow once they are).
    pub fn marketing_objected_on(&self) -> Option<NaiveDate> {
        self.requests.get().and_then(Result::ok).and_then(|log| {
            log.marketing_objection()
                .map(|r| r.received_at.date_naive())
        })
    }
}

/// The load of a document that pages only read: held behind an `Arc`, so a read hands out the same copy instead of
/// cloning the whole document (the activity log of the demo user `longtime` has 10,000 entries).
fn shared<T, F>(future: F) -> Load<Arc<T>>
where
    T: 'static,
    F: std::future::Future<Output = Result<T, api::ApiError>> + 'static,
{
    Box::pin(async move { future.await.map(Arc::new) })
}

fn boxed<T, F>(future: F) -> Load<T>
where
    F: std::future::Future<Output = Result<T, api::ApiError>> + 'static,
{
    Box::pin(future)
}

/// Creates the session; call once, in the app root.
pub fn provide_session() -> Session {
    let session = Session {
        profile: SharedDocument::new(|| boxed(api::profile())),
        inventory: SharedDocument::new(|| shared(api::inventory())),
        communications: SharedDocument::new(|| boxed(api::communications())),
        cookies: SharedDocument::new(|| boxed(api::cookies())),
        requests: SharedDocument::new(|| boxed(api::requests())),
        activity: SharedDocument::new(|| shared(api::activity())),
        sharing: SharedDocument::new(|| shared(api::sharing())),
        policy: SharedDocument::new(|| shared(api::policy())),
        notices: SharedDocument::new(|| boxed(api::notices())),
        nominee: SharedDocument::new(|| boxed(api::nominee())),
        personas: SharedDocument::new(|| boxed(api::personas())),
    };
    provide_context(session);
    session
}

/// The session provided by the app root.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
