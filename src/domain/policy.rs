//! The privacy policy: its revision, contact, text, change notices and the clean-up schedule it promises.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A paragraph of the policy; headings are paragraphs too, marked as such.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyParagraph {
    #[serde(default)]
    pub heading: bool,
    pub text: String,
}

/// The active-database clean-up and backup purge the policy describes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CleanupSchedule {
    /// The policy: "the next clean-up that occurs once in 6 months".
    pub interval_months: u32,
    /// The policy: "deleted from backups after 3 months".
    pub backup_purge_months: u32,
    /// The date of the most recent clean-up run.
    pub last_cleanup_on: NaiveDate,
}

impl CleanupSchedule {
    /// The first scheduled clean-up strictly after `day`.
    ///
    /// Runs are counted from the last one (`last + k × interval`, never by adding to the previous run), so a
    /// schedule anchored on the 31st does not drift to the 28th after one February.
    pub fn next_cleanup_after(&self, day: NaiveDate) -> NaiveDate {
        let interval = self.interval_months.max(1);
        let mut k = 0u32;
        loop {
            let Some(run) = self
                .last_cleanup_on
                .checked_add_months(Months::new(interval.saturating_mul(k)))
            else {
                return self.last_cleanup_on;
            };
            if run > day {
                return run;
            }
            k += 1;
        }
    }

    /// When data removed at the clean-up on `cleanup_on` is gone from backups too.
    pub fn backup_purge_after(&self, cleanup_on: NaiveDate) -> NaiveDate {
        cleanup_on
            .checked_add_months(Months::new(self.backup_purge_months))
            .unwrap_or(cleanup_on)
    }
}

/// A change to the policy, announced or in force.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyChange {
    pub revision: String,
    pub announced_on: NaiveDate,
    pub effective_on: NaiveDate,
    /// Significant changes affect the user's rights and come with at least 30 days' notice.
    pub significant: bool,
    pub summary: String,
}

/// The policy endpoint's document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyDocument {
    pub revision: String,
    pub effective_on: NaiveDate,
    pub contact_email: String,
    pub cleanup: CleanupSchedule,
    #[serde(default)]
    pub changes: Vec<PolicyChange>,
    pub paragraphs: Vec<PolicyParagraph>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn schedule() -> CleanupSchedule {
        CleanupSchedule {
            interval_months: 6,
            backup_purge_months: 3,
            last_cleanup_on: day(2026, 9, 1),
        }
    }

    #[test]
    fn next_cleanup_is_strictly_after_the_day() {
        let s = schedule();
        assert_eq!(s.next_cleanup_after(day(2026, 11, 29)), day(2027, 3, 1));
        assert_eq!(s.next_cleanup_after(day(2026, 9, 1)), day(2027, 3, 1));
        assert_eq!(s.next_cleanup_after(day(2026, 8, 31)), day(2026, 9, 1));
        assert_eq!(s.next_cleanup_after(day(2027, 3, 1)), day(2027, 9, 1));
    }

    #[test]
    fn month_ends_and_leap_days_do_not_drift() {
        let s = CleanupSchedule {
            interval_months: 6,
            backup_purge_months: 3,
            last_cleanup_on: day(2027, 8, 31),
        };
        assert_eq!(s.next_cleanup_after(day(2027, 9, 1)), day(2028, 2, 29));
        assert_eq!(s.next_cleanup_after(day(2028, 2, 29)), day(2028, 8, 31));
        assert_eq!(s.next_cleanup_after(day(2028, 9, 1)), day(2029, 2, 28));
        assert_eq!(s.backup_purge_after(day(2028, 11, 30)), day(2029, 2, 28));
        assert_eq!(s.backup_purge_after(day(2027, 11, 30)), day(2028, 2, 29));
    }

    #[test]
    fn backups_are_purged_three_months_after_cleanup() {
        assert_eq!(
            schedule().backup_purge_after(day(2027, 3, 1)),
            day(2027, 6, 1)
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;

    fn any_day() -> impl Strategy<Value = NaiveDate> {
        (2000i32..2100, 1u32..=366).prop_map(|(y, d)| {
            NaiveDate::from_yo_opt(y, d).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
        })
    }

    proptest! {
        /// The clean-up is the first scheduled run strictly after the day: after it, and no run lies between.
        #[test]
        fn cleanup_is_the_first_run_strictly_after(last in any_day(), offset in 0i64..4000, interval in 1u32..13) {
            let s = CleanupSchedule { interval_months: interval, backup_purge_months: 3, last_cleanup_on: last };
            let request = last + chrono::Duration::days(offset);
            let run = s.next_cleanup_after(request);
            prop_assert!(run > request);
            // It is a scheduled run: last + k × interval for some k.
            let months = (run.year() - last.year()) * 12 + run.month() as i32 - last.month() as i32;
            prop_assert!(months >= 0 && months as u32 % interval == 0);
            // The run before it is not after the request.
            if months > 0 {
                let previous = last.checked_add_months(Months::new(months as u32 - interval)).unwrap();
                prop_assert!(previous <= request);
            }
        }

        /// The backup purge is always 3 calendar months after the clean-up (the month's last day if shorter).
        #[test]
        fn purge_is_three_months_after_cleanup(cleanup in any_day()) {
            let s = CleanupSchedule { interval_months: 6, backup_purge_months: 3, last_cleanup_on: cleanup };
            let purge = s.backup_purge_after(cleanup);
            let months = (purge.year() - cleanup.year()) * 12 + purge.month() as i32 - cleanup.month() as i32;
            prop_assert_eq!(months, 3);
            prop_assert!(purge.day() == cleanup.day() || purge.day() < cleanup.day());
            prop_assert!(purge > cleanup);
        }
    }
}
