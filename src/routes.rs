//! The pages of the portal. This is the only place a URL path is spelled.

use crate::domain::category_policy::Right;
use crate::domain::inventory::CategoryId;
use crate::domain::policy::Unstated;
use crate::domain::requests::ConcernTopic;
use crate::i18n::{td_string, Locale};

/// A page of the portal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Data,
    Communications,
    Cookies,
    Profile,
    Requests,
    Activity,
    Sharing,
    Policy,
    /// Asking for an export (reached from the requests page).
    NewExport,
    /// Asking for a deletion (reached from the requests page).
    NewDeletion,
    /// A request about one category: correct, delete, restrict or object (reached from "Your information").
    CategoryRequest,
    /// Raising a concern or complaint (reached from the requests page, a request, a category).
    NewConcern,
}

/// The path parameter of a request's own page, `/requests/{reference}`.
pub const REQUEST_PARAM: &str = "reference";

/// The page of one request.
pub fn request_href(reference: &str) -> String {
    format!("{}/{reference}", Page::Requests.href())
}

/// The query keys of the category request page: which category, and which right.
pub const CATEGORY_KEY: &str = "category";
pub const RIGHT_KEY: &str = "right";
/// The query keys of the concern page: what it is about, and which request or category.
pub const TOPIC_KEY: &str = "topic";
pub const ABOUT_KEY: &str = "about";
/// The query key of a question about something the policy does not say, to pre-fill the concern with.
pub const ASK_KEY: &str = "ask";

/// The page asking to exercise `right` on `category`, pre-filled.
pub fn category_request_href(category: CategoryId, right: Right) -> String {
    format!(
        "{}?{CATEGORY_KEY}={}&{RIGHT_KEY}={}",
        Page::CategoryRequest.href(),
        category.slug(),
        right.slug()
    )
}

/// The concern page, pre-filled with what the concern is about (a request's reference, a category's slug).
pub fn concern_href(topic: ConcernTopic, about: &str) -> String {
    if about.is_empty() {
        format!("{}?{TOPIC_KEY}={}", Page::NewConcern.href(), topic.slug())
    } else {
        format!(
            "{}?{TOPIC_KEY}={}&{ABOUT_KEY}={about}",
            Page::NewConcern.href(),
            topic.slug()
        )
    }
}

/// The concern page, pre-filled with a question about something the policy does not say (about a category, when
/// `category` is given).
pub fn ask_href(unstated: Unstated, category: Option<CategoryId>) -> String {
    match category {
        Some(category) => format!(
            "{}&{ASK_KEY}={}",
            concern_href(ConcernTopic::Category, category.slug()),
            unstated.slug()
        ),
        None => format!(
            "{}&{ASK_KEY}={}",
            concern_href(ConcernTopic::Other, ""),
            unstated.slug()
        ),
    }
}

impl Page {
    /// Every page with a fixed path.
    pub const ALL: [Page; 13] = [
        Page::Overview,
        Page::Data,
        Page::Communications,
        Page::Cookies,
        Page::Profile,
        Page::Requests,
        Page::Activity,
        Page::Sharing,
        Page::Policy,
        Page::NewExport,
        Page::NewDeletion,
        Page::CategoryRequest,
        Page::NewConcern,
    ];

    /// The pages in the primary navigation, in order.
    pub const NAV: [Page; 9] = [
        Page::Overview,
        Page::Data,
        Page::Communications,
        Page::Cookies,
        Page::Profile,
        Page::Requests,
        Page::Activity,
        Page::Sharing,
        Page::Policy,
    ];

