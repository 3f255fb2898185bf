//! The reference server's handlers on a database in memory (or in a temporary file, for a restart), seeded from
//! the mock backend's files as the server seeds itself.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use portal_reference_server::{router, seed, store::Store, Options, Server};
use serde_json::{json, Value};
use tower::ServiceExt;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/api")
}

fn app_with(store: Store, writes_per_minute: u32) -> Router {
    let mut store = store;
    seed(&mut store, &seeds()).expect("the mock's files seed the database");
    router(Server::new(
        store,
        Options {
            dist: None,
            writes_per_minute,
        },
    ))
}

fn app() -> Router {
    app_with(Store::in_memory().unwrap(), 1000)
}

const ASHA: &str = "portal_session=demo-asha";

struct Answer {
    status: StatusCode,
    etag: Option<String>,
    retry_after: Option<String>,
    content_type: Option<String>,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON answer")
    }
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let header = |name| {
        response
            .headers()
            .get(name)
            .map(|v: &header::HeaderValue| v.to_str().unwrap().to_string())
    };
    let (status, etag, retry_after, content_type) = (
        response.status(),
        header(header::ETAG),
        header(header::RETRY_AFTER),
        header(header::CONTENT_TYPE),
    );
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Answer {
        status,
        etag,
        retry_after,
        content_type,
        body,
    }
}

