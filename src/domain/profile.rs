//! The signed-in user's profile: required account fields, optional fields and the security question.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::edits::rebase;

/// Everything the profile endpoint returns about the user.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Profile {
    /// Stable identifier of the user in the backend.
    pub user_id: String,
    /// Fields collected at sign-up; changed only through a correction request.
    pub account: Account,
    /// Fields the user may fill, change or delete at any time.
    pub optional: OptionalProfile,
    /// The optional security question, used only to reset a password. The answer never leaves the server.
    pub security_question: Option<SecurityQuestion>,
}

crate::from_json_struct!(Profile {
    user_id,
    account,
    optional: default,
    security_question
});

/// The account sign-up fields the policy lists as required.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Account {
    pub name: String,
    pub contact_number: String,
    pub email: String,
    pub company: String,
    pub country: String,
    pub username: String,
    /// When the account was created.
    pub signed_up_at: DateTime<Utc>,
    /// How the user signed up.
    pub signed_up_with: SignUpMethod,
}

crate::from_json_struct!(Account {
    name,
    contact_number,
    email,
    company,
    country,
    username,
    signed_up_at,
    signed_up_with
});

/// How an account was created.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignUpMethod {
    /// The sign-up form on a company website.
    Form,
    /// A federated authentication provider such as Google.
    Federated,
    /// A reselling partner created the account on the user's behalf.
    Partner,
}

crate::from_json_enum!(SignUpMethod { Form = "form", Federated = "federated", Partner = "partner" });

/// Optional profile fields; `None` means the company holds nothing for that field.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OptionalProfile {
    /// The photo as a `data:` URL.
    pub photo: Option<String>,
    /// An IANA time zone name, e.g. `Asia/Kolkata`.
    pub time_zone: Option<String>,
    /// A BCP 47 language tag, e.g. `en-IN`.
    pub language: Option<String>,
}

crate::from_json_struct!(OptionalProfile {
    photo,
    time_zone,
    language
});

impl OptionalProfile {
    /// These unsaved values moved onto `onto`, saved elsewhere since they were edited from `from`: the fields
    /// edited here keep their values, the others take `onto`'s.
    pub fn rebase(&self, from: &Self, onto: &Self) -> Self {
        OptionalProfile {
            photo: rebase(&self.photo, &from.photo, &onto.photo),
            time_zone: rebase(&self.time_zone, &from.time_zone, &onto.time_zone),
            language: rebase(&self.language, &from.language, &onto.language),
        }
    }

    /// How many optional fields hold a value.
    pub fn filled_count(&self) -> usize {
        [
            self.photo.is_some(),
            self.time_zone.is_some(),
            self.language.is_some(),
        ]
        .into_iter()
        .filter(|filled| *filled)
        .count()
    }

    /// What the activity log says about changing `self` to `after`: "Added a photo, set the time zone to
    /// Asia/Kolkata", in English like every record the backend keeps.
    pub fn describe_change(&self, after: &OptionalProfile) -> String {
        let mut parts = Vec::new();
        match (&self.photo, &after.photo) {
            (None, Some(_)) => parts.push("added a photo".to_string()),
            (Some(_), None) => parts.push("removed the photo".to_string()),
            (Some(a), Some(b)) if a != b => parts.push("changed the photo".to_string()),
            _ => {}
        }
        for (what, a, b) in [
            ("time zone", &self.time_zone, &after.time_zone),
            ("language", &self.language, &after.language),
        ] {
            match (a, b) {
                (_, Some(new)) if a.as_ref() != Some(new) => {
                    parts.push(format!("set the {what} to {new}"))
                }
                (Some(_), None) => parts.push(format!("cleared the {what}")),
                _ => {}
            }
        }
        if parts.is_empty() {
            return "Saved optional profile details (no change)".to_string();
        }
        let text = parts.join(", ");
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }
}

/// A security question that has been set; the answer is never part of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SecurityQuestion {
    pub question: String,
    pub set_at: DateTime<Utc>,
}

crate::from_json_struct!(SecurityQuestion { question, set_at });

