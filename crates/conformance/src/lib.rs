//! Conformance: is a standard document (ODCS, Bitol ODPS, DCS, DPDS, opendataproducts.org
//! ODPS) valid against its standard's official JSON Schema? Findings name the field, say what
//! is wrong, and give the line and column in the document's text.
//!
//! The crate takes text and returns values: no I/O (schemas are passed in as text; the CLI and
//! the app read them from the shared reference folder), no panics on any input, and budgets
//! against huge or deeply nested documents. It builds for wasm32 and is meant to be loaded on
//! demand (the JSON Schema engine is large), apart from the workspace model and its rules.
//!
//! ```no_run
//! use dpstudio_conformance::{Standard, Validator};
//! # fn read(_: &str) -> String { String::new() }
//! let text = read("orders.odcs.yaml");
//! let standard = Standard::detect(&text)?;
//! let validator = Validator::new(standard, &read(standard.schema_file()))?;
//! for finding in validator.validate("orders.odcs.yaml", &text) {
//!     println!("{finding}");
//! }
//! # Ok::<(), dpstudio_conformance::Error>(())
//! ```

mod document;
mod finding;
mod message;
mod positions;
mod rule;
mod standard;
mod validator;

pub use document::{MAX_DEPTH, MAX_INPUT_BYTES};
pub use finding::{Error, ErrorKind, Finding, Severity};
pub use rule::{RuleInfo, FAMILY, RULE, RULES, SYNTAX_RULE};
pub use standard::{Companion, Standard};
pub use validator::{Validator, MAX_FINDINGS};
