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

impl Purpose {
    /// Whether the user can object to this use: the optional uses, not providing the service, taking payment,
    /// resetting a password, mapping or preventing fraud.
    pub const fn can_be_objected_to(self) -> bool {
        use Purpose::*;
        matches!(
            self,
            Marketing
                | Surveys
                | ImproveProducts
                | UpdateRecords
                | AnalyseWebsites
                | ImproveMarketing
        )
    }
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

/// A right the user can exercise on one category by a request about it (the data page's actions, pre-filled).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Right {
    /// Ask for a wrong or outdated value to be corrected.
    Correct,
    /// Ask for the category's information to be deleted.
    Delete,
    /// Ask for the information to be kept but not used until the request is answered.
    Restrict,
    /// Object to a use of the information (marketing, profiling, recording, collection).
    Object,
}

impl Right {
    /// Every right, in the order the portal offers them.
    pub const ALL: [Right; 4] = [
        Right::Correct,
        Right::Delete,
        Right::Restrict,
        Right::Object,
    ];

    /// A stable identifier, used in the request page's address.
    pub const fn slug(self) -> &'static str {
        match self {
            Right::Correct => "correct",
            Right::Delete => "delete",
            Right::Restrict => "restrict",
            Right::Object => "object",
        }
    }

    /// The right named by `slug`, if any.
    pub fn from_slug(slug: &str) -> Option<Right> {
        Right::ALL.into_iter().find(|r| r.slug() == slug)
    }
}

/// The policy's rules for one category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CategoryRules {
    pub purposes: &'static [Purpose],
    pub recipients: &'static [Recipient],
    pub retention: Retention,
    pub actions: &'static [UserAction],
    /// The rights a request about this category can exercise. Information the user edits directly (optional
    /// profile, security question) needs no request; payment records stay for tax law, so they cannot be deleted.
    pub rights: &'static [Right],
}

impl CategoryId {
    /// The uses of this category the user can object to.
    pub fn objectable_purposes(self) -> Vec<Purpose> {
        self.rules()
            .purposes
            .iter()
            .copied()
            .filter(|p| p.can_be_objected_to())
            .collect()
    }

