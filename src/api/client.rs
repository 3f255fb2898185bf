//! HTTP reads of the documents: from the mock's seed files, merged with the changes kept in this browser, or from
//! the API (HTTP mode, [`super::config`]); decoded into domain types.

use gloo_net::http::{Request, Response};
use serde_json::Value;

use super::changes::StoreNotice;
use super::config::{self, Backend, Config};
use super::endpoint::Endpoint;
use super::error::ApiError;
use super::saved_changes;
use super::state;
use crate::domain::json::{FromJson, JsonError};

use super::demo;

/// Where the mock backend lives: its seed files, served with the app. It keeps company documents (the policy) at
/// `/api/{file}` and each demo user's documents at `/api/personas/{id}/{file}`.
pub const MOCK_BASE_URL: &str = "/api";

/// Reads the runtime configuration if it was not read yet (the app reads it before it starts; a read that failed
/// is tried again by the next read of a document, whose error it then becomes).
pub async fn configure() -> Result<Config, ApiError> {
    configure_for(Endpoint::Profile).await
}

async fn configure_for(endpoint: Endpoint) -> Result<Config, ApiError> {
    if let Some(config) = state::with(|s| s.config.clone()) {
        return Ok(config);
    }
    let response = Request::get(config::CONFIG_URL)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiError::Network { endpoint })?;
    let config = match response.status() {
        // No configuration: the defaults (the mock), as in development.
        404 => Config::default(),
        200 => {
            let text = response
                .text()
                .await
                .map_err(|_| ApiError::Network { endpoint })?;
            config::parse(&text).map_err(|detail| ApiError::Malformed {
                endpoint,
                detail: format!("{}: {detail}", config::CONFIG_URL),
            })?
        }
        status => return Err(ApiError::Status { endpoint, status }),
    };
    state::with(|s| s.config = Some(config.clone()));
    Ok(config)
}

/// Goes back to the mock backend served with the app (for tests).
pub fn use_mock_backend() {
    state::with(|s| s.config = Some(Config::default()));
}

/// Whether the mock backend is in use (where demo users can be switched). False until the configuration is read.
pub fn is_mock_backend() -> bool {
    state::with(|s| matches!(s.config.as_ref().map(|c| &c.backend), Some(Backend::Mock)))
}

/// The API's base URL in HTTP mode.
pub(super) fn http_base() -> Option<String> {
    state::with(|s| match s.config.as_ref().map(|c| &c.backend) {
        Some(Backend::Http { base }) => Some(base.clone()),
        _ => None,
    })
}

/// Where a user whose session is over signs in again, if the configuration names it.
pub fn sign_in_url() -> Option<String> {
    state::with(|s| s.config.as_ref().and_then(|c| c.sign_in_url.clone()))
}

/// Where the user changes their password (in the account system, never here).
pub fn password_url() -> String {
    state::with(|s| s.config.as_ref().map(|c| c.password_url.clone()))
        .unwrap_or_else(|| config::DEFAULT_PASSWORD_URL.to_string())
}

/// The URL of `endpoint`'s document.
pub fn url_of(endpoint: Endpoint) -> String {
    match http_base() {
        Some(base) => format!("{base}/{}", endpoint.file()),
        None if endpoint.is_about_the_user() => format!(
            "{MOCK_BASE_URL}/personas/{}/{}",
            demo::current_persona(),
            endpoint.file()
        ),
        None => format!("{MOCK_BASE_URL}/{}", endpoint.file()),
    }
}

/// The version of `endpoint`'s document this tab last read or wrote: the stored revision (mock) or the ETag (HTTP).
pub fn version_seen(endpoint: Endpoint) -> Option<String> {
    if http_base().is_some() {
        state::with(|s| s.etags.get(&endpoint).cloned())
    } else {
        saved_changes::seen(endpoint.key()).map(|revision| revision.to_string())
    }
}

/// How a document is fetched: a read may be answered by the browser's HTTP cache; a write never is, since a write
/// is a round trip to the server (the mock stands in for a `PUT`), so offline it fails as a real one would.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fetch {
    Read,
    Write,
}

