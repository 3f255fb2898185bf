//! Words and numbers for people: the labels of domain values and failures in the reader's language (`labels`), and
//! dates, numbers, sizes and placeholders formatted for them (`format`). No UI: components, state and pages use them.

pub mod format;
pub mod labels;
