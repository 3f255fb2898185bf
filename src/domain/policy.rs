//! The privacy policy: its revision, contact, text, change notices and the clean-up schedule it promises.

use chrono::{Months, NaiveDate};
use serde::Serialize;

/// A paragraph of the policy; headings are paragraphs too, marked as such.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyParagraph {
    pub heading: bool,
    pub text: String,
    /// Set on the first paragraph of each of the policy's parts: that part's title ("Part II – …").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starts_part: Option<String>,
}

crate::from_json_struct!(PolicyParagraph {
    heading: default,
    text,
    starts_part
});

/// A section of the policy text, for its table of contents.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub anchor: String,
}

/// One part of the policy (Part I, II or III) and its sections. Text before the first part is the preamble,
/// which has no title.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlinePart {
    pub part: Option<OutlineEntry>,
    pub sections: Vec<OutlineEntry>,
}

/// The table of contents of `paragraphs`: its parts in order, each with its headed sections. Titles lose their
/// trailing colon or full stop; anchors are those of [`anchor`].
pub fn outline(paragraphs: &[PolicyParagraph]) -> Vec<OutlinePart> {
    let mut parts = vec![OutlinePart {
        part: None,
        sections: Vec::new(),
    }];
    for paragraph in paragraphs {
        if let Some(title) = &paragraph.starts_part {
            parts.push(OutlinePart {
                part: Some(OutlineEntry {
                    title: title.clone(),
                    anchor: part_anchor(title),
                }),
                sections: Vec::new(),
            });
        }
        if paragraph.heading {
            let title = paragraph.text.trim_end_matches([':', '.', ' ']).to_string();
            let anchor = anchor(&paragraph.text);
            if let Some(last) = parts.last_mut() {
                last.sections.push(OutlineEntry { title, anchor });
            }
        }
    }
    parts.retain(|p| p.part.is_some() || !p.sections.is_empty());
    parts
}

/// The anchor of a part: "Part II – Information that …" becomes `part-ii`.
pub fn part_anchor(title: &str) -> String {
    let mut words = title.split_whitespace();
    match (words.next(), words.next()) {
        (Some(part), Some(number)) => anchor(&format!("{part} {number}")),
        _ => anchor(title),
    }
}

/// The active-database clean-up and backup purge the policy describes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CleanupSchedule {
    /// The policy: "the next clean-up that occurs once in 6 months".
    pub interval_months: u32,
    /// The policy: "deleted from backups after 3 months".
    pub backup_purge_months: u32,
    /// The date of the most recent clean-up run.
    pub last_cleanup_on: NaiveDate,
}

crate::from_json_struct!(CleanupSchedule {
    interval_months,
    backup_purge_months,
    last_cleanup_on
});

impl PolicyDocument {
    /// The revision in force on `today`: the latest change that has taken effect, or the base text.
    pub fn revision_on(&self, today: NaiveDate) -> &str {
        self.latest_in_force(today)
            .map_or(self.revision.as_str(), |c| c.revision.as_str())
    }

    /// The day the text in force on `today` took effect.
    pub fn in_force_since(&self, today: NaiveDate) -> NaiveDate {
        self.latest_in_force(today)
            .map_or(self.effective_on, |c| c.effective_on.max(self.effective_on))
    }

    /// The data protection contact on `today`: the newest contact named by a change in force, else the base one.
    pub fn contact_on(&self, today: NaiveDate) -> &str {
        let mut in_force: Vec<&PolicyChange> = self
            .changes
            .iter()
            .filter(|c| !c.is_pending(today) && c.contact_email.is_some())
            .collect();
        in_force.sort_by_key(|c| c.effective_on);
        in_force
            .last()
            .and_then(|c| c.contact_email.as_deref())
            .unwrap_or(&self.contact_email)
    }

    /// The day from which the policy in force on `today` treats Global Privacy Control as a request not to use the
    /// user's information for marketing nor share it with marketing partners; `None` while no change in force says so.
    pub fn honours_gpc_since(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.changes
            .iter()
            .filter(|c| c.honours_gpc && !c.is_pending(today))
            .map(|c| c.effective_on)
            .min()
    }

