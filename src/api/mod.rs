//! The only code that knows a backend exists. The runtime configuration ([`config`]) picks it: the mock, whose
//! reads fetch the seed JSON and merge the user's changes from browser storage and whose writes go into that overlay
//! and are recorded in the activity log; or the API of docs/api/openapi.yaml (HTTP mode), where every read and write
//! goes to the server and nothing personal is kept in the browser.

pub mod changes;
mod client;
mod config;
pub mod demo;
mod endpoint;
mod error;
mod generated;
mod http;
mod local_storage;
mod saved_changes;
#[cfg(preview)]
pub mod simulate;
mod state;

use crate::domain::activity::{ActivityDetail, ActivityEvent, ActivityLog, ChangeArea};
use crate::domain::communications::CommunicationPreferences;
use crate::domain::cookies::{CookieConsent, CookieSettings};
use crate::domain::inventory::CategoryId;
use crate::domain::inventory::Inventory;
use crate::domain::marketing::MarketingSignals;
use crate::domain::nomination::{change_summary, Nomination, Nominee};
use crate::domain::policy::{PolicyDocument, PolicyNotices};
use crate::domain::product::Product;
use crate::domain::profile::{OptionalProfile, Profile, SecurityQuestion};
use crate::domain::requests::{
    ConcernTopic, Correction, DeletionDetails, DeletionScope, ExportDetails, ExportFile,
    PrivacyRequest, RequestKind, RequestLog, RequestStatus,
};
use crate::domain::sharing::{ConnectionKind, Sharing};
use chrono::{DateTime, Utc};

use crate::dom::{self, PrivacySignals};
use demo::{Persona, PersonaList};

pub use changes::{StoreNotice, Unreadable};
pub use client::{
    configure, is_mock_backend, password_url, sign_in_url, url_of, use_mock_backend, MOCK_BASE_URL,
};
pub use endpoint::Endpoint;
pub use error::{ApiError, StorageError};
pub use local_storage::KeptSummary;
pub use saved_changes::on_notice as on_store_notice;

/// The privacy signals the browser sends; in the designer preview, what the designer chose to pretend it sends.
pub fn privacy_signals() -> PrivacySignals {
    let real = dom::privacy_signals();
    #[cfg(preview)]
    let real = simulate::signals(real);
    real
}

/// The demo users the mock backend offers (none with a real backend).
pub async fn personas() -> Result<Vec<Persona>, ApiError> {
    if !is_mock_backend() {
        return Ok(Vec::new());
    }
    let text = client::fetch_seed_text(Endpoint::Personas, client::Fetch::Read).await?;
    decode_personas(&text)
}

pub(crate) fn decode_personas(text: &str) -> Result<Vec<Persona>, ApiError> {
    client::decode::<PersonaList>(Endpoint::Personas, text).map(|list| list.personas)
}

#[cfg(preview)]
/// Forgets this demo user's cookie choice, so the banner asks as on a first visit (the consent record keeps the
/// earlier choices).
pub async fn show_banner_again() -> Result<(), ApiError> {
    let mut settings = cookies().await?;
    settings.consent = None;
    write_document(
        Endpoint::Cookies,
        &settings,
        ChangeArea::Cookies,
        "Preview: the first-visit cookie banner was shown again",
        None,
    )
    .await?;
    dom::apply_cookie_choice(None, &settings.cookies);
    Ok(())
}

/// The current time, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

pub async fn profile() -> Result<Profile, ApiError> {
    client::read(Endpoint::Profile).await
}

pub async fn inventory() -> Result<Inventory, ApiError> {
    client::read(Endpoint::Inventory).await
}

pub async fn communications() -> Result<CommunicationPreferences, ApiError> {
    client::read(Endpoint::Communications).await
}

pub async fn cookies() -> Result<CookieSettings, ApiError> {
    client::read(Endpoint::Cookies).await
}

/// The requests, with what time has brought applied (expired exports, deletions past their clean-up), as the
/// backend's scheduler would have done.
pub async fn requests() -> Result<RequestLog, ApiError> {
    let mut log: RequestLog = client::read(Endpoint::Requests).await?;
    log.catch_up(now());
    forget_expired_export_files(&log);
    Ok(log)
}

