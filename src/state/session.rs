//! The signed-in user and the data revision: every read tracks the revision, every write bumps it,
//! so a change made on one page shows on every other without a reload.

use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::domain::profile::Profile;

/// The signed-in user's session.
#[derive(Clone, Copy)]
pub struct Session {
    revision: RwSignal<u64>,
    /// The user's profile, shared by the header and the pages.
    pub profile: LocalResource<Result<Profile, ApiError>>,
}

impl Session {
    /// Subscribes the calling resource to data changes.
    pub fn track(&self) {
        self.revision.track();
    }

    /// A resource that reads the backend with `fetch`, again whenever data changes.
    pub fn read<T, Fut>(&self, fetch: impl Fn() -> Fut + 'static) -> LocalResource<T>
    where
        T: 'static,
        Fut: std::future::Future<Output = T> + 'static,
    {
        let revision = self.revision;
        LocalResource::new(move || {
            revision.track();
            fetch()
        })
    }

    /// Tells every reader that data changed.
    pub fn data_changed(&self) {
        self.revision.update(|n| *n += 1);
    }
}

/// Creates the session; call once, in the app root.
pub fn provide_session() -> Session {
    let revision = RwSignal::new(0);
    let profile = LocalResource::new(move || {
        revision.track();
        api::profile()
    });
    let session = Session { revision, profile };
    provide_context(session);
    session
}

/// The session provided by the app root.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
