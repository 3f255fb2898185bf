//! Nomination: the person the user names to exercise their rights if they die or cannot act themselves, as India's
//! Digital Personal Data Protection Act allows (section 14). The policy predates the Act and says nothing about it; the
//! portal keeps the nomination so the company can act on it.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::profile_rules::{bounded, looks_like_email, Problem};

/// How the nominee is related to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Spouse,
    Parent,
    Child,
    Sibling,
    OtherRelative,
    Friend,
    LegalRepresentative,
    Other,
}

crate::from_json_enum!(Relation { Spouse = "spouse", Parent = "parent", Child = "child", Sibling = "sibling", OtherRelative = "other_relative", Friend = "friend", LegalRepresentative = "legal_representative", Other = "other" });

impl Relation {
    pub const ALL: [Relation; 8] = [
        Relation::Spouse,
        Relation::Parent,
        Relation::Child,
        Relation::Sibling,
        Relation::OtherRelative,
        Relation::Friend,
        Relation::LegalRepresentative,
        Relation::Other,
    ];

    /// A stable identifier, for the form's options.
    pub const fn slug(self) -> &'static str {
        match self {
            Relation::Spouse => "spouse",
            Relation::Parent => "parent",
            Relation::Child => "child",
            Relation::Sibling => "sibling",
            Relation::OtherRelative => "other-relative",
            Relation::Friend => "friend",
            Relation::LegalRepresentative => "legal-representative",
            Relation::Other => "other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.slug() == slug)
    }
}

/// The person named.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Nominee {
    pub name: String,
    pub relation: Relation,
    /// An email address or a phone number, as the user wrote it.
    pub contact: String,
    /// When the user named them (or last changed the details).
    pub named_at: DateTime<Utc>,
}

crate::from_json_struct!(Nominee {
    name,
    relation,
    contact,
    named_at
});

/// The nomination endpoint's document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Nomination {
    /// `None` while nobody is named.
    pub nominee: Option<Nominee>,
}

crate::from_json_struct!(Nomination { nominee });

/// The longest name and contact taken.
pub const NAME_MAX: usize = 100;
pub const CONTACT_MAX: usize = 100;

/// Which field of the form a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NomineeField {
    Name,
    Relation,
    Contact,
}

/// Whether `text` reads as a phone number: digits with the usual separators, 7 to 15 digits (E.164 allows 15).
pub fn looks_like_phone(text: &str) -> bool {
    let text = text.trim();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let allowed = text.char_indices().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.') || (c == '+' && i == 0)
    });
    allowed && (7..=15).contains(&digits)
}

/// What is wrong with the form's answers, field by field, in the form's order.
pub fn check(
    name: &str,
    relation: Option<Relation>,
    contact: &str,
) -> Vec<(NomineeField, Problem)> {
    let mut found = Vec::new();
    if let Err(p) = bounded(name, 1, NAME_MAX) {
        found.push((NomineeField::Name, p));
    }
    if relation.is_none() {
        found.push((NomineeField::Relation, Problem::NotOffered));
    }
    match bounded(contact, 1, CONTACT_MAX) {
        Err(p) => found.push((NomineeField::Contact, p)),
        Ok(()) if !looks_like_email(contact) && !looks_like_phone(contact) => {
            found.push((NomineeField::Contact, Problem::NotAContact))
        }
        Ok(()) => {}
    }
    found
}

/// The activity log's line for a nomination saved or removed, in English like every record the backend keeps.
pub fn change_summary(before: Option<&Nominee>, after: Option<&Nominee>) -> String {
    match (before, after) {
        (_, None) => "Removed my nominee".to_string(),
        (None, Some(n)) => format!("Named {} as my nominee", n.name.trim()),
        (Some(_), Some(n)) => format!("Changed my nominee's details ({})", n.name.trim()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_and_emails_are_contacts_and_little_else_is() {
        for ok in [
            "+91 98450 12345",
            "080-2345 6789",
            "(044) 2345.6789",
            "9845012345",
        ] {
            assert!(looks_like_phone(ok), "{ok}");
        }
        for bad in [
            "12345",
            "+91 98450 12345 6789 0",
            "98450+12345",
            "call me",
            "9845O12345",
        ] {
            assert!(!looks_like_phone(bad), "{bad}");
        }
        assert!(check("Ravi Kumar", Some(Relation::Sibling), "ravi@example.in").is_empty());
        assert!(check("Ravi Kumar", Some(Relation::Sibling), "+91 98450 12345").is_empty());
        assert_eq!(
            check("Ravi Kumar", Some(Relation::Sibling), "ravi at example"),
            [(NomineeField::Contact, Problem::NotAContact)]
        );
    }

    #[test]
    fn every_field_is_needed_and_bounded() {
        assert_eq!(
            check("  ", None, ""),
            [
                (NomineeField::Name, Problem::Missing),
                (NomineeField::Relation, Problem::NotOffered),
                (NomineeField::Contact, Problem::Missing)
            ]
        );
        let long = "x".repeat(NAME_MAX + 1);
        assert_eq!(
            check(&long, Some(Relation::Friend), "a@b.co"),
            [(NomineeField::Name, Problem::TooLong { max: NAME_MAX })]
        );
    }

    #[test]
    fn relations_round_trip_through_their_slugs() {
        for r in Relation::ALL {
            assert_eq!(Relation::from_slug(r.slug()), Some(r));
        }
    }

    #[test]
    fn the_log_says_what_happened_to_the_nomination() {
        let n = Nominee {
            name: " Ravi Kumar ".into(),
            relation: Relation::Sibling,
            contact: "ravi@example.in".into(),
            named_at: DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
        };
        assert_eq!(
            change_summary(None, Some(&n)),
            "Named Ravi Kumar as my nominee"
        );
        assert_eq!(
            change_summary(Some(&n), Some(&n)),
            "Changed my nominee's details (Ravi Kumar)"
        );
        assert_eq!(change_summary(Some(&n), None), "Removed my nominee");
    }
}