/// Generated entries made between pauses.
const GENERATE_PER_STEP: usize = 2_000;

/// The activity log, with any generated history expanded (mock only), oldest entries first.
pub async fn activity() -> Result<ActivityLog, ApiError> {
    let mut log: ActivityLog = client::read(Endpoint::Activity).await?;
    if let Some(history) = log.generated.take() {
        // Made in steps with a pause between, so thousands of entries never make one long task.
        let mut generator = generated::Generator::new(&history);
        let mut events = Vec::with_capacity(generator.len() + log.events.len());
        loop {
            let before = events.len();
            dom::timed("activity-generate", || {
                events.extend(generator.by_ref().take(GENERATE_PER_STEP))
            });
            if events.len() == before {
                break;
            }
            dom::yield_now().await;
        }
        events.append(&mut log.events);
        log.events = events;
    }
    Ok(log)
}

pub async fn sharing() -> Result<Sharing, ApiError> {
    client::read(Endpoint::Sharing).await
}

pub async fn policy() -> Result<PolicyDocument, ApiError> {
    client::read(Endpoint::Policy).await
}

pub async fn notices() -> Result<PolicyNotices, ApiError> {
    client::read(Endpoint::Notices).await
}

pub async fn nominee() -> Result<Nomination, ApiError> {
    client::read(Endpoint::Nominee).await
}

/// Names someone to act for the user, changes their details, or removes them (`None`). `before` is the nomination
/// this tab showed, which the activity log's line is worded from; the write is refused as a conflict if another tab
/// saved one since.
pub async fn save_nominee(
    before: &Nomination,
    nominee: Option<Nominee>,
) -> Result<Nomination, ApiError> {
    let summary = change_summary(before.nominee.as_ref(), nominee.as_ref());
    let saved = Nomination {
        nominee: nominee.map(|n| Nominee {
            name: n.name.trim().to_string(),
            contact: n.contact.trim().to_string(),
            named_at: now(),
            ..n
        }),
    };
    write_and_return(Endpoint::Nominee, saved, ChangeArea::Profile, &summary).await
}

/// Marks a notice read (`true`) or unread again (`false`).
pub async fn set_notice_read(id: &str, read: bool) -> Result<PolicyNotices, ApiError> {
    let mut board = notices().await?;
    let found = board.set_read(id, read.then(now));
    if !found {
        return Err(ApiError::Status {
            endpoint: Endpoint::Notices,
            status: 404,
        });
    }
    let summary = if read {
        "Marked a notice as read"
    } else {
        "Marked a notice as unread"
    };
    write_and_return(Endpoint::Notices, board, ChangeArea::Notices, summary).await
}

/// Stops (`active = false`) or resumes working with a reselling partner.
pub async fn set_partner_active(id: &str, active: bool) -> Result<Sharing, ApiError> {
    let mut shared = sharing().await?;
    let Some(partner) = shared.reselling_partners.iter_mut().find(|p| p.id == id) else {
        return Err(ApiError::Status {
            endpoint: Endpoint::Sharing,
            status: 404,
        });
    };
    partner.active = active;
    partner.stopped_at = (!active).then(now);
    let summary = if active {
        format!("Started working with {} again", partner.name)
    } else {
        format!("Stopped working with {}", partner.name)
    };
    write_and_return(Endpoint::Sharing, shared, ChangeArea::Sharing, &summary).await
}

/// Sets whether the marketing messages ticked are sent although the browser sends Global Privacy Control.
pub async fn set_messages_despite_gpc(despite: bool) -> Result<CommunicationPreferences, ApiError> {
    let mut preferences = communications().await?;
    preferences.despite_gpc = despite.then(now);
    let summary = if despite {
        "Chose to receive the marketing messages ticked despite Global Privacy Control"
    } else {
        "Chose to follow Global Privacy Control again: no marketing messages"
    };
    write_and_return(
        Endpoint::Communications,
        preferences,
        ChangeArea::Communications,
        summary,
    )
    .await
}

