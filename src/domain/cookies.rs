//! Cookie consent: the categories, the cookies in each, and the record of the user's choice.

use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};

/// A cookie category; strictly necessary cookies cannot be refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CookieCategory {
    StrictlyNecessary,
    Functional,
    Analytics,
    Marketing,
}

/// Who sets a cookie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CookieParty {
    First,
    Third,
}

/// One cookie the websites may set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CookieInfo {
    pub name: String,
    pub category: CookieCategory,
    pub purpose: String,
    pub duration: String,
    pub party: CookieParty,
}

/// How a consent choice was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentMethod {
    Banner,
    SettingsPage,
    BrowserSignal,
}

/// The user's recorded cookie choice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CookieConsent {
    pub given_at: DateTime<Utc>,
    /// The policy revision in force when the choice was made.
    pub policy_revision: String,
    pub method: ConsentMethod,
    pub functional: bool,
    pub analytics: bool,
    pub marketing: bool,
}

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

/// The cookie endpoint's document: the catalogue of cookies and the current choice, if any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CookieSettings {
    #[serde(default)]
    pub consent: Option<CookieConsent>,
    pub cookies: Vec<CookieInfo>,
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn renewal_after_six_months_or_a_new_revision() {
        let c = consent("2026-01-31T12:00:00Z");
        assert_eq!(c.expires_at(), at("2026-07-31T12:00:00Z"));
        assert!(!c.needs_renewal(at("2026-07-31T11:59:59Z"), "2015-05-25"));
        assert!(c.needs_renewal(at("2026-07-31T12:00:00Z"), "2015-05-25"));
        assert!(c.needs_renewal(at("2026-02-01T00:00:00Z"), "2026-12-01"));
    }
}
