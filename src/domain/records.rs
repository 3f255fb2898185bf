//! The information held, flattened into records of labelled fields: the shape the "Your information" page shows,
//! filters and searches, whatever the category's own structure.

use chrono::{DateTime, NaiveDate, Utc};

use super::inventory::{CategoryId, Inventory, SocialNetwork};
use super::product::Product;
use super::profile::Profile;

/// What a field is; the portal turns each into a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKey {
    Name,
    ContactNumber,
    Email,
    Company,
    Country,
    Username,
    SignedUp,
    SignUpMethod,
    Photo,
    TimeZone,
    Language,
    SecurityQuestionSet,
    SecurityQuestion,
    SecurityQuestionSetOn,
    SecurityAnswer,
    BillingName,
    BillingEmail,
    BillingPhone,
    BillingAddress,
    CardDetails,
    PaidOn,
    Product,
    Description,
    Amount,
    PaymentProcessor,
    Date,
    Channel,
    Team,
    Subject,
    Recorded,
    Site,
    IpAddress,
    Browser,
    BrowserLanguage,
    BrowserTimeZone,
    Referrer,
    OperatingSystem,
    DeviceManufacturer,
    MobileNetwork,
    FeaturesUsed,
    Clicks,
    Scrolls,
    Sessions,
    LastAccess,
    UsualHours,
    Errors,
    PageLoad,
    StorageUsed,
    Settings,
    Device,
    Location,
    LastSeen,
    Provider,
    Connected,
    Shared,
    Partner,
    Received,
    Context,
    Organiser,
    Event,
    EventDate,
    ReviewSite,
    Posted,
    Excerpt,
    Purpose,
    Network,
    Handle,
    ProfileFields,
    InteractionKind,
    Source,
    Information,
    Collected,
    DataRole,
    Records,
    Files,
    LastUpdated,
    Granted,
    Camera,
    CallHistory,
    Contacts,
    PhotoLibrary,
    LocationAccess,
    LastLocation,
}

impl FieldKey {
    /// The field's name in exported files (snake_case, stable).
    pub const fn key(self) -> &'static str {
        match self {
            FieldKey::Name => "name",
            FieldKey::ContactNumber => "contact_number",
            FieldKey::Email => "email",
            FieldKey::Company => "company",
            FieldKey::Country => "country",
            FieldKey::Username => "username",
            FieldKey::SignedUp => "signed_up",
            FieldKey::SignUpMethod => "sign_up_method",
            FieldKey::Photo => "photo",
            FieldKey::TimeZone => "time_zone",
            FieldKey::Language => "language",
            FieldKey::SecurityQuestionSet => "security_question_set",
            FieldKey::SecurityQuestion => "security_question",
            FieldKey::SecurityQuestionSetOn => "security_question_set_on",
            FieldKey::SecurityAnswer => "security_answer",
            FieldKey::BillingName => "billing_name",
            FieldKey::BillingEmail => "billing_email",
            FieldKey::BillingPhone => "billing_phone",
            FieldKey::BillingAddress => "billing_address",
            FieldKey::CardDetails => "card_details",
            FieldKey::PaidOn => "paid_on",
            FieldKey::Product => "product",
            FieldKey::Description => "description",
            FieldKey::Amount => "amount",
            FieldKey::PaymentProcessor => "payment_processor",
            FieldKey::Date => "date",
            FieldKey::Channel => "channel",
            FieldKey::Team => "team",
            FieldKey::Subject => "subject",
            FieldKey::Recorded => "recorded",
            FieldKey::Site => "site",
            FieldKey::IpAddress => "ip_address",
            FieldKey::Browser => "browser",
            FieldKey::BrowserLanguage => "browser_language",
            FieldKey::BrowserTimeZone => "browser_time_zone",
            FieldKey::Referrer => "referrer",
            FieldKey::OperatingSystem => "operating_system",
            FieldKey::DeviceManufacturer => "device_manufacturer",
            FieldKey::MobileNetwork => "mobile_network",
            FieldKey::FeaturesUsed => "features_used",
            FieldKey::Clicks => "clicks",
            FieldKey::Scrolls => "scrolls",
            FieldKey::Sessions => "sessions",
            FieldKey::LastAccess => "last_access",
            FieldKey::UsualHours => "usual_hours",
            FieldKey::Errors => "errors",
            FieldKey::PageLoad => "page_load",
            FieldKey::StorageUsed => "storage_used",
            FieldKey::Settings => "settings",
            FieldKey::Device => "device",
            FieldKey::Location => "location",
            FieldKey::LastSeen => "last_seen",
            FieldKey::Provider => "provider",
            FieldKey::Connected => "connected",
            FieldKey::Shared => "shared",
            FieldKey::Partner => "partner",
            FieldKey::Received => "received",
            FieldKey::Context => "context",
            FieldKey::Organiser => "organiser",
            FieldKey::Event => "event",
            FieldKey::EventDate => "event_date",
            FieldKey::ReviewSite => "review_site",
            FieldKey::Posted => "posted",
            FieldKey::Excerpt => "excerpt",
            FieldKey::Purpose => "purpose",
            FieldKey::Network => "network",
            FieldKey::Handle => "handle",
            FieldKey::ProfileFields => "profile_fields",
            FieldKey::InteractionKind => "interaction_kind",
            FieldKey::Source => "source",
            FieldKey::Information => "information",
            FieldKey::Collected => "collected",
            FieldKey::DataRole => "data_role",
            FieldKey::Records => "records",
            FieldKey::Files => "files",
            FieldKey::LastUpdated => "last_updated",
            FieldKey::Granted => "granted",
            FieldKey::Camera => "camera",
            FieldKey::CallHistory => "call_history",
            FieldKey::Contacts => "contacts",
            FieldKey::PhotoLibrary => "photo_library",
            FieldKey::LocationAccess => "location_access",
            FieldKey::LastLocation => "last_location",
        }
    }
}

