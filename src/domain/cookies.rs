//! Cookie consent: the categories, the cookies in each, and the record of the user's choice.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::Serialize;

use super::edits::rebase;

/// A cookie category; strictly necessary cookies cannot be refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CookieCategory {
    StrictlyNecessary,
    Functional,
    Analytics,
    Marketing,
}

crate::from_json_enum!(CookieCategory { StrictlyNecessary = "strictly_necessary", Functional = "functional", Analytics = "analytics", Marketing = "marketing" });

impl CookieCategory {
    /// A stable, language-independent name for ids and URLs.
    pub const fn key(self) -> &'static str {
        match self {
            CookieCategory::StrictlyNecessary => "strictly-necessary",
            CookieCategory::Functional => "functional",
            CookieCategory::Analytics => "analytics",
            CookieCategory::Marketing => "marketing",
        }
    }
}

/// Who sets a cookie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CookieParty {
    First,
    Third,
}

crate::from_json_enum!(CookieParty { First = "first", Third = "third" });

/// One cookie the websites may set.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CookieInfo {
    pub name: String,
    pub category: CookieCategory,
    pub purpose: String,
    pub duration: String,
    pub party: CookieParty,
}

crate::from_json_struct!(CookieInfo {
    name,
    category,
    purpose,
    duration,
    party
});

/// How a consent choice was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentMethod {
    Banner,
    SettingsPage,
    BrowserSignal,
}

crate::from_json_enum!(ConsentMethod { Banner = "banner", SettingsPage = "settings_page", BrowserSignal = "browser_signal" });

/// The user's recorded cookie choice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CookieConsent {
    pub given_at: DateTime<Utc>,
    /// The policy revision in force when the choice was made.
    pub policy_revision: String,
    pub method: ConsentMethod,
    pub functional: bool,
    pub analytics: bool,
    pub marketing: bool,
}

crate::from_json_struct!(CookieConsent {
    given_at,
    policy_revision,
    method,
    functional,
    analytics,
    marketing
});

/// How long a cookie choice stands before the user is asked again.
pub const CONSENT_VALID_MONTHS: u32 = 6;

impl CookieConsent {
    /// Whether `category` is allowed under this choice.
    pub fn allows(&self, category: CookieCategory) -> bool {
        match category {
            CookieCategory::StrictlyNecessary => true,
            CookieCategory::Functional => self.functional,
            CookieCategory::Analytics => self.analytics,
            CookieCategory::Marketing => self.marketing,
        }
    }

    /// The optional categories this choice allows, in display order.
    pub fn allowed_optional(&self) -> Vec<CookieCategory> {
        [
            CookieCategory::Functional,
            CookieCategory::Analytics,
            CookieCategory::Marketing,
        ]
        .into_iter()
        .filter(|c| self.allows(*c))
        .collect()
    }

    /// When the user must be asked again, all else being equal.
    pub fn expires_at(&self) -> DateTime<Utc> {
        self.given_at
            .checked_add_months(Months::new(CONSENT_VALID_MONTHS))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// Whether the choice must be asked again: it is 6 months old or the policy revision changed.
    pub fn needs_renewal(&self, now: DateTime<Utc>, current_revision: &str) -> bool {
        now >= self.expires_at() || self.policy_revision != current_revision
    }
}

/// The cookie endpoint's document: the catalogue of cookies, the current choice, and every choice made.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CookieSettings {
    pub consent: Option<CookieConsent>,
    pub cookies: Vec<CookieInfo>,
    /// Every choice, oldest first (the consent record the user can see and download).
    pub history: Vec<CookieConsent>,
}

crate::from_json_struct!(CookieSettings {
    consent,
    cookies,
    history: default
});

/// The optional categories, in display order.
pub const OPTIONAL_CATEGORIES: [CookieCategory; 3] = [
    CookieCategory::Functional,
    CookieCategory::Analytics,
    CookieCategory::Marketing,
];

/// Every category in display order: the strictly necessary ones, then the optional ones.
pub const ALL_CATEGORIES: [CookieCategory; 4] = [
    CookieCategory::StrictlyNecessary,
    OPTIONAL_CATEGORIES[0],
    OPTIONAL_CATEGORIES[1],
    OPTIONAL_CATEGORIES[2],
];

/// The choices for the optional categories.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    pub functional: bool,
    pub analytics: bool,
    pub marketing: bool,
}

impl Choices {
    pub const ALL: Choices = Choices {
        functional: true,
        analytics: true,
        marketing: true,
    };
    pub const NONE: Choices = Choices {
        functional: false,
        analytics: false,
        marketing: false,
    };

