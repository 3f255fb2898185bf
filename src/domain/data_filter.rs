//! Finding things on the "Your information" page: the filter a user sets (product, source, search words),
//! how it reads from and writes to the URL's query string, and how it matches records.

use super::inventory::DataSource;
use super::product::Product;
use super::records::HeldRecord;

/// The filter, as bookmarked in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub product: Option<Product>,
    pub source: Option<DataSource>,
    /// The words searched for, as typed.
    pub query: String,
}

impl Product {
    /// The product's value in a URL.
    pub const fn slug(self) -> &'static str {
        match self {
            Product::Procrm => "procrm",
            Product::EServiceApp => "eserviceapp",
            Product::Smsndt => "smsndt",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Product> {
        Product::ALL.into_iter().find(|p| p.slug() == slug)
    }
}

impl DataSource {
    /// The source's value in a URL.
    pub const fn slug(self) -> &'static str {
        match self {
            DataSource::ProvidedByYou => "provided",
            DataSource::CollectedAutomatically => "automatic",
            DataSource::FromThirdParties => "third-parties",
            DataSource::ServiceData => "service-data",
        }
    }

    pub fn from_slug(slug: &str) -> Option<DataSource> {
        DataSource::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// Query-string keys.
pub const PRODUCT_KEY: &str = "product";
pub const SOURCE_KEY: &str = "source";
pub const SEARCH_KEY: &str = "q";

impl Filter {
    /// Reads the filter from query parameters; unknown values are ignored rather than failing.
    pub fn from_params(product: Option<&str>, source: Option<&str>, query: Option<&str>) -> Filter {
        Filter {
            product: product.and_then(Product::from_slug),
            source: source.and_then(DataSource::from_slug),
            query: query.unwrap_or_default().to_string(),
        }
    }

    /// The query string for this filter (empty, or starting with `?`).
    pub fn to_query_string(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(product) = self.product {
            pairs.push(format!("{PRODUCT_KEY}={}", product.slug()));
        }
        if let Some(source) = self.source {
            pairs.push(format!("{SOURCE_KEY}={}", source.slug()));
        }
        if !self.query.trim().is_empty() {
            pairs.push(format!("{SEARCH_KEY}={}", encode_component(&self.query)));
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    /// True when anything narrows the list.
    pub fn is_active(&self) -> bool {
        self.product.is_some() || self.source.is_some() || !self.search_terms().is_empty()
    }

    /// The search words, lower-cased.
    pub fn search_terms(&self) -> Vec<String> {
        self.query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    }

    /// Whether a record passes the product and source filters. With a product chosen, only records tied to that
    /// product pass: account-wide information is not about one product.
    pub fn keeps(&self, record: &HeldRecord) -> bool {
        let source_ok = self
            .source
            .is_none_or(|source| record.category.source() == source);
        let product_ok = self
            .product
            .is_none_or(|product| record.product == Some(product));
        source_ok && product_ok
    }

    /// Whether every search word appears in at least one of `texts` (labels and formatted values).
    pub fn matches_text<'a>(&self, texts: impl IntoIterator<Item = &'a str> + Clone) -> bool {
        let terms = self.search_terms();
        if terms.is_empty() {
            return true;
        }
        let haystack: Vec<String> = texts.into_iter().map(str::to_lowercase).collect();
        terms
            .iter()
            .all(|term| haystack.iter().any(|text| text.contains(term.as_str())))
    }
}

/// Percent-encodes a query-string value (RFC 3986 unreserved characters stay as they are).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::inventory::CategoryId;
    use crate::domain::records::{FieldKey, FieldValue, HeldField, HeldRecord};

    fn record(category: CategoryId, product: Option<Product>) -> HeldRecord {
        HeldRecord {
            category,
            product,
            fields: vec![HeldField {
                key: FieldKey::Name,
                value: FieldValue::Text("x".into()),
            }],
        }
    }

    #[test]
    fn reads_and_writes_the_query_string() {
        let filter = Filter::from_params(Some("smsndt"), Some("automatic"), Some("chrome 142"));
        assert_eq!(filter.product, Some(Product::Smsndt));
        assert_eq!(filter.source, Some(DataSource::CollectedAutomatically));
        assert_eq!(
            filter.to_query_string(),
            "?product=smsndt&source=automatic&q=chrome%20142"
        );
        assert_eq!(Filter::default().to_query_string(), "");
        let junk = Filter::from_params(Some("nope"), Some("??"), None);
        assert_eq!(junk, Filter::default());
        assert!(!junk.is_active());
    }

    #[test]
    fn encodes_reserved_and_non_ascii_characters() {
        assert_eq!(encode_component("a&b=c d"), "a%26b%3Dc%20d");
        assert_eq!(encode_component("chennai-1_~."), "chennai-1_~.");
        assert_eq!(encode_component("é"), "%C3%A9");
    }

    #[test]
    fn product_filter_keeps_only_that_products_records() {
        let filter = Filter {
            product: Some(Product::Procrm),
            ..Filter::default()
        };
        assert!(filter.keeps(&record(CategoryId::AppUsage, Some(Product::Procrm))));
        assert!(!filter.keeps(&record(CategoryId::AppUsage, Some(Product::Smsndt))));
        assert!(!filter.keeps(&record(CategoryId::AccountSignUp, None)));
    }

    #[test]
    fn source_filter_follows_the_category() {
        let filter = Filter {
            source: Some(DataSource::FromThirdParties),
            ..Filter::default()
        };
        assert!(filter.keeps(&record(CategoryId::SocialMedia, None)));
        assert!(!filter.keeps(&record(CategoryId::BrowserLogs, None)));
    }

    #[test]
    fn every_search_word_must_appear_somewhere_ignoring_case() {
        let filter = Filter {
            query: "  Firefox   windows ".into(),
            ..Filter::default()
        };
        assert_eq!(filter.search_terms(), ["firefox", "windows"]);
        assert!(filter.matches_text(["Browser", "Firefox 145", "Windows 11"]));
        assert!(!filter.matches_text(["Browser", "Firefox 145", "Android"]));
        assert!(Filter::default().matches_text(["anything"]));
    }
}
