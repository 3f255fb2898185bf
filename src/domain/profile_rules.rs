//! The rules for what a user may enter on the profile page: the security question and answer, corrections to
//! account fields, photos, time zones and languages. Plain functions, tested natively.

use super::profile::OptionalProfile;

/// The questions offered; the user may also write their own.
pub const SUGGESTED_QUESTIONS: [&str; 5] = [
    "What was the name of your first school?",
    "In which city were you born?",
    "What was the name of your first pet?",
    "What is the name of the street you grew up on?",
    "What was the make of your first car?",
];

/// The languages the portal can format dates and numbers in: (BCP 47 tag, name in that language, English name).
pub const LANGUAGES: [(&str, &str, &str); 8] = [
    ("en-IN", "English (India)", "English (India)"),
    (
        "en-GB",
        "English (United Kingdom)",
        "English (United Kingdom)",
    ),
    (
        "en-US",
        "English (United States)",
        "English (United States)",
    ),
    ("hi-IN", "हिन्दी", "Hindi"),
    ("ta-IN", "தமிழ்", "Tamil"),
    ("de-DE", "Deutsch", "German"),
    ("fr-FR", "Français", "French"),
    ("es-ES", "Español", "Spanish"),
];

/// Limits, in characters (Unicode scalar values) after trimming.
pub const QUESTION_MIN: usize = 10;
pub const QUESTION_MAX: usize = 150;
pub const ANSWER_MIN: usize = 4;
pub const ANSWER_MAX: usize = 100;
pub const CORRECTION_MAX: usize = 200;
pub const NOTE_MAX: usize = 500;
/// The largest photo accepted, in bytes.
pub const PHOTO_MAX_BYTES: u64 = 2 * 1024 * 1024;

/// What is wrong with an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing (or only spaces) was entered.
    Missing,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    /// The two entries of a write-only answer differ.
    Mismatch,
    /// The answer can be read off the question.
    AnswerInQuestion,
    /// The corrected value is what the account already says.
    Unchanged,
    /// Not an email address.
    NotAnEmail,
    /// Not one of the offered values.
    NotOffered,
    /// Neither an email address nor a phone number.
    NotAContact,
}

fn length(text: &str) -> usize {
    text.trim().chars().count()
}

pub(crate) fn bounded(text: &str, min: usize, max: usize) -> Result<(), Problem> {
    match length(text) {
        0 => Err(Problem::Missing),
        n if n < min => Err(Problem::TooShort { min }),
        n if n > max => Err(Problem::TooLong { max }),
        _ => Ok(()),
    }
}

/// A security question, chosen or written by the user.
pub fn check_question(question: &str) -> Result<(), Problem> {
    bounded(question, QUESTION_MIN, QUESTION_MAX)
}

/// The answer (entered twice). Surrounding spaces do not count; case does.
pub fn check_answer(question: &str, answer: &str, repeated: &str) -> Result<(), Problem> {
    bounded(answer, ANSWER_MIN, ANSWER_MAX)?;
    if answer.trim() != repeated.trim() {
        return Err(Problem::Mismatch);
    }
    if question
        .to_lowercase()
        .contains(&answer.trim().to_lowercase())
    {
        return Err(Problem::AnswerInQuestion);
    }
    Ok(())
}

/// A plausible email address: one `@`, something before it, a dotted domain after it, no spaces.
pub fn looks_like_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(char::is_whitespace)
}

/// A correction to an account field: what it should say instead of `current`.
pub fn check_correction(current: &str, corrected: &str, is_email: bool) -> Result<(), Problem> {
    bounded(corrected, 1, CORRECTION_MAX)?;
    if corrected.trim() == current.trim() {
        return Err(Problem::Unchanged);
    }
    if is_email && !looks_like_email(corrected) {
        return Err(Problem::NotAnEmail);
    }
    Ok(())
}

/// An optional note: may be empty, not too long.
pub fn check_note(note: &str) -> Result<(), Problem> {
    if length(note) > NOTE_MAX {
        Err(Problem::TooLong { max: NOTE_MAX })
    } else {
        Ok(())
    }
}