/// A required account field, which the user can ask to have corrected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccountField {
    Name,
    ContactNumber,
    Email,
    Company,
    Country,
    Username,
}

impl AccountField {
    pub const ALL: [AccountField; 6] = [
        AccountField::Name,
        AccountField::ContactNumber,
        AccountField::Email,
        AccountField::Company,
        AccountField::Country,
        AccountField::Username,
    ];

    /// The field's value in `account`.
    pub fn value(self, account: &Account) -> &str {
        match self {
            AccountField::Name => &account.name,
            AccountField::ContactNumber => &account.contact_number,
            AccountField::Email => &account.email,
            AccountField::Company => &account.company,
            AccountField::Country => &account.country,
            AccountField::Username => &account.username,
        }
    }

    /// A stable identifier for HTML ids.
    pub const fn slug(self) -> &'static str {
        match self {
            AccountField::Name => "name",
            AccountField::ContactNumber => "contact-number",
            AccountField::Email => "email",
            AccountField::Company => "company",
            AccountField::Country => "country",
            AccountField::Username => "username",
        }
    }
}

impl Profile {
    /// The name used to greet the user: the first word of their name, or the username if the name is blank.
    pub fn greeting_name(&self) -> &str {
        self.account
            .name
            .split_whitespace()
            .next()
            .unwrap_or(&self.account.username)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_rebased_field_by_field() {
        let zone = |z: &str| Some(z.to_string());
        let from = OptionalProfile {
            time_zone: zone("Asia/Kolkata"),
            language: zone("en-IN"),
            ..OptionalProfile::default()
        };
        let mine = OptionalProfile {
            time_zone: zone("Europe/Berlin"),
            ..from.clone()
        };
        let onto = OptionalProfile {
            language: zone("en-GB"),
            ..from.clone()
        };
        let rebased = mine.rebase(&from, &onto);
        assert_eq!(rebased.time_zone, zone("Europe/Berlin"));
        assert_eq!(rebased.language, zone("en-GB"));
    }

    fn profile(name: &str) -> Profile {
        Profile {
            user_id: "u-1".into(),
            account: Account {
                name: name.into(),
                contact_number: "+91 1".into(),
                email: "a@example.com".into(),
                company: "Co".into(),
                country: "India".into(),
                username: "asha.r".into(),
                signed_up_at: DateTime::parse_from_rfc3339("2019-03-14T09:12:00Z")
                    .unwrap()
                    .with_timezone(&Utc),
                signed_up_with: SignUpMethod::Form,
            },
            optional: OptionalProfile::default(),
            security_question: None,
        }
    }

    #[test]
    fn greets_by_first_name_or_username() {
        assert_eq!(profile("Asha Raman").greeting_name(), "Asha");
        assert_eq!(profile("  ").greeting_name(), "asha.r");
    }

    #[test]
    fn describes_a_change_of_optional_details_for_the_activity_log() {
        let before = OptionalProfile {
            photo: Some("data:a".into()),
            time_zone: Some("Asia/Kolkata".into()),
            language: None,
        };
        assert_eq!(
            before.describe_change(&before),
            "Saved optional profile details (no change)"
        );
        let after = OptionalProfile {
            photo: None,
            time_zone: None,
            language: Some("de-DE".into()),
        };
        assert_eq!(
            before.describe_change(&after),
            "Removed the photo, cleared the time zone, set the language to de-DE"
        );
        let photo_changed = OptionalProfile {
            photo: Some("data:b".into()),
            ..before.clone()
        };
        assert_eq!(before.describe_change(&photo_changed), "Changed the photo");
        assert_eq!(
            OptionalProfile::default().describe_change(&before),
            "Added a photo, set the time zone to Asia/Kolkata"
        );
    }

    #[test]
    fn counts_filled_optional_fields() {
        let mut optional = OptionalProfile::default();
        assert_eq!(optional.filled_count(), 0);
        optional.time_zone = Some("Asia/Kolkata".into());
        optional.language = Some("en-IN".into());
        assert_eq!(optional.filled_count(), 2);
    }
}
