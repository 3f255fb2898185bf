//! Who receives the user's information: reselling partners, marketplace app developers and service providers.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::marketing::MarketingStop;
use super::product::Product;

/// An authorised reselling partner in the user's region.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResellingPartner {
    pub id: String,
    pub name: String,
    pub region: String,
    pub shared: Vec<String>,
    pub shared_at: DateTime<Utc>,
    /// False once the user has chosen to stop working with this partner.
    pub active: bool,
    /// When the user stopped working with this partner, while they have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<DateTime<Utc>>,
}

crate::from_json_struct!(ResellingPartner {
    id,
    name,
    region,
    shared,
    shared_at,
    active,
    stopped_at
});

/// A marketplace application the user installed; its developer received the user's name and email.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MarketplaceApp {
    pub id: String,
    pub name: String,
    pub developer: String,
    pub developer_contact: String,
    pub privacy_policy_url: String,
    pub product: Product,
    pub installed_at: DateTime<Utc>,
    pub shared: Vec<String>,
}

crate::from_json_struct!(MarketplaceApp {
    id,
    name,
    developer,
    developer_contact,
    privacy_policy_url,
    product,
    installed_at,
    shared
});

/// The kinds of third-party service provider the policy names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    MarketingAndAdvertising,
    EventOrganisers,
    WebAnalytics,
    PaymentProcessors,
    MappingProviders,
}

crate::from_json_enum!(ProviderKind { MarketingAndAdvertising = "marketing_and_advertising", EventOrganisers = "event_organisers", WebAnalytics = "web_analytics", PaymentProcessors = "payment_processors", MappingProviders = "mapping_providers" });

/// A category of service provider, with what it receives and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServiceProvider {
    pub kind: ProviderKind,
    pub names: Vec<String>,
    pub receives: Vec<String>,
    pub purpose: String,
}

crate::from_json_struct!(ServiceProvider {
    kind,
    names,
    receives,
    purpose
});

/// A connection the user can cut off, one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionKind {
    /// A federated sign-in provider (Google), by its name.
    SignIn,
    /// A marketplace app, by its id: its developer receives nothing more.
    App,
    /// An event organiser, by its name: their registrations are no longer taken.
    EventOrganiser,
    /// A marketing provider, by its name: nothing more is received from it.
    MarketingProvider,
}

crate::from_json_enum!(ConnectionKind { SignIn = "sign_in", App = "app", EventOrganiser = "event_organiser", MarketingProvider = "marketing_provider" });

/// A connection the user cut off, and when. Undone by removing it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CutOff {
    pub kind: ConnectionKind,
    pub name: String,
    pub at: DateTime<Utc>,
}

crate::from_json_struct!(CutOff { kind, name, at });

/// The sharing endpoint's document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Sharing {
    pub reselling_partners: Vec<ResellingPartner>,
    pub marketplace_apps: Vec<MarketplaceApp>,
    pub service_providers: Vec<ServiceProvider>,
    /// When the user chose to keep working with the reselling partners they have not stopped although their
    /// browser sends Global Privacy Control; `None` while the signal is followed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub despite_gpc: Option<DateTime<Utc>>,
    /// The sign-in providers, apps, event organisers and marketing providers the user cut off.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cut_off: Vec<CutOff>,
}

crate::from_json_struct!(Sharing {
    reselling_partners,
    marketplace_apps,
    service_providers,
    despite_gpc,
    cut_off: default
});

impl ResellingPartner {
    /// Whether the partner may use the user's information now: the user works with them and marketing is not
    /// stopped (reselling partners market the company's products).
    pub fn receives(&self, stop: Option<&MarketingStop>) -> bool {
        self.active && stop.is_none()
    }
}

impl Sharing {
    /// How many recipients currently hold the user's personal information.
    pub fn active_recipients(&self, stop: Option<&MarketingStop>) -> usize {
        self.reselling_partners
            .iter()
            .filter(|p| p.receives(stop))
            .count()
            + self.connected_apps()
            + self.service_providers.len()
    }

    /// When `name` of `kind` was cut off, if it is.
    pub fn cut_off_at(&self, kind: ConnectionKind, name: &str) -> Option<DateTime<Utc>> {
        self.cut_off
            .iter()
            .find(|c| c.kind == kind && c.name == name)
            .map(|c| c.at)
    }

    /// The same document with `name` of `kind` cut off at `at`, or connected again (`None`). Cutting off what is
    /// already cut off keeps the first date.
    pub fn with_cut_off(
        &self,
        kind: ConnectionKind,
        name: &str,
        at: Option<DateTime<Utc>>,
    ) -> Sharing {
        let mut next = self.clone();
        match at {
            Some(at) if self.cut_off_at(kind, name).is_none() => next.cut_off.push(CutOff {
                kind,
                name: name.to_string(),
                at,
            }),
            Some(_) => {}
            None => next.cut_off.retain(|c| !(c.kind == kind && c.name == name)),
        }
        next
    }

    /// The marketplace apps still connected.
    pub fn connected_apps(&self) -> usize {
        self.marketplace_apps
            .iter()
            .filter(|a| self.cut_off_at(ConnectionKind::App, &a.id).is_none())
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn app(id: &str) -> MarketplaceApp {
        MarketplaceApp {
            id: id.into(),
            name: id.into(),
            developer: "Dev".into(),
            developer_contact: "dev@example.com".into(),
            privacy_policy_url: "https://example.com".into(),
            product: Product::Procrm,
            installed_at: at("2025-01-01T00:00:00Z"),
            shared: vec!["Name".into()],
        }
    }

    #[test]
    fn each_connection_is_cut_off_and_restored_on_its_own_with_its_date() {
        let sharing = Sharing {
            marketplace_apps: vec![app("a"), app("b")],
            ..Sharing::default()
        };
        assert_eq!(
            (sharing.connected_apps(), sharing.active_recipients(None)),
            (2, 2)
        );
        let first = at("2026-12-07T10:00:00Z");
        let cut = sharing
            .with_cut_off(ConnectionKind::App, "a", Some(first))
            .with_cut_off(ConnectionKind::SignIn, "Google", Some(first));
        assert_eq!(cut.cut_off_at(ConnectionKind::App, "a"), Some(first));
        assert_eq!(cut.cut_off_at(ConnectionKind::App, "b"), None);
        // The same name of another kind is another connection.
        assert_eq!(cut.cut_off_at(ConnectionKind::EventOrganiser, "a"), None);
        assert_eq!((cut.connected_apps(), cut.active_recipients(None)), (1, 1));
        // Cutting off again keeps the first date; connecting again removes it and nothing else.
        let again = cut.with_cut_off(ConnectionKind::App, "a", Some(at("2026-12-08T10:00:00Z")));
        assert_eq!(again.cut_off_at(ConnectionKind::App, "a"), Some(first));
        let back = again.with_cut_off(ConnectionKind::App, "a", None);
        assert_eq!(back.connected_apps(), 2);
        assert_eq!(
            back.cut_off_at(ConnectionKind::SignIn, "Google"),
            Some(first)
        );
    }
}