/// Sets whether the reselling partners the user works with receive their information although the browser sends
/// Global Privacy Control.
pub async fn set_sharing_despite_gpc(despite: bool) -> Result<Sharing, ApiError> {
    let mut shared = sharing().await?;
    shared.despite_gpc = despite.then(now);
    let summary = if despite {
        "Chose to keep sharing with reselling partners despite Global Privacy Control"
    } else {
        "Chose to follow Global Privacy Control again: no sharing with reselling partners"
    };
    write_and_return(Endpoint::Sharing, shared, ChangeArea::Sharing, summary).await
}

/// Cuts off (`cut`) or restores a connection: a sign-in provider, a marketplace app (by id, `shown` its name), an
/// event organiser or a marketing provider; dated, and recorded in the activity log.
pub async fn set_cut_off(
    kind: ConnectionKind,
    name: &str,
    shown: &str,
    cut: bool,
) -> Result<Sharing, ApiError> {
    let shared = sharing().await?.with_cut_off(kind, name, cut.then(now));
    let summary = match (kind, cut) {
        (ConnectionKind::SignIn, true) => format!("Disconnected {shown} sign-in"),
        (ConnectionKind::SignIn, false) => format!("Connected {shown} sign-in again"),
        (ConnectionKind::App, true) => format!("Disconnected the marketplace app {shown}"),
        (ConnectionKind::App, false) => format!("Connected the marketplace app {shown} again"),
        (_, true) => format!("Stopped receiving information from {shown}"),
        (_, false) => format!("Receive information from {shown} again"),
    };
    write_and_return(Endpoint::Sharing, shared, ChangeArea::Sharing, &summary).await
}

/// What stops marketing now, from these documents, this browser's GPC signal and today's date.
pub fn marketing_signals(requests: &RequestLog, policy: &PolicyDocument) -> MarketingSignals {
    MarketingSignals::read(requests, policy, privacy_signals().gpc, now().date_naive())
}

/// Brings this browser's cookies in line with what stands now: the choice, less marketing while the user objects to
/// it. Called after each change to either; what cannot be read leaves the cookies as they are.
async fn apply_standing_cookies() {
    let (Ok(settings), Ok(policy), Ok(log)) = (cookies().await, policy().await, requests().await)
    else {
        return;
    };
    let now = now();
    let objected = log.marketing_objection().is_some();
    let standing = settings.standing_choices(now, policy.revision_on(now.date_naive()), objected);
    dom::apply_cookie_choice(standing, &settings.cookies);
}

/// A new activity event for a change made in this portal.
fn change_event(
    area: ChangeArea,
    summary: &str,
    product: Option<Product>,
    count: usize,
) -> ActivityEvent {
    let at = now();
    ActivityEvent {
        id: format!("portal-{}-{count}", at.timestamp_millis()),
        at,
        product,
        detail: ActivityDetail::Change {
            area,
            summary: summary.to_string(),
        },
    }
}

/// The activity entry recording a change made in this portal.
fn record(
    area: ChangeArea,
    summary: &str,
    product: Option<Product>,
) -> saved_changes::Change<'static> {
    let count = saved_changes::read(Endpoint::Activity.key()).appended.len();
    let event = change_event(area, summary, product, count);
    saved_changes::Change::Append(serde_json::to_value(&event).unwrap_or_default())
}

fn to_json<T: serde::Serialize>(
    endpoint: Endpoint,
    document: &T,
) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(document).map_err(|error| ApiError::Malformed {
        endpoint,
        detail: error.to_string(),
    })
}

/// Writes a whole document, as a server would take `PUT {base}/{file}` with `If-Match`: the new version is stored
/// as a patch over the seed, and the change is recorded in the activity log. Either both happen or neither does;
/// if the document was saved elsewhere since this tab read it, neither happens and the answer is
/// [`ApiError::Conflict`].
pub async fn write_document<T: serde::Serialize>(
    endpoint: Endpoint,
    document: &T,
    area: ChangeArea,
    summary: &str,
    product: Option<Product>,
) -> Result<(), ApiError> {
    let current = to_json(endpoint, document)?;
    if !is_mock_backend() {
        // The server records the change in the activity log itself.
        return http::put_document(endpoint, &current, summary, http::Extra::default()).await;
    }
    let seed = client::fetch_seed(endpoint).await?;
    saved_changes::commit(vec![
        (
            endpoint.key(),
            saved_changes::Change::Document {
                seed: &seed,
                current: &current,
            },
        ),
        (Endpoint::Activity.key(), record(area, summary, product)),
    ])
}