    pub fn get(&self, category: CookieCategory) -> bool {
        match category {
            CookieCategory::StrictlyNecessary => true,
            CookieCategory::Functional => self.functional,
            CookieCategory::Analytics => self.analytics,
            CookieCategory::Marketing => self.marketing,
        }
    }

    /// These unsaved choices moved onto `onto`, saved elsewhere since they were made from `from`: the categories
    /// switched here keep their setting, the others take `onto`'s.
    pub fn rebase(self, from: Choices, onto: Choices) -> Choices {
        ALL_CATEGORIES.into_iter().fold(onto, |rebased, category| {
            let on = rebase(
                &self.get(category),
                &from.get(category),
                &onto.get(category),
            );
            rebased.with(category, on)
        })
    }

    /// The same choices with `category` set to `on` (strictly necessary cannot be changed).
    pub fn with(mut self, category: CookieCategory, on: bool) -> Choices {
        match category {
            CookieCategory::StrictlyNecessary => {}
            CookieCategory::Functional => self.functional = on,
            CookieCategory::Analytics => self.analytics = on,
            CookieCategory::Marketing => self.marketing = on,
        }
        self
    }
}

impl CookieConsent {
    /// A choice made now.
    pub fn given(
        choices: Choices,
        method: ConsentMethod,
        at: DateTime<Utc>,
        policy_revision: &str,
    ) -> CookieConsent {
        CookieConsent {
            given_at: at,
            policy_revision: policy_revision.to_string(),
            method,
            functional: choices.functional,
            analytics: choices.analytics,
            marketing: choices.marketing,
        }
    }

    pub fn choices(&self) -> Choices {
        Choices {
            functional: self.functional,
            analytics: self.analytics,
            marketing: self.marketing,
        }
    }
}

/// Why a category is on or off right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Strictly necessary cookies are always on.
    Necessary,
    /// No valid choice yet: off until the user chooses.
    NotChosen,
    /// No valid choice yet, and the browser sends Global Privacy Control: off because of it.
    GpcSignal,
    /// The user's own choice.
    Chosen,
    /// The user's own choice, which turns on a category that GPC would keep off.
    ChosenOverGpc,
    /// Marketing cookies, off because the user objected to marketing on that day, whatever the choice says.
    Objected { on: NaiveDate },
}

/// Whether a category is on, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Effective {
    pub on: bool,
    pub basis: Basis,
}

/// Why the user is being asked for a cookie choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AskReason {
    /// No choice has been made.
    FirstVisit,
    /// The last choice is more than 6 months old.
    Expired,
    /// The policy changed since the last choice, which was given under `given_under`.
    PolicyChanged { given_under: String },
}

impl CookieSettings {
    /// The current choice if it still stands: given under the current policy revision and less than 6 months old.
    pub fn valid_consent(&self, now: DateTime<Utc>, revision: &str) -> Option<&CookieConsent> {
        self.consent
            .as_ref()
            .filter(|c| !c.needs_renewal(now, revision))
    }

    /// Whether to ask for a choice (show the banner), and why.
    pub fn ask_reason(&self, now: DateTime<Utc>, revision: &str) -> Option<AskReason> {
        match &self.consent {
            None => Some(AskReason::FirstVisit),
            Some(c) if c.policy_revision != revision => Some(AskReason::PolicyChanged {
                given_under: c.policy_revision.clone(),
            }),
            Some(c) if c.needs_renewal(now, revision) => Some(AskReason::Expired),
            Some(_) => None,
        }
    }

    /// [`Self::effective`] for every category, in the order of [`ALL_CATEGORIES`]: what the banner and the
    /// settings page show as the current state. While the user objects to marketing (filed on `objected`),
    /// marketing cookies are off because of it.
    pub fn effective_now(
        &self,
        gpc: bool,
        now: DateTime<Utc>,
        revision: &str,
        objected: Option<NaiveDate>,
    ) -> [Effective; 4] {
        ALL_CATEGORIES.map(|category| match objected {
            Some(on) if category == CookieCategory::Marketing => Effective {
                on: false,
                basis: Basis::Objected { on },
            },
            _ => self.effective(category, gpc, now, revision),
        })
    }

    /// The categories whose cookies may be set now: those the standing choice allows, without marketing while the
    /// user objects to it; `None` without a standing choice (only strictly necessary cookies then).
    pub fn standing_choices(
        &self,
        now: DateTime<Utc>,
        revision: &str,
        objected: bool,
    ) -> Option<Choices> {
        self.valid_consent(now, revision).map(|consent| {
            let choices = consent.choices();
            if objected {
                choices.with(CookieCategory::Marketing, false)
            } else {
                choices
            }
        })
    }

