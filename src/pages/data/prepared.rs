//! A record of `/data` with the texts search looks through.

use std::sync::{Arc, OnceLock};

use crate::components::record_card::record_texts;
use crate::domain::records::HeldRecord;
use crate::i18n::Locale;

/// A record with the texts search looks through, made on the first search (not with the page: formatting every
/// date and number of every record made opening the page slower) and kept for the next ones.
#[derive(Clone)]
pub struct Prepared {
    pub record: HeldRecord,
    texts: Arc<OnceLock<Vec<String>>>,
}

impl Prepared {
    pub fn new(record: HeldRecord) -> Self {
        Self {
            record,
            texts: Arc::default(),
        }
    }

    pub fn texts(&self, l: Locale) -> &[String] {
        self.texts.get_or_init(|| record_texts(l, &self.record))
    }
}
