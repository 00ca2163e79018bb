//! Validation of a workspace: a catalog of rules, each a pure function of the workspace, that
//! report diagnostics with a stable rule id, a severity, a location and a fix hint.
//!
//! Checking never stops at the first problem and never panics: it always returns every
//! diagnostic it can find, the way a compiler front end does.

mod diagnostic;
/// Contract diff: changes between two versions, breaking or not, and the version bump needed.
pub mod diff;
mod engine;
/// Impact analysis: everything downstream of a product, contract or field.
pub mod impact;
mod index;
mod rules;

pub use diagnostic::{Diagnostic, EntityKind, Location, Severity};
pub use engine::{catalog, check, Family, Rule};
pub use index::Index;
