//! The portal's runtime configuration: `config.json`, served beside index.html and read once at start. It picks the
//! backend (the embedded mock, or an HTTP API) and names the account system's pages, so one build serves any
//! deployment (docs/deploying.md). No file (404) means the defaults: the mock, as in development.

use serde_json::{Map, Value};

/// Where the configuration is served.
pub const CONFIG_URL: &str = "/config.json";

/// Where the user changes their password unless the configuration names another page: in the account system the
/// portal sits in front of, never here (the portal holds no password, only shows that one is held).
pub const DEFAULT_PASSWORD_URL: &str = "https://www.icanopustech.com/account/password";

/// Which backend answers the portal's reads and writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Backend {
    /// The static documents shipped with the portal, with the user's changes kept in this browser.
    Mock,
    /// The API of docs/api/openapi.yaml at this base URL (no trailing slash); nothing personal is kept in the
    /// browser.
    Http { base: String },
}

/// The runtime configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub backend: Backend,
    /// Where a user whose session is over signs in again (HTTP mode).
    pub sign_in_url: Option<String>,
    /// Where the user changes their password.
    pub password_url: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            backend: Backend::Mock,
            sign_in_url: None,
            password_url: DEFAULT_PASSWORD_URL.to_string(),
        }
    }
}

/// Whether `url` may be used as an address the portal talks to or links to: a path on this origin, or an HTTPS
/// address (plain HTTP only on this machine, for development).
fn acceptable_url(url: &str) -> bool {
    let local = ["http://127.0.0.1", "http://localhost"];
    (url.starts_with('/') && !url.starts_with("//"))
        || url.starts_with("https://")
        || local.iter().any(|origin| {
            url.strip_prefix(origin)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/']))
        })
}

fn url_member(object: &Map<String, Value>, name: &str) -> Result<Option<String>, String> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(url)) if acceptable_url(url.trim()) => Ok(Some(url.trim().to_string())),
        Some(_) => Err(format!(
            "`{name}` must be a path on this site (/…) or an https:// address"
        )),
    }
}

/// Reads the configuration from `text`; what is wrong with it, in one sentence, otherwise.
pub fn parse(text: &str) -> Result<Config, String> {
    let value: Value = serde_json::from_str(text).map_err(|error| format!("not JSON ({error})"))?;
    let Value::Object(object) = value else {
        return Err("not a JSON object".to_string());
    };
    const KNOWN: [&str; 4] = ["mode", "apiBaseUrl", "signInUrl", "passwordUrl"];
    if let Some(unknown) = object.keys().find(|key| !KNOWN.contains(&key.as_str())) {
        return Err(format!(
            "unknown member `{unknown}` (known: {})",
            KNOWN.join(", ")
        ));
    }
    let api_base = url_member(&object, "apiBaseUrl")?;
    let backend = match object.get("mode").and_then(Value::as_str) {
        None if object.get("mode").is_none() => Backend::Mock,
        Some("mock") => Backend::Mock,
        Some("http") => Backend::Http {
            base: api_base
                .ok_or("`mode` http needs `apiBaseUrl`")?
                .trim_end_matches('/')
                .to_string(),
        },
        _ => return Err("`mode` must be \"mock\" or \"http\"".to_string()),
    };
    Ok(Config {
        backend,
        sign_in_url: url_member(&object, "signInUrl")?,
        password_url: url_member(&object, "passwordUrl")?
            .unwrap_or_else(|| DEFAULT_PASSWORD_URL.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_configuration_is_the_mock() {
        let shipped = include_str!("../../public/config.json");
        assert_eq!(parse(shipped), Ok(Config::default()));
    }

    #[test]
    fn http_mode_names_the_api_and_the_account_pages() {
        let config = parse(
            r#"{"mode": "http", "apiBaseUrl": "https://api.example.com/v1/", "signInUrl": "/sign-in",
                "passwordUrl": "https://accounts.example.com/password"}"#,
        )
        .unwrap();
        assert_eq!(
            config.backend,
            Backend::Http {
                base: "https://api.example.com/v1".to_string()
            }
        );
        assert_eq!(config.sign_in_url.as_deref(), Some("/sign-in"));
        assert_eq!(config.password_url, "https://accounts.example.com/password");
        assert_eq!(
            parse(r#"{"mode": "http", "apiBaseUrl": "http://127.0.0.1:8090/api/v1"}"#)
                .map(|c| c.backend),
            Ok(Backend::Http {
                base: "http://127.0.0.1:8090/api/v1".to_string()
            })
        );
    }

    #[test]
    fn a_wrong_configuration_says_what_is_wrong() {
        for (text, expected) in [
            ("[]", "not a JSON object"),
            ("{\"mode\": \"http\"}", "needs `apiBaseUrl`"),
            ("{\"mode\": \"live\"}", "must be \"mock\" or \"http\""),
            (
                "{\"mode\": \"http\", \"apiBaseUrl\": \"http://api.example.com\"}",
                "https://",
            ),
            (
                "{\"mode\": \"http\", \"apiBaseUrl\": \"//evil.example\"}",
                "https://",
            ),
            ("{\"apiBaseURL\": \"/api\"}", "unknown member `apiBaseURL`"),
            ("{\"signInUrl\": \"javascript:alert(1)\"}", "https://"),
            ("{", "not JSON"),
        ] {
            let error = parse(text).expect_err(text);
            assert!(error.contains(expected), "{text}: {error}");
        }
    }
}