/// Writes a whole document with no product to log it under (see [`write_document`]) and hands it back, as the
/// page then shows it.
async fn write_and_return<T: serde::Serialize>(
    endpoint: Endpoint,
    document: T,
    area: ChangeArea,
    summary: &str,
) -> Result<T, ApiError> {
    write_document(endpoint, &document, area, summary, None).await?;
    Ok(document)
}

/// Saves the communication preferences.
pub async fn save_communications(
    preferences: &CommunicationPreferences,
    summary: &str,
) -> Result<CommunicationPreferences, ApiError> {
    let mut saved = preferences.clone();
    saved.updated_at = now();
    write_and_return(
        Endpoint::Communications,
        saved,
        ChangeArea::Communications,
        summary,
    )
    .await
}

/// Records a cookie choice: it becomes the current one, joins the consent history, and the browser's cookies are
/// brought in line with it at once (cookies of refused categories are deleted).
pub async fn save_cookie_consent(
    consent: CookieConsent,
    summary: &str,
) -> Result<CookieSettings, ApiError> {
    let mut settings = cookies().await?;
    settings.record(consent.clone());
    write_document(
        Endpoint::Cookies,
        &settings,
        ChangeArea::Cookies,
        summary,
        None,
    )
    .await?;
    apply_standing_cookies().await;
    Ok(settings)
}

/// Saves the optional profile fields (photo, time zone, language).
pub async fn save_optional_profile(
    optional: OptionalProfile,
    summary: &str,
) -> Result<Profile, ApiError> {
    // The fields come from what this tab showed: if the profile was saved elsewhere since, the write is refused
    // rather than putting back the other fields as this tab last saw them.
    let shown = client::version_seen(Endpoint::Profile);
    let mut profile = profile().await?;
    if client::version_seen(Endpoint::Profile) != shown {
        return Err(ApiError::Conflict);
    }
    profile.optional = optional;
    write_profile(profile, summary).await
}

/// Writes the profile, recorded as a change to it.
async fn write_profile(profile: Profile, summary: &str) -> Result<Profile, ApiError> {
    write_and_return(Endpoint::Profile, profile, ChangeArea::Profile, summary).await
}

/// Sets (`Some`) or removes (`None`) the security question. In HTTP mode the server receives the answer (beside
/// the profile, never in it) and keeps only what it needs to check it at a password reset; the mock has nothing to
/// check it against, so it discards the answer at once: nothing typed as an answer, and nothing derived from it
/// (answers are short enough that even a salted hash gives them away), is kept in the browser. The profile only says
/// which question is set and since when.
pub async fn set_security_question(
    question_and_answer: Option<(String, String)>,
) -> Result<Profile, ApiError> {
    let mut profile = profile().await?;
    let answer = question_and_answer
        .as_ref()
        .map(|(_, answer)| answer.clone());
    let summary = match question_and_answer {
        Some((question, _)) => {
            let changed = profile.security_question.is_some();
            profile.security_question = Some(SecurityQuestion {
                question: question.trim().to_string(),
                set_at: now(),
            });
            if changed {
                "Changed the security question and answer"
            } else {
                "Set a security question and answer"
            }
        }
        None => {
            profile.security_question = None;
            "Removed the security question"
        }
    };
    if !is_mock_backend() {
        let document = to_json(Endpoint::Profile, &profile)?;
        let extra = http::Extra {
            security_answer: answer.as_deref(),
            ..http::Extra::default()
        };
        http::put_document(Endpoint::Profile, &document, summary, extra).await?;
        return Ok(profile);
    }
    write_profile(profile, summary).await
}

/// Where the mock keeps produced export files (reference → file text), beside the documents, until their download
/// window ends.
const EXPORT_FILES_KEY: &str = "export-files";

