//! Whether the user's information may be used for marketing right now. Two things stop it at once, whatever the
//! saved choices say (those are kept, and apply again when the stop ends): an objection to marketing, until it is
//! withdrawn or declined; and a browser's Global Privacy Control signal, from the day the policy in force honours it,
//! unless the user told us otherwise in that place.

use chrono::NaiveDate;

use super::policy::PolicyDocument;
use super::requests::RequestLog;

/// Why marketing use is stopped now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarketingStop {
    /// The user objected to marketing in request `reference`, filed on `on`.
    Objected { reference: String, on: NaiveDate },
    /// The browser sends Global Privacy Control, honoured by the policy since `since`.
    Gpc { since: NaiveDate },
}

impl MarketingStop {
    pub fn objection(&self) -> Option<&str> {
        match self {
            MarketingStop::Objected { reference, .. } => Some(reference),
            MarketingStop::Gpc { .. } => None,
        }
    }
}

/// What decides whether marketing is stopped, read from the requests, the policy and the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarketingSignals {
    /// The standing objection to marketing: its reference and the day it was filed.
    pub objection: Option<(String, NaiveDate)>,
    /// The day from which the browser's GPC signal is honoured: the browser sends it and the policy in force says so.
    pub gpc_since: Option<NaiveDate>,
}

impl MarketingSignals {
    /// Reads the signals on `today`; `gpc` is whether this browser sends Global Privacy Control.
    pub fn read(
        requests: &RequestLog,
        policy: &PolicyDocument,
        gpc: bool,
        today: NaiveDate,
    ) -> MarketingSignals {
        MarketingSignals {
            objection: requests
                .marketing_objection()
                .map(|r| (r.reference.clone(), r.received_at.date_naive())),
            gpc_since: policy.honours_gpc_since(today).filter(|_| gpc),
        }
    }

    /// Whether marketing is stopped in a place where the user chose, or not, to be marketed to despite GPC
    /// (`despite_gpc`). An objection wins over every choice: it is the user's latest and strongest word.
    pub fn stop(&self, despite_gpc: bool) -> Option<MarketingStop> {
        if let Some((reference, on)) = &self.objection {
            return Some(MarketingStop::Objected {
                reference: reference.clone(),
                on: *on,
            });
        }
        self.gpc_since
            .filter(|_| !despite_gpc)
            .map(|since| MarketingStop::Gpc { since })
    }

    /// Whether GPC is honoured here now, so that a "despite GPC" choice means something.
    pub fn gpc_applies(&self) -> bool {
        self.gpc_since.is_some()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::domain::requests::{PrivacyRequest, RequestKind, RequestStatus};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn objection(reference: &str, on: &str) -> PrivacyRequest {
        let mut r = PrivacyRequest::new(RequestKind::Objection, "Stop marketing".into(), at(on));
        r.reference = reference.into();
        r
    }

    #[test]
    fn an_objection_to_marketing_stops_it_until_withdrawn_or_declined() {
        let mut log = RequestLog { requests: vec![] };
        assert_eq!(log.marketing_objection(), None);
        log.requests
            .push(objection("PR-2026-0500", "2026-12-01T10:00:00Z"));
        let stop = |log: &RequestLog| {
            MarketingSignals {
                objection: log
                    .marketing_objection()
                    .map(|r| (r.reference.clone(), r.received_at.date_naive())),
                gpc_since: None,
            }
            .stop(true)
        };
        assert_eq!(
            stop(&log),
            Some(MarketingStop::Objected {
                reference: "PR-2026-0500".into(),
                on: day(2026, 12, 1)
            })
        );
        // Upheld, it still stands, and can still be withdrawn.
        let r = &mut log.requests[0];
        r.transition(RequestStatus::InReview, at("2026-12-02T10:00:00Z"))
            .unwrap();
        r.transition(RequestStatus::Completed, at("2026-12-03T10:00:00Z"))
            .unwrap();
        assert!(stop(&log).is_some());
        log.requests[0]
            .transition(RequestStatus::Cancelled, at("2026-12-04T10:00:00Z"))
            .unwrap();
        assert_eq!(stop(&log), None, "withdrawn");
        // A declined one does not stop anything; an objection about one category is not one to all marketing.
        let mut declined = objection("PR-2026-0501", "2026-12-05T10:00:00Z");
        declined
            .transition(RequestStatus::Declined, at("2026-12-06T10:00:00Z"))
            .unwrap();
        let mut one_category = objection("PR-2026-0502", "2026-12-05T10:00:00Z");
        one_category.category = Some(crate::domain::inventory::CategoryId::PublicSources);
        log.requests.extend([declined, one_category]);
        assert_eq!(stop(&log), None);
    }

    #[test]
    fn gpc_stops_marketing_from_the_revisions_day_unless_the_user_chose_otherwise() {
        let gpc = MarketingSignals {
            objection: None,
            gpc_since: Some(day(2026, 12, 15)),
        };
        assert_eq!(
            gpc.stop(false),
            Some(MarketingStop::Gpc {
                since: day(2026, 12, 15)
            })
        );
        assert_eq!(gpc.stop(true), None);
        let none = MarketingSignals {
            objection: None,
            gpc_since: None,
        };
        assert_eq!(none.stop(false), None);
        assert!(!none.gpc_applies());
        // An objection wins over a choice made despite GPC.
        let both = MarketingSignals {
            objection: Some(("PR-2026-0500".into(), day(2026, 12, 1))),
            ..gpc
        };
        assert_eq!(
            both.stop(true)
                .and_then(|s| s.objection().map(str::to_string)),
            Some("PR-2026-0500".into())
        );
    }
}