    /// Every version of the text in force up to `today`, newest first, each with the days it was in force.
    pub fn versions(&self, today: NaiveDate) -> Vec<PolicyVersion> {
        let mut starts: Vec<(String, NaiveDate)> = vec![(self.revision.clone(), self.effective_on)];
        for change in self.in_force_oldest_first(today) {
            // A change that only restates the base revision starts nothing new.
            if starts.iter().any(|(r, _)| *r == change.revision) {
                continue;
            }
            starts.push((
                change.revision.clone(),
                change.effective_on.max(self.effective_on),
            ));
        }
        let mut versions: Vec<PolicyVersion> = starts
            .iter()
            .enumerate()
            .map(|(i, (revision, from))| PolicyVersion {
                revision: revision.clone(),
                from: *from,
                until: starts.get(i + 1).and_then(|(_, next)| next.pred_opt()),
            })
            .collect();
        versions.reverse();
        versions
    }

    /// The changes in force on `today`, in the order they took effect.
    fn in_force_oldest_first(&self, today: NaiveDate) -> Vec<&PolicyChange> {
        let mut in_force: Vec<&PolicyChange> = self
            .changes
            .iter()
            .filter(|c| !c.is_pending(today))
            .collect();
        in_force.sort_by_key(|c| c.effective_on);
        in_force
    }

    fn latest_in_force(&self, today: NaiveDate) -> Option<&PolicyChange> {
        self.changes
            .iter()
            .filter(|c| !c.is_pending(today))
            .max_by_key(|c| c.effective_on)
    }

    /// The paragraphs in force on `today`: the base text with every change in force applied.
    pub fn paragraphs_on(&self, today: NaiveDate) -> Vec<PolicyParagraph> {
        let mut paragraphs = self.paragraphs.clone();
        for change in self.in_force_oldest_first(today) {
            for edit in &change.edits {
                match (&edit.before, &edit.after) {
                    (Some(before), after) => {
                        if let Some(i) = paragraphs.iter().position(|p| &p.text == before) {
                            match after {
                                Some(after) => paragraphs[i].text = after.clone(),
                                None => {
                                    paragraphs.remove(i);
                                }
                            }
                        }
                    }
                    (None, Some(after)) => {
                        let at = paragraphs
                            .iter()
                            .position(|p| p.heading && p.text == edit.section)
                            .map_or(paragraphs.len(), |i| i + 1);
                        paragraphs.insert(
                            at,
                            PolicyParagraph {
                                heading: false,
                                text: after.clone(),
                                starts_part: None,
                            },
                        );
                    }
                    (None, None) => {}
                }
            }
        }
        paragraphs
    }

    /// Changes announced and not yet in force on `today`, soonest first.
    pub fn pending(&self, today: NaiveDate) -> Vec<&PolicyChange> {
        let mut pending: Vec<&PolicyChange> = self
            .changes
            .iter()
            .filter(|c| c.is_pending(today))
            .collect();
        pending.sort_by_key(|c| c.effective_on);
        pending
    }
}

/// What a notice is about: the policy promises notice of significant changes and of a change of ownership.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyNoticeKind {
    PolicyChange,
    OwnershipChange,
}

crate::from_json_enum!(PolicyNoticeKind { PolicyChange = "policy_change", OwnershipChange = "ownership_change" });

/// A notice sent to the user.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyNotice {
    pub id: String,
    pub kind: PolicyNoticeKind,
    pub published_at: chrono::DateTime<chrono::Utc>,
    pub title: String,
    pub body: String,
    /// When the user marked it as read; `None` while unread.
    pub read_at: Option<chrono::DateTime<chrono::Utc>>,
}

crate::from_json_struct!(PolicyNotice {
    id,
    kind,
    published_at,
    title,
    body,
    read_at
});

/// The notices endpoint's document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PolicyNotices {
    pub notices: Vec<PolicyNotice>,
}

crate::from_json_struct!(PolicyNotices { notices });

impl PolicyNotices {
    pub fn unread_count(&self) -> usize {
        self.notices.iter().filter(|n| n.read_at.is_none()).count()
    }