/// The export files kept now (reference → file text).
fn export_files() -> serde_json::Value {
    saved_changes::read(EXPORT_FILES_KEY).apply(None, serde_json::json!({}))
}

/// An export's file, produced in the browser: its request's reference, its media type and its text.
struct ExportUpload<'a> {
    reference: &'a str,
    media_type: &'a str,
    text: &'a str,
}

/// Writes the requests document (and, when given, an export file) with an activity event: with the mock in one
/// commit; in HTTP mode the document (under the filing attempt's `key`), then the file.
async fn write_requests(
    log: &RequestLog,
    summary: &str,
    key: Option<&str>,
    export_file: Option<ExportUpload<'_>>,
) -> Result<(), ApiError> {
    let current = to_json(Endpoint::Requests, log)?;
    if !is_mock_backend() {
        let extra = http::Extra {
            key,
            ..http::Extra::default()
        };
        http::put_document(Endpoint::Requests, &current, summary, extra).await?;
        return match export_file {
            Some(file) => http::put_export_file(file.reference, file.media_type, file.text).await,
            None => Ok(()),
        };
    }
    let seed = client::fetch_seed(Endpoint::Requests).await?;
    let empty = serde_json::json!({});
    let mut files = export_files();
    let mut changes = vec![(
        Endpoint::Requests.key(),
        saved_changes::Change::Document {
            seed: &seed,
            current: &current,
        },
    )];
    if let Some(file) = export_file {
        if let serde_json::Value::Object(map) = &mut files {
            map.insert(
                file.reference.to_string(),
                serde_json::Value::String(file.text.to_string()),
            );
        }
        changes.push((
            EXPORT_FILES_KEY,
            saved_changes::Change::Document {
                seed: &empty,
                current: &files,
            },
        ));
    }
    changes.push((
        Endpoint::Activity.key(),
        record(ChangeArea::Requests, summary, None),
    ));
    saved_changes::commit(changes)
}

/// Removes from the browser the files of exports whose download window has ended (or that are gone), as the
/// backend's scheduler would delete them (mock only: in HTTP mode the server keeps the files).
fn forget_expired_export_files(log: &RequestLog) {
    if !is_mock_backend() {
        return;
    }
    let serde_json::Value::Object(mut files) = export_files() else {
        return;
    };
    let before = files.len();
    files.retain(|reference, _| log.is_downloadable(reference));
    if files.len() != before {
        let empty = serde_json::json!({});
        let kept = serde_json::Value::Object(files);
        // Not based on a read of the files: the expired ones go whatever else was saved meanwhile.
        let _forgotten = saved_changes::commit(vec![(
            EXPORT_FILES_KEY,
            saved_changes::Change::Document {
                seed: &empty,
                current: &kept,
            },
        )]);
    }
}

/// The result of filing a request: its reference, and whether this attempt filed it (false when the same
/// attempt had already filed it, e.g. a double click).
pub struct Filed {
    pub reference: String,
    pub new: bool,
}

fn already_filed(log: &RequestLog, key: &str) -> Option<Filed> {
    log.requests
        .iter()
        .find(|r| r.idempotency_key.as_deref() == Some(key))
        .map(|r| Filed {
            reference: r.reference.clone(),
            new: false,
        })
}

/// Files an export whose file the browser has produced (`text`), which becomes downloadable at once.
pub async fn file_export(
    details: ExportDetails,
    summary: String,
    text: String,
    sha256: String,
    key: String,
) -> Result<Filed, ApiError> {
    let mut log = requests().await?;
    let format = details.format;
    if let Some(filed) = already_filed(&log, &key) {
        // Filed by an earlier attempt whose file may not have reached the server: it is stored once.
        if !is_mock_backend() {
            http::put_export_file(&filed.reference, format.media_type(), &text).await?;
        }
        return Ok(filed);
    }
    let at = now();
    let mut request = PrivacyRequest::new(RequestKind::Export, summary, at);
    request.idempotency_key = Some(key.clone());
    request.export = Some(details);
    let reference = log.file_request(request);
    if let Some(filed) = log.requests.iter_mut().find(|r| r.reference == reference) {
        let _preparing = filed.transition(RequestStatus::Preparing, at);
        let _ready = filed.transition(RequestStatus::Ready, at);
        if let Some(export) = &mut filed.export {
            export.file = Some(ExportFile {
                name: crate::domain::export::file_name(&reference, format),
                bytes: text.len() as u64,
                sha256,
            });
        }
    }
    write_requests(
        &log,
        &format!("Asked for an export of your data ({reference})"),
        Some(&key),
        Some(ExportUpload {
            reference: &reference,
            media_type: format.media_type(),
            text: &text,
        }),
    )
    .await?;
    Ok(Filed {
        reference,
        new: true,
    })
}

