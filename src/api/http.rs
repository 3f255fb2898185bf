//! Writes to the API in HTTP mode, as docs/api/openapi.yaml describes them: each a `PUT` of the whole document with
//! `If-Match` (the ETag this tab last read), the change's wording for the activity log, and the attempt's
//! `Idempotency-Key` when it files a request; export files go beside the requests.

use gloo_net::http::Request;
use serde_json::Value;
use web_sys::RequestCredentials;

use super::changes::StoreNotice;
use super::client::{self, Fetch};
use super::endpoint::Endpoint;
use super::error::ApiError;
use super::saved_changes;
use super::state;

fn base(endpoint: Endpoint) -> Result<String, ApiError> {
    // Only called in HTTP mode; a configuration read since says otherwise only if the page was reconfigured.
    client::http_base().ok_or(ApiError::Status {
        endpoint,
        status: 409,
    })
}

/// The ETag the next write of `endpoint` is based on: the version this tab last read (read now if it never did).
async fn based_on(endpoint: Endpoint) -> Result<String, ApiError> {
    if let Some(etag) = state::with(|s| s.etags.get(&endpoint).cloned()) {
        return Ok(etag);
    }
    client::fetch_seed_text(endpoint, Fetch::Write).await?;
    state::with(|s| s.etags.get(&endpoint).cloned()).ok_or(ApiError::Malformed {
        endpoint,
        detail: "the answer had no ETag".to_string(),
    })
}

/// What a write sends besides the document.
#[derive(Default)]
pub(super) struct Extra<'a> {
    /// The filing attempt's idempotency key.
    pub key: Option<&'a str>,
    /// A new security answer: sent once, to be kept only in the form needed to check it; never part of a document.
    pub security_answer: Option<&'a str>,
}

/// Stores `document` as `endpoint`'s new version. A version saved elsewhere since this tab read it refuses the
/// write ([`ApiError::Conflict`]) and the app reads the newer one, keeping what the user typed.
pub(super) async fn put_document(
    endpoint: Endpoint,
    document: &Value,
    summary: &str,
    extra: Extra<'_>,
) -> Result<(), ApiError> {
    let url = format!("{}/{}", base(endpoint)?, endpoint.file());
    let etag = based_on(endpoint).await?;
    let mut request = Request::put(&url)
        .credentials(RequestCredentials::Include)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("If-Match", &etag)
        .header(
            "Change-Summary",
            &String::from(js_sys::encode_uri_component(summary)),
        );
    if let Some(key) = extra.key {
        request = request.header("Idempotency-Key", key);
    }
    if let Some(answer) = extra.security_answer {
        request = request.header(
            "Security-Answer",
            &String::from(js_sys::encode_uri_component(answer)),
        );
    }
    let response = request
        .body(document.to_string())
        .map_err(|_| ApiError::Network { endpoint })?
        .send()
        .await
        .map_err(|_| ApiError::Network { endpoint })?;
    if let Some(error) = client::status_error(endpoint, &response) {
        if error == ApiError::Conflict {
            saved_changes::note(StoreNotice::ChangedElsewhere);
        }
        return Err(error);
    }
    match response.headers().get("etag") {
        Some(etag) => state::with(|s| s.etags.insert(endpoint, etag)),
        None => state::with(|s| s.etags.remove(&endpoint)),
    };
    Ok(())
}

/// Where the file of the export `reference` is kept.
fn export_url(reference: &str) -> Result<String, ApiError> {
    Ok(format!(
        "{}/exports/{}",
        base(Endpoint::Requests)?,
        String::from(js_sys::encode_uri_component(reference))
    ))
}

/// Stores the file of the ready export `reference` (once: a file already stored is the same export's).
pub(super) async fn put_export_file(
    reference: &str,
    media_type: &str,
    text: &str,
) -> Result<(), ApiError> {
    let endpoint = Endpoint::Requests;
    let url = export_url(reference)?;
    let response = Request::put(&url)
        .credentials(RequestCredentials::Include)
        .header("Content-Type", media_type)
        .body(text.to_string())
        .map_err(|_| ApiError::Network { endpoint })?
        .send()
        .await
        .map_err(|_| ApiError::Network { endpoint })?;
    match client::status_error(endpoint, &response) {
        None => Ok(()),
        Some(ApiError::Status { status: 409, .. }) => Ok(()),
        Some(error) => Err(error),
    }
}

/// The file of the export `reference`, if the server still keeps it.
pub(super) async fn export_file(reference: &str) -> Result<Option<String>, ApiError> {
    let endpoint = Endpoint::Requests;
    let url = export_url(reference)?;
    let response = Request::get(&url)
        .credentials(RequestCredentials::Include)
        .cache(web_sys::RequestCache::NoStore)
        .send()
        .await
        .map_err(|_| ApiError::Network { endpoint })?;
    match client::status_error(endpoint, &response) {
        None => response
            .text()
            .await
            .map(Some)
            .map_err(|_| ApiError::Network { endpoint }),
        Some(ApiError::Status {
            status: 404 | 410, ..
        }) => Ok(None),
        Some(error) => Err(error),
    }
}
