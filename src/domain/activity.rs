//! The access and activity log: audited employee access to service data, and the user's own account activity.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::product::Product;

/// An employee's role; the log names roles, never people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployeeRole {
    SupportEngineer,
    SpamAnalyst,
    OcrReviewer,
    DataImportSpecialist,
    SiteReliabilityEngineer,
}

crate::from_json_enum!(EmployeeRole { SupportEngineer = "support_engineer", SpamAnalyst = "spam_analyst", OcrReviewer = "ocr_reviewer", DataImportSpecialist = "data_import_specialist", SiteReliabilityEngineer = "site_reliability_engineer" });

/// The reasons the policy allows an employee to access service data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccessReason {
    /// Identify, analyse and resolve errors.
    ResolveError,
    /// Manually verify emails reported as spam.
    VerifySpam,
    /// Manually verify scanned images for OCR accuracy.
    VerifyOcr,
    /// A support request the user opened.
    SupportRequest,
    /// Import data at the user's request.
    DataImport,
}

crate::from_json_enum!(AccessReason { ResolveError = "resolve_error", VerifySpam = "verify_spam", VerifyOcr = "verify_ocr", SupportRequest = "support_request", DataImport = "data_import" });

/// Which part of the portal a change was made in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeArea {
    Profile,
    Communications,
    Cookies,
    Requests,
    Sharing,
    Notices,
    DemoData,
}

crate::from_json_enum!(ChangeArea { Profile = "profile", Communications = "communications", Cookies = "cookies", Requests = "requests", Sharing = "sharing", Notices = "notices", DemoData = "demo_data" });

/// What happened. In JSON the variant is the object's single key (`{"sign_in": {...}}`): externally tagged
/// enums decode without buffering, which keeps the wasm bundle smaller than an internal `kind` tag would.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityDetail {
    /// An employee accessed the user's service data (logged and audited, as the policy promises).
    EmployeeAccess {
        role: EmployeeRole,
        reason: AccessReason,
        accessed: String,
    },
    /// The user signed in.
    SignIn {
        device: String,
        browser: String,
        location: String,
    },
    /// The user changed something, in this portal or in a product.
    Change { area: ChangeArea, summary: String },
}

impl crate::domain::json::FromJson for ActivityDetail {
    fn from_json(value: &serde_json::Value) -> Result<Self, crate::domain::json::JsonError> {
        use crate::domain::json::{field, object, tagged, JsonError};
        let (variant, data) = tagged(value)?;
        let detail = |data| -> Result<Self, JsonError> {
            let data = object(data)?;
            match variant {
                "employee_access" => Ok(ActivityDetail::EmployeeAccess {
                    role: field(data, "role")?,
                    reason: field(data, "reason")?,
                    accessed: field(data, "accessed")?,
                }),
                "sign_in" => Ok(ActivityDetail::SignIn {
                    device: field(data, "device")?,
                    browser: field(data, "browser")?,
                    location: field(data, "location")?,
                }),
                "change" => Ok(ActivityDetail::Change {
                    area: field(data, "area")?,
                    summary: field(data, "summary")?,
                }),
                _ => Err(JsonError::expected(
                    "one of: employee_access, sign_in, change",
                )),
            }
        };
        detail(data).map_err(|error| match variant {
            "employee_access" => error.in_field("employee_access"),
            "sign_in" => error.in_field("sign_in"),
            "change" => error.in_field("change"),
            _ => error,
        })
    }
}

/// One entry of the log.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActivityEvent {
    pub id: String,
    pub at: DateTime<Utc>,
    pub product: Option<Product>,
    pub detail: ActivityDetail,
}

crate::from_json_struct!(ActivityEvent {
    id,
    at,
    product,
    detail
});

impl ActivityEvent {
    pub fn is_employee_access(&self) -> bool {
        matches!(self.detail, ActivityDetail::EmployeeAccess { .. })
    }
}

/// Instructions for the mock backend to add a long, deterministic history to a demo user (see `api`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GeneratedHistory {
    pub seed: u64,
    pub count: u32,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

crate::from_json_struct!(GeneratedHistory {
    seed,
    count,
    from,
    to
});

/// The activity endpoint's document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ActivityLog {
    pub events: Vec<ActivityEvent>,
    /// Mock only: more entries to generate when the document is read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generated: Option<GeneratedHistory>,
}

crate::from_json_struct!(ActivityLog { events, generated });

impl ActivityLog {
    /// The `limit` most recent employee accesses, newest first.
    pub fn latest_access(&self, limit: usize) -> Vec<ActivityEvent> {
        let mut access: Vec<_> = self
            .events
            .iter()
            .filter(|e| e.is_employee_access())
            .cloned()
            .collect();
        access.sort_by_key(|e| std::cmp::Reverse(e.at));
        access.truncate(limit);
        access
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, at: &str, detail: ActivityDetail) -> ActivityEvent {
        ActivityEvent {
            id: id.into(),
            at: DateTime::parse_from_rfc3339(at)
                .unwrap()
                .with_timezone(&Utc),
            product: Some(Product::Procrm),
            detail,
        }
    }

    fn access() -> ActivityDetail {
        ActivityDetail::EmployeeAccess {
            role: EmployeeRole::SupportEngineer,
            reason: AccessReason::SupportRequest,
            accessed: "Contacts".into(),
        }
    }

    #[test]
    fn latest_access_is_newest_first_and_only_employee_access() {
        let log = ActivityLog {
            generated: None,
            events: vec![
                event("a", "2026-01-01T00:00:00Z", access()),
                event(
                    "b",
                    "2026-05-01T00:00:00Z",
                    ActivityDetail::Change {
                        area: ChangeArea::Profile,
                        summary: "x".into(),
                    },
                ),
                event("c", "2026-03-01T00:00:00Z", access()),
                event("d", "2026-02-01T00:00:00Z", access()),
            ],
        };
        let ids: Vec<_> = log.latest_access(2).into_iter().map(|e| e.id).collect();
        assert_eq!(ids, ["c", "d"]);
    }

    #[test]
    fn detail_is_keyed_by_its_kind_in_json() {
        let json = serde_json::to_value(event("a", "2026-01-01T00:00:00Z", access())).unwrap();
        assert_eq!(
            json["detail"]["employee_access"]["reason"],
            "support_request"
        );
    }
}
