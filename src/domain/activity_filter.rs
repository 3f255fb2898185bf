//! Finding entries in the access and activity log: by kind, product, date range and words, newest or oldest
//! first, a page at a time. The filter lives in the URL so a view can be bookmarked.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::activity::{ActivityDetail, ActivityEvent, ChangeArea};
use super::data_filter::encode_component;
use super::product::Product;

/// Entries shown per page.
pub const PAGE_SIZE: usize = 50;

/// The kinds of entry a user can filter by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindFilter {
    /// Access by an employee to the user's service data.
    Access,
    SignIn,
    /// A change the user made to their preferences, profile or sharing (in this portal or a product).
    Change,
    /// An export, deletion or correction request: filed, moving on, or cancelled.
    Request,
}

impl KindFilter {
    pub const ALL: [KindFilter; 4] = [
        KindFilter::Access,
        KindFilter::SignIn,
        KindFilter::Change,
        KindFilter::Request,
    ];

    pub const fn slug(self) -> &'static str {
        match self {
            KindFilter::Access => "access",
            KindFilter::SignIn => "sign-in",
            KindFilter::Change => "change",
            KindFilter::Request => "request",
        }
    }

    pub fn from_slug(slug: &str) -> Option<KindFilter> {
        KindFilter::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn matches(self, detail: &ActivityDetail) -> bool {
        match (self, detail) {
            (KindFilter::Access, ActivityDetail::EmployeeAccess { .. })
            | (KindFilter::SignIn, ActivityDetail::SignIn { .. }) => true,
            (KindFilter::Change, ActivityDetail::Change { area, .. }) => {
                *area != ChangeArea::Requests
            }
            (KindFilter::Request, ActivityDetail::Change { area, .. }) => {
                *area == ChangeArea::Requests
            }
            _ => false,
        }
    }
}

/// The order of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    NewestFirst,
    OldestFirst,
}

/// The filter, as bookmarked in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityFilter {
    pub kind: Option<KindFilter>,
    pub product: Option<Product>,
    /// First day shown, in the reader's time zone.
    pub from: Option<NaiveDate>,
    /// Last day shown, in the reader's time zone.
    pub to: Option<NaiveDate>,
    pub query: String,
    pub order: Order,
    /// 1-based page number.
    pub page: usize,
}