    /// The path segment the router matches (empty for the overview).
    pub const fn segment(self) -> &'static str {
        match self {
            Page::Overview => "",
            Page::Data => "data",
            Page::Communications => "communications",
            Page::Cookies => "cookies",
            Page::Profile => "profile",
            Page::Requests => "requests",
            Page::Activity => "activity",
            Page::Sharing => "sharing",
            Page::Policy => "policy",
            Page::NewExport => "export",
            Page::NewDeletion => "delete",
            Page::CategoryRequest => "new",
            Page::NewConcern => "concern",
        }
    }

    /// The absolute path to link to.
    pub const fn href(self) -> &'static str {
        match self {
            Page::Overview => "/",
            Page::Data => "/data",
            Page::Communications => "/communications",
            Page::Cookies => "/cookies",
            Page::Profile => "/profile",
            Page::Requests => "/requests",
            Page::Activity => "/activity",
            Page::Sharing => "/sharing",
            Page::Policy => "/policy",
            Page::NewExport => "/requests/export",
            Page::NewDeletion => "/requests/delete",
            Page::CategoryRequest => "/requests/new",
            Page::NewConcern => "/requests/concern",
        }
    }

    /// A link to a section of this page.
    pub fn href_to(self, fragment: &str) -> String {
        format!("{}#{fragment}", self.href())
    }

    /// The page's heading in `locale`, also used in the document title.
    pub fn title(self, locale: Locale) -> &'static str {
        match self {
            Page::Overview => td_string!(locale, pages.overview.title),
            Page::Data => td_string!(locale, pages.data.title),
            Page::Communications => td_string!(locale, pages.communications.title),
            Page::Cookies => td_string!(locale, pages.cookies.title),
            Page::Profile => td_string!(locale, pages.profile.title),
            Page::Requests => td_string!(locale, pages.requests.title),
            Page::Activity => td_string!(locale, pages.activity.title),
            Page::Sharing => td_string!(locale, pages.sharing.title),
            Page::Policy => td_string!(locale, pages.policy.title),
            Page::NewExport => td_string!(locale, pages.new_export.title),
            Page::NewDeletion => td_string!(locale, pages.new_deletion.title),
            Page::CategoryRequest => td_string!(locale, pages.category_request.title),
            Page::NewConcern => td_string!(locale, pages.new_concern.title),
        }
    }

    /// The line under the page's heading in `locale`, if it has one.
    pub fn lead(self, locale: Locale) -> Option<&'static str> {
        Some(match self {
            Page::Overview => return None,
            Page::Data => td_string!(locale, pages.data.lead),
            Page::Communications => td_string!(locale, pages.communications.lead),
            Page::Cookies => td_string!(locale, pages.cookies.lead),
            Page::Profile => td_string!(locale, pages.profile.lead),
            Page::Requests => td_string!(locale, pages.requests.lead),
            Page::Activity => td_string!(locale, pages.activity.lead),
            Page::Sharing => td_string!(locale, pages.sharing.lead),
            Page::Policy => td_string!(locale, pages.policy.lead),
            Page::NewExport => td_string!(locale, pages.new_export.lead),
            Page::NewDeletion => td_string!(locale, pages.new_deletion.lead),
            Page::CategoryRequest => td_string!(locale, pages.category_request.lead),
            Page::NewConcern => td_string!(locale, pages.new_concern.lead),
        })
    }

    /// The short label in the primary navigation, in `locale`.
    pub fn nav_label(self, locale: Locale) -> &'static str {
        match self {
            Page::Overview => td_string!(locale, pages.overview.nav),
            Page::Data => td_string!(locale, pages.data.nav),
            Page::Communications => td_string!(locale, pages.communications.nav),
            Page::Cookies => td_string!(locale, pages.cookies.nav),
            Page::Profile => td_string!(locale, pages.profile.nav),
            Page::Requests => td_string!(locale, pages.requests.nav),
            Page::Activity => td_string!(locale, pages.activity.nav),
            Page::Sharing => td_string!(locale, pages.sharing.nav),
            Page::Policy => td_string!(locale, pages.policy.nav),
            Page::NewExport => td_string!(locale, pages.new_export.nav),
            Page::NewDeletion => td_string!(locale, pages.new_deletion.nav),
            Page::CategoryRequest => td_string!(locale, pages.category_request.nav),
            Page::NewConcern => td_string!(locale, pages.new_concern.nav),
        }
    }

    /// The page whose navigation link stands for this one.
    pub const fn nav_page(self) -> Page {
        match self {
            Page::NewExport | Page::NewDeletion | Page::CategoryRequest | Page::NewConcern => {
                Page::Requests
            }
            page => page,
        }
    }

    /// The page a path shows, if any.
    pub fn from_path(path: &str) -> Option<Page> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let trimmed = path.trim_end_matches('/');
        Page::ALL
            .into_iter()
            .find(|page| page.href().trim_end_matches('/') == trimmed)
    }
}

/// The product name shown in the header and every document title.
pub const PRODUCT_NAME: &str = "iCanopus Privacy Portal";

/// The document title for a page heading.
pub fn document_title(heading: &str) -> String {
    format!("{heading} · {PRODUCT_NAME}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn href_and_segment_agree() {
        for page in Page::ALL {
            assert!(page.href().ends_with(&format!("/{}", page.segment())));
            assert_eq!(Page::from_path(page.href()), Some(page));
        }
        for page in Page::NAV {
            assert_eq!(page.href(), format!("/{}", page.segment()));
            assert_eq!(page.nav_page(), page);
        }
        assert_eq!(request_href("PR-2026-0001"), "/requests/PR-2026-0001");
        assert_eq!(
            category_request_href(CategoryId::SocialMedia, Right::Delete),
            "/requests/new?category=social-media&right=delete"
        );
        assert_eq!(
            concern_href(ConcernTopic::Request, "PR-2025-0402"),
            "/requests/concern?topic=request&about=PR-2025-0402"
        );
        assert_eq!(
            ask_href(Unstated::LegalBasis, Some(CategoryId::Payment)),
            "/requests/concern?topic=category&about=payment&ask=legal-basis"
        );
        assert_eq!(
            ask_href(Unstated::Transfers, None),
            "/requests/concern?topic=other&ask=transfers"
        );
        assert_eq!(
            Page::from_path("/requests/new?category=payment"),
            Some(Page::CategoryRequest)
        );
    }

    #[test]
    fn paths_resolve_with_query_fragment_or_trailing_slash() {
        assert_eq!(Page::from_path("/data/"), Some(Page::Data));
        assert_eq!(
            Page::from_path("/activity?kind=access"),
            Some(Page::Activity)
        );
        assert_eq!(Page::from_path("/data#payment"), Some(Page::Data));
        assert_eq!(Page::from_path("/nope"), None);
        assert_eq!(Page::from_path(""), Some(Page::Overview));
    }
}
