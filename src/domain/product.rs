//! The company's three products, which every per-product record names.

use serde::Serialize;

/// A product (division) of iCanopus Technology covered by the privacy policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Product {
    #[serde(rename = "PROCRM")]
    Procrm,
    #[serde(rename = "eServiceapp")]
    EServiceApp,
    #[serde(rename = "SMSNDT")]
    Smsndt,
}

crate::from_json_enum!(Product { Procrm = "PROCRM", EServiceApp = "eServiceapp", Smsndt = "SMSNDT" });

impl Product {
    /// Every product, in the order the policy lists them.
    pub const ALL: [Product; 3] = [Product::Procrm, Product::EServiceApp, Product::Smsndt];

    /// The product's name as the company writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Product::Procrm => "PROCRM",
            Product::EServiceApp => "eServiceapp",
            Product::Smsndt => "SMSNDT",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_json() {
        for product in Product::ALL {
            let json = serde_json::to_string(&product).unwrap();
            assert_eq!(json, format!("\"{}\"", product.name()));
            let back: Product = crate::domain::json::decode(&json).unwrap();
            assert_eq!(back, product);
        }
    }
}
