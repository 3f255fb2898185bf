//! The backend's resources. Each is a JSON document at `{base}/{file}`; the path is spelled only here.

/// A resource of the (mock) backend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Endpoint {
    Profile,
    Inventory,
    Communications,
    Cookies,
    Requests,
    Activity,
    Sharing,
    Policy,
    /// Notices sent to the user (policy changes, a change of ownership), with their read state.
    Notices,
    /// The person the user named to act for them (nomination).
    Nominee,
    /// The mock backend's demo users (not part of a real backend's contract).
    Personas,
}

impl Endpoint {
    /// Every endpoint, for tests and the contract documentation.
    pub const ALL: [Endpoint; 11] = [
        Endpoint::Profile,
        Endpoint::Inventory,
        Endpoint::Communications,
        Endpoint::Cookies,
        Endpoint::Requests,
        Endpoint::Activity,
        Endpoint::Sharing,
        Endpoint::Policy,
        Endpoint::Notices,
        Endpoint::Nominee,
        Endpoint::Personas,
    ];

    /// Whether the document is about the signed-in user (rather than the company, like the policy).
    pub const fn is_about_the_user(self) -> bool {
        !matches!(self, Endpoint::Policy | Endpoint::Personas)
    }

    /// The document's file name under the API base URL.
    pub const fn file(self) -> &'static str {
        match self {
            Endpoint::Profile => "profile.json",
            Endpoint::Inventory => "inventory.json",
            Endpoint::Communications => "communications.json",
            Endpoint::Cookies => "cookies.json",
            Endpoint::Requests => "requests.json",
            Endpoint::Activity => "activity.json",
            Endpoint::Sharing => "sharing.json",
            Endpoint::Policy => "policy.json",
            Endpoint::Notices => "notices.json",
            Endpoint::Nominee => "nominee.json",
            Endpoint::Personas => "personas.json",
        }
    }

    /// The key of this document's changes in the browser-storage overlay.
    pub const fn key(self) -> &'static str {
        match self {
            Endpoint::Profile => "profile",
            Endpoint::Inventory => "inventory",
            Endpoint::Communications => "communications",
            Endpoint::Cookies => "cookies",
            Endpoint::Requests => "requests",
            Endpoint::Activity => "activity",
            Endpoint::Sharing => "sharing",
            Endpoint::Policy => "policy",
            Endpoint::Notices => "notices",
            Endpoint::Nominee => "nominee",
            Endpoint::Personas => "personas",
        }
    }

    /// The array that new entries are appended to, for append-only documents.
    pub const fn append_field(self) -> Option<&'static str> {
        match self {
            Endpoint::Activity => Some("events"),
            _ => None,
        }
    }
}