async fn get(app: &Router, path: &str, cookie: Option<&str>) -> Answer {
    let mut request = Request::get(format!("/api/v1/{path}"));
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

async fn put(
    app: &Router,
    path: &str,
    if_match: Option<&str>,
    headers: &[(&str, &str)],
    body: &Value,
) -> Answer {
    let mut request = Request::put(format!("/api/v1/{path}"))
        .header(header::COOKIE, ASHA)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(version) = if_match {
        request = request.header(header::IF_MATCH, version);
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(app, request.body(Body::from(body.to_string())).unwrap()).await
}

async fn events(app: &Router) -> Vec<Value> {
    get(app, "activity.json", Some(ASHA)).await.json()["events"]
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn every_seed_document_is_stored_once() {
    let mut store = Store::in_memory().unwrap();
    assert_eq!(seed(&mut store, &seeds()), Ok(1 + 3 * 9));
    assert_eq!(
        seed(&mut store, &seeds()),
        Ok(0),
        "an existing database is never seeded again"
    );
}

#[tokio::test]
async fn a_read_needs_the_session_and_answers_with_a_version() {
    let app = app();
    let over = get(&app, "profile.json", None).await;
    assert_eq!(over.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        over.content_type.as_deref(),
        Some("application/problem+json")
    );
    assert_eq!(over.json()["status"], 401);
    assert_eq!(
        get(&app, "profile.json", Some("portal_session=forged"))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );

    let profile = get(&app, "profile.json", Some(ASHA)).await;
    assert_eq!(profile.status, StatusCode::OK);
    assert_eq!(profile.etag.as_deref(), Some("\"1\""));
    assert_eq!(profile.json()["account"]["name"], "Asha Raman");

    let longtime = get(&app, "profile.json", Some("portal_session=demo-longtime")).await;
    assert_ne!(
        longtime.json()["user_id"],
        profile.json()["user_id"],
        "each session reads its own user"
    );

    let mut unchanged = Request::get("/api/v1/profile.json").header(header::COOKIE, ASHA);
    unchanged = unchanged.header(header::IF_NONE_MATCH, "\"1\"");
    assert_eq!(
        send(&app, unchanged.body(Body::empty()).unwrap())
            .await
            .status,
        StatusCode::NOT_MODIFIED
    );

    assert_eq!(
        get(&app, "policy.json", None).await.status,
        StatusCode::OK,
        "the policy is public"
    );
    assert_eq!(
        get(&app, "personas.json", Some(ASHA)).await.status,
        StatusCode::NOT_FOUND,
        "mock only"
    );
}

#[tokio::test]
async fn a_write_is_stored_logged_and_versioned() {
    let app = app();
    let mut preferences = get(&app, "communications.json", Some(ASHA)).await.json();
    preferences["subscribed"] = json!([]);
    let before = events(&app).await.len();
    let summary = "Turned off every message for Nilgiri Textiles’ account";
    let encoded =
        percent_encoding::utf8_percent_encode(summary, percent_encoding::NON_ALPHANUMERIC)
            .to_string();
    let saved = put(
        &app,
        "communications.json",
        Some("\"1\""),
        &[("Change-Summary", &encoded)],
        &preferences,
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK);
    assert_eq!(saved.etag.as_deref(), Some("\"2\""));
    assert_eq!(saved.json(), preferences);
    assert_eq!(
        get(&app, "communications.json", Some(ASHA)).await.json(),
        preferences
    );
    let log = events(&app).await;
    assert_eq!(log.len(), before + 1);
    assert_eq!(
        log.last().unwrap()["detail"]["change"],
        json!({"area": "communications", "summary": summary})
    );
}

#[tokio::test]
async fn a_write_based_on_an_older_version_changes_nothing_and_gets_the_current_one() {
    let app = app();
    let mut first = get(&app, "nominee.json", Some(ASHA)).await.json();
    first["nominee"] = json!({"name": "Ravi Raman", "relation": "spouse", "contact": "ravi@example.com", "named_at": "2026-12-01T10:00:00Z"});
    assert_eq!(
        put(&app, "nominee.json", Some("\"1\""), &[], &first)
            .await
            .status,
        StatusCode::OK
    );

    let second = json!({"nominee": null});
    let stale = put(&app, "nominee.json", Some("\"1\""), &[], &second).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(stale.etag.as_deref(), Some("\"2\""));
    assert_eq!(
        stale.json(),
        first,
        "the answer is the version saved meanwhile"
    );
    assert_eq!(get(&app, "nominee.json", Some(ASHA)).await.json(), first);

    let unversioned = put(&app, "nominee.json", None, &[], &second).await;
    assert_eq!(unversioned.status, StatusCode::PRECONDITION_REQUIRED);
}

fn with_request(log: &Value, reference: &str, kind: &str, status: &str) -> Value {
    let mut log = log.clone();
    log["requests"].as_array_mut().unwrap().push(json!({
        "reference": reference, "kind": kind, "status": status, "received_at": "2026-12-07T10:00:00Z",
        "summary": "Everything", "history": [{"status": "received", "at": "2026-12-07T10:00:00Z"}],
        "idempotency_key": "attempt-0001",
    }));
    log
}

#[tokio::test]
async fn a_request_filed_twice_with_one_key_exists_once() {
    let app = app();
    let log = get(&app, "requests.json", Some(ASHA)).await.json();
    let filed = with_request(&log, "REQ-9001", "objection", "received");
    let key = [("Idempotency-Key", "attempt-0001")];
    let first = put(&app, "requests.json", Some("\"1\""), &key, &filed).await;
    let events_after_first = events(&app).await.len();
    // The second attempt (a double click) was based on the same version: it gets the first answer, not a conflict.
    let again = put(&app, "requests.json", Some("\"1\""), &key, &filed).await;
    assert_eq!(
        (first.status, again.status),
        (StatusCode::OK, StatusCode::OK)
    );
    assert_eq!(
        (first.etag.clone(), first.body.clone()),
        (again.etag, again.body)
    );
    let stored = get(&app, "requests.json", Some(ASHA)).await.json();
    let count = stored["requests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["reference"] == "REQ-9001")
        .count();
    assert_eq!(count, 1);
    assert_eq!(
        events(&app).await.len(),
        events_after_first,
        "filed and logged once"
    );
}

#[tokio::test]
async fn refused_changes_say_why() {
    let app = app();
    let mut profile = get(&app, "profile.json", Some(ASHA)).await.json();
    profile["account"]["email"] = json!("someone@example.com");
    assert_eq!(
        put(&app, "profile.json", Some("\"1\""), &[], &profile)
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let mut log = get(&app, "requests.json", Some(ASHA)).await.json();
    log["requests"].as_array_mut().unwrap().pop();
    assert_eq!(
        put(&app, "requests.json", Some("\"1\""), &[], &log)
            .await
            .status,
        StatusCode::CONFLICT
    );

    let not_json = Request::put("/api/v1/cookies.json")
        .header(header::COOKIE, ASHA)
        .header(header::IF_MATCH, "\"1\"")
        .body(Body::from("{\"consent\": "))
        .unwrap();
    assert_eq!(
        send(&app, not_json).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let missing = put(
        &app,
        "cookies.json",
        Some("\"1\""),
        &[],
        &json!({"consent": null}),
    )
    .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        put(&app, "inventory.json", Some("\"1\""), &[], &json!({}))
            .await
            .status,
        StatusCode::METHOD_NOT_ALLOWED
    );
    assert_eq!(
        get(&app, "cookies.json", Some(ASHA)).await.etag.as_deref(),
        Some("\"1\""),
        "nothing was stored"
    );
}

#[tokio::test]
async fn too_many_writes_are_answered_with_when_to_retry() {
    let app = app_with(Store::in_memory().unwrap(), 2);
    let notices = get(&app, "notices.json", Some(ASHA)).await.json();
    assert_eq!(
        put(&app, "notices.json", Some("\"1\""), &[], &notices)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        put(&app, "notices.json", Some("\"2\""), &[], &notices)
            .await
            .status,
        StatusCode::OK
    );
    let limited = put(&app, "notices.json", Some("\"3\""), &[], &notices).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = limited.retry_after.expect("Retry-After").parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
}

#[tokio::test]
async fn an_export_file_is_stored_once_for_a_ready_export() {
    let app = app();
    let log = get(&app, "requests.json", Some(ASHA)).await.json();
    let filed = with_request(&log, "REQ-9002", "export", "ready");
    assert_eq!(
        put(&app, "requests.json", Some("\"1\""), &[], &filed)
            .await
            .status,
        StatusCode::OK
    );
    let upload = |reference: &str| {
        Request::put(format!("/api/v1/exports/{reference}"))
            .header(header::COOKIE, ASHA)
            .header(header::CONTENT_TYPE, "text/csv")
            .body(Body::from("field,value\nname,Asha\n"))
            .unwrap()
    };
    assert_eq!(
        send(&app, upload("REQ-9002")).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        send(&app, upload("REQ-9002")).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        send(&app, upload("REQ-0000")).await.status,
        StatusCode::NOT_FOUND
    );
    let file = get(&app, "exports/REQ-9002", Some(ASHA)).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.body, b"field,value\nname,Asha\n");
    assert_eq!(
        get(&app, "exports/REQ-9002", Some("portal_session=demo-new"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_restart_loses_nothing() {
    let dir = std::env::temp_dir().join(format!("portal-server-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("portal.sqlite");
    let _ = std::fs::remove_file(&file);
    let saved = {
        let app = app_with(Store::open(&file).unwrap(), 1000);
        let mut preferences = get(&app, "communications.json", Some(ASHA)).await.json();
        preferences["subscribed"] =
            json!([{"topic": "surveys", "channel": "email", "product": "PROCRM"}]);
        assert_eq!(
            put(
                &app,
                "communications.json",
                Some("\"1\""),
                &[],
                &preferences
            )
            .await
            .status,
            StatusCode::OK
        );
        preferences
    };
    let app = app_with(Store::open(&file).unwrap(), 1000);
    let read = get(&app, "communications.json", Some(ASHA)).await;
    assert_eq!((read.etag.as_deref(), read.json()), (Some("\"2\""), saved));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn the_demo_sign_in_starts_the_session_and_the_configuration_names_the_api() {
    let app = app();
    let answer = app
        .clone()
        .oneshot(
            Request::get("/sign-in?user=longtime")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::SEE_OTHER);
    let cookie = answer.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with("portal_session=demo-longtime;") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    let unknown = send(
        &app,
        Request::get("/sign-in?user=nobody")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let config = send(
        &app,
        Request::get("/config.json").body(Body::empty()).unwrap(),
    )
    .await
    .json();
    assert_eq!(config["mode"], "http");
    assert_eq!(config["apiBaseUrl"], "/api/v1");
}

#[tokio::test]
async fn every_answer_has_the_static_hosts_security_headers() {
    let conf = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/security-headers.conf"),
    )
    .unwrap();
    let policy = conf
        .lines()
        .find_map(|line| {
            line.trim()
                .strip_prefix("add_header Content-Security-Policy \"")
        })
        .and_then(|rest| rest.split('"').next())
        .expect("deploy/security-headers.conf sets a Content-Security-Policy");
    let answer = app()
        .oneshot(
            Request::get("/api/v1/policy.json")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(answer.headers()["content-security-policy"], policy);
    assert_eq!(answer.headers()["x-content-type-options"], "nosniff");
}

#[test]
fn an_idempotency_key_is_kept_for_a_day() {
    let mut store = Store::in_memory().unwrap();
    seed(&mut store, &seeds()).unwrap();
    let event = json!({"id": "e", "at": "2026-12-01T10:00:00Z", "product": null, "detail": {"change": {"area": "notices", "summary": "s"}}});
    let body = json!({"notices": []}).to_string();
    let made_at = "2026-12-01T10:00:00+00:00";
    assert!(store
        .write(
            "asha",
            "notices.json",
            1,
            &body,
            &event,
            Some(("key-0001", made_at))
        )
        .unwrap()
        .is_ok());
    assert!(
        store
            .replay("asha", "key-0001", "2026-11-30T10:00:00+00:00")
            .unwrap()
            .is_some(),
        "within the day"
    );
    assert!(
        store
            .replay("asha", "key-0001", "2026-12-01T10:00:01+00:00")
            .unwrap()
            .is_none(),
        "a day later"
    );
    assert!(
        store
            .replay("new", "key-0001", "2026-11-30T10:00:00+00:00")
            .unwrap()
            .is_none(),
        "another user's key"
    );
    // A write two days later drops the old attempt, and the key may be used again.
    let later = "2026-12-03T10:00:00+00:00";
    assert!(store
        .write(
            "asha",
            "notices.json",
            2,
            &body,
            &event,
            Some(("key-0002", later))
        )
        .unwrap()
        .is_ok());
    assert!(
        store
            .replay("asha", "key-0001", "2026-11-01T00:00:00+00:00")
            .unwrap()
            .is_none(),
        "purged"
    );
    assert!(store
        .write(
            "asha",
            "notices.json",
            3,
            &body,
            &event,
            Some(("key-0001", later))
        )
        .unwrap()
        .is_ok());
}
