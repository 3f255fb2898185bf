//! Privacy requests (export, deletion, correction, objection, restriction, concern, appeal): their kinds, scopes,
//! what they are about, the state machine of their statuses, the policy's deletion timeline and the due dates
//! (with extensions and appeals).

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use serde::Serialize;

use super::inventory::CategoryId;
use super::policy::CleanupSchedule;
use super::product::Product;

/// What a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Export,
    Deletion,
    Rectification,
    /// An objection to a use of the user's information: marketing (from the communication preferences), or the
    /// uses of one category.
    Objection,
    /// Keep a category's information but stop using it until the request is answered.
    Restriction,
    /// A concern or complaint about how information is handled.
    Concern,
    /// An appeal against a declined or extended request.
    Appeal,
}

crate::from_json_enum!(RequestKind { Export = "export", Deletion = "deletion", Rectification = "rectification", Objection = "objection", Restriction = "restriction", Concern = "concern", Appeal = "appeal" });

/// Where a request stands. Each kind moves through its own subset, in order (see [`RequestKind::timeline`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Received,
    Preparing,
    Ready,
    Expired,
    InReview,
    Scheduled,
    RemovedFromActive,
    Completed,
    Declined,
    Cancelled,
}

crate::from_json_enum!(RequestStatus { Received = "received", Preparing = "preparing", Ready = "ready", Expired = "expired", InReview = "in_review", Scheduled = "scheduled", RemovedFromActive = "removed_from_active", Completed = "completed", Declined = "declined", Cancelled = "cancelled" });

impl RequestStatus {
    /// Every status, in the order a request meets them.
    pub const ALL: [RequestStatus; 10] = {
        use RequestStatus::*;
        [
            Received,
            InReview,
            Preparing,
            Ready,
            Expired,
            Scheduled,
            RemovedFromActive,
            Completed,
            Declined,
            Cancelled,
        ]
    };
}

impl RequestKind {
    /// The kind's name in the company's records (English, like every entry the backend writes).
    pub const fn record_name(self) -> &'static str {
        match self {
            RequestKind::Export => "export",
            RequestKind::Deletion => "deletion",
            RequestKind::Rectification => "correction",
            RequestKind::Objection => "objection",
            RequestKind::Restriction => "restriction",
            RequestKind::Concern => "concern",
            RequestKind::Appeal => "appeal",
        }
    }

    /// The statuses a request of this kind passes through when all goes well.
    pub const fn timeline(self) -> &'static [RequestStatus] {
        use RequestStatus::*;
        match self {
            RequestKind::Export => &[Received, Preparing, Ready, Expired],
            RequestKind::Deletion => &[Received, Scheduled, RemovedFromActive, Completed],
            RequestKind::Rectification
            | RequestKind::Objection
            | RequestKind::Restriction
            | RequestKind::Concern
            | RequestKind::Appeal => &[Received, InReview, Completed],
        }
    }
}

/// How long a ready export can be downloaded.
pub const EXPORT_VALID_DAYS: i64 = 14;

/// The format of an export file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Json,
    Csv,
}

crate::from_json_enum!(ExportFormat { Json = "json", Csv = "csv" });

impl ExportFormat {
    /// The file name's extension, which is also the name the file's header gives the format.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
        }
    }

    /// The media type a download of the file is offered with.
    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json;charset=utf-8",
            ExportFormat::Csv => "text/csv;charset=utf-8",
        }
    }
}

/// The file an export produced.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExportFile {
    pub name: String,
    pub bytes: u64,
    pub sha256: String,
}

crate::from_json_struct!(ExportFile {
    name,
    bytes,
    sha256
});

/// A part of the account an export may hold besides the information held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountPart {
    Preferences,
    Consents,
    Requests,
    Activity,
    Sharing,
}

crate::from_json_enum!(AccountPart { Preferences = "preferences", Consents = "consents", Requests = "requests", Activity = "activity", Sharing = "sharing" });

impl AccountPart {
    pub const ALL: [AccountPart; 5] = [
        AccountPart::Preferences,
        AccountPart::Consents,
        AccountPart::Requests,
        AccountPart::Activity,
        AccountPart::Sharing,
    ];

    /// The part's key in the documents and the export file.
    pub const fn key(self) -> &'static str {
        match self {
            AccountPart::Preferences => "preferences",
            AccountPart::Consents => "consents",
            AccountPart::Requests => "requests",
            AccountPart::Activity => "activity",
            AccountPart::Sharing => "sharing",
        }
    }
}