    /// Marks one notice read (or unread again with `None`); false if there is no such notice.
    pub fn set_read(&mut self, id: &str, at: Option<chrono::DateTime<chrono::Utc>>) -> bool {
        match self.notices.iter_mut().find(|n| n.id == id) {
            Some(notice) => {
                notice.read_at = at;
                true
            }
            None => false,
        }
    }

    /// Newest first.
    pub fn newest_first(&self) -> Vec<PolicyNotice> {
        let mut all = self.notices.clone();
        all.sort_by_key(|n| std::cmp::Reverse(n.published_at));
        all
    }
}

/// A section anchor for a heading: lower-case words joined by hyphens, e.g. `do-not-track-dnt-requests`.
pub fn anchor(heading: &str) -> String {
    let mut out = String::new();
    for c in heading.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
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

/// One paragraph replaced, added (`before` empty) or removed (`after` empty) by a change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyEdit {
    /// The heading of the section the paragraph is in.
    pub section: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

crate::from_json_struct!(PolicyEdit {
    section,
    before,
    after
});

/// A version of the policy text and the days it was in force (`until` is `None` for the one in force now).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyVersion {
    pub revision: String,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// What the policy does not say, though a privacy notice usually does: the portal shows the gap and offers to ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unstated {
    /// The legal basis for using a category of information.
    LegalBasis,
    /// Where the information is stored.
    StorageLocation,
    /// Whether it is transferred to other countries, and with what safeguards.
    Transfers,
}

impl Unstated {
    pub const ALL: [Unstated; 3] = [
        Unstated::LegalBasis,
        Unstated::StorageLocation,
        Unstated::Transfers,
    ];

    /// A stable identifier, used in the concern page's address.
    pub const fn slug(self) -> &'static str {
        match self {
            Unstated::LegalBasis => "legal-basis",
            Unstated::StorageLocation => "storage",
            Unstated::Transfers => "transfers",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Unstated> {
        Unstated::ALL.into_iter().find(|u| u.slug() == slug)
    }
}

/// A change to the policy, announced or in force.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyChange {
    pub revision: String,
    pub announced_on: NaiveDate,
    pub effective_on: NaiveDate,
    /// Significant changes affect the user's rights and come with at least 30 days' notice.
    pub significant: bool,
    pub summary: String,
    pub edits: Vec<PolicyEdit>,
    /// A new data protection contact from this change on, if the change names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// From this change on, a Global Privacy Control signal stops marketing use and sharing with marketing partners.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub honours_gpc: bool,
}

crate::from_json_struct!(PolicyChange {
    revision,
    announced_on,
    effective_on,
    significant,
    summary,
    edits: default,
    contact_email,
    honours_gpc: default
});

/// Notice the policy promises before a significant change takes effect.
pub const NOTICE_DAYS: i64 = 30;

impl PolicyChange {
    /// Whether the change is announced but not yet in force on `today`.
    pub fn is_pending(&self, today: NaiveDate) -> bool {
        today < self.effective_on
    }

    /// Days from `today` until the change takes effect (0 once it is in force).
    pub fn days_until(&self, today: NaiveDate) -> i64 {
        (self.effective_on - today).num_days().max(0)
    }

    /// Whether the notice given meets the policy's promise for a change of this kind.
    pub fn notice_is_sufficient(&self) -> bool {
        !self.significant || (self.effective_on - self.announced_on).num_days() >= NOTICE_DAYS
    }

    /// The last day the user may end their use by email, as the policy allows: 30 days from the notice.
    pub fn objection_deadline(&self) -> NaiveDate {
        self.announced_on + chrono::Duration::days(NOTICE_DAYS)
    }
}

/// The policy endpoint's document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyDocument {
    pub revision: String,
    pub effective_on: NaiveDate,
    pub contact_email: String,
    pub cleanup: CleanupSchedule,
    pub changes: Vec<PolicyChange>,
    pub paragraphs: Vec<PolicyParagraph>,
}

