//! The mock backend's seed documents decode into the domain types, and cover every category the policy names.

use crate::domain::json::FromJson;

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

/// The demo users, as folders under `public/api/personas/`.
pub(super) const PERSONAS: [&str; 3] = ["asha", "new", "longtime"];

macro_rules! persona_files {
    ($persona:literal) => {
        [
            include_str!(concat!(
                "../../public/api/personas/",
                $persona,
                "/profile.json"
            )),
            include_str!(concat!(
                "../../public/api/personas/",
                $persona,
                "/inventory.json"
            )),
            include_str!(concat!(
                "../../public/api/personas/",
                $persona,
                "/communications.json"
            )),
            include_str!(concat!(
                "../../public/api/personas/",
                $persona,
                "/cookies.json"
            )),
            include_str!(concat!(
                "../../public/api/personas/",
                $persona,
                "/requests.json"
            )),
            include_str!(concat!(
                "../../public/api/personas/",
                $persona,
                "/activity.json"
            )),
            include_str!(concat!(
                "../../public/api/personas/",
                $persona,
                "/sharing.json"
            )),
            include_str!(concat!(
                "../../public/api/personas/",
                $persona,
                "/notices.json"
            )),
            include_str!(concat!(
                "../../public/api/personas/",
                $persona,
                "/nominee.json"
            )),
        ]
    };
}

pub(super) fn persona_text(persona: &str, endpoint: Endpoint) -> &'static str {
    let files = match persona {
        "asha" => persona_files!("asha"),
        "new" => persona_files!("new"),
        "longtime" => persona_files!("longtime"),
        other => panic!("no persona {other}"),
    };
    match endpoint {
        Endpoint::Profile => files[0],
        Endpoint::Inventory => files[1],
        Endpoint::Communications => files[2],
        Endpoint::Cookies => files[3],
        Endpoint::Requests => files[4],
        Endpoint::Activity => files[5],
        Endpoint::Sharing => files[6],
        Endpoint::Notices => files[7],
        Endpoint::Nominee => files[8],
        Endpoint::Policy => include_str!("../../public/api/policy.json"),
        Endpoint::Personas => include_str!("../../public/api/personas.json"),
    }
}

fn seed_of<T: FromJson>(persona: &str, endpoint: Endpoint) -> T {
    super::client::decode(endpoint, persona_text(persona, endpoint))
        .unwrap_or_else(|error| panic!("{persona}/{} does not decode: {error}", endpoint.file()))
}

fn seed<T: FromJson>(endpoint: Endpoint) -> T {
    seed_of("asha", endpoint)
}

#[test]
fn every_seed_document_of_every_persona_decodes() {
    for persona in PERSONAS {
        let _: Profile = seed_of(persona, Endpoint::Profile);
        let _: Inventory = seed_of(persona, Endpoint::Inventory);
        let _: CommunicationPreferences = seed_of(persona, Endpoint::Communications);
        let _: CookieSettings = seed_of(persona, Endpoint::Cookies);
        let _: RequestLog = seed_of(persona, Endpoint::Requests);
        let _: ActivityLog = seed_of(persona, Endpoint::Activity);
        let _: Sharing = seed_of(persona, Endpoint::Sharing);
        let _: crate::domain::nomination::Nomination = seed_of(persona, Endpoint::Nominee);
        let notices: crate::domain::policy::PolicyNotices = seed_of(persona, Endpoint::Notices);
        assert!(
            notices.unread_count() >= 1,
            "{persona}: the pending change is announced"
        );
    }
    let _: PolicyDocument = seed(Endpoint::Policy);
}

#[test]
fn the_full_personas_have_data_in_every_category_the_policy_names() {
    for persona in ["asha", "longtime"] {
        let profile: Profile = seed_of(persona, Endpoint::Profile);
        let inventory: Inventory = seed_of(persona, Endpoint::Inventory);
        for category in CategoryId::ALL {
            assert!(
                inventory.count(&profile, category) > 0,
                "{persona}: no seed data for {category:?}"
            );
        }
        assert!(
            !inventory.payment.card_details_stored,
            "the policy says no card data is stored"
        );
        let products: Vec<Product> = inventory.service_data.iter().map(|s| s.product).collect();
        assert_eq!(
            products,
            Product::ALL,
            "{persona}: service data for every product"
        );
    }
}

