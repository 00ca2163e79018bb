//! The rule type, the catalog of all rules and the function that runs them.

use dpstudio_model::Workspace;

use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::index::Index;
use crate::rules;

/// Rule families, in the order the catalog lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Structure,
    References,
    Graph,
    Principles,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::References => "references",
            Family::Graph => "graph",
            Family::Principles => "principles",
        }
    }
}

/// One validation rule. `run` is a pure function of the indexed workspace.
pub struct Rule {
    /// Stable id, `family.name`; never reused for another meaning.
    pub id: &'static str,
    pub family: Family,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Why it matters.
    pub rationale: &'static str,
    pub run: fn(&Index, &mut Sink),
}

/// Collects one rule's diagnostics, stamping each with the rule's id and severity.
pub struct Sink<'a> {
    rule: &'static Rule,
    out: &'a mut Vec<Diagnostic>,
}

impl Sink<'_> {
    pub fn emit(&mut self, location: Location, message: impl Into<String>, hint: impl Into<String>) {
        self.out.push(Diagnostic {
            rule: self.rule.id,
            severity: self.rule.severity,
            location,
            message: message.into(),
            hint: hint.into(),
        });
    }
}

/// Every rule, grouped by family.
pub fn catalog() -> &'static [Rule] {
    rules::ALL
}

/// Runs every rule and returns the diagnostics, errors first, then by location.
pub fn check(workspace: &Workspace) -> Vec<Diagnostic> {
    let index = Index::new(workspace);
    let mut out = Vec::new();
    for rule in catalog() {
        let mut sink = Sink { rule, out: &mut out };
        (rule.run)(&index, &mut sink);
    }
    out.sort_by(|a, b| {
        (a.severity, &a.location, a.rule).cmp(&(b.severity, &b.location, b.rule))
    });
    out
}
