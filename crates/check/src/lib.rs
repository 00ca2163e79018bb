//! Validation of a workspace: a catalog of rules, each a pure function of the workspace, that
//! report diagnostics with a stable rule id, a severity, a location and a fix hint.
//!
//! Checking never stops at the first problem and never panics: it always returns every
//! diagnostic it can find, the way a compiler front end does.

mod diagnostic;
mod engine;
mod index;
mod rules;

pub use diagnostic::{Diagnostic, EntityKind, Location, Severity};
pub use engine::{catalog, check, Family, Rule};
pub use index::Index;
