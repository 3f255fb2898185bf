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
    pub fn next_cleanup_after(&self, day: NaiveDate) -> NaiveDate {
        let interval = Months::new(self.interval_months.max(1));
        let mut next = self.last_cleanup_on;
        while next <= day {
            match next.checked_add_months(interval) {
                Some(later) => next = later,
                None => break,
            }
        }
        next
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
    fn backups_are_purged_three_months_after_cleanup() {
        assert_eq!(
            schedule().backup_purge_after(day(2027, 3, 1)),
            day(2027, 6, 1)
        );
    }
}
