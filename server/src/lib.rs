//! The reference server: the API of docs/api/openapi.yaml on SQLite, for one demo session per demo user, serving the
//! built portal beside it. A reference for integrators and the target of the contract tests, not a product.

pub mod store;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use tower_http::services::{ServeDir, ServeFile};

use store::{Store, COMPANY};

/// Where the API lives, under the portal's origin.
pub const API_BASE: &str = "/api/v1";
/// The session cookie (docs/api/openapi.yaml, `session`).
pub const SESSION_COOKIE: &str = "portal_session";

/// What the server is started with.
pub struct Options {
    /// The built portal to serve beside the API (none: the API alone).
    pub dist: Option<PathBuf>,
    /// Writes one user may make in a minute before being answered 429.
    pub writes_per_minute: u32,
}

pub struct Server {
    store: Mutex<Store>,
    options: Options,
    /// Per user, when the current minute of writes began and how many were made in it.
    writes: Mutex<HashMap<String, (Instant, u32)>>,
}

/// Every document, whether the user may write it, its required members, and its activity area.
const DOCUMENTS: [(&str, bool, &[&str], &str); 10] = [
    ("policy.json", false, &[], ""),
    (
        "profile.json",
        true,
        &["user_id", "account", "security_question"],
        "profile",
    ),
    ("inventory.json", false, &[], ""),
    (
        "communications.json",
        true,
        &["subscribed", "updated_at"],
        "communications",
    ),
    ("cookies.json", true, &["consent", "cookies"], "cookies"),
    ("requests.json", true, &["requests"], "requests"),
    ("activity.json", false, &[], ""),
    (
        "sharing.json",
        true,
        &[
            "reselling_partners",
            "marketplace_apps",
            "service_providers",
        ],
        "sharing",
    ),
    ("notices.json", true, &["notices"], "notices"),
    ("nominee.json", true, &["nominee"], "profile"),
];

fn document(name: &str) -> Option<(bool, &'static [&'static str], &'static str)> {
    DOCUMENTS
        .iter()
        .find(|(file, ..)| *file == name)
        .map(|&(_, writable, required, area)| (writable, required, area))
}

impl Server {
    pub fn new(store: Store, options: Options) -> Arc<Server> {
        Arc::new(Server {
            store: Mutex::new(store),
            options,
            writes: Mutex::new(HashMap::new()),
        })
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A handler that panicked holding the lock left no half-done transaction (SQLite rolled it back).
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Counts a write by `user`; the seconds to wait when over the limit.
    fn over_limit(&self, user: &str) -> Option<u64> {
        let mut writes = self.writes.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        let (began, count) = writes.entry(user.to_string()).or_insert((now, 0));
        if now.duration_since(*began) >= Duration::from_secs(60) {
            (*began, *count) = (now, 0);
        }
        *count += 1;
        (*count > self.options.writes_per_minute)
            .then(|| 60 - now.duration_since(*began).as_secs().min(59))
    }
}

/// Seeds an empty database from the mock backend's files (`public/api/`): the company's documents and every demo
/// user's. Returns how many documents were stored (0 when the database already held some).
pub fn seed(store: &mut Store, dir: &Path) -> Result<usize, String> {
    if !store.is_empty().map_err(|e| e.to_string())? {
        return Ok(0);
    }
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut stored = 0;
    store
        .seed(COMPANY, "policy.json", &read(dir.join("policy.json"))?)
        .map_err(|e| e.to_string())?;
    stored += 1;
    let personas: Value = serde_json::from_str(&read(dir.join("personas.json"))?)
        .map_err(|e| format!("personas.json: {e}"))?;
    for persona in personas["personas"].as_array().into_iter().flatten() {
        let Some(id) = persona["id"].as_str() else {
            continue;
        };
        for (name, ..) in DOCUMENTS.iter().filter(|(name, ..)| *name != "policy.json") {
            let body = read(dir.join("personas").join(id).join(name))?;
            store.seed(id, name, &body).map_err(|e| e.to_string())?;
            stored += 1;
        }
    }
    Ok(stored)
}

/// The server's routes: the API, the demo sign-in, the portal's runtime configuration, and the built portal.
pub fn router(server: Arc<Server>) -> Router {
    let api = Router::new()
        .route("/exports/{reference}", get(get_export).put(put_export))
        .route("/{name}", get(get_document).put(put_document));
    let mut router = Router::new()
        .nest(API_BASE, api)
        .route("/sign-in", get(sign_in))
        .route("/config.json", get(config));
    if let Some(dist) = &server.options.dist {
        // Every other path is the portal: a file of the build, else index.html (the portal routes in the browser).
        router = router.fallback_service(
            ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html"))),
        );
    }
    router
        .layer(axum::middleware::map_response(security_headers))
        .with_state(server)
}

/// The security headers the static hosts send (deploy/security-headers.conf, Trunk.toml), on every answer.
async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    for (name, value) in [
        (
            "content-security-policy",
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; \
             connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
             frame-ancestors 'none'",
        ),
        ("referrer-policy", "no-referrer"),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

fn problem(status: StatusCode, detail: &str) -> Response {
    let body = json!({
        "title": status.canonical_reason().unwrap_or("Error"),
        "status": status.as_u16(),
        "detail": detail,
    });
    (
        status,
        [(header::CONTENT_TYPE, "application/problem+json")],
        body.to_string(),
    )
        .into_response()
}

fn failed(error: impl std::fmt::Display) -> Response {
    eprintln!("storage error: {error}");
    problem(
        StatusCode::INTERNAL_SERVER_ERROR,
        "The server could not read or store this; nothing was changed.",
    )
}

fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

/// The version an `If-Match` or `If-None-Match` names.
fn version_in(headers: &HeaderMap, name: header::HeaderName) -> Option<i64> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    value
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse()
        .ok()
}

fn document_answer(status: StatusCode, version: i64, body: String) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::ETAG, etag(version));
    // Personal data: kept by no shared cache, and checked with the server (cheaply, by ETag) before each use.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    response
}