/// What an export covers and how.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExportDetails {
    /// Personal-information categories, from the information page.
    pub categories: Vec<CategoryId>,
    /// Products whose service data is included.
    pub products: Vec<Product>,
    pub format: ExportFormat,
    pub file: Option<ExportFile>,
    /// Parts of the account included besides the information held: preferences, consents, requests, activity,
    /// sharing choices.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<AccountPart>,
    /// The first and last day of the activity log included, in the user's time zone; `None`: from the start, or up
    /// to the day the file was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity_from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity_to: Option<NaiveDate>,
}

crate::from_json_struct!(ExportDetails {
    categories,
    products,
    format,
    file,
    parts: default,
    activity_from,
    activity_to
});

/// What a deletion covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeletionScope {
    /// Photo, time zone and language.
    OptionalProfile,
    /// One product's service data.
    ServiceData(Product),
    /// The account and everything in it.
    WholeAccount,
    /// One category of information (asked for from "Your information").
    Category(CategoryId),
}

impl crate::domain::json::FromJson for DeletionScope {
    fn from_json(value: &serde_json::Value) -> Result<Self, crate::domain::json::JsonError> {
        use crate::domain::json::{tagged, JsonError};
        const EXPECTED: &str =
            "one of: optional_profile, whole_account, {\"service_data\": product}, {\"category\": category}";
        match value.as_str() {
            Some("optional_profile") => return Ok(DeletionScope::OptionalProfile),
            Some("whole_account") => return Ok(DeletionScope::WholeAccount),
            Some(_) => return Err(JsonError::expected(EXPECTED)),
            None => {}
        }
        match tagged(value).map_err(|_| JsonError::expected(EXPECTED))? {
            ("service_data", product) => Product::from_json(product)
                .map(DeletionScope::ServiceData)
                .map_err(|error| error.in_field("service_data")),
            ("category", category) => CategoryId::from_json(category)
                .map(DeletionScope::Category)
                .map_err(|error| error.in_field("category")),
            _ => Err(JsonError::expected(EXPECTED)),
        }
    }
}

/// A deletion's dates, fixed when it is received, from the policy's clean-up schedule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DeletionDetails {
    pub scope: DeletionScope,
    /// The clean-up that removes the data from the active database: the first one strictly after receipt.
    pub cleanup_on: NaiveDate,
    /// When the data is gone from backups too: 3 months after the clean-up.
    pub backup_purge_on: NaiveDate,
}

crate::from_json_struct!(DeletionDetails {
    scope,
    cleanup_on,
    backup_purge_on
});

impl DeletionDetails {
    /// The dates for a deletion of `scope` received on `day`.
    pub fn scheduled(scope: DeletionScope, day: NaiveDate, schedule: &CleanupSchedule) -> Self {
        let cleanup_on = schedule.next_cleanup_after(day);
        DeletionDetails {
            scope,
            cleanup_on,
            backup_purge_on: schedule.backup_purge_after(cleanup_on),
        }
    }
}

/// Why a status change is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAllowed {
    pub from: RequestStatus,
    pub to: RequestStatus,
}

impl RequestStatus {
    /// Whether the company still owes the user something on a request in this status.
    pub const fn is_open(self) -> bool {
        use RequestStatus::*;
        matches!(
            self,
            Received | Preparing | InReview | Scheduled | RemovedFromActive
        )
    }
}

/// The value a correction asks for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Correction {
    /// The field, named as the company's records name it (in English).
    pub field: String,
    /// What it should say.
    pub value: String,
}

crate::from_json_struct!(Correction { field, value });

/// What a concern is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConcernTopic {
    /// One of the user's requests (named by `regarding`).
    Request,
    /// A category of information (named by `category`).
    Category,
    /// An access to the user's data by the company's staff.
    StaffAccess,
    Other,
}

crate::from_json_enum!(ConcernTopic { Request = "request", Category = "category", StaffAccess = "staff_access", Other = "other" });

impl ConcernTopic {
    pub const ALL: [ConcernTopic; 4] = [
        ConcernTopic::Request,
        ConcernTopic::Category,
        ConcernTopic::StaffAccess,
        ConcernTopic::Other,
    ];

    /// A stable identifier, used in the concern page's address.
    pub const fn slug(self) -> &'static str {
        match self {
            ConcernTopic::Request => "request",
            ConcernTopic::Category => "category",
            ConcernTopic::StaffAccess => "staff-access",
            ConcernTopic::Other => "other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ConcernTopic> {
        ConcernTopic::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

/// More time the company took to answer, with its reason.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Extension {
    /// The new due date.
    pub until: NaiveDate,
    /// Why more time is needed, as told to the user.
    pub reason: String,
    /// When the user was told.
    pub on: NaiveDate,
}

crate::from_json_struct!(Extension { until, reason, on });

/// How much later than the first due date an extension may set the answer: two further months, as data
/// protection law allows for complex requests.
pub const EXTENSION_MONTHS_AT_MOST: u32 = 2;

/// A status a request reached, and when.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatusChange {
    pub status: RequestStatus,
    pub at: DateTime<Utc>,
}

