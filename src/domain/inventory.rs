//! The personal information the company holds about the user, grouped the way the policy groups it:
//! provided by the user, collected automatically, obtained from third parties (Part I) and service data (Part II).

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::product::Product;
use super::profile::Profile;

/// Where a category of information comes from, as the policy's three Part I sources plus Part II.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DataSource {
    /// "Information that you provide us".
    ProvidedByYou,
    /// "Information that we collect automatically".
    CollectedAutomatically,
    /// "Information that we collect from third parties".
    FromThirdParties,
    /// "Information entrusted to ICT" (Part II).
    ServiceData,
}

impl DataSource {
    /// Every source, in the policy's order.
    pub const ALL: [DataSource; 4] = [
        DataSource::ProvidedByYou,
        DataSource::CollectedAutomatically,
        DataSource::FromThirdParties,
        DataSource::ServiceData,
    ];
}

/// Every category of information the policy names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryId {
    AccountSignUp,
    OptionalProfile,
    SecurityQuestion,
    Payment,
    Interactions,
    BrowserLogs,
    AppUsage,
    FederatedSignIn,
    ResellingPartners,
    EventOrganisers,
    ReviewSites,
    MarketingProviders,
    SocialMedia,
    PublicSources,
    ServiceRecords,
    MobileDevices,
}

crate::from_json_enum!(CategoryId { AccountSignUp = "account_sign_up", OptionalProfile = "optional_profile", SecurityQuestion = "security_question", Payment = "payment", Interactions = "interactions", BrowserLogs = "browser_logs", AppUsage = "app_usage", FederatedSignIn = "federated_sign_in", ResellingPartners = "reselling_partners", EventOrganisers = "event_organisers", ReviewSites = "review_sites", MarketingProviders = "marketing_providers", SocialMedia = "social_media", PublicSources = "public_sources", ServiceRecords = "service_records", MobileDevices = "mobile_devices" });

impl CategoryId {
    /// Every category, grouped by source in the policy's order.
    pub const ALL: [CategoryId; 16] = [
        CategoryId::AccountSignUp,
        CategoryId::OptionalProfile,
        CategoryId::SecurityQuestion,
        CategoryId::Payment,
        CategoryId::Interactions,
        CategoryId::BrowserLogs,
        CategoryId::AppUsage,
        CategoryId::FederatedSignIn,
        CategoryId::ResellingPartners,
        CategoryId::EventOrganisers,
        CategoryId::ReviewSites,
        CategoryId::MarketingProviders,
        CategoryId::SocialMedia,
        CategoryId::PublicSources,
        CategoryId::ServiceRecords,
        CategoryId::MobileDevices,
    ];

    /// The source the policy files this category under.
    pub const fn source(self) -> DataSource {
        use CategoryId::*;
        match self {
            AccountSignUp | OptionalProfile | SecurityQuestion | Payment | Interactions => {
                DataSource::ProvidedByYou
            }
            BrowserLogs | AppUsage => DataSource::CollectedAutomatically,
            FederatedSignIn | ResellingPartners | EventOrganisers | ReviewSites
            | MarketingProviders | SocialMedia | PublicSources => DataSource::FromThirdParties,
            ServiceRecords | MobileDevices => DataSource::ServiceData,
        }
    }

    /// The category whose [`slug`](Self::slug) is `slug`.
    pub fn from_slug(slug: &str) -> Option<CategoryId> {
        CategoryId::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// A stable identifier, usable as an HTML id and URL fragment.
    pub const fn slug(self) -> &'static str {
        use CategoryId::*;
        match self {
            AccountSignUp => "account",
            OptionalProfile => "optional-profile",
            SecurityQuestion => "security-question",
            Payment => "payment",
            Interactions => "interactions",
            BrowserLogs => "browser-logs",
            AppUsage => "app-usage",
            FederatedSignIn => "federated-sign-in",
            ResellingPartners => "reselling-partners",
            EventOrganisers => "event-organisers",
            ReviewSites => "review-sites",
            MarketingProviders => "marketing-providers",
            SocialMedia => "social-media",
            PublicSources => "public-sources",
            ServiceRecords => "service-data",
            MobileDevices => "mobile-devices",
        }
    }
}

