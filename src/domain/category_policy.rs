//! What the policy says about each category of information: the purposes it serves, who can access it, how long
//! it is kept, and what the user can do about it. This is the policy turned into data; the portal shows it next
//! to the values held.

use super::inventory::CategoryId;

/// A purpose the policy gives for using information.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Purpose {
    /// Set up and maintain the account and provide the services, including backups.
    ProvideServices,
    /// Communicate about products and services used, policy and terms changes, important notices.
    Communicate,
    /// Keep the user posted on new products, events, offers and promotions.
    Marketing,
    /// Ask the user to take part in surveys or give feedback.
    Surveys,
    /// Understand how products are used, monitor and prevent problems, improve products.
    ImproveProducts,
    /// Provide customer support and improve interactions with customers.
    Support,
    /// Detect and prevent fraud and other illegal activity, report spam, protect rights.
    PreventFraud,
    /// Update, expand and analyse records, identify new customers.
    UpdateRecords,
    /// Analyse trends, administer the websites, track visitor navigation.
    AnalyseWebsites,
    /// Monitor and improve marketing campaigns, make relevant suggestions.
    ImproveMarketing,
    /// Take payment for purchases.
    ProcessPayments,
    /// Reset the password; the policy's only use of the security question.
    ResetPassword,
    /// Map locations in the mobile apps, the only use of location data.
    MapLocations,
}

/// Who can access information in a category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Recipient {
    /// Employees and contractors on a need-to-know basis (Part I).
    EmployeesNeedToKnow,
    /// Named employees whose access to service data is logged and audited (Part II).
    EmployeesAudited,
    /// Payment processors.
    PaymentProcessors,
    /// Marketing and advertising partners and event organisers the company engages.
    MarketingProviders,
    /// Web analytics providers.
    WebAnalytics,
    /// Authorised reselling partners in the user's region.
    ResellingPartners,
    /// Developers of marketplace apps the user installed (name and email only).
    MarketplaceDevelopers,
    /// Mapping providers (location only).
    MappingProviders,
    /// People the user collaborates with (name and profile picture).
    Collaborators,
    /// Third-party integrations the user chose to connect.
    Integrations,
    /// Nobody: used only by an automated process.
    NobodyElse,
}

/// How long information in a category is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retention {
    /// Part I: as long as needed for the purposes, then deleted or anonymised; backups isolated until deletion.
    WhileNeeded,
    /// Part II: as long as the account is used; after it closes, gone at the next 6-monthly clean-up and from
    /// backups 3 months later.
    UntilAccountClosed,
    /// Until the user removes it, or the account closes (then as for service data).
    UntilRemoved,
    /// Kept for as long as tax and accounting law requires.
    TaxAndAccounting,
    /// Collected from a public source; may stay even if the user deletes it there.
    MayOutliveSource,
}

/// Reasons the policy gives for keeping some information longer, whatever the retention above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegalHold {
    SuppressionLists,
    PreventAbuse,
    LegalClaims,
    EnforceAgreements,
    TaxAndAccounting,
    OtherLegalObligations,
}

impl LegalHold {
    pub const ALL: [LegalHold; 6] = [
        LegalHold::SuppressionLists,
        LegalHold::PreventAbuse,
        LegalHold::LegalClaims,
        LegalHold::EnforceAgreements,
        LegalHold::TaxAndAccounting,
        LegalHold::OtherLegalObligations,
    ];
}

/// Something the user can do about a category, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserAction {
    EditProfile,
    RequestCorrection,
    ChangeCommunications,
    ChangeCookies,
    ManageSharing,
    RequestExport,
    RequestDeletion,
    /// Turn off app permissions in the device's own settings.
    DeviceSettings,
    /// Delete the post on the social network (the company's copy may remain).
    DeleteAtSource,
}

/// The policy's rules for one category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CategoryRules {
    pub purposes: &'static [Purpose],
    pub recipients: &'static [Recipient],
    pub retention: Retention,
    pub actions: &'static [UserAction],
}

