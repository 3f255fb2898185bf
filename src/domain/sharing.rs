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
}

crate::from_json_struct!(Sharing {
    reselling_partners,
    marketplace_apps,
    service_providers,
    despite_gpc
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
            + self.marketplace_apps.len()
            + self.service_providers.len()
    }
}