crate::from_json_struct!(StatusChange { status, at });

/// A request the user filed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PrivacyRequest {
    /// The reference quoted in every message about the request, e.g. `PR-2026-0412`.
    pub reference: String,
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub received_at: DateTime<Utc>,
    /// What the request covers, in the user's words or the scope they chose.
    pub summary: String,
    pub history: Vec<StatusChange>,
    pub export: Option<ExportDetails>,
    pub deletion: Option<DeletionDetails>,
    /// The key of the attempt that filed it: filing again with the same key files nothing new.
    pub idempotency_key: Option<String>,
    /// The category of information the request is about, when it was asked for from "Your information" (or a
    /// concern is about one).
    pub category: Option<CategoryId>,
    /// For a correction: the field and what it should say.
    pub correction: Option<Correction>,
    /// The request an appeal (or a concern) is about.
    pub regarding: Option<String>,
    /// What a concern is about.
    pub topic: Option<ConcernTopic>,
    /// More time taken to answer, and why.
    pub extension: Option<Extension>,
    /// Why a declined request was declined.
    pub decision: Option<String>,
}

crate::from_json_struct!(PrivacyRequest {
    reference,
    kind,
    status,
    received_at,
    summary,
    history: default,
    export,
    deletion,
    idempotency_key,
    category,
    correction,
    regarding,
    topic,
    extension,
    decision
});

impl PrivacyRequest {
    /// A request of `kind` received at `at`, not yet given a reference.
    pub fn new(kind: RequestKind, summary: String, at: DateTime<Utc>) -> PrivacyRequest {
        PrivacyRequest {
            reference: String::new(),
            kind,
            status: RequestStatus::Received,
            received_at: at,
            summary,
            history: vec![StatusChange {
                status: RequestStatus::Received,
                at,
            }],
            export: None,
            deletion: None,
            idempotency_key: None,
            category: None,
            correction: None,
            regarding: None,
            topic: None,
            extension: None,
            decision: None,
        }
    }
}

/// Time the company has to answer a request: one month from receipt.
pub const RESPONSE_MONTHS: u32 = 1;

impl PrivacyRequest {
    /// The first due date: one calendar month after the day of receipt (the month's last day if shorter).
    pub fn first_due_on(&self) -> NaiveDate {
        let received = self.received_at.date_naive();
        received
            .checked_add_months(Months::new(RESPONSE_MONTHS))
            .unwrap_or(received)
    }

    /// The due date: the first one, or the extension's when more time was taken.
    pub fn due_on(&self) -> NaiveDate {
        self.extension
            .as_ref()
            .map_or_else(|| self.first_due_on(), |e| e.until)
    }

    /// The latest date an extension may set.
    pub fn latest_extension(&self) -> NaiveDate {
        let first = self.first_due_on();
        first
            .checked_add_months(Months::new(EXTENSION_MONTHS_AT_MOST))
            .unwrap_or(first)
    }

    /// Takes more time, until `until`, for `reason`, told on `on`: only while the request is still being
    /// considered, before its first due date, and for at most two further months.
    pub fn extend(
        &mut self,
        until: NaiveDate,
        reason: String,
        on: NaiveDate,
    ) -> Result<(), NotAllowed> {
        let refused = NotAllowed {
            from: self.status,
            to: self.status,
        };
        if !self.is_open()
            || self.extension.is_some()
            || on > self.first_due_on()
            || until <= self.first_due_on()
            || until > self.latest_extension()
        {
            return Err(refused);
        }
        self.extension = Some(Extension { until, reason, on });
        Ok(())
    }

