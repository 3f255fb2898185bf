//! The mock backend's long histories: a demo user's activity log can ask for thousands of extra entries, made
//! deterministically from a seed (the same every time, on every machine) rather than shipped as megabytes of JSON.

use chrono::Duration;

use crate::domain::activity::{
    AccessReason, ActivityDetail, ActivityEvent, ChangeArea, EmployeeRole, GeneratedHistory,
};
use crate::domain::product::Product;

/// SplitMix64: a tiny, well-distributed generator; plenty for demo data.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const DEVICES: [(&str, &str); 4] = [
    ("Windows laptop", "Edge 142"),
    ("iPhone 16", "PROCRM app 7.4"),
    ("OnePlus 12", "Chrome 142"),
    ("iPad Air", "Safari 19"),
];
const PLACES: [&str; 4] = [
    "Chennai, India (approximate)",
    "Chennai, India (approximate)",
    "Visakhapatnam, India (approximate)",
    "Bengaluru, India (approximate)",
];
const ACCESS: [(EmployeeRole, AccessReason, &str); 6] = [
    (
        EmployeeRole::SupportEngineer,
        AccessReason::SupportRequest,
        "Records named in your support request",
    ),
    (
        EmployeeRole::SiteReliabilityEngineer,
        AccessReason::ResolveError,
        "A record that failed to save",
    ),
    (
        EmployeeRole::SpamAnalyst,
        AccessReason::VerifySpam,
        "One message reported as spam",
    ),
    (
        EmployeeRole::OcrReviewer,
        AccessReason::VerifyOcr,
        "A scanned delivery note",
    ),
    (
        EmployeeRole::DataImportSpecialist,
        AccessReason::DataImport,
        "A spreadsheet you sent for import",
    ),
    (
        EmployeeRole::SupportEngineer,
        AccessReason::ResolveError,
        "Report definitions",
    ),
];
const CHANGES: [(ChangeArea, &str); 4] = [
    (
        ChangeArea::Communications,
        "Turned off SMS offers for SMSNDT",
    ),
    (
        ChangeArea::Communications,
        "Turned on event invitations for PROCRM",
    ),
    (
        ChangeArea::Profile,
        "Changed the notification sound in PROCRM",
    ),
    (ChangeArea::Profile, "Updated the signature in eServiceapp"),
];

/// Makes the entries a history asks for, oldest first, spread over its period, one at a time: a caller can make
/// them in steps and let the page breathe between.
pub struct Generator {
    random: Random,
    next: u64,
    count: u64,
    from: chrono::DateTime<chrono::Utc>,
    slot: u64,
}

/// The most entries a generated history may hold: ten times the longest demo user's, so no document can make the
/// browser generate without end.
pub const MAX_GENERATED: u32 = 100_000;

impl Generator {
    pub fn new(history: &GeneratedHistory) -> Generator {
        let count = u64::from(history.count.clamp(1, MAX_GENERATED));
        let span = (history.to - history.from).num_seconds().max(1) as u64;
        Generator {
            random: Random(history.seed),
            next: 0,
            count,
            from: history.from,
            // Evenly spaced, with a little jitter, so entries stay in order.
            slot: span / count,
        }
    }

    /// How many entries the history holds in all.
    pub fn len(&self) -> usize {
        self.count as usize
    }
}

impl Iterator for Generator {
    type Item = ActivityEvent;

    fn next(&mut self) -> Option<ActivityEvent> {
        if self.next >= self.count {
            return None;
        }
        let n = self.next;
        self.next += 1;
        let random = &mut self.random;
        // Checked all the way: instructions from a tampered document end the history instead of panicking.
        let at = n
            .checked_mul(self.slot)
            .and_then(|base| base.checked_add(random.below(self.slot.max(1))))
            .and_then(|seconds| i64::try_from(seconds).ok())
            .and_then(Duration::try_seconds)
            .and_then(|offset| self.from.checked_add_signed(offset));
        let Some(at) = at else {
            self.next = self.count;
            return None;
        };
        let product = Some(*random.pick(&Product::ALL));
        let roll = random.below(100);
        let detail = if roll < 15 {
            let (role, reason, accessed) = *random.pick(&ACCESS);
            ActivityDetail::EmployeeAccess {
                role,
                reason,
                accessed: accessed.to_string(),
            }
        } else if roll < 92 {
            let (device, browser) = *random.pick(&DEVICES);
            ActivityDetail::SignIn {
                device: device.to_string(),
                browser: browser.to_string(),
                location: random.pick(&PLACES).to_string(),
            }
        } else {
            let (area, summary) = *random.pick(&CHANGES);
            ActivityDetail::Change {
                area,
                summary: summary.to_string(),
            }
        };
        Some(ActivityEvent {
            id: format!("gen-{:05}", n + 1),
            at,
            product,
            detail,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn history() -> GeneratedHistory {
        GeneratedHistory {
            seed: 20121,
            count: 9498,
            from: DateTime::parse_from_rfc3339("2013-01-01T00:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
            to: DateTime::parse_from_rfc3339("2022-07-01T00:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_history() {
        let a: Vec<ActivityEvent> = Generator::new(&history()).collect();
        let b: Vec<ActivityEvent> = Generator::new(&history()).collect();
        assert_eq!(a, b);
        assert_eq!(a.len(), 9498);
        let h = history();
        assert!(a.iter().all(|e| e.at >= h.from && e.at < h.to));
        assert!(a.windows(2).all(|w| w[0].at <= w[1].at));
        let access = a.iter().filter(|e| e.is_employee_access()).count();
        assert!((1000..1900).contains(&access), "{access} accesses");
    }

    #[test]
    fn the_long_time_user_has_ten_thousand_entries() {
        let log: crate::domain::activity::ActivityLog = crate::domain::json::decode(include_str!(
            "../../public/api/personas/longtime/activity.json"
        ))
        .unwrap();
        let generated = log
            .generated
            .as_ref()
            .map_or(0, |h| Generator::new(h).count());
        assert_eq!(log.events.len() + generated, 10_000);
    }
}