/// A correction request's summary, in English like every record the backend keeps:
/// `Email: should read “a@example.com” (my work address)`.
pub fn correction_summary(field_name: &str, corrected: &str, note: &str) -> String {
    let mut summary = format!("{field_name}: should read “{}”", corrected.trim());
    if !note.trim().is_empty() {
        summary.push_str(&format!(" ({})", note.trim()));
    }
    summary
}

/// An optional choice from a list: empty, or one of `offered`.
pub fn check_choice<'a>(
    value: &str,
    offered: impl IntoIterator<Item = &'a str>,
) -> Result<(), Problem> {
    let value = value.trim();
    if value.is_empty() || offered.into_iter().any(|o| o == value) {
        Ok(())
    } else {
        Err(Problem::NotOffered)
    }
}

/// An optional value that must be one `is_known` accepts (a time zone the browser can format in, say), or empty.
pub fn check_known(value: &str, is_known: impl Fn(&str) -> bool) -> Result<(), Problem> {
    let value = value.trim();
    if value.is_empty() || is_known(value) {
        Ok(())
    } else {
        Err(Problem::NotOffered)
    }
}

/// The image formats accepted for a photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageType {
    Png,
    Jpeg,
    Webp,
}

/// What a file's first bytes say it is, whatever its name.
pub fn sniff_image(bytes: &[u8]) -> Option<ImageType> {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(ImageType::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageType::Jpeg)
    } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(ImageType::Webp)
    } else {
        None
    }
}

/// Why a photo is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoProblem {
    Empty,
    TooLarge,
    NotAnImage,
}

/// The checks made before the browser tries to decode the file.
pub fn check_photo(size: u64, first_bytes: &[u8]) -> Result<ImageType, PhotoProblem> {
    if size == 0 {
        return Err(PhotoProblem::Empty);
    }
    if size > PHOTO_MAX_BYTES {
        return Err(PhotoProblem::TooLarge);
    }
    sniff_image(first_bytes).ok_or(PhotoProblem::NotAnImage)
}

/// The optional profile fields that hold something the company does not need to provide its services.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionalField {
    Photo,
    TimeZone,
    Language,
}

/// Filled optional fields: the company never needs them (the policy: "we don't require that information").
pub fn unneeded_fields(optional: &OptionalProfile) -> Vec<OptionalField> {
    let mut fields = Vec::new();
    if optional.photo.is_some() {
        fields.push(OptionalField::Photo);
    }
    if optional.time_zone.is_some() {
        fields.push(OptionalField::TimeZone);
    }
    if optional.language.is_some() {
        fields.push(OptionalField::Language);
    }
    fields
}