    /// Whether a request about this category may exercise `right`.
    pub fn allows(self, right: Right) -> bool {
        self.rules().rights.contains(&right)
    }

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
                rights: &[Right::Correct, Right::Restrict, Right::Object],
            },
            CategoryId::OptionalProfile => CategoryRules {
                purposes: &[ProvideServices],
                recipients: &[EmployeesNeedToKnow, Collaborators],
                retention: Retention::UntilRemoved,
                actions: &[EditProfile, RequestExport],
                rights: &[],
            },
            CategoryId::SecurityQuestion => CategoryRules {
                purposes: &[ResetPassword],
                recipients: &[NobodyElse],
                retention: Retention::UntilRemoved,
                actions: &[EditProfile],
                rights: &[],
            },
            CategoryId::Payment => CategoryRules {
                purposes: &[ProcessPayments, PreventFraud, Communicate],
                recipients: &[EmployeesNeedToKnow, PaymentProcessors],
                retention: Retention::TaxAndAccounting,
                actions: &[RequestCorrection, RequestExport],
                rights: &[Right::Correct, Right::Restrict],
            },
            CategoryId::Interactions => CategoryRules {
                purposes: &[Support, ImproveProducts, Communicate],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::WhileNeeded,
                actions: &[RequestExport, RequestDeletion],
                rights: &[Right::Delete, Right::Restrict, Right::Object],
            },
            CategoryId::BrowserLogs => CategoryRules {
                purposes: &[AnalyseWebsites, PreventFraud, ImproveProducts],
                recipients: &[EmployeesNeedToKnow, WebAnalytics],
                retention: Retention::WhileNeeded,
                actions: &[ChangeCookies, RequestExport, RequestDeletion],
                rights: &[Right::Delete, Right::Object],
            },
            CategoryId::AppUsage => CategoryRules {
                purposes: &[ImproveProducts, Support, PreventFraud],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::WhileNeeded,
                actions: &[RequestExport, RequestDeletion],
                rights: &[Right::Delete, Right::Restrict, Right::Object],
            },
            CategoryId::FederatedSignIn => CategoryRules {
                purposes: &[ProvideServices],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::UntilAccountClosed,
                actions: &[RequestExport, RequestDeletion],
                rights: &[Right::Delete],
            },
            CategoryId::ResellingPartners => CategoryRules {
                purposes: &[UpdateRecords, Marketing, Communicate],
                recipients: &[EmployeesNeedToKnow, Recipient::ResellingPartners],
                retention: Retention::WhileNeeded,
                actions: &[ManageSharing, ChangeCommunications, RequestDeletion],
                rights: &[Right::Correct, Right::Delete, Right::Object],
            },
            CategoryId::EventOrganisers => CategoryRules {
                purposes: &[Marketing, UpdateRecords, ImproveMarketing],
                recipients: &[EmployeesNeedToKnow, Recipient::MarketingProviders],
                retention: Retention::WhileNeeded,
                actions: &[ChangeCommunications, RequestDeletion],
                rights: &[Right::Correct, Right::Delete, Right::Object],
            },
            CategoryId::ReviewSites => CategoryRules {
                purposes: &[ImproveProducts, Support],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::MayOutliveSource,
                actions: &[RequestDeletion],
                rights: &[Right::Delete, Right::Object],
            },
            CategoryId::MarketingProviders => CategoryRules {
                purposes: &[UpdateRecords, Marketing, ImproveMarketing],
                recipients: &[EmployeesNeedToKnow, Recipient::MarketingProviders],
                retention: Retention::WhileNeeded,
                actions: &[ChangeCommunications, ChangeCookies, RequestDeletion],
                rights: &[Right::Correct, Right::Delete, Right::Object],
            },
            CategoryId::SocialMedia => CategoryRules {
                purposes: &[Support, ImproveProducts, Communicate],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::MayOutliveSource,
                actions: &[DeleteAtSource, RequestDeletion],
                rights: &[Right::Delete, Right::Restrict, Right::Object],
            },
            CategoryId::PublicSources => CategoryRules {
                purposes: &[UpdateRecords],
                recipients: &[EmployeesNeedToKnow],
                retention: Retention::MayOutliveSource,
                actions: &[RequestCorrection, RequestDeletion],
                rights: &[Right::Correct, Right::Delete, Right::Object],
            },
            CategoryId::ServiceRecords => CategoryRules {
                purposes: &[ProvideServices, Support],
                recipients: &[EmployeesAudited, Collaborators, Integrations],
                retention: Retention::UntilAccountClosed,
                actions: &[RequestExport, RequestDeletion],
                rights: &[Right::Restrict],
            },
            CategoryId::MobileDevices => CategoryRules {
                purposes: &[ProvideServices, MapLocations],
                recipients: &[EmployeesAudited, MappingProviders],
                retention: Retention::UntilAccountClosed,
                actions: &[DeviceSettings, RequestExport, RequestDeletion],
                rights: &[Right::Delete, Right::Restrict],
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
    fn an_objection_is_offered_exactly_where_a_use_can_be_objected_to() {
        for category in CategoryId::ALL {
            assert_eq!(
                category.allows(Right::Object),
                !category.objectable_purposes().is_empty(),
                "{category:?}"
            );
        }
        assert!(CategoryId::AccountSignUp
            .objectable_purposes()
            .contains(&Purpose::Marketing));
        assert!(!CategoryId::Payment.allows(Right::Object));
    }

    #[test]
    fn deletion_by_request_follows_the_policy_and_payment_records_stay_for_tax_law() {
        assert!(!CategoryId::Payment.allows(Right::Delete));
        assert_eq!(
            CategoryId::Payment.rules().retention,
            Retention::TaxAndAccounting
        );
        for category in CategoryId::ALL {
            let deletable = category
                .rules()
                .actions
                .contains(&UserAction::RequestDeletion);
            // The sign-up details go with the account, service data with a product: their own journey.
            let own_journey = matches!(
                category,
                CategoryId::AccountSignUp | CategoryId::ServiceRecords
            );
            assert_eq!(
                category.allows(Right::Delete),
                deletable && !own_journey,
                "{category:?}"
            );
        }
    }

    #[test]
    fn what_the_user_edits_directly_needs_no_request() {
        for category in CategoryId::ALL {
            let edited_directly = category.rules().actions.contains(&UserAction::EditProfile);
            assert_eq!(
                category.rules().rights.is_empty(),
                edited_directly,
                "{category:?}"
            );
        }
        for category in [
            CategoryId::AccountSignUp,
            CategoryId::Payment,
            CategoryId::PublicSources,
        ] {
            assert!(category.allows(Right::Correct), "{category:?}");
        }
    }

    #[test]
    fn every_right_has_a_slug_that_names_it_back() {
        for right in Right::ALL {
            assert_eq!(Right::from_slug(right.slug()), Some(right));
        }
        assert_eq!(Right::from_slug("erase"), None);
    }

    #[test]
    fn data_from_public_sources_is_flagged_as_possibly_outliving_its_source() {
        assert_eq!(
            CategoryId::SocialMedia.rules().retention,
            Retention::MayOutliveSource
        );
    }
}