/// The error an answer's status means (`None`: a success). A session that is over is also told to the app, which
/// offers to sign in again.
pub(super) fn status_error(endpoint: Endpoint, response: &Response) -> Option<ApiError> {
    let status = response.status();
    let error = match status {
        200..=299 => return None,
        401 => {
            saved_changes::note(StoreNotice::SessionOver);
            ApiError::SessionOver
        }
        403 => ApiError::Forbidden { endpoint },
        412 => ApiError::Conflict,
        429 => ApiError::RateLimited {
            retry_after_seconds: response
                .headers()
                .get("retry-after")
                .and_then(|value| value.trim().parse().ok()),
        },
        status => ApiError::Status { endpoint, status },
    };
    Some(error)
}

/// Fetches `endpoint`'s document as text (in HTTP mode, remembering its ETag for the next write).
pub async fn fetch_seed_text(endpoint: Endpoint, fetch: Fetch) -> Result<String, ApiError> {
    configure_for(endpoint).await?;
    #[cfg(preview)]
    if let Some(simulated) = super::simulate::intercept(endpoint).await {
        return simulated;
    }
    let cache = match fetch {
        Fetch::Read => web_sys::RequestCache::Default,
        Fetch::Write => web_sys::RequestCache::NoStore,
    };
    let http = http_base().is_some();
    let mut request = Request::get(&url_of(endpoint))
        .header("Accept", "application/json")
        .cache(cache);
    if http {
        // The API may be on another origin; its session cookie goes with every request.
        request = request.credentials(web_sys::RequestCredentials::Include);
    }
    let response = request
        .send()
        .await
        .map_err(|_| ApiError::Network { endpoint })?;
    if let Some(error) = status_error(endpoint, &response) {
        return Err(error);
    }
    let etag = response.headers().get("etag");
    // A body cut off half-way arrives as a network error here, not as truncated JSON.
    let text = response
        .text()
        .await
        .map_err(|_| ApiError::Network { endpoint })?;
    if http {
        state::with(|s| match etag {
            Some(etag) => s.etags.insert(endpoint, etag),
            None => s.etags.remove(&endpoint),
        });
    }
    Ok(text)
}

fn malformed(endpoint: Endpoint, text: &str, error: &JsonError) -> ApiError {
    ApiError::Malformed {
        endpoint,
        detail: if text.trim_start().starts_with('<') {
            "an HTML page instead of JSON".to_string()
        } else {
            error.to_string()
        },
    }
}

fn parse(endpoint: Endpoint, text: &str) -> Result<Value, ApiError> {
    serde_json::from_str(text)
        .map_err(|error| malformed(endpoint, text, &JsonError::syntax(&error)))
}

/// Fetches the seed document of `endpoint` as a JSON value (what a write is diffed against), from the server.
pub async fn fetch_seed(endpoint: Endpoint) -> Result<Value, ApiError> {
    let text = fetch_seed_text(endpoint, Fetch::Write).await?;
    parse(endpoint, &text)
}

/// Decodes `text` as `endpoint`'s document.
pub fn decode<T: FromJson>(endpoint: Endpoint, text: &str) -> Result<T, ApiError> {
    T::from_json(&parse(endpoint, text)?).map_err(|error| malformed(endpoint, text, &error))
}

/// Decodes the seed with the user's changes applied. If the changes no longer fit the seed (stored by an older
/// build, or tampered with), they are set aside, the user is told, and the seed alone is returned.
pub fn decode_with_overlay<T: FromJson>(
    endpoint: Endpoint,
    seed_text: &str,
) -> Result<T, ApiError> {
    let seed = parse(endpoint, seed_text)?;
    let changes = saved_changes::read(endpoint.key());
    if changes.is_empty() {
        return T::from_json(&seed).map_err(|error| malformed(endpoint, seed_text, &error));
    }
    let merged = changes.apply(endpoint.append_field(), seed);
    match T::from_json(&merged) {
        Ok(value) => Ok(value),
        Err(merged_error) => match decode(endpoint, seed_text) {
            Ok(value) => {
                saved_changes::set_aside_unfitting(endpoint.key());
                Ok(value)
            }
            Err(_) => Err(malformed(endpoint, seed_text, &merged_error)),
        },
    }
}

/// Reads `endpoint` as the server answers it: in HTTP mode the API's document; with the mock, the seed plus the
/// user's changes kept in this browser.
pub async fn read<T: FromJson>(endpoint: Endpoint) -> Result<T, ApiError> {
    let text = fetch_seed_text(endpoint, Fetch::Read).await?;
    crate::dom::timed(&format!("decode {}", endpoint.file()), || {
        if http_base().is_some() {
            decode(endpoint, &text)
        } else {
            decode_with_overlay(endpoint, &text)
        }
    })
}
