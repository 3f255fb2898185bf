//! Export files, produced from the records held: JSON with a data dictionary, or CSV with one section per
//! category. Built one category at a time, so the page can show progress and stay responsive.

use serde_json::{json, Map, Value};

use super::account_export::{self, PartTable};
use super::inventory::{CategoryId, DataSource};
use super::product::Product;
use super::records::{FieldValue, HeldRecord};
use super::requests::{AccountPart, ExportDetails, ExportFormat};

/// The categories an export may cover as personal information (everything but Part II's service data).
pub fn personal_categories() -> impl Iterator<Item = CategoryId> {
    CategoryId::ALL
        .into_iter()
        .filter(|c| c.source() != DataSource::ServiceData)
}

/// The categories holding a product's service data.
pub const SERVICE_CATEGORIES: [CategoryId; 2] =
    [CategoryId::ServiceRecords, CategoryId::MobileDevices];

/// Whether `record` belongs in an export of `scope`.
pub fn in_scope(scope: &ExportDetails, record: &HeldRecord) -> bool {
    if SERVICE_CATEGORIES.contains(&record.category) {
        record.product.is_some_and(|p| scope.products.contains(&p))
    } else {
        scope.categories.contains(&record.category)
    }
}

/// The categories of a scope, in the policy's order, each exported as one section.
pub fn sections(scope: &ExportDetails) -> Vec<CategoryId> {
    CategoryId::ALL
        .into_iter()
        .filter(|c| {
            if SERVICE_CATEGORIES.contains(c) {
                !scope.products.is_empty()
            } else {
                scope.categories.contains(c)
            }
        })
        .collect()
}

/// A field's value as exported: raw, machine-readable. `None` leaves the field out (the security answer).
fn raw(value: &FieldValue) -> Option<Value> {
    Some(match value {
        FieldValue::Text(text) | FieldValue::Image(text) => Value::String(text.clone()),
        FieldValue::Empty => Value::Null,
        FieldValue::Time(at) => Value::String(at.to_rfc3339()),
        FieldValue::Day(day) => Value::String(day.to_string()),
        FieldValue::Count(n) | FieldValue::Bytes(n) => json!(n),
        FieldValue::Millis(ms) => json!(ms),
        FieldValue::YesNo(b) | FieldValue::CardDetailsStored(b) => Value::Bool(*b),
        FieldValue::Money { minor, currency } => {
            json!({ "amount_minor": minor, "currency": currency })
        }
        FieldValue::List(items) => json!(items),
        FieldValue::Withheld => return None,
    })
}

/// A record's exported fields, in order: `product` first when it has one, then each field by its key.
fn record_fields(record: &HeldRecord) -> Vec<(&'static str, Value)> {
    let mut fields = Vec::with_capacity(record.fields.len() + 1);
    if let Some(product) = record.product {
        fields.push(("product", Value::String(product.name().to_string())));
    }
    for field in &record.fields {
        if let Some(value) = raw(&field.value) {
            fields.push((field.key.key(), value));
        }
    }
    fields
}

/// Words the export needs from the portal: the title of a category and the label of a field.
pub struct Vocabulary<'a> {
    pub category: &'a dyn Fn(CategoryId) -> &'static str,
    pub field: &'a dyn Fn(super::records::FieldKey) -> &'static str,
}

/// An export being built, one category at a time.
pub struct ExportBuilder {
    format: ExportFormat,
    sections: Vec<Value>,
    parts: Vec<Value>,
    dictionary: Vec<Value>,
    csv: String,
}

impl ExportBuilder {
    pub fn new(format: ExportFormat) -> Self {
        ExportBuilder {
            format,
            sections: Vec::new(),
            parts: Vec::new(),
            dictionary: Vec::new(),
            csv: String::new(),
        }
    }