/// The user the request's session belongs to.
fn session_user(server: &Server, headers: &HeaderMap) -> Result<String, Response> {
    let token = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|cookies| cookies.split(';'))
        .filter_map(|cookie| cookie.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_string());
    let over = || {
        problem(
            StatusCode::UNAUTHORIZED,
            "Your session is over. Sign in again.",
        )
    };
    let token = token.ok_or_else(over)?;
    match server.store().session_user(&token) {
        Ok(Some(user)) => Ok(user),
        Ok(None) => Err(over()),
        Err(error) => Err(failed(error)),
    }
}

async fn get_document(
    State(server): State<Arc<Server>>,
    UrlPath(name): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    if document(&name).is_none() {
        return problem(StatusCode::NOT_FOUND, "No such document.");
    }
    let user = if name == "policy.json" {
        COMPANY.to_string()
    } else {
        match session_user(&server, &headers) {
            Ok(user) => user,
            Err(answer) => return answer,
        }
    };
    let stored = match server.store().document(&user, &name) {
        Ok(Some(stored)) => stored,
        Ok(None) => return problem(StatusCode::NOT_FOUND, "No such document for this user."),
        Err(error) => return failed(error),
    };
    if version_in(&headers, header::IF_NONE_MATCH) == Some(stored.version) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        response
            .headers_mut()
            .insert(header::ETAG, etag(stored.version));
        return response;
    }
    document_answer(StatusCode::OK, stored.version, stored.body)
}

/// What the user did, as the portal worded it (`Change-Summary`, percent-encoded UTF-8), for the activity log.
fn change_summary(headers: &HeaderMap, name: &str) -> String {
    headers
        .get("change-summary")
        .and_then(|value| value.to_str().ok())
        .map(|text| {
            percent_encoding::percent_decode_str(text)
                .decode_utf8_lossy()
                .to_string()
        })
        .filter(|text| !text.trim().is_empty())
        .map(|text| text.chars().take(2000).collect())
        .unwrap_or_else(|| format!("Changed {}", name.trim_end_matches(".json")))
}

/// Why the server refuses a new version of a document that is well formed: the account's own fields are changed in
/// the account system (403); a request once filed cannot disappear (409).
fn refusal(name: &str, current: &Value, new: &Value) -> Option<Response> {
    match name {
        "profile.json"
            if current["account"] != new["account"] || current["user_id"] != new["user_id"] =>
        {
            Some(problem(
                StatusCode::FORBIDDEN,
                "The account's own fields are changed in the account, not in the privacy portal.",
            ))
        }
        "requests.json" => {
            let references = |log: &Value| -> Vec<String> {
                log["requests"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|r| r["reference"].as_str().map(str::to_string))
                    .collect()
            };
            let kept = references(new);
            references(current)
                .iter()
                .any(|reference| !kept.contains(reference))
                .then(|| {
                    problem(
                        StatusCode::CONFLICT,
                        "A request once filed is kept; it can be cancelled.",
                    )
                })
        }
        _ => None,
    }
}