/// The information held about the user beyond the profile itself (which has its own endpoint).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Inventory {
    pub payment: Payment,
    pub interactions: Vec<Interaction>,
    pub browser_logs: Vec<LogEntry>,
    pub app_usage: Vec<UsageSummary>,
    pub federated_sign_in: Vec<FederatedConnection>,
    pub reselling_partners: Vec<PartnerReferral>,
    pub event_organisers: Vec<EventRegistration>,
    pub review_sites: Vec<ReviewComment>,
    pub marketing_providers: Vec<MarketingRecord>,
    pub social_media: Vec<SocialProfile>,
    pub public_sources: Vec<PublicRecord>,
    pub service_data: Vec<ServiceData>,
    pub mobile_devices: Vec<MobileDevice>,
}

crate::from_json_struct!(Inventory {
    payment,
    interactions: default,
    browser_logs: default,
    app_usage: default,
    federated_sign_in: default,
    reselling_partners: default,
    event_organisers: default,
    review_sites: default,
    marketing_providers: default,
    social_media: default,
    public_sources: default,
    service_data: default,
    mobile_devices: default
});

/// Billing details; the policy promises that no card information is stored.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Payment {
    pub billing_name: Option<String>,
    pub billing_email: Option<String>,
    pub billing_phone: Option<String>,
    pub billing_address: Option<String>,
    /// Always false for this company; shown so the promise is checkable.
    pub card_details_stored: bool,
    pub payments: Vec<PaymentRecord>,
}

crate::from_json_struct!(Payment {
    billing_name,
    billing_email,
    billing_phone,
    billing_address,
    card_details_stored: default,
    payments: default
});

/// One purchase.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PaymentRecord {
    pub at: DateTime<Utc>,
    pub product: Product,
    pub description: String,
    /// Amount in the currency's minor unit (paise, cents).
    pub amount_minor: i64,
    pub currency: String,
    /// The payment processor that handled the card.
    pub processor: String,
}

crate::from_json_struct!(PaymentRecord {
    at,
    product,
    description,
    amount_minor,
    currency,
    processor
});

/// How a conversation with the company took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Telephone,
    Chat,
}

crate::from_json_enum!(Channel { Email = "email", Telephone = "telephone", Chat = "chat" });

/// Which team the user talked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Team {
    Sales,
    Support,
}

crate::from_json_enum!(Team { Sales = "sales", Support = "support" });

/// An email, telephone or chat conversation with sales or support.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Interaction {
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub team: Team,
    pub subject: String,
    /// Whether the conversation was recorded for analysis.
    pub recorded: bool,
    pub product: Option<Product>,
}

crate::from_json_struct!(Interaction {
    at,
    channel,
    team,
    subject,
    recorded,
    product
});

/// A web server log entry made when the user visited a company website.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LogEntry {
    pub at: DateTime<Utc>,
    pub site: String,
    pub ip_address: String,
    pub browser: String,
    pub language: String,
    pub time_zone: String,
    pub referrer: Option<String>,
    pub operating_system: String,
    pub device_manufacturer: Option<String>,
    pub mobile_network: Option<String>,
}

crate::from_json_struct!(LogEntry {
    at,
    site,
    ip_address,
    browser,
    language,
    time_zone,
    referrer,
    operating_system,
    device_manufacturer,
    mobile_network
});

/// In-house usage analytics for one product.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UsageSummary {
    pub product: Product,
    pub features_used: Vec<String>,
    pub clicks_last_30_days: u32,
    pub scrolls_last_30_days: u32,
    pub sessions_last_30_days: u32,
    pub last_access: DateTime<Utc>,
    /// When the user usually works, as recorded by the analytics tool.
    pub usual_access_hours: String,
    pub errors_last_30_days: u32,
    pub median_page_load_ms: u32,
    pub storage_used_bytes: u64,
    pub settings: Vec<Setting>,
    pub devices: Vec<UsageDevice>,
}