/// Time zones that browsers still list under a former name (CLDR keeps them for stability), with the name IANA
/// uses now. Chromium offers `Asia/Calcutta`, for instance, while the user's profile says `Asia/Kolkata`.
pub const RENAMED_ZONES: [(&str, &str); 19] = [
    ("Africa/Asmera", "Africa/Asmara"),
    ("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
    ("America/Catamarca", "America/Argentina/Catamarca"),
    ("America/Coral_Harbour", "America/Atikokan"),
    ("America/Cordoba", "America/Argentina/Cordoba"),
    ("America/Godthab", "America/Nuuk"),
    ("America/Indianapolis", "America/Indiana/Indianapolis"),
    ("America/Jujuy", "America/Argentina/Jujuy"),
    ("America/Louisville", "America/Kentucky/Louisville"),
    ("America/Mendoza", "America/Argentina/Mendoza"),
    ("Asia/Calcutta", "Asia/Kolkata"),
    ("Asia/Katmandu", "Asia/Kathmandu"),
    ("Asia/Rangoon", "Asia/Yangon"),
    ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
    ("Atlantic/Faeroe", "Atlantic/Faroe"),
    ("Europe/Kiev", "Europe/Kyiv"),
    ("Pacific/Enderbury", "Pacific/Kanton"),
    ("Pacific/Ponape", "Pacific/Pohnpei"),
    ("Pacific/Truk", "Pacific/Chuuk"),
];

/// The time zones to suggest: the browser's list with every former name replaced by the current one, sorted, each
/// once.
pub fn current_zone_names(zones: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut names: Vec<String> = zones
        .into_iter()
        .map(|zone| {
            RENAMED_ZONES
                .iter()
                .find(|(former, _)| *former == zone)
                .map_or(zone, |(_, current)| (*current).to_string())
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correction_summary_says_the_new_value_and_any_note_without_outer_spaces() {
        assert_eq!(
            correction_summary("Name", "  Asha Raman ", "   "),
            "Name: should read “Asha Raman”"
        );
        assert_eq!(
            correction_summary("Email", "a@example.com", " my work address "),
            "Email: should read “a@example.com” (my work address)"
        );
    }

    #[test]
    fn questions_have_bounds_and_spaces_do_not_count() {
        assert_eq!(check_question("   "), Err(Problem::Missing));
        assert_eq!(
            check_question("Pet name?"),
            Err(Problem::TooShort { min: 10 })
        );
        assert_eq!(check_question("   Your first pet?     "), Ok(()));
        assert_eq!(
            check_question(&"q".repeat(151)),
            Err(Problem::TooLong { max: 150 })
        );
        for q in SUGGESTED_QUESTIONS {
            assert_eq!(check_question(q), Ok(()));
        }
    }

    #[test]
    fn answers_are_entered_twice_and_not_given_away_by_the_question() {
        let q = "What was the name of your first pet?";
        assert_eq!(
            check_answer(q, "Rex", "Rex"),
            Err(Problem::TooShort { min: 4 })
        );
        assert_eq!(check_answer(q, "Rexie", "Rexy"), Err(Problem::Mismatch));
        assert_eq!(check_answer(q, " Rexie ", "Rexie"), Ok(()));
        assert_eq!(
            check_answer(q, "first pet", "first pet"),
            Err(Problem::AnswerInQuestion)
        );
        assert_eq!(check_answer(q, "", ""), Err(Problem::Missing));
    }

    #[test]
    fn corrections_must_change_something_and_emails_must_look_like_emails() {
        assert_eq!(
            check_correction("Asha", "Asha ", false),
            Err(Problem::Unchanged)
        );
        assert_eq!(check_correction("Asha", " ", false), Err(Problem::Missing));
        assert_eq!(
            check_correction("a@b.in", "not an email", true),
            Err(Problem::NotAnEmail)
        );
        assert_eq!(
            check_correction("a@b.in", "asha@nilgiri.example", true),
            Ok(())
        );
        assert_eq!(
            check_correction("x", &"y".repeat(201), false),
            Err(Problem::TooLong { max: 200 })
        );
        assert!(!looks_like_email("a@b"));
        assert!(!looks_like_email("a b@c.in"));
        assert!(!looks_like_email("@c.in"));
        assert!(!looks_like_email("a@@c.in"));
        assert!(looks_like_email("first.last+tag@sub.example.co.in"));
    }

    #[test]
    fn choices_must_be_offered_or_empty() {
        let zones = ["Asia/Kolkata", "Europe/Berlin"];
        assert_eq!(check_choice("", zones), Ok(()));
        assert_eq!(check_choice("Europe/Berlin", zones), Ok(()));
        assert_eq!(
            check_choice("Mars/Olympus", zones),
            Err(Problem::NotOffered)
        );
    }

    #[test]
    fn former_zone_names_are_suggested_under_their_current_name_once() {
        let listed = [
            "Europe/Berlin",
            "Asia/Calcutta",
            "Asia/Kolkata",
            "Europe/Kiev",
            "America/Godthab",
        ];
        assert_eq!(
            current_zone_names(listed.map(String::from)),
            [
                "America/Nuuk",
                "Asia/Kolkata",
                "Europe/Berlin",
                "Europe/Kyiv"
            ]
        );
        // The table maps a former name to a different, current one, and no current name is itself renamed.
        for (former, current) in RENAMED_ZONES {
            assert_ne!(former, current);
            assert!(
                RENAMED_ZONES.iter().all(|(f, _)| *f != current),
                "{current}"
            );
        }
    }

    #[test]
    fn known_values_are_judged_by_the_given_test() {
        let known = |v: &str| v == "Asia/Kolkata" || v == "Asia/Calcutta";
        assert_eq!(check_known("  ", known), Ok(()));
        assert_eq!(check_known(" Asia/Kolkata ", known), Ok(()));
        assert_eq!(
            check_known("Mars/Olympus_Mons", known),
            Err(Problem::NotOffered)
        );
    }

    #[test]
    fn photos_are_judged_by_their_bytes_not_their_name() {
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        assert_eq!(check_photo(10, &png), Ok(ImageType::Png));
        assert_eq!(
            check_photo(10, &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok(ImageType::Jpeg)
        );
        assert_eq!(
            check_photo(20, b"RIFF\0\0\0\0WEBPVP8 "),
            Ok(ImageType::Webp)
        );
        assert_eq!(
            check_photo(20, b"hello, I am text"),
            Err(PhotoProblem::NotAnImage)
        );
        assert_eq!(check_photo(0, &png), Err(PhotoProblem::Empty));
        assert_eq!(
            check_photo(PHOTO_MAX_BYTES + 1, &png),
            Err(PhotoProblem::TooLarge)
        );
        assert_eq!(check_photo(PHOTO_MAX_BYTES, &png), Ok(ImageType::Png));
    }

    #[test]
    fn filled_optional_fields_are_pointed_out() {
        let mut optional = OptionalProfile::default();
        assert!(unneeded_fields(&optional).is_empty());
        optional.language = Some("en-IN".into());
        assert_eq!(unneeded_fields(&optional), vec![OptionalField::Language]);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whitespace around an entry never changes the verdict.
        #[test]
        fn surrounding_whitespace_is_ignored(text in "\\PC{0,160}", pad in "[ \\t\\n]{0,5}") {
            let padded = format!("{pad}{text}{pad}");
            prop_assert_eq!(check_question(&text), check_question(&padded));
            prop_assert_eq!(check_note(&text), check_note(&padded));
        }

        /// Lengths count characters, not bytes: any script, any emoji.
        #[test]
        fn length_counts_characters(c in "\\PC", n in 0usize..200) {
            let text: String = std::iter::repeat_n(c.as_str(), n).collect();
            let chars = text.trim().chars().count();
            let verdict = check_question(&text);
            if chars == 0 {
                prop_assert_eq!(verdict, Err(Problem::Missing));
            } else if chars < QUESTION_MIN {
                prop_assert_eq!(verdict, Err(Problem::TooShort { min: QUESTION_MIN }));
            } else if chars > QUESTION_MAX {
                prop_assert_eq!(verdict, Err(Problem::TooLong { max: QUESTION_MAX }));
            } else {
                prop_assert_eq!(verdict, Ok(()));
            }
        }

        /// A valid answer is accepted whatever its script, and only when entered the same twice.
        #[test]
        fn answers_must_match(answer in "[\\p{L}\\p{N}]{4,40}", other in "[\\p{L}]{4,40}") {
            let question = "Which word did you choose for this test?";
            prop_assume!(!question.to_lowercase().contains(&answer.to_lowercase()));
            prop_assert_eq!(check_answer(question, &answer, &answer), Ok(()));
            if other.trim() != answer.trim() {
                prop_assert_eq!(check_answer(question, &answer, &other), Err(Problem::Mismatch));
            }
        }

        /// Corrections never accept the current value back, however it is spaced.
        #[test]
        fn unchanged_corrections_are_refused(value in "[a-zA-Z ]{1,50}", pad in " {0,3}") {
            prop_assume!(!value.trim().is_empty());
            let again = format!("{pad}{value}{pad}");
            prop_assert_eq!(check_correction(&value, &again, false), Err(Problem::Unchanged));
        }
    }
}