/// A field's value, typed so the portal can format it for the reader's language and time zone.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Text(String),
    /// Nothing is held for this field.
    Empty,
    Time(DateTime<Utc>),
    Day(NaiveDate),
    Count(u64),
    Bytes(u64),
    Millis(u32),
    YesNo(bool),
    Money {
        minor: i64,
        currency: String,
    },
    List(Vec<String>),
    /// An image held as a `data:` URL (the profile photo).
    Image(String),
    /// A value deliberately never shown (the security answer).
    Withheld,
    /// The promise that no card details are stored, with whether that holds.
    CardDetailsStored(bool),
}

/// One labelled value.
#[derive(Clone, Debug, PartialEq)]
pub struct HeldField {
    pub key: FieldKey,
    pub value: FieldValue,
}

/// One record of a category: a profile section, a log entry, a payment, a product's usage…
#[derive(Clone, Debug, PartialEq)]
pub struct HeldRecord {
    pub category: CategoryId,
    /// The product the record belongs to; `None` for account-wide information.
    pub product: Option<Product>,
    pub fields: Vec<HeldField>,
}

fn field(key: FieldKey, value: FieldValue) -> HeldField {
    HeldField { key, value }
}

fn text(key: FieldKey, value: &str) -> HeldField {
    field(key, FieldValue::Text(value.to_string()))
}

fn optional(key: FieldKey, value: &Option<String>) -> HeldField {
    field(
        key,
        value
            .as_ref()
            .map_or(FieldValue::Empty, |v| FieldValue::Text(v.clone())),
    )
}

fn list(key: FieldKey, values: &[String]) -> HeldField {
    field(key, FieldValue::List(values.to_vec()))
}

fn time(key: FieldKey, at: DateTime<Utc>) -> HeldField {
    field(key, FieldValue::Time(at))
}

fn record(category: CategoryId, product: Option<Product>, fields: Vec<HeldField>) -> HeldRecord {
    HeldRecord {
        category,
        product,
        fields,
    }
}

/// The social network's name.
pub const fn network_name(network: SocialNetwork) -> &'static str {
    match network {
        SocialNetwork::Facebook => "Facebook",
        SocialNetwork::Twitter => "Twitter",
        SocialNetwork::Instagram => "Instagram",
    }
}

/// The fields of `category`'s records a correction can name (text held, or a text field left empty), in the order
/// the page shows them.
pub fn correctable_fields(
    profile: &Profile,
    inventory: &Inventory,
    category: CategoryId,
) -> Vec<FieldKey> {
    let mut keys = Vec::new();
    for record in held_records(profile, inventory) {
        if record.category != category {
            continue;
        }
        for field in record.fields {
            let text = matches!(
                field.value,
                FieldValue::Text(_) | FieldValue::Empty | FieldValue::List(_)
            );
            if text && !keys.contains(&field.key) {
                keys.push(field.key);
            }
        }
    }
    keys
}