    /// Whether `category` is on now and why, given the stored choice and the browser's GPC signal. Without a valid
    /// choice every optional category is off (nothing is pre-ticked); GPC marks analytics and marketing as off
    /// because of it. A valid choice always wins.
    pub fn effective(
        &self,
        category: CookieCategory,
        gpc: bool,
        now: DateTime<Utc>,
        revision: &str,
    ) -> Effective {
        let gpc_covers = matches!(
            category,
            CookieCategory::Analytics | CookieCategory::Marketing
        );
        if category == CookieCategory::StrictlyNecessary {
            return Effective {
                on: true,
                basis: Basis::Necessary,
            };
        }
        match self.valid_consent(now, revision) {
            Some(consent) => {
                let on = consent.allows(category);
                Effective {
                    on,
                    basis: if on && gpc && gpc_covers {
                        Basis::ChosenOverGpc
                    } else {
                        Basis::Chosen
                    },
                }
            }
            None => Effective {
                on: false,
                basis: if gpc && gpc_covers {
                    Basis::GpcSignal
                } else {
                    Basis::NotChosen
                },
            },
        }
    }

    /// Records a new choice: it becomes the current one and joins the history.
    pub fn record(&mut self, consent: CookieConsent) {
        self.history.push(consent.clone());
        self.consent = Some(consent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_are_rebased_category_by_category() {
        let mine = Choices::NONE.with(CookieCategory::Functional, true);
        let onto = Choices::NONE.with(CookieCategory::Marketing, true);
        let rebased = mine.rebase(Choices::NONE, onto);
        assert!(rebased.get(CookieCategory::Functional) && rebased.get(CookieCategory::Marketing));
        assert!(!rebased.get(CookieCategory::Analytics));
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn consent(given_at: &str) -> CookieConsent {
        CookieConsent {
            given_at: at(given_at),
            policy_revision: "2015-05-25".into(),
            method: ConsentMethod::Banner,
            functional: true,
            analytics: false,
            marketing: false,
        }
    }

    #[test]
    fn necessary_cookies_are_always_allowed() {
        let c = consent("2026-01-01T00:00:00Z");
        assert!(c.allows(CookieCategory::StrictlyNecessary));
        assert_eq!(c.allowed_optional(), vec![CookieCategory::Functional]);
    }

    fn settings(consent: Option<CookieConsent>) -> CookieSettings {
        CookieSettings {
            consent,
            cookies: vec![],
            history: vec![],
        }
    }

    #[test]
    fn the_state_now_lists_every_category_in_display_order() {
        let now = at("2026-03-01T00:00:00Z");
        let on = |all: &[Effective; 4]| all.iter().map(|e| e.on).collect::<Vec<_>>();
        let none = settings(None).effective_now(true, now, "2015-05-25", None);
        assert_eq!(on(&none), [true, false, false, false]);
        let chosen = settings(Some(consent("2026-01-31T12:00:00Z")));
        let all = chosen.effective_now(true, now, "2015-05-25", None);
        assert_eq!(on(&all), [true, true, false, false]);
        for (effective, category) in all.iter().zip(ALL_CATEGORIES) {
            assert_eq!(
                *effective,
                chosen.effective(category, true, now, "2015-05-25")
            );
        }
    }

    #[test]
    fn necessary_is_on_whatever_the_choice_or_signal() {
        let now = at("2026-03-01T00:00:00Z");
        for s in [
            settings(None),
            settings(Some(consent("2026-01-31T12:00:00Z"))),
        ] {
            for gpc in [false, true] {
                let e = s.effective(CookieCategory::StrictlyNecessary, gpc, now, "2015-05-25");
                assert_eq!(
                    e,
                    Effective {
                        on: true,
                        basis: Basis::Necessary
                    }
                );
            }
        }
    }

    #[test]
    fn without_a_choice_nothing_optional_is_on_and_gpc_is_named_as_the_reason() {
        let s = settings(None);
        let now = at("2026-03-01T00:00:00Z");
        for category in OPTIONAL_CATEGORIES {
            assert!(!s.effective(category, false, now, "r").on);
            assert_eq!(
                s.effective(category, false, now, "r").basis,
                Basis::NotChosen
            );
        }
        assert_eq!(
            s.effective(CookieCategory::Analytics, true, now, "r").basis,
            Basis::GpcSignal
        );
        assert_eq!(
            s.effective(CookieCategory::Marketing, true, now, "r").basis,
            Basis::GpcSignal
        );
        // GPC is about selling and sharing: it does not speak to functional cookies.
        assert_eq!(
            s.effective(CookieCategory::Functional, true, now, "r")
                .basis,
            Basis::NotChosen
        );
    }

    #[test]
    fn an_explicit_choice_overrides_gpc_and_says_so() {
        let mut c = consent("2026-01-31T12:00:00Z");
        c.analytics = true;
        let s = settings(Some(c));
        let now = at("2026-03-01T00:00:00Z");
        let e = s.effective(CookieCategory::Analytics, true, now, "2015-05-25");
        assert_eq!(
            e,
            Effective {
                on: true,
                basis: Basis::ChosenOverGpc
            }
        );
        let e = s.effective(CookieCategory::Marketing, true, now, "2015-05-25");
        assert_eq!(
            e,
            Effective {
                on: false,
                basis: Basis::Chosen
            }
        );
        let e = s.effective(CookieCategory::Analytics, false, now, "2015-05-25");
        assert_eq!(
            e,
            Effective {
                on: true,
                basis: Basis::Chosen
            }
        );
    }

    #[test]
    fn an_expired_or_outdated_choice_no_longer_counts_and_is_asked_again() {
        let s = settings(Some(consent("2026-01-31T12:00:00Z")));
        assert_eq!(s.ask_reason(at("2026-03-01T00:00:00Z"), "2015-05-25"), None);
        assert_eq!(
            s.ask_reason(at("2026-08-01T00:00:00Z"), "2015-05-25"),
            Some(AskReason::Expired)
        );
        assert_eq!(
            s.ask_reason(at("2026-03-01T00:00:00Z"), "2026-02-15"),
            Some(AskReason::PolicyChanged {
                given_under: "2015-05-25".into()
            })
        );
        assert_eq!(
            settings(None).ask_reason(at("2026-03-01T00:00:00Z"), "r"),
            Some(AskReason::FirstVisit)
        );
        let e = s.effective(
            CookieCategory::Functional,
            false,
            at("2026-08-01T00:00:00Z"),
            "2015-05-25",
        );
        assert_eq!(
            e,
            Effective {
                on: false,
                basis: Basis::NotChosen
            }
        );
    }

    #[test]
    fn recording_a_choice_keeps_the_history() {
        let mut s = settings(None);
        s.record(consent("2026-01-01T00:00:00Z"));
        s.record(CookieConsent::given(
            Choices::NONE,
            ConsentMethod::SettingsPage,
            at("2026-02-01T00:00:00Z"),
            "r",
        ));
        assert_eq!(s.history.len(), 2);
        assert_eq!(s.consent.as_ref().unwrap().choices(), Choices::NONE);
        assert!(
            Choices::NONE
                .with(CookieCategory::Analytics, true)
                .analytics
        );
        assert!(Choices::NONE
            .with(CookieCategory::StrictlyNecessary, false)
            .get(CookieCategory::StrictlyNecessary));
    }

    #[test]
    fn renewal_after_six_months_or_a_new_revision() {
        let c = consent("2026-01-31T12:00:00Z");
        assert_eq!(c.expires_at(), at("2026-07-31T12:00:00Z"));
        assert!(!c.needs_renewal(at("2026-07-31T11:59:59Z"), "2015-05-25"));
        assert!(c.needs_renewal(at("2026-07-31T12:00:00Z"), "2015-05-25"));
        assert!(c.needs_renewal(at("2026-02-01T00:00:00Z"), "2026-12-01"));
    }

    #[test]
    fn an_objection_to_marketing_turns_marketing_cookies_off_and_keeps_the_choice() {
        let mut c = consent("2026-01-31T12:00:00Z");
        c.marketing = true;
        let s = settings(Some(c));
        let now = at("2026-03-01T00:00:00Z");
        let on = NaiveDate::from_ymd_opt(2026, 2, 20).unwrap();
        let all = s.effective_now(false, now, "2015-05-25", Some(on));
        assert_eq!(
            all[3],
            Effective {
                on: false,
                basis: Basis::Objected { on }
            }
        );
        assert!(all[1].on, "functional cookies are not marketing");
        let standing = s.standing_choices(now, "2015-05-25", true).unwrap();
        assert!(!standing.get(CookieCategory::Marketing) && standing.functional);
        assert!(
            s.standing_choices(now, "2015-05-25", false)
                .unwrap()
                .marketing
        );
        assert!(
            s.consent.as_ref().unwrap().marketing,
            "the choice itself is kept"
        );
        assert_eq!(settings(None).standing_choices(now, "r", true), None);
    }
}
