//! Converters between the workspace model and standard specification files (ODCS, ODPS, DPDS,
//! dbt, SQL DDL, JSON Schema, Markdown; JSON samples in). Each standard gets its own module; the model never
//! depends on a wire format.
//!
//! Importers take text and return values or a [`FormatError`] with a line and column; they
//! do no I/O and never panic. Exporters return text.

pub mod bundle;
mod common;
pub mod dbt;
pub mod dcs;
pub mod dpds;
mod error;
pub mod export_set;
mod fields;
mod hints;
pub mod json_sample;
pub mod json_schema;
pub mod markdown;
pub mod odcs;
pub mod odps;
pub mod repo_bundle;
pub mod sql;
#[cfg(feature = "sql-import")]
pub mod sql_import;
mod yaml;

pub use error::{ErrorKind, FormatError};
pub use yaml::MAX_INPUT_BYTES;
