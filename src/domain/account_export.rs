//! The parts of an export about the account rather than the information held: the user's communication
//! preferences, cookie consent history, privacy requests, activity log and sharing choices. Each part is a table
//! with a few facts above it, every column described in the file's data dictionary.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{json, Value};

use super::activity::{ActivityDetail, ActivityLog};
use super::communications::{CommunicationPreferences, MessageChannel, Subscription, Topic};
use super::cookies::CookieSettings;
use super::marketing::{MarketingSignals, MarketingStop};
use super::product::Product;
use super::requests::{AccountPart, RequestLog};
use super::sharing::{ConnectionKind, Sharing};

/// The part's title in the file, which is written in English whatever the portal's language.
pub const fn title(part: AccountPart) -> &'static str {
    match part {
        AccountPart::Preferences => "Communication preferences",
        AccountPart::Consents => "Cookie consent history",
        AccountPart::Requests => "Privacy requests",
        AccountPart::Activity => "Access and activity log",
        AccountPart::Sharing => "Sharing choices",
    }
}

/// Every fact and column `part` can have, with what it means: the part's entries in the data dictionary.
pub const fn dictionary(part: AccountPart) -> &'static [(&'static str, &'static str)] {
    match part {
        AccountPart::Preferences => &[
            ("updated_at", "When the preferences were last saved"),
            ("marketing_despite_gpc", "When you chose to receive the marketing messages ticked although your browser sends Global Privacy Control (empty while the signal is followed)"),
            ("marketing_stopped", "Why marketing messages are stopped now, if they are: your objection or your browser's Global Privacy Control"),
            ("product", "The product the messages are about"),
            ("topic", "The kind of message"),
            ("channel", "How the message is sent: email, SMS or phone"),
            ("subscribed", "Whether you ticked this message"),
            ("receiving_now", "Whether you receive it now: ticked, and not a marketing message while marketing is stopped"),
        ],
        AccountPart::Consents => &[
            ("given_at", "When the choice was made"),
            ("policy_revision", "The privacy policy revision in force then"),
            ("method", "Where the choice was made: the cookie banner, the cookie settings page or a browser signal"),
            ("functional", "Whether functional cookies were allowed"),
            ("analytics", "Whether analytics cookies were allowed"),
            ("marketing", "Whether marketing cookies were allowed"),
        ],
        AccountPart::Requests => &[
            ("reference", "The reference quoted in every message about the request"),
            ("kind", "What was asked for"),
            ("status", "Where the request stands"),
            ("received_at", "When it was filed"),
            ("due_on", "The day it must be answered by"),
            ("summary", "What the request covers"),
            ("category", "The category of information it is about, if one"),
            ("regarding", "The request an appeal or concern is about, if one"),
            ("topic", "What a concern is about"),
            ("correction_field", "For a correction: the field to correct"),
            ("correction_value", "For a correction: what it should say"),
            ("extended_until", "The later due date, if more time was taken"),
            ("extension_reason", "Why more time was taken"),
            ("decision", "Why the request was declined, if it was"),
            ("history", "Every status the request reached, with when"),
        ],
        AccountPart::Activity => &[
            ("from", "The first day included (empty: from the start of the log)"),
            ("to", "The last day included (empty: up to today)"),
            ("id", "The entry's identifier"),
            ("at", "When it happened"),
            ("product", "The product it happened in, if one"),
            ("type", "employee_access, sign_in or change"),
            ("role", "For staff access: the employee's role (the log names roles, never people)"),
            ("reason", "For staff access: the reason the policy allows"),
            ("accessed", "For staff access: what was looked at"),
            ("device", "For a sign-in: the device"),
            ("browser", "For a sign-in: the browser"),
            ("location", "For a sign-in: the approximate location"),
            ("area", "For a change: the part of the portal or product changed"),
            ("summary", "For a change: what changed"),
        ],
        AccountPart::Sharing => &[
            ("resellers_despite_gpc", "When you chose to keep working with reselling partners although your browser sends Global Privacy Control (empty while the signal is followed)"),
            ("recipient", "Who it is: reselling_partner, marketplace_app, service_provider, or a connection you cut off (sign_in, event_organiser, marketing_provider)"),
            ("name", "Their name"),
            ("detail", "The region, developer or purpose"),
            ("shared", "What they received"),
            ("receives_now", "Whether they may use your information now"),
            ("since", "When they received it, or when you installed the app"),
            ("stopped_at", "When you stopped working with them or cut them off, if you did"),
        ],
    }
}