    /// Whether the request keeps its category's information from being used while it is open.
    pub fn restricts(&self, category: CategoryId) -> bool {
        self.kind == RequestKind::Restriction && self.is_open() && self.category == Some(category)
    }

    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }

    /// Whether the status may become `to`: the next step of the kind's timeline; `Cancelled` while cancelling is
    /// allowed; `Declined` for a correction or objection still under consideration.
    pub fn may_become(&self, to: RequestStatus, today: NaiveDate) -> bool {
        let timeline = self.kind.timeline();
        let next = timeline
            .iter()
            .position(|s| *s == self.status)
            .and_then(|i| timeline.get(i + 1));
        match to {
            RequestStatus::Cancelled => self.can_cancel(today),
            RequestStatus::Declined => {
                matches!(
                    self.kind,
                    RequestKind::Rectification
                        | RequestKind::Objection
                        | RequestKind::Restriction
                        | RequestKind::Appeal
                ) && matches!(
                    self.status,
                    RequestStatus::Received | RequestStatus::InReview
                )
            }
            to => next == Some(&to),
        }
    }

    /// Moves to `to` at `at`, if the state machine allows it.
    pub fn transition(&mut self, to: RequestStatus, at: DateTime<Utc>) -> Result<(), NotAllowed> {
        if !self.may_become(to, at.date_naive()) {
            return Err(NotAllowed {
                from: self.status,
                to,
            });
        }
        self.status = to;
        self.history.push(StatusChange { status: to, at });
        Ok(())
    }

    /// Whether the user may still cancel: a deletion until its clean-up runs; anything else until it is acted on.
    pub fn can_cancel(&self, today: NaiveDate) -> bool {
        use RequestStatus::*;
        match self.kind {
            RequestKind::Deletion => {
                matches!(self.status, Received | Scheduled)
                    && self.deletion.as_ref().is_none_or(|d| today < d.cleanup_on)
            }
            RequestKind::Export => matches!(self.status, Received | Preparing),
            // An objection stays in effect once upheld, so it can be withdrawn then too.
            RequestKind::Objection => matches!(self.status, Received | InReview | Completed),
            RequestKind::Rectification
            | RequestKind::Restriction
            | RequestKind::Concern
            | RequestKind::Appeal => matches!(self.status, Received | InReview),
        }
    }

    /// Whether this is an objection to marketing as a whole (not to one category's use) that stands: filed, being
    /// looked at or upheld; withdrawn (cancelled) or declined ones do not count.
    pub fn objects_to_marketing(&self) -> bool {
        self.kind == RequestKind::Objection
            && self.category.is_none()
            && matches!(
                self.status,
                RequestStatus::Received | RequestStatus::InReview | RequestStatus::Completed
            )
    }

    /// When a ready export stops being downloadable.
    pub fn export_expires_at(&self) -> Option<DateTime<Utc>> {
        self.history
            .iter()
            .find(|c| c.status == RequestStatus::Ready)
            .map(|c| c.at + Duration::days(EXPORT_VALID_DAYS))
    }

    /// Applies the changes that time brings, as the backend's scheduler would: an export expires 14 days after it
    /// is ready; a deletion leaves the active database at its clean-up and the backups at its purge date.
    pub fn catch_up(&mut self, now: DateTime<Utc>) {
        let at_day = |day: NaiveDate| day.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
        loop {
            let step = match (self.kind, self.status) {
                (RequestKind::Export, RequestStatus::Ready) => self
                    .export_expires_at()
                    .filter(|t| *t <= now)
                    .map(|t| (RequestStatus::Expired, t)),
                (RequestKind::Deletion, RequestStatus::Scheduled) => self
                    .deletion
                    .as_ref()
                    .and_then(|d| at_day(d.cleanup_on))
                    .filter(|t| *t <= now)
                    .map(|t| (RequestStatus::RemovedFromActive, t)),
                (RequestKind::Deletion, RequestStatus::RemovedFromActive) => self
                    .deletion
                    .as_ref()
                    .and_then(|d| at_day(d.backup_purge_on))
                    .filter(|t| *t <= now)
                    .map(|t| (RequestStatus::Completed, t)),
                _ => None,
            };
            match step {
                Some((to, at)) if self.transition(to, at).is_ok() => {}
                _ => break,
            }
        }
    }

    /// Whether the company is late answering: still awaiting a first response after the due date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        matches!(
            self.status,
            RequestStatus::Received | RequestStatus::Preparing | RequestStatus::InReview
        ) && today > self.due_on()
    }
}

/// The requests endpoint's document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RequestLog {
    pub requests: Vec<PrivacyRequest>,
}

crate::from_json_struct!(RequestLog { requests });