crate::from_json_struct!(UsageSummary {
    product,
    features_used,
    clicks_last_30_days,
    scrolls_last_30_days,
    sessions_last_30_days,
    last_access,
    usual_access_hours,
    errors_last_30_days,
    median_page_load_ms,
    storage_used_bytes,
    settings,
    devices
});

/// A user setting captured by usage analytics.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Setting {
    pub name: String,
    pub value: String,
}

crate::from_json_struct!(Setting { name, value });

/// A device used to access a product, with the location it was used from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UsageDevice {
    pub device: String,
    pub location: String,
    pub last_seen: DateTime<Utc>,
}

crate::from_json_struct!(UsageDevice {
    device,
    location,
    last_seen
});

/// A federated sign-in provider connected to the account, and what it shared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FederatedConnection {
    pub provider: String,
    pub connected_at: DateTime<Utc>,
    pub shared: Vec<String>,
}

crate::from_json_struct!(FederatedConnection {
    provider,
    connected_at,
    shared
});

/// Information a reselling partner passed to the company.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartnerReferral {
    pub partner_id: String,
    pub partner: String,
    pub received_at: DateTime<Utc>,
    pub shared: Vec<String>,
    pub context: String,
}

crate::from_json_struct!(PartnerReferral {
    partner_id,
    partner,
    received_at,
    shared,
    context
});

/// A registration for a company-sponsored event, shared by its organiser.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRegistration {
    pub organiser: String,
    pub event: String,
    pub event_on: NaiveDate,
    pub received_at: DateTime<Utc>,
    pub shared: Vec<String>,
}

crate::from_json_struct!(EventRegistration {
    organiser,
    event,
    event_on,
    received_at,
    shared
});

/// A comment the user left on a review site about a company product.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewComment {
    pub site: String,
    pub posted_at: DateTime<Utc>,
    pub product: Product,
    pub excerpt: String,
}

crate::from_json_struct!(ReviewComment {
    site,
    posted_at,
    product,
    excerpt
});

/// Information received from a marketing service provider the company engages.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MarketingRecord {
    pub provider: String,
    pub received_at: DateTime<Utc>,
    pub shared: Vec<String>,
    pub purpose: String,
}

crate::from_json_struct!(MarketingRecord {
    provider,
    received_at,
    shared,
    purpose
});

/// A social network the company collected public information from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SocialNetwork {
    Facebook,
    Twitter,
    Instagram,
}

crate::from_json_enum!(SocialNetwork { Facebook = "Facebook", Twitter = "Twitter", Instagram = "Instagram" });

/// Public profile information and interactions collected from a social network.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SocialProfile {
    pub network: SocialNetwork,
    pub handle: String,
    pub profile_fields: Vec<String>,
    pub interactions: Vec<SocialInteraction>,
}

crate::from_json_struct!(SocialProfile {
    network,
    handle,
    profile_fields,
    interactions
});

/// A post, comment or question the user addressed to the company on social media.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SocialInteraction {
    pub at: DateTime<Utc>,
    pub kind: String,
    pub excerpt: String,
}

crate::from_json_struct!(SocialInteraction { at, kind, excerpt });

/// Information added from another publicly available source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublicRecord {
    pub source: String,
    pub information: String,
    pub collected_at: DateTime<Utc>,
}

crate::from_json_struct!(PublicRecord {
    source,
    information,
    collected_at
});

/// Whether the user's organisation controls the data or processes it for someone else (Part II).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataRole {
    Controller,
    Processor,
}

crate::from_json_enum!(DataRole { Controller = "controller", Processor = "processor" });

/// What the user entrusted to one product.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServiceData {
    pub product: Product,
    pub role: DataRole,
    pub records: Vec<RecordCount>,
    pub files: u32,
    pub storage_bytes: u64,
    pub last_updated: DateTime<Utc>,
}

crate::from_json_struct!(ServiceData {
    product,
    role,
    records,
    files,
    storage_bytes,
    last_updated
});

