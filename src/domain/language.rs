//! Which language the portal speaks and which locale formats its dates and numbers.

/// The primary subtag of a BCP 47 tag, lower-cased: `"en-IN"` → `"en"`.
pub fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The portal language for `tag`, among `supported` (primary subtags such as `"hi"`), if any.
pub fn supported_language<'a>(tag: &str, supported: &[&'a str]) -> Option<&'a str> {
    let primary = primary_subtag(tag);
    supported.iter().copied().find(|s| *s == primary)
}

/// The language the portal starts in: the choice made in this browser, else the profile's language when the portal
/// speaks it, else the first of the browser's languages it speaks, else the first supported (English).
pub fn starting_language<'a>(
    chosen_here: Option<&str>,
    profile: Option<&str>,
    browser: &[String],
    supported: &[&'a str],
) -> &'a str {
    chosen_here
        .and_then(|tag| supported_language(tag, supported))
        .or_else(|| profile.and_then(|tag| supported_language(tag, supported)))
        .or_else(|| {
            browser
                .iter()
                .find_map(|tag| supported_language(tag, supported))
        })
        .unwrap_or(supported[0])
}

/// The locale for dates and numbers while the portal speaks `portal`. Unless a language was chosen in this browser,
/// the profile's "language for dates and numbers" stands as set (even one the portal does not speak, such as
/// Tamil). Otherwise the profile's or the browser's language when it is a variant of `portal` (`en-IN` for English
/// keeps Indian grouping and day-month order), else `portal` itself.
pub fn formatting_locale(
    portal: &str,
    chosen_here: bool,
    profile: Option<&str>,
    browser: &[String],
) -> String {
    if let (false, Some(profile)) = (chosen_here, profile) {
        return profile.to_string();
    }
    profile
        .into_iter()
        .chain(browser.iter().map(String::as_str))
        .find(|tag| primary_subtag(tag) == portal)
        .map_or_else(|| portal.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUPPORTED: [&str; 3] = ["en", "hi", "de"];

    #[test]
    fn the_choice_here_then_the_profile_then_the_browser_then_english() {
        let browser = vec!["ta-IN".to_string(), "de-AT".to_string()];
        assert_eq!(
            starting_language(Some("hi"), Some("de-DE"), &browser, &SUPPORTED),
            "hi"
        );
        assert_eq!(
            starting_language(None, Some("hi-IN"), &browser, &SUPPORTED),
            "hi"
        );
        // A profile language the portal does not speak is passed over.
        assert_eq!(
            starting_language(None, Some("ta-IN"), &browser, &SUPPORTED),
            "de"
        );
        assert_eq!(
            starting_language(None, None, &["fr-FR".to_string()], &SUPPORTED),
            "en"
        );
        assert_eq!(starting_language(Some("xx"), None, &[], &SUPPORTED), "en");
    }

    #[test]
    fn dates_use_a_regional_variant_of_the_portal_language_when_one_is_known() {
        let browser = vec!["en-GB".to_string(), "de-CH".to_string()];
        // The profile's choice stands while nothing was chosen here, even in a language the portal lacks.
        assert_eq!(
            formatting_locale("en", false, Some("ta-IN"), &browser),
            "ta-IN"
        );
        assert_eq!(
            formatting_locale("en", true, Some("en-IN"), &browser),
            "en-IN"
        );
        assert_eq!(formatting_locale("en", false, None, &browser), "en-GB");
        assert_eq!(
            formatting_locale("de", true, Some("en-IN"), &browser),
            "de-CH"
        );
        assert_eq!(formatting_locale("hi", true, Some("en-IN"), &browser), "hi");
    }
}