/// One column of a row: its key (in the part's dictionary) and value.
pub type Cell = (&'static str, Value);

/// A part as exported: facts about it, then one row per record.
#[derive(Clone, Debug, PartialEq)]
pub struct PartTable {
    pub part: AccountPart,
    pub facts: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
}

/// A value's key as written in the documents (`"snake_case"`).
fn key<T: Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn time(at: Option<DateTime<Utc>>) -> Value {
    at.map_or(Value::Null, |at| Value::String(at.to_rfc3339()))
}

fn stop_text(stop: Option<&MarketingStop>) -> Value {
    match stop {
        Some(MarketingStop::Objected { reference, on }) => {
            Value::String(format!("You objected to marketing on {on} ({reference})"))
        }
        Some(MarketingStop::Gpc { since }) => Value::String(format!(
            "Your browser sends Global Privacy Control (honoured since {since})"
        )),
        None => Value::Null,
    }
}

/// Every cell of the preference grid, ticked or not, and whether it is received now.
pub fn preferences(prefs: &CommunicationPreferences, signals: &MarketingSignals) -> PartTable {
    let stop = signals.stop(prefs.despite_gpc.is_some());
    let mut rows = Vec::new();
    for product in Product::ALL {
        for topic in Topic::ALL {
            for channel in MessageChannel::ALL {
                let cell = Subscription {
                    topic,
                    channel,
                    product,
                };
                rows.push(vec![
                    ("product", Value::String(product.name().to_string())),
                    ("topic", key(topic)),
                    ("channel", key(channel)),
                    ("subscribed", Value::Bool(prefs.is_subscribed(cell))),
                    (
                        "receiving_now",
                        Value::Bool(prefs.receives(cell, stop.as_ref())),
                    ),
                ]);
            }
        }
    }
    PartTable {
        part: AccountPart::Preferences,
        facts: vec![
            ("updated_at", time(Some(prefs.updated_at))),
            ("marketing_despite_gpc", time(prefs.despite_gpc)),
            ("marketing_stopped", stop_text(stop.as_ref())),
        ],
        rows,
    }
}

/// Every cookie choice made, oldest first.
pub fn consents(settings: &CookieSettings) -> PartTable {
    let mut history = settings.history.clone();
    // A choice recorded before the history was kept still belongs in the record.
    if let Some(current) = &settings.consent {
        if !history.contains(current) {
            history.push(current.clone());
        }
    }
    history.sort_by_key(|c| c.given_at);
    PartTable {
        part: AccountPart::Consents,
        facts: Vec::new(),
        rows: history
            .iter()
            .map(|c| {
                vec![
                    ("given_at", time(Some(c.given_at))),
                    ("policy_revision", Value::String(c.policy_revision.clone())),
                    ("method", key(c.method)),
                    ("functional", Value::Bool(c.functional)),
                    ("analytics", Value::Bool(c.analytics)),
                    ("marketing", Value::Bool(c.marketing)),
                ]
            })
            .collect(),
    }
}

/// Every request, oldest first. An export's file is not repeated in it: it is a file of its own.
pub fn requests(log: &RequestLog) -> PartTable {
    let mut all: Vec<_> = log.requests.iter().collect();
    all.sort_by_key(|r| r.received_at);
    let text = |s: Option<&String>| s.map_or(Value::Null, |s| Value::String(s.clone()));
    PartTable {
        part: AccountPart::Requests,
        facts: Vec::new(),
        rows: all
            .into_iter()
            .map(|r| {
                let history: Vec<String> = r
                    .history
                    .iter()
                    .map(|h| {
                        format!(
                            "{} {}",
                            key(h.status).as_str().unwrap_or(""),
                            h.at.to_rfc3339()
                        )
                    })
                    .collect();
                vec![
                    ("reference", Value::String(r.reference.clone())),
                    ("kind", key(r.kind)),
                    ("status", key(r.status)),
                    ("received_at", time(Some(r.received_at))),
                    ("due_on", Value::String(r.due_on().to_string())),
                    ("summary", Value::String(r.summary.clone())),
                    ("category", r.category.map_or(Value::Null, key)),
                    ("regarding", text(r.regarding.as_ref())),
                    ("topic", r.topic.map_or(Value::Null, key)),
                    (
                        "correction_field",
                        text(r.correction.as_ref().map(|c| &c.field)),
                    ),
                    (
                        "correction_value",
                        text(r.correction.as_ref().map(|c| &c.value)),
                    ),
                    (
                        "extended_until",
                        r.extension
                            .as_ref()
                            .map_or(Value::Null, |e| Value::String(e.until.to_string())),
                    ),
                    (
                        "extension_reason",
                        text(r.extension.as_ref().map(|e| &e.reason)),
                    ),
                    ("decision", text(r.decision.as_ref())),
                    ("history", json!(history)),
                ]
            })
            .collect(),
    }
}

/// The log's entries between two instants (see `activity_filter::day_bounds`), oldest first; `from` and `to` are
/// the days the user chose, written as facts.
pub fn activity(
    log: &ActivityLog,
    days: (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>),
    bounds: (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
) -> PartTable {
    let (start, end) = bounds;
    let mut events: Vec<_> = log
        .events
        .iter()
        .filter(|e| start.is_none_or(|s| e.at >= s) && end.is_none_or(|t| e.at < t))
        .collect();
    events.sort_by_key(|e| e.at);
    let day =
        |d: Option<chrono::NaiveDate>| d.map_or(Value::Null, |d| Value::String(d.to_string()));
    PartTable {
        part: AccountPart::Activity,
        facts: vec![("from", day(days.0)), ("to", day(days.1))],
        rows: events
            .into_iter()
            .map(|e| {
                let mut row = vec![
                    ("id", Value::String(e.id.clone())),
                    ("at", time(Some(e.at))),
                    (
                        "product",
                        e.product
                            .map_or(Value::Null, |p| Value::String(p.name().to_string())),
                    ),
                ];
                let text = |s: &String| Value::String(s.clone());
                match &e.detail {
                    ActivityDetail::EmployeeAccess {
                        role,
                        reason,
                        accessed,
                    } => row.extend([
                        ("type", Value::String("employee_access".into())),
                        ("role", key(role)),
                        ("reason", key(reason)),
                        ("accessed", text(accessed)),
                    ]),
                    ActivityDetail::SignIn {
                        device,
                        browser,
                        location,
                    } => row.extend([
                        ("type", Value::String("sign_in".into())),
                        ("device", text(device)),
                        ("browser", text(browser)),
                        ("location", text(location)),
                    ]),
                    ActivityDetail::Change { area, summary } => row.extend([
                        ("type", Value::String("change".into())),
                        ("area", key(area)),
                        ("summary", text(summary)),
                    ]),
                }
                row
            })
            .collect(),
    }
}

/// Every recipient and what the user chose about them: reselling partners, marketplace apps, service providers,
/// and each sign-in provider, event organiser or marketing provider the user cut off.
pub fn sharing(shared: &Sharing, signals: &MarketingSignals) -> PartTable {
    let stop = signals.stop(shared.despite_gpc.is_some());
    let mut rows = Vec::new();
    let list = |items: &[String]| json!(items);
    for p in &shared.reselling_partners {
        rows.push(vec![
            ("recipient", Value::String("reselling_partner".into())),
            ("name", Value::String(p.name.clone())),
            ("detail", Value::String(p.region.clone())),
            ("shared", list(&p.shared)),
            ("receives_now", Value::Bool(p.receives(stop.as_ref()))),
            ("since", time(Some(p.shared_at))),
            ("stopped_at", time(p.stopped_at)),
        ]);
    }
    for a in &shared.marketplace_apps {
        let cut = shared.cut_off_at(ConnectionKind::App, &a.id);
        rows.push(vec![
            ("recipient", Value::String("marketplace_app".into())),
            ("name", Value::String(a.name.clone())),
            ("detail", Value::String(a.developer.clone())),
            ("shared", list(&a.shared)),
            ("receives_now", Value::Bool(cut.is_none())),
            ("since", time(Some(a.installed_at))),
            ("stopped_at", time(cut)),
        ]);
    }
    for s in &shared.service_providers {
        rows.push(vec![
            ("recipient", Value::String("service_provider".into())),
            ("name", Value::String(s.names.join(", "))),
            ("detail", Value::String(s.purpose.clone())),
            ("shared", list(&s.receives)),
            ("receives_now", Value::Bool(true)),
        ]);
    }
    for c in shared
        .cut_off
        .iter()
        .filter(|c| c.kind != ConnectionKind::App)
    {
        rows.push(vec![
            ("recipient", key(c.kind)),
            ("name", Value::String(c.name.clone())),
            ("receives_now", Value::Bool(false)),
            ("stopped_at", time(Some(c.at))),
        ]);
    }
    PartTable {
        part: AccountPart::Sharing,
        facts: vec![("resellers_despite_gpc", time(shared.despite_gpc))],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::json::decode;
    use chrono::NaiveDate;

    fn seed<T: crate::domain::json::FromJson>(name: &str) -> T {
        let path = format!(
            "{}/public/api/personas/asha/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        decode(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn no_stop() -> MarketingSignals {
        MarketingSignals {
            objection: None,
            gpc_since: None,
        }
    }

    fn all_parts() -> Vec<PartTable> {
        let requests: RequestLog = seed("requests");
        vec![
            preferences(&seed("communications"), &no_stop()),
            consents(&{
                let mut settings: CookieSettings = seed("cookies");
                settings.consent = Some(crate::domain::cookies::CookieConsent {
                    given_at: DateTime::parse_from_rfc3339("2026-11-01T10:00:00Z")
                        .unwrap()
                        .with_timezone(&Utc),
                    policy_revision: "2026-06-01".into(),
                    method: crate::domain::cookies::ConsentMethod::Banner,
                    functional: true,
                    analytics: false,
                    marketing: false,
                });
                settings
            }),
            self::requests(&requests),
            activity(&seed("activity"), (None, None), (None, None)),
            sharing(&seed("sharing"), &no_stop()),
        ]
    }

    #[test]
    fn every_fact_and_column_of_every_part_is_in_the_dictionary() {
        for table in all_parts() {
            let known: Vec<&str> = dictionary(table.part).iter().map(|(k, _)| *k).collect();
            assert!(
                !table.rows.is_empty(),
                "{:?} has rows in the seed",
                table.part
            );
            for (k, _) in table.facts.iter().chain(table.rows.iter().flatten()) {
                assert!(known.contains(k), "{:?}: {k} is not described", table.part);
            }
        }
    }

    #[test]
    fn preferences_hold_every_cell_and_what_an_objection_stops() {
        let prefs: CommunicationPreferences = seed("communications");
        let table = preferences(&prefs, &no_stop());
        assert_eq!(table.rows.len(), crate::domain::communications::GRID_SIZE);
        let ticked = |t: &PartTable, col: &str| {
            t.rows
                .iter()
                .filter(|r| r.iter().any(|(k, v)| *k == col && *v == Value::Bool(true)))
                .count()
        };
        assert_eq!(ticked(&table, "subscribed"), prefs.subscribed_count());
        assert_eq!(ticked(&table, "receiving_now"), prefs.subscribed_count());
        let objected = MarketingSignals {
            objection: Some(("PR-1".into(), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())),
            gpc_since: None,
        };
        let stopped = preferences(&prefs, &objected);
        // Only surveys are still received; the ticks are kept.
        assert_eq!(ticked(&stopped, "subscribed"), prefs.subscribed_count());
        assert!(stopped
            .rows
            .iter()
            .all(|r| r[4].1 == Value::Bool(false) || r[1].1 == Value::String("surveys".into())));
        assert_eq!(
            stopped.facts[2].1,
            "You objected to marketing on 2026-12-01 (PR-1)"
        );
    }

    #[test]
    fn the_activity_part_keeps_the_chosen_range_only_oldest_first() {
        let log: ActivityLog = seed("activity");
        let from = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let to = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let bounds = crate::domain::activity_filter::day_bounds(Some(from), Some(to), 330);
        let table = activity(&log, (Some(from), Some(to)), bounds);
        let expected = log
            .events
            .iter()
            .filter(|e| e.at >= bounds.0.unwrap() && e.at < bounds.1.unwrap())
            .count();
        assert!(
            expected > 0 && expected < log.events.len(),
            "the seed spans more than November"
        );
        assert_eq!(table.rows.len(), expected);
        let times: Vec<&Value> = table.rows.iter().map(|r| &r[1].1).collect();
        let mut sorted = times.clone();
        sorted.sort_by_key(|v| v.as_str().unwrap().to_string());
        assert_eq!(times, sorted);
        assert_eq!(
            table.facts,
            vec![("from", json!("2026-11-01")), ("to", json!("2026-11-30"))]
        );
    }

    #[test]
    fn requests_carry_their_due_date_and_history_but_never_an_export_file() {
        let log: RequestLog = seed("requests");
        let table = requests(&log);
        assert_eq!(table.rows.len(), log.requests.len());
        let text = format!("{:?}", table.rows);
        assert!(!text.contains("sha256"));
        for (row, request) in table.rows.iter().zip({
            let mut r: Vec<_> = log.requests.iter().collect();
            r.sort_by_key(|r| r.received_at);
            r
        }) {
            assert_eq!(row[4].1, Value::String(request.due_on().to_string()));
        }
    }

    #[test]
    fn sharing_lists_cut_off_connections_as_not_receiving() {
        let mut shared: Sharing = seed("sharing");
        let at = DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        shared = shared.with_cut_off(ConnectionKind::SignIn, "Google", Some(at));
        let table = sharing(&shared, &no_stop());
        let google = table
            .rows
            .iter()
            .find(|r| r[1].1 == Value::String("Google".into()))
            .expect("the cut-off sign-in is listed");
        assert_eq!(google[0].1, "sign_in");
        assert_eq!(google[2].1, Value::Bool(false));
    }
}
