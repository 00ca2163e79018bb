//! Validation of a workspace: a catalog of rules, each a pure function of the workspace, that
//! report diagnostics with a stable rule id, a severity, a location and a fix hint.
//!
//! Checking never stops at the first problem and never panics: it always returns every
//! diagnostic it can find, the way a compiler front end does. [`check`] checks everything;
//! [`Checker`] keeps a result and re-checks only what an edit touched.

mod bytes;
mod catalog_doc;
mod checker;
mod diagnostic;
/// Contract diff: changes between two versions, breaking or not, and the version bump needed.
pub mod diff;
mod engine;
mod field_table;
mod hash;
mod id_map;
/// Impact analysis: everything downstream of a product, contract or field.
pub mod impact;
mod index;
mod lineage;
mod rules;
mod split;

pub use catalog_doc::catalog_markdown;
pub use checker::{Change, Checker};
pub use diagnostic::{Diagnostic, EntityKind, Location, Severity};
pub use engine::{catalog, check, run_rule, Check, ContractFn, Family, ProductFn, PropertyFn, Rule, Scope, Sink, WorkspaceFn};
pub use index::{FieldLookup, Index};
pub use lineage::ProductGraph;
pub use rules::walk::At;