/// The file of a ready export, if it is still kept.
pub async fn export_file_text(reference: &str) -> Result<Option<String>, ApiError> {
    if !is_mock_backend() {
        return http::export_file(reference).await;
    }
    Ok(export_files()
        .get(reference)
        .and_then(|text| text.as_str())
        .map(str::to_string))
}

/// Files `request` under the attempt's `key` (a second attempt with the same key files nothing new), recording
/// `what` (given the new reference) in the activity log.
async fn file_prepared(
    mut request: PrivacyRequest,
    key: String,
    what: impl FnOnce(&str) -> String,
) -> Result<Filed, ApiError> {
    let mut log = requests().await?;
    if let Some(filed) = already_filed(&log, &key) {
        return Ok(filed);
    }
    request.idempotency_key = Some(key.clone());
    let reference = log.file_request(request);
    write_requests(&log, &what(&reference), Some(&key), None).await?;
    Ok(Filed {
        reference,
        new: true,
    })
}

/// Files a deletion, scheduled at once for the next clean-up after today (the policy's timeline).
pub async fn file_deletion(
    scope: DeletionScope,
    summary: String,
    key: String,
) -> Result<Filed, ApiError> {
    let schedule = policy().await?.cleanup;
    let at = now();
    let mut request = PrivacyRequest::new(RequestKind::Deletion, summary, at);
    request.deletion = Some(DeletionDetails::scheduled(
        scope,
        at.date_naive(),
        &schedule,
    ));
    if let DeletionScope::Category(category) = scope {
        request.category = Some(category);
    }
    let _scheduled = request.transition(RequestStatus::Scheduled, at);
    file_prepared(request, key, |reference| {
        format!("Asked for a deletion ({reference})")
    })
    .await
}

/// Files an objection to the use of the user's information for marketing.
pub async fn file_objection(key: String) -> Result<Filed, ApiError> {
    let request = PrivacyRequest::new(
        RequestKind::Objection,
        "Stop using my information for marketing, by any channel, for every product".to_string(),
        now(),
    );
    let filed = file_prepared(request, key, |reference| {
        format!("Objected to the use of my information for marketing ({reference})")
    })
    .await?;
    // The objection takes effect at once: marketing cookies go now.
    apply_standing_cookies().await;
    Ok(filed)
}

/// Withdraws the objection to marketing `reference`: marketing follows the saved choices again.
pub async fn withdraw_objection(reference: &str) -> Result<(), ApiError> {
    cancel_with(
        reference,
        &format!("Withdrew my objection to marketing ({reference})"),
    )
    .await?;
    apply_standing_cookies().await;
    Ok(())
}

/// Files a correction, restriction or objection about one category (a deletion goes through
/// [`file_deletion`]); `summary` is the request's own words, `correction` the field and value to put right.
pub async fn file_about_category(
    kind: RequestKind,
    category: CategoryId,
    correction: Option<Correction>,
    summary: String,
    key: String,
) -> Result<Filed, ApiError> {
    let mut request = PrivacyRequest::new(kind, summary, now());
    request.category = Some(category);
    request.correction = correction;
    file_prepared(request, key, |reference| {
        format!(
            "Filed request {reference}: {} about {}",
            kind.record_name(),
            category.slug().replace('-', " ")
        )
    })
    .await
}