    /// Adds one category's records.
    pub fn add(&mut self, category: CategoryId, records: &[&HeldRecord], words: &Vocabulary) {
        let title = (words.category)(category);
        let rows: Vec<Vec<(&'static str, Value)>> =
            records.iter().map(|r| record_fields(r)).collect();
        let columns = columns_of(&rows);
        let category_key = serde_json::to_value(category)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        match self.format {
            ExportFormat::Json => {
                for record in records {
                    for field in &record.fields {
                        let entry = json!({
                            "category": category_key,
                            "field": field.key.key(),
                            "label": (words.field)(field.key),
                        });
                        if !self.dictionary.contains(&entry) && raw(&field.value).is_some() {
                            self.dictionary.push(entry);
                        }
                    }
                }
                let objects: Vec<Value> = rows.into_iter().map(object).collect();
                self.sections.push(json!({
                    "category": category_key,
                    "title": title,
                    "records": objects,
                }));
            }
            ExportFormat::Csv => {
                self.csv
                    .push_str(&csv_cell(&format!("# {title} ({category_key})")));
                self.csv.push('\n');
                self.push_csv_rows(&columns, &rows);
            }
        }
    }

    /// Adds one part of the account: its facts, then its rows, every column described in the dictionary.
    pub fn add_part(&mut self, table: PartTable) {
        let part = table.part;
        let described = account_export::dictionary(part);
        let columns = columns_of(&table.rows);
        match self.format {
            ExportFormat::Json => {
                for (field, label) in described {
                    let used =
                        table.facts.iter().any(|(k, _)| k == field) || columns.contains(field);
                    if used {
                        self.dictionary
                            .push(json!({ "part": part.key(), "field": field, "label": label }));
                    }
                }
                let records: Vec<Value> = table.rows.into_iter().map(object).collect();
                self.parts.push(json!({
                    "part": part.key(),
                    "title": account_export::title(part),
                    "facts": object(table.facts),
                    "records": records,
                }));
            }
            ExportFormat::Csv => {
                let title = account_export::title(part);
                let mut lines = vec![format!("# {title} ({})", part.key())];
                lines.extend(
                    table
                        .facts
                        .iter()
                        .map(|(k, v)| format!("# {k}: {}", cell_text(v))),
                );
                for line in lines {
                    self.csv.push_str(&csv_cell(&line));
                    self.csv.push('\n');
                }
                self.push_csv_rows(&columns, &table.rows);
            }
        }
    }

    /// A CSV table: the header, then one line per row (a missing column is an empty cell), then a blank line.
    fn push_csv_rows(&mut self, columns: &[&'static str], rows: &[Vec<(&'static str, Value)>]) {
        if rows.is_empty() {
            self.csv.push_str("# nothing held\n\n");
            return;
        }
        let header: Vec<String> = columns.iter().map(|c| csv_cell(c)).collect();
        self.csv.push_str(&header.join(","));
        self.csv.push('\n');
        for row in rows {
            let cells: Vec<String> = columns
                .iter()
                .map(|c| {
                    let value = row.iter().find(|(k, _)| k == c).map(|(_, v)| cell_text(v));
                    csv_cell(&value.unwrap_or_default())
                })
                .collect();
            self.csv.push_str(&cells.join(","));
            self.csv.push('\n');
        }
        self.csv.push('\n');
    }

    /// The file's text. `about` describes the export (when, for whom, what).
    pub fn finish(self, about: Value) -> String {
        match self.format {
            ExportFormat::Json => {
                let document = json!({
                    "about": about,
                    "data_dictionary": self.dictionary,
                    "categories": self.sections,
                    "account": self.parts,
                });
                serde_json::to_string_pretty(&document).unwrap_or_default()
            }
            ExportFormat::Csv => {
                let mut head = String::from(CSV_BOM);
                if let Value::Object(about) = about {
                    for (key, value) in about {
                        // A header line is one cell too: a value with a comma must not start a new, live one.
                        head.push_str(&csv_cell(&format!("# {key}: {}", cell_text(&value))));
                        head.push('\n');
                    }
                }
                head.push('\n');
                head + &self.csv
            }
        }
    }
}

