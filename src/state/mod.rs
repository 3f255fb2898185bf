//! The few contexts many pages share, each behind `provide_x()` / `use_x()`.

pub mod consent;
pub mod documents;
pub mod notices;
pub mod session;