/// Every record held about the user, in the policy's category order.
pub fn held_records(profile: &Profile, inventory: &Inventory) -> Vec<HeldRecord> {
    use CategoryId as C;
    use FieldKey as K;
    let mut records = Vec::new();
    let account = &profile.account;
    records.push(record(
        C::AccountSignUp,
        None,
        vec![
            text(K::Name, &account.name),
            text(K::ContactNumber, &account.contact_number),
            text(K::Email, &account.email),
            text(K::Company, &account.company),
            text(K::Country, &account.country),
            text(K::Username, &account.username),
            time(K::SignedUp, account.signed_up_at),
        ],
    ));
    let optional_profile = &profile.optional;
    records.push(record(
        C::OptionalProfile,
        None,
        vec![
            field(
                K::Photo,
                optional_profile
                    .photo
                    .as_ref()
                    .map_or(FieldValue::Empty, |p| FieldValue::Image(p.clone())),
            ),
            optional(K::TimeZone, &optional_profile.time_zone),
            optional(K::Language, &optional_profile.language),
        ],
    ));
    records.push(record(
        C::SecurityQuestion,
        None,
        match &profile.security_question {
            Some(question) => vec![
                field(K::SecurityQuestionSet, FieldValue::YesNo(true)),
                text(K::SecurityQuestion, &question.question),
                time(K::SecurityQuestionSetOn, question.set_at),
                field(K::SecurityAnswer, FieldValue::Withheld),
            ],
            None => vec![field(K::SecurityQuestionSet, FieldValue::YesNo(false))],
        },
    ));
    let payment = &inventory.payment;
    records.push(record(
        C::Payment,
        None,
        vec![
            optional(K::BillingName, &payment.billing_name),
            optional(K::BillingEmail, &payment.billing_email),
            optional(K::BillingPhone, &payment.billing_phone),
            optional(K::BillingAddress, &payment.billing_address),
            field(
                K::CardDetails,
                FieldValue::CardDetailsStored(payment.card_details_stored),
            ),
        ],
    ));
    for p in &payment.payments {
        records.push(record(
            C::Payment,
            Some(p.product),
            vec![
                time(K::PaidOn, p.at),
                text(K::Description, &p.description),
                field(
                    K::Amount,
                    FieldValue::Money {
                        minor: p.amount_minor,
                        currency: p.currency.clone(),
                    },
                ),
                text(K::PaymentProcessor, &p.processor),
            ],
        ));
    }
    for i in &inventory.interactions {
        records.push(record(
            C::Interactions,
            i.product,
            vec![
                time(K::Date, i.at),
                text(K::Channel, channel_name(i.channel)),
                text(K::Team, team_name(i.team)),
                text(K::Subject, &i.subject),
                field(K::Recorded, FieldValue::YesNo(i.recorded)),
            ],
        ));
    }
    for l in &inventory.browser_logs {
        records.push(record(
            C::BrowserLogs,
            None,
            vec![
                time(K::Date, l.at),
                text(K::Site, &l.site),
                text(K::IpAddress, &l.ip_address),
                text(K::Browser, &l.browser),
                text(K::BrowserLanguage, &l.language),
                text(K::BrowserTimeZone, &l.time_zone),
                optional(K::Referrer, &l.referrer),
                text(K::OperatingSystem, &l.operating_system),
                optional(K::DeviceManufacturer, &l.device_manufacturer),
                optional(K::MobileNetwork, &l.mobile_network),
            ],
        ));
    }
    for u in &inventory.app_usage {
        let settings: Vec<String> = u
            .settings
            .iter()
            .map(|s| format!("{}: {}", s.name, s.value))
            .collect();
        records.push(record(
            C::AppUsage,
            Some(u.product),
            vec![
                list(K::FeaturesUsed, &u.features_used),
                field(
                    K::Clicks,
                    FieldValue::Count(u64::from(u.clicks_last_30_days)),
                ),
                field(
                    K::Scrolls,
                    FieldValue::Count(u64::from(u.scrolls_last_30_days)),
                ),
                field(
                    K::Sessions,
                    FieldValue::Count(u64::from(u.sessions_last_30_days)),
                ),
                time(K::LastAccess, u.last_access),
                text(K::UsualHours, &u.usual_access_hours),
                field(
                    K::Errors,
                    FieldValue::Count(u64::from(u.errors_last_30_days)),
                ),
                field(K::PageLoad, FieldValue::Millis(u.median_page_load_ms)),
                field(K::StorageUsed, FieldValue::Bytes(u.storage_used_bytes)),
                list(K::Settings, &settings),
            ],
        ));
        for d in &u.devices {
            records.push(record(
                C::AppUsage,
                Some(u.product),
                vec![
                    text(K::Device, &d.device),
                    text(K::Location, &d.location),
                    time(K::LastSeen, d.last_seen),
                ],
            ));
        }
    }
    for f in &inventory.federated_sign_in {
        records.push(record(
            C::FederatedSignIn,
            None,
            vec![
                text(K::Provider, &f.provider),
                time(K::Connected, f.connected_at),
                list(K::Shared, &f.shared),
            ],
        ));
    }
    for r in &inventory.reselling_partners {
        records.push(record(
            C::ResellingPartners,
            None,
            vec![
                text(K::Partner, &r.partner),
                time(K::Received, r.received_at),
                list(K::Shared, &r.shared),
                text(K::Context, &r.context),
            ],
        ));
    }
    for e in &inventory.event_organisers {
        records.push(record(
            C::EventOrganisers,
            None,
            vec![
                text(K::Organiser, &e.organiser),
                text(K::Event, &e.event),
                field(K::EventDate, FieldValue::Day(e.event_on)),
                time(K::Received, e.received_at),
                list(K::Shared, &e.shared),
            ],
        ));
    }
    for r in &inventory.review_sites {
        records.push(record(
            C::ReviewSites,
            Some(r.product),
            vec![
                text(K::ReviewSite, &r.site),
                time(K::Posted, r.posted_at),
                text(K::Excerpt, &r.excerpt),
            ],
        ));
    }
    for m in &inventory.marketing_providers {
        records.push(record(
            C::MarketingProviders,
            None,
            vec![
                text(K::Provider, &m.provider),
                time(K::Received, m.received_at),
                list(K::Shared, &m.shared),
                text(K::Purpose, &m.purpose),
            ],
        ));
    }
    for s in &inventory.social_media {
        let network = network_name(s.network);
        records.push(record(
            C::SocialMedia,
            None,
            vec![
                text(K::Network, network),
                text(K::Handle, &s.handle),
                list(K::ProfileFields, &s.profile_fields),
            ],
        ));
        for i in &s.interactions {
            records.push(record(
                C::SocialMedia,
                None,
                vec![
                    text(K::Network, network),
                    time(K::Date, i.at),
                    text(K::InteractionKind, &i.kind),
                    text(K::Excerpt, &i.excerpt),
                ],
            ));
        }
    }
    for p in &inventory.public_sources {
        records.push(record(
            C::PublicSources,
            None,
            vec![
                text(K::Source, &p.source),
                text(K::Information, &p.information),
                time(K::Collected, p.collected_at),
            ],
        ));
    }
    for s in &inventory.service_data {
        let counts: Vec<String> = s
            .records
            .iter()
            .map(|r| format!("{}: {}", r.kind, r.count))
            .collect();
        records.push(record(
            C::ServiceRecords,
            Some(s.product),
            vec![
                text(K::DataRole, data_role_name(s.role)),
                list(K::Records, &counts),
                field(K::Files, FieldValue::Count(u64::from(s.files))),
                field(K::StorageUsed, FieldValue::Bytes(s.storage_bytes)),
                time(K::LastUpdated, s.last_updated),
            ],
        ));
    }
    for m in &inventory.mobile_devices {
        records.push(record(
            C::MobileDevices,
            Some(m.product),
            vec![
                text(K::Device, &m.device),
                time(K::Granted, m.granted_at),
                field(K::Camera, FieldValue::YesNo(m.access.camera)),
                field(K::CallHistory, FieldValue::YesNo(m.access.call_history)),
                field(K::Contacts, FieldValue::YesNo(m.access.contacts)),
                field(K::PhotoLibrary, FieldValue::YesNo(m.access.photo_library)),
                field(K::LocationAccess, FieldValue::YesNo(m.access.location)),
                optional(K::LastLocation, &m.last_location),
            ],
        ));
    }
    records
}

const fn channel_name(channel: super::inventory::Channel) -> &'static str {
    match channel {
        super::inventory::Channel::Email => "Email",
        super::inventory::Channel::Telephone => "Telephone",
        super::inventory::Channel::Chat => "Chat",
    }
}

const fn team_name(team: super::inventory::Team) -> &'static str {
    match team {
        super::inventory::Team::Sales => "Sales",
        super::inventory::Team::Support => "Support",
    }
}

const fn data_role_name(role: super::inventory::DataRole) -> &'static str {
    match role {
        super::inventory::DataRole::Controller => "Your organisation controls this data",
        super::inventory::DataRole::Processor => "You process this data for someone else",
    }
}
