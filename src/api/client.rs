//! HTTP reads of the seed documents, merged with the overlay and decoded into domain types.

use gloo_net::http::Request;
use serde_json::Value;

use super::endpoint::Endpoint;
use super::error::ApiError;
use super::saved_changes;
use super::state;
use crate::domain::json::{FromJson, JsonError};

use super::demo;

/// Where the backend lives unless told otherwise: the mock's seed files, served with the app. The mock keeps
/// company documents (the policy) at `/api/{file}` and each demo user's documents at `/api/personas/{id}/{file}`.
pub const DEFAULT_BASE_URL: &str = "/api";

/// Points the api layer at a real backend (or a test double) serving every document at `{base}/{file}`.
pub fn set_base_url(base: &str) {
    state::with(|s| s.server_base_url = Some(base.trim_end_matches('/').to_string()));
}

/// Goes back to the mock backend served with the app.
pub fn use_mock_backend() {
    state::with(|s| s.server_base_url = None);
}

/// Whether reads go to the mock backend (where demo users can be switched).
pub fn is_mock_backend() -> bool {
    state::with(|s| s.server_base_url.is_none())
}

/// The URL of `endpoint`'s document.
pub fn url_of(endpoint: Endpoint) -> String {
    match state::with(|s| s.server_base_url.clone()) {
        Some(base) => format!("{base}/{}", endpoint.file()),
        None if endpoint.is_about_the_user() => format!(
            "{DEFAULT_BASE_URL}/personas/{}/{}",
            demo::current_persona(),
            endpoint.file()
        ),
        None => format!("{DEFAULT_BASE_URL}/{}", endpoint.file()),
    }
}

/// How a document is fetched: a read may be answered by the browser's HTTP cache; a write never is, since a write
/// is a round trip to the server (the mock stands in for a `PUT`), so offline it fails as a real one would.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fetch {
    Read,
    Write,
}

/// Fetches the seed document of `endpoint` as text.
pub async fn fetch_seed_text(endpoint: Endpoint, fetch: Fetch) -> Result<String, ApiError> {
    #[cfg(preview)]
    if let Some(simulated) = super::simulate::intercept(endpoint).await {
        return simulated;
    }
    let cache = match fetch {
        Fetch::Read => web_sys::RequestCache::Default,
        Fetch::Write => web_sys::RequestCache::NoStore,
    };
    let response = Request::get(&url_of(endpoint))
        .header("Accept", "application/json")
        .cache(cache)
        .send()
        .await
        .map_err(|_| ApiError::Network { endpoint })?;
    if !response.ok() {
        return Err(ApiError::Status {
            endpoint,
            status: response.status(),
        });
    }
    // A body cut off half-way arrives as a network error here, not as truncated JSON.
    response
        .text()
        .await
        .map_err(|_| ApiError::Network { endpoint })
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

/// Reads `endpoint` as the server would answer it: seed plus the user's changes.
pub async fn read<T: FromJson>(endpoint: Endpoint) -> Result<T, ApiError> {
    let seed_text = fetch_seed_text(endpoint, Fetch::Read).await?;
    crate::dom::timed(&format!("decode {}", endpoint.file()), || {
        decode_with_overlay(endpoint, &seed_text)
    })
}