crate::from_json_struct!(PolicyDocument {
    revision,
    effective_on,
    contact_email,
    cleanup,
    changes: default,
    paragraphs
});

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

    fn change(effective: NaiveDate, edits: Vec<PolicyEdit>) -> PolicyChange {
        PolicyChange {
            revision: effective.to_string(),
            announced_on: effective - chrono::Duration::days(30),
            effective_on: effective,
            significant: true,
            summary: "s".into(),
            edits,
            contact_email: None,
            honours_gpc: false,
        }
    }

    fn document(changes: Vec<PolicyChange>) -> PolicyDocument {
        PolicyDocument {
            revision: "base".into(),
            effective_on: day(2015, 5, 25),
            contact_email: "a@b.c".into(),
            cleanup: CleanupSchedule {
                interval_months: 6,
                backup_purge_months: 3,
                last_cleanup_on: day(2026, 9, 1),
            },
            changes,
            paragraphs: vec![
                PolicyParagraph {
                    heading: true,
                    text: "Contacts".into(),
                    starts_part: None,
                },
                PolicyParagraph {
                    heading: false,
                    text: "Write to us.".into(),
                    starts_part: None,
                },
            ],
        }
    }

    #[test]
    fn a_pending_change_counts_down_and_takes_effect_on_its_day() {
        let edit = PolicyEdit {
            section: "Contacts".into(),
            before: Some("Write to us.".into()),
            after: Some("Write to privacy@.".into()),
        };
        let added = PolicyEdit {
            section: "Contacts".into(),
            before: None,
            after: Some("Or call.".into()),
        };
        let mut pending = change(day(2026, 12, 15), vec![edit, added]);
        pending.contact_email = Some("privacy@b.c".into());
        let doc = document(vec![pending]);
        let c = &doc.changes[0];
        assert_eq!(doc.contact_on(day(2026, 12, 14)), "a@b.c");
        assert_eq!(doc.contact_on(day(2026, 12, 15)), "privacy@b.c");
        assert_eq!(doc.in_force_since(day(2026, 12, 14)), day(2015, 5, 25));
        assert_eq!(doc.in_force_since(day(2026, 12, 15)), day(2026, 12, 15));
        assert!(c.notice_is_sufficient());
        assert_eq!(c.days_until(day(2026, 11, 29)), 16);
        assert_eq!(c.days_until(day(2026, 12, 15)), 0);
        assert_eq!(c.objection_deadline(), day(2026, 12, 15));
        assert_eq!(doc.pending(day(2026, 11, 29)).len(), 1);
        assert_eq!(doc.revision_on(day(2026, 12, 14)), "base");
        assert_eq!(doc.revision_on(day(2026, 12, 15)), "2026-12-15");
        let before: Vec<String> = doc
            .paragraphs_on(day(2026, 12, 14))
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(before, ["Contacts", "Write to us."]);
        let after: Vec<String> = doc
            .paragraphs_on(day(2026, 12, 15))
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(after, ["Contacts", "Or call.", "Write to privacy@."]);
    }

    #[test]
    fn gpc_is_honoured_from_the_day_the_change_that_promises_it_takes_effect() {
        let mut gpc = change(day(2026, 12, 15), vec![]);
        gpc.honours_gpc = true;
        let later = change(day(2027, 6, 1), vec![]);
        let doc = document(vec![change(day(2020, 1, 1), vec![]), gpc, later]);
        assert_eq!(doc.honours_gpc_since(day(2026, 12, 14)), None);
        assert_eq!(
            doc.honours_gpc_since(day(2026, 12, 15)),
            Some(day(2026, 12, 15))
        );
        // A later change that does not repeat the promise does not take it back.
        assert_eq!(
            doc.honours_gpc_since(day(2027, 7, 1)),
            Some(day(2026, 12, 15))
        );
        assert_eq!(document(vec![]).honours_gpc_since(day(2030, 1, 1)), None);
    }

    #[test]
    fn significant_changes_need_thirty_days_notice() {
        let mut c = change(day(2026, 12, 15), vec![]);
        c.announced_on = day(2026, 11, 20);
        assert!(!c.notice_is_sufficient());
        c.significant = false;
        assert!(c.notice_is_sufficient());
    }

    #[test]
    fn the_outline_groups_sections_under_their_parts() {
        let para = |heading: bool, text: &str, part: Option<&str>| PolicyParagraph {
            heading,
            text: text.into(),
            starts_part: part.map(Into::into),
        };
        let paragraphs = vec![
            para(false, "Preamble.", None),
            para(
                false,
                "We collect…",
                Some("Part I – Information ICT collects and controls"),
            ),
            para(true, "Information that you provide us:", None),
            para(false, "Signup.", None),
            para(
                true,
                "Information entrusted to ICT and purpose",
                Some("Part II – Information that ICT processes on your behalf"),
            ),
            para(true, "Retention of information", None),
            para(
                true,
                "How secure is your information",
                Some("Part III – General"),
            ),
        ];
        let parts = outline(&paragraphs);
        let titles: Vec<(Option<String>, Vec<String>)> = parts
            .iter()
            .map(|p| {
                (
                    p.part.as_ref().map(|e| e.anchor.clone()),
                    p.sections.iter().map(|s| s.title.clone()).collect(),
                )
            })
            .collect();
        assert_eq!(
            titles,
            vec![
                (
                    Some("part-i".into()),
                    vec!["Information that you provide us".into()]
                ),
                (
                    Some("part-ii".into()),
                    vec![
                        "Information entrusted to ICT and purpose".into(),
                        "Retention of information".into()
                    ]
                ),
                (
                    Some("part-iii".into()),
                    vec!["How secure is your information".into()]
                ),
            ]
        );
        assert_eq!(
            parts[0].sections[0].anchor,
            "information-that-you-provide-us"
        );
    }

    #[test]
    fn anchors_are_readable_slugs() {
        assert_eq!(
            anchor("Do Not Track (DNT) requests"),
            "do-not-track-dnt-requests"
        );
        assert_eq!(
            anchor("Information that you provide us:"),
            "information-that-you-provide-us"
        );
        assert_eq!(
            anchor("Data Protection point of Contacts."),
            "data-protection-point-of-contacts"
        );
    }

    #[test]
    fn backups_are_purged_three_months_after_cleanup() {
        assert_eq!(
            schedule().backup_purge_after(day(2027, 3, 1)),
            day(2027, 6, 1)
        );
    }
    #[test]
    fn every_version_in_force_is_listed_newest_first_with_its_days() {
        let doc = document(vec![
            change(day(2020, 1, 1), vec![]),
            change(day(2026, 12, 15), vec![]),
        ]);
        let before: Vec<(NaiveDate, Option<NaiveDate>)> = doc
            .versions(day(2026, 12, 14))
            .iter()
            .map(|v| (v.from, v.until))
            .collect();
        assert_eq!(before.len(), 2, "{before:?}");
        assert_eq!(before[0], (day(2020, 1, 1), None));
        assert_eq!(before[1].1, Some(day(2019, 12, 31)));
        let after = doc.versions(day(2026, 12, 15));
        assert_eq!(after.len(), 3);
        assert_eq!((after[0].from, after[0].until), (day(2026, 12, 15), None));
        assert_eq!(after[1].until, Some(day(2026, 12, 14)));
    }

    #[test]
    fn the_seed_policy_has_one_past_version_once_the_announced_change_is_in_force() {
        let doc: PolicyDocument =
            crate::domain::json::decode(include_str!("../../public/api/policy.json")).unwrap();
        let now = doc.versions(day(2026, 12, 7));
        assert_eq!(now.len(), 1);
        assert_eq!(now[0].revision, "2015-05-25");
        let later = doc.versions(day(2026, 12, 20));
        assert_eq!(
            later
                .iter()
                .map(|v| (v.revision.as_str(), v.from, v.until))
                .collect::<Vec<_>>(),
            [
                ("2026-12-15", day(2026, 12, 15), None),
                ("2015-05-25", day(2015, 5, 25), Some(day(2026, 12, 14)))
            ]
        );
        // The past version's text is the text in force on its first day.
        assert_ne!(
            doc.paragraphs_on(later[1].from),
            doc.paragraphs_on(later[0].from)
        );
    }

    #[test]
    fn unstated_slugs_round_trip() {
        for u in Unstated::ALL {
            assert_eq!(Unstated::from_slug(u.slug()), Some(u));
        }
        assert_eq!(Unstated::from_slug("nope"), None);
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
            prop_assert!(months >= 0 && (months as u32).is_multiple_of(interval));
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
