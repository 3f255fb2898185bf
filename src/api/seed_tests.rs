//! The mock backend's seed documents decode into the domain types, and cover every category the policy names.

use serde::de::DeserializeOwned;

use super::endpoint::Endpoint;
use crate::domain::activity::{ActivityDetail, ActivityLog};
use crate::domain::communications::CommunicationPreferences;
use crate::domain::cookies::{CookieCategory, CookieSettings};
use crate::domain::inventory::{CategoryId, Inventory};
use crate::domain::policy::PolicyDocument;
use crate::domain::product::Product;
use crate::domain::profile::Profile;
use crate::domain::requests::RequestLog;
use crate::domain::sharing::{ProviderKind, Sharing};

fn seed_text(endpoint: Endpoint) -> &'static str {
    match endpoint {
        Endpoint::Profile => include_str!("../../public/api/profile.json"),
        Endpoint::Inventory => include_str!("../../public/api/inventory.json"),
        Endpoint::Communications => include_str!("../../public/api/communications.json"),
        Endpoint::Cookies => include_str!("../../public/api/cookies.json"),
        Endpoint::Requests => include_str!("../../public/api/requests.json"),
        Endpoint::Activity => include_str!("../../public/api/activity.json"),
        Endpoint::Sharing => include_str!("../../public/api/sharing.json"),
        Endpoint::Policy => include_str!("../../public/api/policy.json"),
    }
}

fn seed<T: DeserializeOwned>(endpoint: Endpoint) -> T {
    serde_json::from_str(seed_text(endpoint))
        .unwrap_or_else(|error| panic!("{} does not decode: {error}", endpoint.file()))
}

#[test]
fn every_seed_document_decodes() {
    let _: Profile = seed(Endpoint::Profile);
    let _: Inventory = seed(Endpoint::Inventory);
    let _: CommunicationPreferences = seed(Endpoint::Communications);
    let _: CookieSettings = seed(Endpoint::Cookies);
    let _: RequestLog = seed(Endpoint::Requests);
    let _: ActivityLog = seed(Endpoint::Activity);
    let _: Sharing = seed(Endpoint::Sharing);
    let _: PolicyDocument = seed(Endpoint::Policy);
}

#[test]
fn the_demo_user_has_data_in_every_category_the_policy_names() {
    let profile: Profile = seed(Endpoint::Profile);
    let inventory: Inventory = seed(Endpoint::Inventory);
    for category in CategoryId::ALL {
        assert!(
            inventory.count(&profile, category) > 0,
            "no seed data for {category:?}"
        );
    }
    assert!(
        !inventory.payment.card_details_stored,
        "the policy says no card data is stored"
    );
    let products: Vec<Product> = inventory.service_data.iter().map(|s| s.product).collect();
    assert_eq!(products, Product::ALL, "service data for every product");
}

#[test]
fn the_seed_covers_every_recipient_and_cookie_kind() {
    let sharing: Sharing = seed(Endpoint::Sharing);
    for kind in [
        ProviderKind::MarketingAndAdvertising,
        ProviderKind::EventOrganisers,
        ProviderKind::WebAnalytics,
        ProviderKind::PaymentProcessors,
        ProviderKind::MappingProviders,
    ] {
        assert!(
            sharing.service_providers.iter().any(|p| p.kind == kind),
            "{kind:?}"
        );
    }
    let cookies: CookieSettings = seed(Endpoint::Cookies);
    for category in [
        CookieCategory::StrictlyNecessary,
        CookieCategory::Functional,
        CookieCategory::Analytics,
        CookieCategory::Marketing,
    ] {
        assert!(
            cookies.cookies.iter().any(|c| c.category == category),
            "{category:?}"
        );
    }
    let activity: ActivityLog = seed(Endpoint::Activity);
    assert!(activity.events.iter().any(|e| e.is_employee_access()));
    assert!(activity
        .events
        .iter()
        .any(|e| matches!(e.detail, ActivityDetail::SignIn { .. })));
}

#[test]
fn the_policy_document_carries_the_promises_the_portal_shows() {
    let policy: PolicyDocument = seed(Endpoint::Policy);
    assert_eq!(policy.contact_email, "sales@icanopustech.com");
    assert_eq!(policy.cleanup.interval_months, 6);
    assert_eq!(policy.cleanup.backup_purge_months, 3);
    let text: String = policy.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(text.contains("clean-up that occurs once in 6 months"));
    assert!(text.contains("at least 30 days' advance notice"));
}