impl CategoryId {
    /// What the policy says about this category.
    pub const fn rules(self) -> CategoryRules {
        use Purpose::*;
        use Recipient::*;
        use UserAction::*;
        match self {
            CategoryId::AccountSignUp => CategoryRules {
                purposes: &[
                    ProvideServices,
                    Communicate,
                    Marketing,
                    Surveys,
                    Support,
                    PreventFraud,
                    UpdateRecords,
                ],
                recipients: &[
                    EmployeesNeedToKnow,
                    Recipient::ResellingPartners,
                    MarketplaceDevelopers,
                    Recipient::MarketingProviders,
                    Collaborators,
                ],
                retention: Retention::UntilAccountClosed,
                actions: &[RequestCorrection, RequestExport, RequestDeletion],
            },
            CategoryId::OptionalProfile => CategoryRules {
                purposes: &[ProvideServices],
                recipients: &[EmployeesNeedToKnow, Collaborators],
                retention: Retention::UntilRemoved,
                actions: &[EditProfile, RequestExport],
            },
            CategoryId::SecurityQuestion => CategoryRules {
                purposes: &[ResetPassword],
                recipients: &[NobodyElse],
                retention: Retention::UntilRemoved,
                actions: &[EditProfile],
            },
            CategoryId::Payment => CategoryRules {
                purposes: &[ProcessPayments, PreventFraud, Communicate],
                recipients: &[EmployeesNeedToKnow, PaymentProcessors],
                retention: Retention::TaxAndAccounting,
                actions: &[RequestCorrection, RequestExport],
            },
            CategoryId::Interactions => CategoryRules {
                purposes: &[Support, ImproveProducts, Communicate],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::WhileNeeded,
                actions: &[RequestExport, RequestDeletion],
            },
            CategoryId::BrowserLogs => CategoryRules {
                purposes: &[AnalyseWebsites, PreventFraud, ImproveProducts],
                recipients: &[EmployeesNeedToKnow, WebAnalytics],
                retention: Retention::WhileNeeded,
                actions: &[ChangeCookies, RequestExport, RequestDeletion],
            },
            CategoryId::AppUsage => CategoryRules {
                purposes: &[ImproveProducts, Support, PreventFraud],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::WhileNeeded,
                actions: &[RequestExport, RequestDeletion],
            },
            CategoryId::FederatedSignIn => CategoryRules {
                purposes: &[ProvideServices],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::UntilAccountClosed,
                actions: &[RequestExport, RequestDeletion],
            },
            CategoryId::ResellingPartners => CategoryRules {
                purposes: &[UpdateRecords, Marketing, Communicate],
                recipients: &[EmployeesNeedToKnow, Recipient::ResellingPartners],
                retention: Retention::WhileNeeded,
                actions: &[ManageSharing, ChangeCommunications, RequestDeletion],
            },
            CategoryId::EventOrganisers => CategoryRules {
                purposes: &[Marketing, UpdateRecords, ImproveMarketing],
                recipients: &[EmployeesNeedToKnow, Recipient::MarketingProviders],
                retention: Retention::WhileNeeded,
                actions: &[ChangeCommunications, RequestDeletion],
            },
            CategoryId::ReviewSites => CategoryRules {
                purposes: &[ImproveProducts, Support],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::MayOutliveSource,
                actions: &[RequestDeletion],
            },
            CategoryId::MarketingProviders => CategoryRules {
                purposes: &[UpdateRecords, Marketing, ImproveMarketing],
                recipients: &[EmployeesNeedToKnow, Recipient::MarketingProviders],
                retention: Retention::WhileNeeded,
                actions: &[ChangeCommunications, ChangeCookies, RequestDeletion],
            },
            CategoryId::SocialMedia => CategoryRules {
                purposes: &[Support, ImproveProducts, Communicate],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::MayOutliveSource,
                actions: &[DeleteAtSource, RequestDeletion],
            },
            CategoryId::PublicSources => CategoryRules {
                purposes: &[UpdateRecords],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::MayOutliveSource,
                actions: &[RequestCorrection, RequestDeletion],
            },
            CategoryId::ServiceRecords => CategoryRules {
                purposes: &[ProvideServices, Support],
                recipients: &[EmployeesAudited, Collaborators, Integrations],
                retention: Retention::UntilAccountClosed,
                actions: &[RequestExport, RequestDeletion],
            },
            CategoryId::MobileDevices => CategoryRules {
                purposes: &[ProvideServices, MapLocations],
                recipients: &[EmployeesAudited, MappingProviders],
                retention: Retention::UntilAccountClosed,
                actions: &[DeviceSettings, RequestExport, RequestDeletion],
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_purposes_recipients_retention_and_actions() {
        for category in CategoryId::ALL {
            let rules = category.rules();
            assert!(!rules.purposes.is_empty(), "{category:?} purposes");
            assert!(!rules.recipients.is_empty(), "{category:?} recipients");
            assert!(!rules.actions.is_empty(), "{category:?} actions");
        }
    }

    #[test]
    fn the_security_question_serves_password_resets_only() {
        let rules = CategoryId::SecurityQuestion.rules();
        assert_eq!(rules.purposes, &[Purpose::ResetPassword]);
        assert_eq!(rules.recipients, &[Recipient::NobodyElse]);
    }

    #[test]
    fn location_goes_to_mapping_providers_only_for_mapping() {
        let rules = CategoryId::MobileDevices.rules();
        assert!(rules.purposes.contains(&Purpose::MapLocations));
        assert!(rules.recipients.contains(&Recipient::MappingProviders));
        for category in CategoryId::ALL {
            if category != CategoryId::MobileDevices {
                assert!(!category
                    .rules()
                    .recipients
                    .contains(&Recipient::MappingProviders));
            }
        }
    }

    #[test]
    fn service_data_access_is_audited_and_follows_the_clean_up() {
        for category in [CategoryId::ServiceRecords, CategoryId::MobileDevices] {
            let rules = category.rules();
            assert!(rules.recipients.contains(&Recipient::EmployeesAudited));
            assert!(!rules.recipients.contains(&Recipient::EmployeesNeedToKnow));
            assert_eq!(rules.retention, Retention::UntilAccountClosed);
        }
    }

    #[test]
    fn every_purpose_the_policy_lists_is_used_somewhere() {
        use Purpose::*;
        for purpose in [
            ProvideServices,
            Communicate,
            Marketing,
            Surveys,
            ImproveProducts,
            Support,
            PreventFraud,
            UpdateRecords,
            AnalyseWebsites,
            ImproveMarketing,
        ] {
            assert!(
                CategoryId::ALL
                    .iter()
                    .any(|c| c.rules().purposes.contains(&purpose)),
                "{purpose:?} is never used"
            );
        }
    }

    #[test]
    fn data_from_public_sources_is_flagged_as_possibly_outliving_its_source() {
        assert_eq!(
            CategoryId::SocialMedia.rules().retention,
            Retention::MayOutliveSource
        );
    }
}