/// The columns of a table: every key any row has, in first-seen order.
fn columns_of(rows: &[Vec<(&'static str, Value)>]) -> Vec<&'static str> {
    let mut columns: Vec<&'static str> = Vec::new();
    for row in rows {
        for (key, _) in row {
            if !columns.contains(key) {
                columns.push(key);
            }
        }
    }
    columns
}

/// A row as a JSON object, its keys in order.
fn object(cells: Vec<(&'static str, Value)>) -> Value {
    Value::Object(
        cells
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<Map<String, Value>>(),
    )
}

/// A value as the text of one CSV cell.
fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell_text).collect::<Vec<_>>().join("; "),
        Value::Object(map) => match (map.get("amount_minor"), map.get("currency")) {
            (Some(amount), Some(currency)) => format!("{amount} {}", cell_text(currency)),
            _ => Value::Object(map.clone()).to_string(),
        },
        other => other.to_string(),
    }
}

/// The byte-order mark a CSV file starts with: without it, spreadsheets on Windows read UTF-8 as a legacy code
/// page and garble Hindi and German.
pub const CSV_BOM: char = '\u{feff}';

/// Quotes a CSV cell when needed (RFC 4180), and defuses text a spreadsheet would run as a formula: any cell
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, numbers included (a
/// "sign then digit" exemption would let `-1+HYPERLINK(…)` through).
pub fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The file name for an export.
pub fn file_name(reference: &str, format: ExportFormat) -> String {
    format!("icanopus-export-{reference}.{}", format.extension())
}

/// The request's one-line summary of a scope, in English like every record the backend keeps: "2 categories of
/// personal information and service data of PROCRM, as CSV".
pub fn summary(scope: &ExportDetails) -> String {
    let mut parts = Vec::new();
    if !scope.categories.is_empty() {
        parts.push(match scope.categories.len() {
            1 => "1 category of personal information".to_string(),
            n => format!("{n} categories of personal information"),
        });
    }
    if !scope.products.is_empty() {
        let names: Vec<&str> = products_in(scope).iter().map(|p| p.name()).collect();
        parts.push(format!("service data of {}", names.join(", ")));
    }
    for part in AccountPart::ALL
        .into_iter()
        .filter(|p| scope.parts.contains(p))
    {
        let title = account_export::title(part).to_lowercase();
        parts.push(match (part, scope.activity_from, scope.activity_to) {
            (AccountPart::Activity, Some(from), Some(to)) => format!("{title} from {from} to {to}"),
            (AccountPart::Activity, Some(from), None) => format!("{title} from {from}"),
            (AccountPart::Activity, None, Some(to)) => format!("{title} up to {to}"),
            _ => title,
        });
    }
    let parts = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.join(""),
    };
    let format = match scope.format {
        ExportFormat::Json => "JSON",
        ExportFormat::Csv => "CSV",
    };
    format!("{parts}, as {format}")
}

/// The products a scope covers, in order (for summaries).
pub fn products_in(scope: &ExportDetails) -> Vec<Product> {
    Product::ALL
        .into_iter()
        .filter(|p| scope.products.contains(p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::inventory::Inventory;
    use crate::domain::profile::Profile;
    use crate::domain::records::{held_records, FieldKey};

    fn seed() -> (Profile, Inventory) {
        (
            crate::domain::json::decode(include_str!(
                "../../public/api/personas/asha/profile.json"
            ))
            .unwrap(),
            crate::domain::json::decode(include_str!(
                "../../public/api/personas/asha/inventory.json"
            ))
            .unwrap(),
        )
    }

    fn words() -> Vocabulary<'static> {
        Vocabulary {
            category: &|_| "Title",
            field: &|k: FieldKey| k.key(),
        }
    }

    fn build(scope: &ExportDetails) -> String {
        let (profile, inventory) = seed();
        let records = held_records(&profile, &inventory);
        let mut builder = ExportBuilder::new(scope.format);
        for category in sections(scope) {
            let chosen: Vec<&HeldRecord> = records
                .iter()
                .filter(|r| r.category == category && in_scope(scope, r))
                .collect();
            builder.add(category, &chosen, &words());
        }
        builder.finish(json!({ "format": "test" }))
    }

    #[test]
    fn a_summary_counts_the_categories_and_names_the_products_and_format() {
        let scope = |categories: Vec<CategoryId>, products: Vec<Product>, format| ExportDetails {
            categories,
            products,
            format,
            file: None,
            parts: Vec::new(),
            activity_from: None,
            activity_to: None,
        };
        assert_eq!(
            summary(&scope(
                vec![CategoryId::BrowserLogs, CategoryId::SecurityQuestion],
                vec![Product::Smsndt, Product::Procrm],
                ExportFormat::Csv
            )),
            "2 categories of personal information and service data of PROCRM, SMSNDT, as CSV"
        );
        assert_eq!(
            summary(&scope(
                vec![CategoryId::BrowserLogs],
                vec![],
                ExportFormat::Json
            )),
            "1 category of personal information, as JSON"
        );
        assert_eq!(
            summary(&scope(
                vec![],
                vec![Product::EServiceApp],
                ExportFormat::Json
            )),
            "service data of eServiceapp, as JSON"
        );
    }

    #[test]
    fn json_exports_hold_the_chosen_categories_only_with_a_dictionary() {
        let scope = ExportDetails {
            categories: vec![CategoryId::BrowserLogs, CategoryId::SecurityQuestion],
            products: vec![Product::Smsndt],
            format: ExportFormat::Json,
            file: None,
            parts: Vec::new(),
            activity_from: None,
            activity_to: None,
        };
        let text = build(&scope);
        let document: Value = serde_json::from_str(&text).unwrap();
        let categories: Vec<&str> = document["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["category"].as_str().unwrap())
            .collect();
        assert_eq!(
            categories,
            [
                "security_question",
                "browser_logs",
                "service_records",
                "mobile_devices"
            ]
        );
        assert_eq!(
            document["categories"][1]["records"]
                .as_array()
                .unwrap()
                .len(),
            6
        );
        assert_eq!(
            document["categories"][1]["records"][0]["ip_address"],
            "49.207.183.21"
        );
        // Service data of the chosen product only.
        let service = document["categories"][2]["records"].as_array().unwrap();
        assert_eq!(service.len(), 1);
        assert_eq!(service[0]["product"], "SMSNDT");
        // The security answer is never exported; the question is.
        assert!(!text.contains("security_answer"));
        assert!(text.contains("What was the name of your first school?"));
        assert!(document["data_dictionary"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["field"] == "ip_address" && d["category"] == "browser_logs"));
        assert!(
            !text.contains("Kovai"),
            "reselling partners were not chosen"
        );
    }

    #[test]
    fn csv_exports_have_one_section_per_category() {
        let scope = ExportDetails {
            categories: vec![CategoryId::Interactions, CategoryId::ReviewSites],
            products: vec![],
            format: ExportFormat::Csv,
            file: None,
            parts: Vec::new(),
            activity_from: None,
            activity_to: None,
        };
        let text = build(&scope);
        assert!(text.starts_with("\u{feff}# format: test\n"));
        assert!(
            text.contains("# Title (interactions)\nproduct,date,channel,team,subject,recorded\n")
        );
        assert!(text.contains("# Title (review_sites)\nproduct,review_site,posted,excerpt\n"));
        assert!(text.contains("\"Importing 1,200 contacts from a spreadsheet\""));
        assert_eq!(text.matches("# Title").count(), 2);
    }

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("@cmd"), "'@cmd");
        assert_eq!(csv_cell("+91 98450 12345"), "'+91 98450 12345");
        assert_eq!(csv_cell("-5"), "'-5");
        assert_eq!(
            csv_cell("-1+HYPERLINK(\"http://x\")"),
            "\"'-1+HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(csv_cell("+cmd"), "'+cmd");
        assert_eq!(csv_cell("\tcmd"), "'\tcmd");
        assert_eq!(csv_cell("\rcmd"), "\"'\rcmd\"");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn csv_header_lines_are_cells_too() {
        let builder = ExportBuilder::new(ExportFormat::Csv);
        let text = builder.finish(json!({"username": "asha,=HYPERLINK(\"http://x\")"}));
        assert!(text.starts_with(CSV_BOM));
        assert!(
            text.contains("\"# username: asha,=HYPERLINK(\"\"http://x\"\")\"\n"),
            "{text}"
        );
    }

    #[test]
    fn account_parts_are_summarised_with_the_activity_range() {
        let scope = ExportDetails {
            categories: vec![CategoryId::BrowserLogs],
            products: vec![],
            format: ExportFormat::Json,
            file: None,
            parts: vec![
                AccountPart::Sharing,
                AccountPart::Activity,
                AccountPart::Preferences,
            ],
            activity_from: chrono::NaiveDate::from_ymd_opt(2026, 11, 1),
            activity_to: None,
        };
        assert_eq!(
            summary(&scope),
            "1 category of personal information, communication preferences, access and activity log from \
             2026-11-01 and sharing choices, as JSON"
        );
    }

    fn part(n: usize) -> PartTable {
        PartTable {
            part: AccountPart::Consents,
            facts: vec![],
            rows: (0..n)
                .map(|i| {
                    vec![
                        ("given_at", json!(format!("2026-0{}-01T00:00:00Z", i + 1))),
                        ("method", json!("banner")),
                        ("marketing", json!(i == 0)),
                    ]
                })
                .collect(),
        }
    }

    #[test]
    fn json_account_parts_have_records_facts_and_their_dictionary_entries() {
        let mut builder = ExportBuilder::new(ExportFormat::Json);
        builder.add_part(part(2));
        let mut activity = part(0);
        activity.part = AccountPart::Activity;
        activity.facts = vec![("from", json!("2026-11-01")), ("to", Value::Null)];
        builder.add_part(activity);
        let document: Value = serde_json::from_str(&builder.finish(json!({}))).unwrap();
        let parts = document["account"].as_array().unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0]["part"], "consents");
        assert_eq!(parts[0]["records"].as_array().unwrap().len(), 2);
        assert_eq!(parts[0]["records"][0]["marketing"], true);
        assert_eq!(parts[1]["facts"]["from"], "2026-11-01");
        let described: Vec<(&str, &str)> = document["data_dictionary"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["part"].as_str().unwrap(), d["field"].as_str().unwrap()))
            .collect();
        assert_eq!(
            described,
            [
                ("consents", "given_at"),
                ("consents", "method"),
                ("consents", "marketing"),
                ("activity", "from"),
                ("activity", "to")
            ]
        );
    }

    #[test]
    fn csv_account_parts_have_a_title_their_facts_and_a_table() {
        let mut builder = ExportBuilder::new(ExportFormat::Csv);
        let mut table = part(1);
        table.facts = vec![("from", json!("2026-11-01"))];
        builder.add_part(table);
        let mut empty = part(0);
        empty.part = AccountPart::Requests;
        builder.add_part(empty);
        let text = builder.finish(json!({}));
        assert!(text.contains(
            "# Cookie consent history (consents)\n# from: 2026-11-01\ngiven_at,method,marketing\n2026-01-01T00:00:00Z,banner,true\n\n"
        ), "{text}");
        assert!(text.contains("# Privacy requests (requests)\n# nothing held\n"));
    }
}
