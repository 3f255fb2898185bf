//! Privacy requests (export, deletion, correction): their kinds, status timelines and legal due dates.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Export,
    Deletion,
    Rectification,
}

/// Where a request stands. Each kind moves through its own subset, in order (see [`RequestKind::timeline`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

impl RequestKind {
    /// The statuses a request of this kind passes through when all goes well.
    pub const fn timeline(self) -> &'static [RequestStatus] {
        use RequestStatus::*;
        match self {
            RequestKind::Export => &[Received, Preparing, Ready, Expired],
            RequestKind::Deletion => &[Received, Scheduled, RemovedFromActive, Completed],
            RequestKind::Rectification => &[Received, InReview, Completed],
        }
    }
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

/// A status a request reached, and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: RequestStatus,
    pub at: DateTime<Utc>,
}

/// A request the user filed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrivacyRequest {
    /// The reference quoted in every message about the request, e.g. `PR-2026-0412`.
    pub reference: String,
    pub kind: RequestKind,
    pub status: RequestStatus,
    pub received_at: DateTime<Utc>,
    /// What the request covers, in the user's words or the scope they chose.
    pub summary: String,
    #[serde(default)]
    pub history: Vec<StatusChange>,
}

/// Time the company has to answer a request: one month from receipt.
pub const RESPONSE_MONTHS: u32 = 1;

impl PrivacyRequest {
    /// The legal due date: one calendar month after the day of receipt (the month's last day if shorter).
    pub fn due_on(&self) -> NaiveDate {
        let received = self.received_at.date_naive();
        received
            .checked_add_months(Months::new(RESPONSE_MONTHS))
            .unwrap_or(received)
    }

    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }
}

/// The requests endpoint's document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RequestLog {
    pub requests: Vec<PrivacyRequest>,
}

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
        use chrono::Datelike;
        let reference = self.next_reference(at.year());
        self.requests.push(PrivacyRequest {
            reference: reference.clone(),
            kind,
            status: RequestStatus::Received,
            received_at: at,
            summary,
            history: vec![StatusChange {
                status: RequestStatus::Received,
                at,
            }],
        });
        reference
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
    use super::*;

    fn request(received: &str, status: RequestStatus) -> PrivacyRequest {
        PrivacyRequest {
            reference: "PR-1".into(),
            kind: RequestKind::Export,
            status,
            received_at: DateTime::parse_from_rfc3339(received)
                .unwrap()
                .with_timezone(&Utc),
            summary: String::new(),
            history: vec![],
        }
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