#[test]
fn the_personas_differ_as_their_descriptions_say() {
    use crate::domain::profile::SignUpMethod;
    use crate::domain::requests::{RequestKind, RequestStatus};
    let asha: Profile = seed_of("asha", Endpoint::Profile);
    assert_eq!(asha.account.signed_up_with, SignUpMethod::Federated);
    let asha_data: Inventory = seed_of("asha", Endpoint::Inventory);
    assert!(
        !asha_data.reselling_partners.is_empty(),
        "came through a partner"
    );

    let new: Profile = seed_of("new", Endpoint::Profile);
    let new_data: Inventory = seed_of("new", Endpoint::Inventory);
    let held: usize = CategoryId::ALL
        .iter()
        .map(|c| new_data.count(&new, *c))
        .sum();
    assert!(held < 15, "the new user has almost no data ({held} items)");
    assert_eq!(new.optional.filled_count(), 0);

    let longtime: RequestLog = seed_of("longtime", Endpoint::Requests);
    assert!(longtime
        .requests
        .iter()
        .any(|r| r.kind == RequestKind::Deletion && r.status == RequestStatus::Scheduled));
    // A declined request says why, and an extended one gives its reason within the law's limit: both appealable.
    let declined = longtime
        .requests
        .iter()
        .find(|r| r.status == RequestStatus::Declined)
        .expect("a declined request");
    assert!(declined.decision.as_deref().is_some_and(|d| !d.is_empty()));
    assert!(longtime.may_appeal(declined));
    let extended = longtime
        .requests
        .iter()
        .find(|r| r.extension.is_some())
        .expect("an extended request");
    let extension = extended.extension.as_ref().unwrap();
    assert!(
        extension.until <= extended.latest_extension() && extension.on <= extended.first_due_on()
    );
    assert!(extended.category.is_some() && longtime.may_appeal(extended));
    let history: ActivityLog = seed_of("longtime", Endpoint::Activity);
    assert!(history.events.len() > 300, "a long history");
}

#[test]
fn every_persona_yields_records_for_the_information_page() {
    use crate::domain::records::held_records;
    for persona in PERSONAS {
        let profile: Profile = seed_of(persona, Endpoint::Profile);
        let inventory: Inventory = seed_of(persona, Endpoint::Inventory);
        let records = held_records(&profile, &inventory);
        // The profile sections are always there, even for the newest user.
        for category in [
            CategoryId::AccountSignUp,
            CategoryId::OptionalProfile,
            CategoryId::SecurityQuestion,
            CategoryId::Payment,
        ] {
            assert!(
                records.iter().any(|r| r.category == category),
                "{persona}: {category:?}"
            );
        }
    }
}

#[test]
fn a_correction_names_the_text_fields_of_the_category_only() {
    use crate::domain::records::{correctable_fields, FieldKey};
    let profile: Profile = seed(Endpoint::Profile);
    let inventory: Inventory = seed(Endpoint::Inventory);
    let account = correctable_fields(&profile, &inventory, CategoryId::AccountSignUp);
    assert!(account.contains(&FieldKey::Name) && account.contains(&FieldKey::Email));
    // A date the company recorded is not something the user can correct.
    assert!(!account.contains(&FieldKey::SignedUp));
    let mut once = account.clone();
    once.dedup();
    assert_eq!(once, account, "each field offered once");
    let newest: Profile = seed_of("new", Endpoint::Profile);
    let nothing: Inventory = seed_of("new", Endpoint::Inventory);
    for category in CategoryId::ALL {
        let fields = correctable_fields(&newest, &nothing, category);
        let held = crate::domain::records::held_records(&newest, &nothing)
            .into_iter()
            .any(|r| r.category == category);
        assert!(
            held || fields.is_empty(),
            "{category:?}: nothing held, nothing to correct"
        );
    }
}

#[test]
fn the_announced_revision_honours_gpc_from_its_day_and_no_demo_user_objects_to_marketing() {
    use crate::domain::marketing::{MarketingSignals, MarketingStop};
    let policy: PolicyDocument = seed(Endpoint::Policy);
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    for persona in PERSONAS {
        let requests: RequestLog = seed_of(persona, Endpoint::Requests);
        let before = MarketingSignals::read(&requests, &policy, true, day(14));
        assert_eq!(
            before.stop(false),
            None,
            "{persona}: not before the revision"
        );
        let after = MarketingSignals::read(&requests, &policy, true, day(15));
        assert_eq!(
            after.stop(false),
            Some(MarketingStop::Gpc { since: day(15) })
        );
        assert_eq!(
            after.stop(true),
            None,
            "{persona}: the user chose otherwise"
        );
        let without = MarketingSignals::read(&requests, &policy, false, day(20));
        assert_eq!(without.stop(false), None, "{persona}: no signal, no stop");
        let sharing: crate::domain::sharing::Sharing = seed_of(persona, Endpoint::Sharing);
        let stop = after.stop(false);
        assert!(sharing
            .reselling_partners
            .iter()
            .all(|p| !p.receives(stop.as_ref())));
        assert_eq!(
            sharing.active_recipients(stop.as_ref()),
            sharing.marketplace_apps.len() + sharing.service_providers.len()
        );
    }
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

#[test]
fn the_policy_text_in_docs_is_the_one_the_mock_backend_serves() {
    // docs/privacy-policy.txt is the policy as written, a paragraph a line; policy.json holds the same paragraphs
    // as they stand before any change it announces takes effect.
    let text = include_str!("../../docs/privacy-policy.txt");
    let written: Vec<&str> = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let policy: PolicyDocument = seed(Endpoint::Policy);
    let served: Vec<&str> = policy.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(written.len(), served.len(), "paragraph count");
    for (index, (written, served)) in written.iter().zip(&served).enumerate() {
        assert_eq!(written.trim(), served.trim(), "paragraph {}", index + 1);
    }
}