impl RequestLog {
    /// The next free reference for `year`: `PR-{year}-{n}` with `n` one more than the highest used that year,
    /// four digits at least.
    pub fn next_reference(&self, year: i32) -> String {
        let prefix = format!("PR-{year}-");
        let highest = self
            .requests
            .iter()
            .filter_map(|r| r.reference.strip_prefix(&prefix))
            .filter_map(|n| n.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{:04}", highest + 1)
    }

    /// Files a new request received at `at`, with a fresh reference; returns the reference.
    pub fn file(&mut self, kind: RequestKind, summary: String, at: DateTime<Utc>) -> String {
        self.file_request(PrivacyRequest::new(kind, summary, at))
    }

    /// Files `request` under a fresh reference, unless a request filed with the same idempotency key exists:
    /// then nothing is filed and that request's reference is returned.
    pub fn file_request(&mut self, mut request: PrivacyRequest) -> String {
        use chrono::Datelike;
        if let Some(key) = &request.idempotency_key {
            if let Some(existing) = self
                .requests
                .iter()
                .find(|r| r.idempotency_key.as_ref() == Some(key))
            {
                return existing.reference.clone();
            }
        }
        request.reference = self.next_reference(request.received_at.year());
        let reference = request.reference.clone();
        self.requests.push(request);
        reference
    }

    /// The request with `reference`.
    pub fn find(&self, reference: &str) -> Option<&PrivacyRequest> {
        self.requests.iter().find(|r| r.reference == reference)
    }

    /// Whether the export `reference` may be downloaded now (its file is kept only while it may).
    pub fn is_downloadable(&self, reference: &str) -> bool {
        self.find(reference)
            .is_some_and(|r| r.kind == RequestKind::Export && r.status == RequestStatus::Ready)
    }

    /// The appeal filed against `reference`, if any.
    pub fn appeal_of(&self, reference: &str) -> Option<&PrivacyRequest> {
        self.requests.iter().find(|r| {
            r.kind == RequestKind::Appeal
                && r.regarding.as_deref() == Some(reference)
                && r.status != RequestStatus::Cancelled
        })
    }

    /// Whether the user may appeal against `request`: it was declined, or its answer was put off by an
    /// extension, and no appeal against it is filed yet. An appeal itself is final here: what follows is the
    /// regulator.
    pub fn may_appeal(&self, request: &PrivacyRequest) -> bool {
        request.kind != RequestKind::Appeal
            && (request.status == RequestStatus::Declined
                || (request.extension.is_some() && request.is_open()))
            && self.appeal_of(&request.reference).is_none()
    }

    /// The standing objection to marketing, the newest if there are several.
    pub fn marketing_objection(&self) -> Option<&PrivacyRequest> {
        self.requests
            .iter()
            .filter(|r| r.objects_to_marketing())
            .max_by_key(|r| r.received_at)
    }

    /// The categories an open restriction keeps from use, each with the request's reference.
    pub fn restricted(&self) -> Vec<(CategoryId, String)> {
        self.requests
            .iter()
            .filter(|r| r.kind == RequestKind::Restriction && r.is_open())
            .filter_map(|r| r.category.map(|c| (c, r.reference.clone())))
            .collect()
    }

    /// Every request, newest first.
    pub fn newest_first(&self) -> Vec<PrivacyRequest> {
        let mut all = self.requests.clone();
        all.sort_by_key(|r| std::cmp::Reverse(r.received_at));
        all
    }

    /// Applies what time has brought to every request (see [`PrivacyRequest::catch_up`]).
    pub fn catch_up(&mut self, now: DateTime<Utc>) {
        for request in &mut self.requests {
            request.catch_up(now);
        }
    }

    /// Open requests, most recently received first.
    pub fn open(&self) -> Vec<PrivacyRequest> {
        let mut open: Vec<_> = self
            .requests
            .iter()
            .filter(|r| r.is_open())
            .cloned()
            .collect();
        open.sort_by_key(|r| std::cmp::Reverse(r.received_at));
        open
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn every_status_is_listed_once_and_every_timeline_uses_listed_ones() {
        for (i, status) in RequestStatus::ALL.iter().enumerate() {
            assert!(
                !RequestStatus::ALL[..i].contains(status),
                "{status:?} twice"
            );
        }
        for kind in [
            RequestKind::Export,
            RequestKind::Deletion,
            RequestKind::Rectification,
            RequestKind::Objection,
            RequestKind::Restriction,
            RequestKind::Concern,
            RequestKind::Appeal,
        ] {
            for status in kind.timeline() {
                assert!(RequestStatus::ALL.contains(status), "{status:?} missing");
            }
        }
    }

    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn request(received: &str, status: RequestStatus) -> PrivacyRequest {
        let mut r = PrivacyRequest::new(RequestKind::Export, String::new(), at(received));
        r.reference = "PR-1".into();
        r.status = status;
        r.history.clear();
        r
    }

    fn schedule() -> CleanupSchedule {
        CleanupSchedule {
            interval_months: 6,
            backup_purge_months: 3,
            last_cleanup_on: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
        }
    }

    fn deletion(received: &str) -> PrivacyRequest {
        let mut r = PrivacyRequest::new(RequestKind::Deletion, "all".into(), at(received));
        r.deletion = Some(DeletionDetails::scheduled(
            DeletionScope::WholeAccount,
            at(received).date_naive(),
            &schedule(),
        ));
        r
    }

    fn about(kind: RequestKind, reference: &str, received: &str) -> PrivacyRequest {
        let mut r = PrivacyRequest::new(kind, String::new(), at(received));
        r.reference = reference.into();
        r.category = Some(CategoryId::SocialMedia);
        r
    }

    #[test]
    fn an_extension_moves_the_due_date_by_at_most_two_months_and_only_once() {
        let mut r = about(RequestKind::Deletion, "PR-1", "2026-10-20T08:00:00Z");
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(r.first_due_on(), day(2026, 11, 20));
        assert_eq!(r.latest_extension(), day(2027, 1, 20));
        // Told after the first due date, or beyond two more months, or not later at all: refused.
        assert!(r
            .extend(day(2027, 1, 10), "late".into(), day(2026, 11, 21))
            .is_err());
        assert!(r
            .extend(day(2027, 1, 21), "too long".into(), day(2026, 11, 18))
            .is_err());
        assert!(r
            .extend(day(2026, 11, 20), "no later".into(), day(2026, 11, 18))
            .is_err());
        assert_eq!(r.due_on(), day(2026, 11, 20));
        r.extend(day(2027, 1, 20), "complex".into(), day(2026, 11, 18))
            .unwrap();
        assert_eq!(r.due_on(), day(2027, 1, 20));
        assert!(!r.is_overdue(day(2026, 12, 1)));
        assert!(r.is_overdue(day(2027, 1, 21)));
        assert!(r
            .extend(day(2027, 1, 19), "again".into(), day(2026, 11, 19))
            .is_err());
    }

    #[test]
    fn concerns_appeals_and_restrictions_are_due_a_month_after_receipt() {
        for kind in [
            RequestKind::Concern,
            RequestKind::Appeal,
            RequestKind::Restriction,
        ] {
            let r = about(kind, "PR-1", "2026-01-31T08:00:00Z");
            assert_eq!(
                r.due_on(),
                NaiveDate::from_ymd_opt(2026, 2, 28).unwrap(),
                "{kind:?}"
            );
            assert_eq!(
                kind.timeline(),
                &[
                    RequestStatus::Received,
                    RequestStatus::InReview,
                    RequestStatus::Completed
                ]
            );
        }
    }

    #[test]
    fn a_declined_or_extended_request_can_be_appealed_once_and_an_appeal_is_final() {
        let mut declined = about(
            RequestKind::Rectification,
            "PR-2025-0402",
            "2025-03-03T07:00:00Z",
        );
        declined
            .transition(RequestStatus::Declined, at("2025-03-20T07:00:00Z"))
            .unwrap();
        let mut extended = about(
            RequestKind::Deletion,
            "PR-2026-0398",
            "2026-10-20T08:00:00Z",
        );
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        extended
            .extend(day(2027, 1, 20), "complex".into(), day(2026, 11, 18))
            .unwrap();
        let answered = about(
            RequestKind::Rectification,
            "PR-2020-0711",
            "2020-09-14T06:00:00Z",
        );
        let mut log = RequestLog {
            requests: vec![declined.clone(), extended.clone(), answered.clone()],
        };
        assert!(log.may_appeal(&declined));
        assert!(log.may_appeal(&extended));
        assert!(!log.may_appeal(&answered), "neither declined nor extended");

        let mut appeal = PrivacyRequest::new(
            RequestKind::Appeal,
            String::new(),
            at("2026-12-07T08:00:00Z"),
        );
        appeal.regarding = Some("PR-2025-0402".into());
        log.file_request(appeal);
        assert!(!log.may_appeal(&declined), "one appeal per request");
        let filed = log.appeal_of("PR-2025-0402").unwrap().clone();
        assert_eq!(filed.due_on(), NaiveDate::from_ymd_opt(2027, 1, 7).unwrap());
        let mut refused = filed.clone();
        refused
            .transition(RequestStatus::Declined, at("2026-12-20T08:00:00Z"))
            .unwrap();
        assert!(
            !log.may_appeal(&refused),
            "an appeal is not appealed: the regulator is next"
        );

        // A cancelled appeal leaves the way open.
        for r in &mut log.requests {
            if r.kind == RequestKind::Appeal {
                r.transition(RequestStatus::Cancelled, at("2026-12-08T08:00:00Z"))
                    .unwrap();
            }
        }
        assert!(log.may_appeal(&declined));
    }

    #[test]
    fn an_open_restriction_marks_its_category_until_answered() {
        let mut r = about(
            RequestKind::Restriction,
            "PR-2026-0500",
            "2026-12-01T08:00:00Z",
        );
        let mut log = RequestLog {
            requests: vec![r.clone()],
        };
        assert!(r.restricts(CategoryId::SocialMedia));
        assert!(!r.restricts(CategoryId::ReviewSites));
        assert_eq!(
            log.restricted(),
            vec![(CategoryId::SocialMedia, "PR-2026-0500".to_string())]
        );
        r.transition(RequestStatus::InReview, at("2026-12-02T08:00:00Z"))
            .unwrap();
        assert!(r.restricts(CategoryId::SocialMedia));
        r.transition(RequestStatus::Completed, at("2026-12-03T08:00:00Z"))
            .unwrap();
        assert!(!r.restricts(CategoryId::SocialMedia));
        log.requests = vec![r];
        assert!(log.restricted().is_empty());
    }

    #[test]
    fn a_category_deletion_reads_back_from_its_json() {
        use crate::domain::json::FromJson;
        let scope =
            DeletionScope::from_json(&serde_json::json!({"category": "social_media"})).unwrap();
        assert_eq!(scope, DeletionScope::Category(CategoryId::SocialMedia));
        assert_eq!(
            serde_json::to_value(scope).unwrap(),
            serde_json::json!({"category": "social_media"})
        );
        assert!(DeletionScope::from_json(&serde_json::json!({"category": "everything"})).is_err());
    }

    #[test]
    fn only_the_next_step_of_a_timeline_is_allowed() {
        let mut r = deletion("2026-11-29T10:00:00Z");
        assert_eq!(
            r.transition(RequestStatus::Completed, at("2026-11-29T10:00:01Z")),
            Err(NotAllowed {
                from: RequestStatus::Received,
                to: RequestStatus::Completed
            })
        );
        assert!(r
            .transition(RequestStatus::Preparing, at("2026-11-29T10:00:01Z"))
            .is_err());
        assert!(r
            .transition(RequestStatus::Scheduled, at("2026-11-29T10:00:01Z"))
            .is_ok());
        assert!(r
            .transition(RequestStatus::Scheduled, at("2026-11-29T10:00:02Z"))
            .is_err());
        assert!(r
            .transition(RequestStatus::Declined, at("2026-11-29T10:00:02Z"))
            .is_err());
        let mut e = request("2026-11-29T10:00:00Z", RequestStatus::Received);
        for next in [
            RequestStatus::Preparing,
            RequestStatus::Ready,
            RequestStatus::Expired,
        ] {
            assert!(
                e.transition(next, at("2026-11-29T11:00:00Z")).is_ok(),
                "{next:?}"
            );
        }
        assert!(e
            .transition(RequestStatus::Cancelled, at("2026-11-29T12:00:00Z"))
            .is_err());
    }

    #[test]
    fn a_deletion_can_be_cancelled_until_its_cleanup_runs() {
        let mut r = deletion("2026-11-29T10:00:00Z");
        r.transition(RequestStatus::Scheduled, at("2026-11-29T10:00:01Z"))
            .unwrap();
        let cleanup = r.deletion.as_ref().unwrap().cleanup_on;
        assert_eq!(cleanup, NaiveDate::from_ymd_opt(2027, 3, 1).unwrap());
        assert!(r.can_cancel(NaiveDate::from_ymd_opt(2027, 2, 28).unwrap()));
        assert!(!r.can_cancel(cleanup));
        assert!(r
            .transition(RequestStatus::Cancelled, at("2027-01-10T00:00:00Z"))
            .is_ok());
        assert!(!r.is_open());
    }

    #[test]
    fn time_moves_deletions_and_exports_along() {
        let mut r = deletion("2026-11-29T10:00:00Z");
        r.transition(RequestStatus::Scheduled, at("2026-11-29T10:00:01Z"))
            .unwrap();
        r.catch_up(at("2027-02-28T23:59:59Z"));
        assert_eq!(r.status, RequestStatus::Scheduled);
        r.catch_up(at("2027-03-01T00:00:00Z"));
        assert_eq!(r.status, RequestStatus::RemovedFromActive);
        r.catch_up(at("2027-07-01T00:00:00Z"));
        assert_eq!(r.status, RequestStatus::Completed);
        assert_eq!(r.history.last().unwrap().at, at("2027-06-01T00:00:00Z"));

        let mut e = request("2026-11-01T10:00:00Z", RequestStatus::Received);
        e.transition(RequestStatus::Preparing, at("2026-11-01T10:00:01Z"))
            .unwrap();
        e.transition(RequestStatus::Ready, at("2026-11-01T10:00:02Z"))
            .unwrap();
        e.catch_up(at("2026-11-15T10:00:01Z"));
        assert_eq!(e.status, RequestStatus::Ready);
        e.catch_up(at("2026-11-15T10:00:02Z"));
        assert_eq!(e.status, RequestStatus::Expired);
    }

    #[test]
    fn a_second_filing_with_the_same_key_files_nothing() {
        let mut log = RequestLog::default();
        let mut first =
            PrivacyRequest::new(RequestKind::Export, "x".into(), at("2026-11-29T10:00:00Z"));
        first.idempotency_key = Some("attempt-1".into());
        let again = first.clone();
        let a = log.file_request(first);
        let b = log.file_request(again);
        assert_eq!(a, b);
        assert_eq!(log.requests.len(), 1);
        let mut other =
            PrivacyRequest::new(RequestKind::Export, "x".into(), at("2026-11-29T10:00:00Z"));
        other.idempotency_key = Some("attempt-2".into());
        assert_ne!(log.file_request(other), a);
        assert_eq!(log.requests.len(), 2);
    }

    #[test]
    fn overdue_means_still_unanswered_after_the_due_date() {
        let r = request("2026-10-01T10:00:00Z", RequestStatus::InReview);
        assert!(!r.is_overdue(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()));
        assert!(r.is_overdue(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()));
        let done = request("2026-10-01T10:00:00Z", RequestStatus::Completed);
        assert!(!done.is_overdue(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
    }

    #[test]
    fn due_one_calendar_month_after_receipt() {
        let r = request("2026-11-20T10:00:00Z", RequestStatus::Received);
        assert_eq!(r.due_on(), NaiveDate::from_ymd_opt(2026, 12, 20).unwrap());
        let r = request("2026-01-31T10:00:00Z", RequestStatus::Received);
        assert_eq!(r.due_on(), NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
    }

    #[test]
    fn every_timeline_starts_received_and_ends_closed() {
        for kind in [
            RequestKind::Export,
            RequestKind::Deletion,
            RequestKind::Rectification,
            RequestKind::Objection,
            RequestKind::Restriction,
            RequestKind::Concern,
            RequestKind::Appeal,
        ] {
            let timeline = kind.timeline();
            assert_eq!(timeline[0], RequestStatus::Received);
            assert!(!timeline[timeline.len() - 1].is_open());
        }
    }

    #[test]
    fn references_count_up_within_a_year() {
        let mut log = RequestLog::default();
        assert_eq!(log.next_reference(2026), "PR-2026-0001");
        log.requests
            .push(request("2026-01-01T00:00:00Z", RequestStatus::Completed));
        log.requests[0].reference = "PR-2026-0412".into();
        assert_eq!(log.next_reference(2026), "PR-2026-0413");
        assert_eq!(log.next_reference(2027), "PR-2027-0001");
        let at = DateTime::parse_from_rfc3339("2026-11-29T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let reference = log.file(RequestKind::Rectification, "Name".into(), at);
        assert_eq!(reference, "PR-2026-0413");
        let filed = log.requests.last().unwrap();
        assert_eq!(filed.status, RequestStatus::Received);
        assert_eq!(filed.history.len(), 1);
        assert!(filed.is_open());
        assert_eq!(
            filed.due_on(),
            NaiveDate::from_ymd_opt(2026, 12, 29).unwrap()
        );
    }

    #[test]
    fn open_requests_newest_first() {
        let log = RequestLog {
            requests: vec![
                request("2026-01-01T00:00:00Z", RequestStatus::Preparing),
                request("2026-03-01T00:00:00Z", RequestStatus::Expired),
                request("2026-02-01T00:00:00Z", RequestStatus::InReview),
            ],
        };
        let open = log.open();
        assert_eq!(open.len(), 2);
        assert_eq!(open[0].status, RequestStatus::InReview);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;

    proptest! {
        /// The due date is one calendar month after the day of receipt (the month's last day if shorter).
        #[test]
        fn due_one_month_after_receipt(seconds in 946_684_800i64..4_102_444_800) {
            let received = DateTime::<Utc>::from_timestamp(seconds, 0).unwrap();
            let r = PrivacyRequest::new(RequestKind::Export, String::new(), received);
            let day = received.date_naive();
            let due = r.due_on();
            let months = (due.year() - day.year()) * 12 + due.month() as i32 - day.month() as i32;
            prop_assert_eq!(months, 1);
            prop_assert!(due.day() <= day.day());
            prop_assert!(due.day() == day.day() || due.succ_opt().unwrap().day() == 1);
        }

        /// Whatever the receipt day, a deletion's dates follow the policy.
        #[test]
        fn deletion_dates_follow_the_schedule(offset in 0i64..3000, anchor in 0i64..2000) {
            let last = NaiveDate::from_ymd_opt(2024, 1, 31).unwrap() + Duration::days(anchor);
            let schedule = CleanupSchedule { interval_months: 6, backup_purge_months: 3, last_cleanup_on: last };
            let day = last + Duration::days(offset);
            let d = DeletionDetails::scheduled(DeletionScope::WholeAccount, day, &schedule);
            prop_assert!(d.cleanup_on > day);
            prop_assert_eq!(d.backup_purge_on, schedule.backup_purge_after(d.cleanup_on));
        }
    }
}