/// Raises a concern about `topic` (a request named by `regarding`, a category, a staff access or anything).
pub async fn file_concern(
    topic: ConcernTopic,
    category: Option<CategoryId>,
    regarding: Option<String>,
    summary: String,
    key: String,
) -> Result<Filed, ApiError> {
    let mut request = PrivacyRequest::new(RequestKind::Concern, summary, now());
    request.topic = Some(topic);
    request.category = category;
    request.regarding = regarding;
    file_prepared(request, key, |reference| {
        format!("Raised a concern ({reference})")
    })
    .await
}

/// Appeals against the declined or extended request `regarding`, if it may still be appealed.
pub async fn file_appeal(
    regarding: String,
    summary: String,
    key: String,
) -> Result<Filed, ApiError> {
    let log = requests().await?;
    if let Some(filed) = already_filed(&log, &key) {
        return Ok(filed);
    }
    let appealable = log
        .find(&regarding)
        .is_some_and(|request| log.may_appeal(request));
    if !appealable {
        return Err(ApiError::Status {
            endpoint: Endpoint::Requests,
            status: 409,
        });
    }
    let mut request = PrivacyRequest::new(RequestKind::Appeal, summary, now());
    request.regarding = Some(regarding.clone());
    file_prepared(request, key, |reference| {
        format!("Appealed against {regarding} ({reference})")
    })
    .await
}

/// Cancels a request, if it may still be cancelled.
pub async fn cancel_request(reference: &str) -> Result<(), ApiError> {
    let withdraws_objection = requests()
        .await?
        .find(reference)
        .is_some_and(|r| r.objects_to_marketing());
    if withdraws_objection {
        return withdraw_objection(reference).await;
    }
    cancel_with(reference, &format!("Cancelled request {reference}")).await
}

async fn cancel_with(reference: &str, summary: &str) -> Result<(), ApiError> {
    let mut log = requests().await?;
    let Some(request) = log.requests.iter_mut().find(|r| r.reference == reference) else {
        return Err(ApiError::Status {
            endpoint: Endpoint::Requests,
            status: 404,
        });
    };
    request
        .transition(RequestStatus::Cancelled, now())
        .map_err(|_| ApiError::Status {
            endpoint: Endpoint::Requests,
            status: 409,
        })?;
    write_requests(&log, summary, None, None).await
}

/// A fresh idempotency key for one attempt at filing a request.
pub fn new_attempt_key() -> String {
    dom::random_bytes(12)
        .map(|bytes| bytes.iter().map(|b| format!("{b:02x}")).collect())
        .unwrap_or_else(|_| format!("attempt-{}", now().timestamp_millis()))
}

/// Files a request to correct an account field; returns the new request's reference.
pub async fn request_correction(summary: String) -> Result<String, ApiError> {
    let mut log = requests().await?;
    let reference = log.file(RequestKind::Rectification, summary.clone(), now());
    write_document(
        Endpoint::Requests,
        &log,
        ChangeArea::Requests,
        &format!("Asked for a correction ({reference}): {summary}"),
        None,
    )
    .await?;
    Ok(reference)
}

/// Puts every document back to its seed, like a fresh account, and records that it was done.
pub fn reset_demo_data() -> Result<(), ApiError> {
    saved_changes::clear_documents()?;
    saved_changes::commit(vec![(
        Endpoint::Activity.key(),
        record(
            ChangeArea::DemoData,
            "Reset the demo data to its original state",
            None,
        ),
    )])
}

/// What the portal keeps in this browser.
pub fn kept_in_this_browser() -> Result<KeptSummary, ApiError> {
    saved_changes::portal_keys()
        .map(|keys| KeptSummary::of(&keys))
        .map_err(ApiError::Storage)
}

/// Removes everything the portal keeps in this browser: every storage entry it wrote (every demo user's changes,
/// export files, set-aside copies, the chosen demo user and language) and its cookies. The next page is a first
/// visit.
pub fn remove_everything_kept() -> Result<(), ApiError> {
    saved_changes::remove_portal_keys().map_err(ApiError::Storage)?;
    dom::remove_portal_cookies();
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod decoder_properties;
#[cfg(test)]
mod seed_tests;