async fn put_document(
    State(server): State<Arc<Server>>,
    UrlPath(name): UrlPath<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some((writable, required, area)) = document(&name) else {
        return problem(StatusCode::NOT_FOUND, "No such document.");
    };
    if !writable {
        return problem(
            StatusCode::METHOD_NOT_ALLOWED,
            "This document is read only.",
        );
    }
    let user = match session_user(&server, &headers) {
        Ok(user) => user,
        Err(answer) => return answer,
    };
    let key = headers
        .get("idempotency-key")
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);
    if let Some(key) = &key {
        let day_before = (chrono::Utc::now() - chrono::Duration::days(1)).to_rfc3339();
        match server.store().replay(&user, key, &day_before) {
            Ok(Some(replay)) => {
                let status = StatusCode::from_u16(replay.status).unwrap_or(StatusCode::OK);
                return document_answer(status, replay.version, replay.body);
            }
            Ok(None) => {}
            Err(error) => return failed(error),
        }
    }
    if let Some(wait) = server.over_limit(&user) {
        let mut answer = problem(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many changes in a short time; nothing was changed.",
        );
        answer
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait));
        return answer;
    }
    let Some(based_on) = version_in(&headers, header::IF_MATCH) else {
        return problem(
            StatusCode::PRECONDITION_REQUIRED,
            "A write names the version it is based on (If-Match).",
        );
    };
    let new: Value = match serde_json::from_slice(&body) {
        Ok(value @ Value::Object(_)) => value,
        _ => {
            return problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "The document is not a JSON object.",
            )
        }
    };
    if let Some(missing) = required.iter().find(|member| new.get(**member).is_none()) {
        return problem(
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!("The document has no `{missing}`."),
        );
    }
    let current = match server.store().document(&user, &name) {
        Ok(Some(stored)) => stored,
        Ok(None) => return problem(StatusCode::NOT_FOUND, "No such document for this user."),
        Err(error) => return failed(error),
    };
    let current_value: Value = serde_json::from_str(&current.body).unwrap_or(Value::Null);
    if current.version == based_on {
        if let Some(refused) = refusal(&name, &current_value, &new) {
            return refused;
        }
    }
    let now = chrono::Utc::now();
    let event = json!({
        "id": format!("server-{}", now.timestamp_micros()),
        "at": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "product": null,
        "detail": { "change": { "area": area, "summary": change_summary(&headers, &name) } },
    });
    // The same format as the day-before bound of `replay`, so the two compare as text.
    let made_at = now.to_rfc3339();
    let attempt = key.as_deref().map(|key| (key, made_at.as_str()));
    match server
        .store()
        .write(&user, &name, based_on, &new.to_string(), &event, attempt)
    {
        Ok(Ok(stored)) => document_answer(StatusCode::OK, stored.version, stored.body),
        Ok(Err(current)) => document_answer(
            StatusCode::PRECONDITION_FAILED,
            current.version,
            current.body,
        ),
        Err(error) => failed(error),
    }
}

async fn get_export(
    State(server): State<Arc<Server>>,
    UrlPath(reference): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let user = match session_user(&server, &headers) {
        Ok(user) => user,
        Err(answer) => return answer,
    };
    match server.store().export_file(&user, &reference) {
        Ok(Some((content_type, body))) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            body,
        )
            .into_response(),
        Ok(None) => problem(StatusCode::NOT_FOUND, "No such export file."),
        Err(error) => failed(error),
    }
}

/// The largest export file stored.
const EXPORT_LIMIT: usize = 20 * 1024 * 1024;

async fn put_export(
    State(server): State<Arc<Server>>,
    UrlPath(reference): UrlPath<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let user = match session_user(&server, &headers) {
        Ok(user) => user,
        Err(answer) => return answer,
    };
    if body.len() > EXPORT_LIMIT {
        return problem(
            StatusCode::PAYLOAD_TOO_LARGE,
            "The file is larger than the server accepts.",
        );
    }
    let content_type = match headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    {
        Some(kind) if kind.starts_with("text/csv") => "text/csv; charset=utf-8",
        _ => "application/json",
    };
    // The request must exist, be this user's and be a ready export.
    let ready = server
        .store()
        .document(&user, "requests.json")
        .ok()
        .flatten()
        .and_then(|stored| serde_json::from_str::<Value>(&stored.body).ok())
        .is_some_and(|log| {
            log["requests"].as_array().into_iter().flatten().any(|r| {
                r["reference"] == reference.as_str()
                    && r["kind"] == "export"
                    && r["status"] == "ready"
            })
        });
    if !ready {
        return problem(
            StatusCode::NOT_FOUND,
            "No ready export with this reference.",
        );
    }
    match server
        .store()
        .put_export_file(&user, &reference, content_type, &body)
    {
        Ok(true) => StatusCode::NO_CONTENT.into_response(),
        Ok(false) => problem(StatusCode::CONFLICT, "This export already has its file."),
        Err(error) => failed(error),
    }
}

/// The demo sign-in: `/sign-in?user=asha` starts the demo user's fixed session and opens the portal.
async fn sign_in(
    State(server): State<Arc<Server>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let user = query.get("user").map(String::as_str).unwrap_or("asha");
    let token = format!("demo-{user}");
    match server.store().session_user(&token) {
        Ok(Some(_)) => {}
        Ok(None) => return problem(StatusCode::NOT_FOUND, "No such demo user."),
        Err(error) => return failed(error),
    }
    let cookie = format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax");
    (
        StatusCode::SEE_OTHER,
        [
            (header::SET_COOKIE, cookie),
            (header::LOCATION, "/".to_string()),
        ],
    )
        .into_response()
}

/// The portal's runtime configuration when this server serves it: the HTTP API on this origin.
async fn config() -> Response {
    let body = json!({ "mode": "http", "apiBaseUrl": API_BASE, "signInUrl": "/sign-in" });
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body.to_string(),
    )
        .into_response()
}