/// A count of one kind of record (contacts, invoices, messages…).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordCount {
    pub kind: String,
    pub count: u32,
}

crate::from_json_struct!(RecordCount { kind, count });

/// A mobile device running a company app, with the access the user granted it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MobileDevice {
    pub device: String,
    pub product: Product,
    pub granted_at: DateTime<Utc>,
    pub access: MobileAccess,
    /// The last location sent to the mapping provider, if location access is on.
    pub last_location: Option<String>,
}

crate::from_json_struct!(MobileDevice {
    device,
    product,
    granted_at,
    access,
    last_location
});

/// The permissions the policy names for mobile apps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MobileAccess {
    pub camera: bool,
    pub call_history: bool,
    pub contacts: bool,
    pub photo_library: bool,
    pub location: bool,
}

crate::from_json_struct!(MobileAccess {
    camera,
    call_history,
    contacts,
    photo_library,
    location
});

impl MobileAccess {
    /// How many permissions are granted.
    pub fn granted_count(&self) -> usize {
        [
            self.camera,
            self.call_history,
            self.contacts,
            self.photo_library,
            self.location,
        ]
        .into_iter()
        .filter(|granted| *granted)
        .count()
    }
}

/// How many items of one category are held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CategoryCount {
    pub category: CategoryId,
    pub items: usize,
}

/// Number of account sign-up fields the policy requires (name, contact number, email, company, country, username).
pub const ACCOUNT_FIELDS: usize = 6;

impl Inventory {
    /// How many items of `category` the company holds, counting the profile's fields for the profile categories.
    /// An item is a field with a value or one entry in a list (a log entry, a conversation, a product's records).
    pub fn count(&self, profile: &Profile, category: CategoryId) -> usize {
        use CategoryId::*;
        match category {
            AccountSignUp => ACCOUNT_FIELDS,
            OptionalProfile => profile.optional.filled_count(),
            SecurityQuestion => usize::from(profile.security_question.is_some()),
            Payment => {
                let p = &self.payment;
                [
                    &p.billing_name,
                    &p.billing_email,
                    &p.billing_phone,
                    &p.billing_address,
                ]
                .into_iter()
                .filter(|field| field.is_some())
                .count()
                    + p.payments.len()
            }
            Interactions => self.interactions.len(),
            BrowserLogs => self.browser_logs.len(),
            AppUsage => self.app_usage.len(),
            FederatedSignIn => self.federated_sign_in.len(),
            ResellingPartners => self.reselling_partners.len(),
            EventOrganisers => self.event_organisers.len(),
            ReviewSites => self.review_sites.len(),
            MarketingProviders => self.marketing_providers.len(),
            SocialMedia => self
                .social_media
                .iter()
                .map(|p| 1 + p.interactions.len())
                .sum(),
            PublicSources => self.public_sources.len(),
            ServiceRecords => self.service_data.len(),
            MobileDevices => self.mobile_devices.len(),
        }
    }

    /// Item counts for every category of `source`, in the policy's order.
    pub fn counts_for(&self, profile: &Profile, source: DataSource) -> Vec<CategoryCount> {
        CategoryId::ALL
            .into_iter()
            .filter(|category| category.source() == source)
            .map(|category| CategoryCount {
                category,
                items: self.count(profile, category),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_has_categories_and_every_category_one_source() {
        for source in DataSource::ALL {
            assert!(CategoryId::ALL.iter().any(|c| c.source() == source));
        }
        let mut slugs: Vec<_> = CategoryId::ALL.iter().map(|c| c.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), CategoryId::ALL.len(), "slugs are unique");
    }

    #[test]
    fn categories_are_listed_grouped_by_source() {
        let sources: Vec<_> = CategoryId::ALL.iter().map(|c| c.source()).collect();
        let mut sorted = sources.clone();
        sorted.sort();
        assert_eq!(sources, sorted);
    }

    #[test]
    fn mobile_access_counts_granted_permissions() {
        let access = MobileAccess {
            camera: true,
            location: true,
            ..MobileAccess::default()
        };
        assert_eq!(access.granted_count(), 2);
    }
}