impl ActivityFilter {
    /// Reads the filter from query parameters (`kind`, `product`, `from`, `to`, `q`, `order`, `page`); anything
    /// unreadable is ignored.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> ActivityFilter {
        let day = |key: &str| get(key).and_then(|v| crate::domain::json::parse_day(&v));
        ActivityFilter {
            kind: get("kind").and_then(|v| KindFilter::from_slug(&v)),
            product: get("product").and_then(|v| Product::from_slug(&v)),
            from: day("from"),
            to: day("to"),
            query: get("q").unwrap_or_default(),
            order: match get("order").as_deref() {
                Some("oldest") => Order::OldestFirst,
                _ => Order::NewestFirst,
            },
            page: get("page")
                .and_then(|v| v.parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// The query string (empty, or starting with `?`).
    pub fn to_query_string(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(kind) = self.kind {
            pairs.push(format!("kind={}", kind.slug()));
        }
        if let Some(product) = self.product {
            pairs.push(format!("product={}", product.slug()));
        }
        if let Some(from) = self.from {
            pairs.push(format!("from={from}"));
        }
        if let Some(to) = self.to {
            pairs.push(format!("to={to}"));
        }
        if !self.query.trim().is_empty() {
            pairs.push(format!("q={}", encode_component(&self.query)));
        }
        if self.order == Order::OldestFirst {
            pairs.push("order=oldest".to_string());
        }
        if self.page > 1 {
            pairs.push(format!("page={}", self.page));
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    /// The same filter, back on page 1 (any change of filter starts again from the first page).
    pub fn first_page(mut self) -> Self {
        self.page = 1;
        self
    }

    pub fn is_active(&self) -> bool {
        self.kind.is_some()
            || self.product.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || !self.query.trim().is_empty()
    }
}

/// The instants bounding a range of local days, for a time zone `offset_minutes` ahead of UTC: from the start of
/// `from` to the end of `to`.
pub fn day_bounds(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    offset_minutes: i32,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let offset = Duration::minutes(i64::from(offset_minutes));
    let start = |day: NaiveDate| day.and_hms_opt(0, 0, 0).map(|t| t.and_utc() - offset);
    (
        from.and_then(start),
        to.and_then(|d| d.succ_opt()).and_then(start),
    )
}

/// The entries that pass `filter`, as indices into `events`, in the filter's order. `texts[i]` is entry `i`'s
/// searchable text, lower-cased; `bounds` are the date range as instants (see [`day_bounds`]).
pub fn select(
    events: &[ActivityEvent],
    texts: &[String],
    filter: &ActivityFilter,
    bounds: (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
) -> Vec<usize> {
    let terms: Vec<String> = filter
        .query
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let (start, end) = bounds;
    let mut chosen: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| filter.kind.is_none_or(|k| k.matches(&e.detail)))
        .filter(|(_, e)| filter.product.is_none_or(|p| e.product == Some(p)))
        .filter(|(_, e)| start.is_none_or(|s| e.at >= s) && end.is_none_or(|t| e.at < t))
        .filter(|(i, _)| {
            terms.is_empty()
                || texts
                    .get(*i)
                    .is_some_and(|text| terms.iter().all(|term| text.contains(term.as_str())))
        })
        .map(|(i, _)| i)
        .collect();
    match filter.order {
        Order::NewestFirst => {
            chosen.sort_by(|a, b| events[*b].at.cmp(&events[*a].at).then(b.cmp(a)))
        }
        Order::OldestFirst => {
            chosen.sort_by(|a, b| events[*a].at.cmp(&events[*b].at).then(a.cmp(b)))
        }
    }
    chosen
}

/// The page of `selected` to show (clamped to the last page), and how many pages there are.
pub fn page_of(selected: &[usize], page: usize) -> (&[usize], usize, usize) {
    let pages = selected.len().div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let start = (page - 1) * PAGE_SIZE;
    let end = (start + PAGE_SIZE).min(selected.len());
    (&selected[start..end], page, pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::{AccessReason, EmployeeRole};

    /// 10,000 entries of every kind, spread over several years, with their texts.
    fn many() -> (Vec<ActivityEvent>, Vec<String>) {
        let start = DateTime::parse_from_rfc3339("2022-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let events: Vec<ActivityEvent> = (0..10_000)
            .map(|i| {
                let at = start + Duration::hours((i * 7919 % 40_000) as i64);
                let product = Some(Product::ALL[i % 3]);
                let detail = match i % 10 {
                    0 => ActivityDetail::EmployeeAccess {
                        role: EmployeeRole::SupportEngineer,
                        reason: AccessReason::SupportRequest,
                        accessed: format!("Ticket {i}"),
                    },
                    1 => ActivityDetail::Change {
                        area: ChangeArea::Profile,
                        summary: format!("Change {i}"),
                    },
                    3 => ActivityDetail::Change {
                        area: ChangeArea::Requests,
                        summary: format!("Export request {i}"),
                    },
                    _ => ActivityDetail::SignIn {
                        device: if i % 2 == 0 {
                            "Windows laptop".into()
                        } else {
                            "iPhone".into()
                        },
                        browser: "Edge".into(),
                        location: "Chennai".into(),
                    },
                };
                ActivityEvent {
                    id: format!("e{i}"),
                    at,
                    product,
                    detail,
                }
            })
            .collect();
        let texts = events
            .iter()
            .map(|e| match &e.detail {
                ActivityDetail::EmployeeAccess { accessed, .. } => accessed.to_lowercase(),
                ActivityDetail::SignIn { device, .. } => device.to_lowercase(),
                ActivityDetail::Change { summary, .. } => summary.to_lowercase(),
            })
            .collect();
        (events, texts)
    }

    #[test]
    fn filters_ten_thousand_entries_by_kind_product_dates_and_words() {
        let (events, texts) = many();
        let all = select(&events, &texts, &ActivityFilter::default(), (None, None));
        assert_eq!(all.len(), 10_000);
        for pair in all.windows(2) {
            assert!(events[pair[0]].at >= events[pair[1]].at, "newest first");
        }
        let access = ActivityFilter {
            kind: Some(KindFilter::Access),
            ..ActivityFilter::default()
        };
        let chosen = select(&events, &texts, &access, (None, None));
        assert_eq!(chosen.len(), 1_000);
        assert!(chosen.iter().all(|i| events[*i].is_employee_access()));
        let requests = ActivityFilter {
            kind: Some(KindFilter::Request),
            ..ActivityFilter::default()
        };
        assert_eq!(
            select(&events, &texts, &requests, (None, None)).len(),
            1_000
        );
        let changes = ActivityFilter {
            kind: Some(KindFilter::Change),
            ..ActivityFilter::default()
        };
        let chosen = select(&events, &texts, &changes, (None, None));
        assert_eq!(chosen.len(), 1_000, "requests are not counted as changes");

        let narrow = ActivityFilter {
            kind: Some(KindFilter::SignIn),
            product: Some(Product::Smsndt),
            query: "WINDOWS".into(),
            order: Order::OldestFirst,
            ..ActivityFilter::default()
        };
        let chosen = select(&events, &texts, &narrow, (None, None));
        assert!(!chosen.is_empty());
        for i in &chosen {
            assert_eq!(events[*i].product, Some(Product::Smsndt));
            assert!(texts[*i].contains("windows"));
        }
        for pair in chosen.windows(2) {
            assert!(events[pair[0]].at <= events[pair[1]].at, "oldest first");
        }

        let day = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap();
        let bounds = day_bounds(Some(day), Some(day), 330);
        let one_day = ActivityFilter {
            from: Some(day),
            to: Some(day),
            ..ActivityFilter::default()
        };
        let chosen = select(&events, &texts, &one_day, bounds);
        let (start, end) = (bounds.0.unwrap(), bounds.1.unwrap());
        assert_eq!(end - start, Duration::days(1));
        assert!(chosen
            .iter()
            .all(|i| events[*i].at >= start && events[*i].at < end));
        let expected = events
            .iter()
            .filter(|e| e.at >= start && e.at < end)
            .count();
        assert_eq!(chosen.len(), expected);
    }

    #[test]
    fn local_days_are_converted_with_the_zone_offset() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let (start, end) = day_bounds(Some(day), Some(day), 330);
        assert_eq!(start.unwrap().to_rfc3339(), "2026-11-28T18:30:00+00:00");
        assert_eq!(end.unwrap().to_rfc3339(), "2026-11-29T18:30:00+00:00");
        assert_eq!(day_bounds(None, None, 0), (None, None));
    }

    #[test]
    fn pages_hold_fifty_and_clamp() {
        let selected: Vec<usize> = (0..120).collect();
        let (page, number, pages) = page_of(&selected, 3);
        assert_eq!((page.len(), number, pages), (20, 3, 3));
        let (page, number, _) = page_of(&selected, 99);
        assert_eq!((page[0], number), (100, 3));
        let (page, _, pages) = page_of(&[], 1);
        assert_eq!((page.len(), pages), (0, 1));
    }

    #[test]
    fn the_filter_round_trips_through_the_url() {
        let filter = ActivityFilter {
            kind: Some(KindFilter::Access),
            product: Some(Product::EServiceApp),
            from: NaiveDate::from_ymd_opt(2026, 1, 1),
            to: NaiveDate::from_ymd_opt(2026, 3, 31),
            query: "scanned notes".into(),
            order: Order::OldestFirst,
            page: 2,
        };
        let query = filter.to_query_string();
        assert_eq!(
            query,
            "?kind=access&product=eserviceapp&from=2026-01-01&to=2026-03-31&q=scanned%20notes&order=oldest&page=2"
        );
        let params: Vec<(String, String)> = query[1..]
            .split('&')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_string(), v.replace("%20", " "))
            })
            .collect();
        let back = ActivityFilter::from_params(|k| {
            params
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(back, filter);
        assert_eq!(ActivityFilter::from_params(|_| Some("junk".into())).page, 1);
    }
}
