//! The rule type, the catalog of all rules and the function that runs them.
//!
//! Every rule has a scope. Product and contract rules look at one entity, the entities whose ids
//! it names, and the ids that exist in the context; workspace rules look at everything but
//! must stay cheap (O(products + ports + contracts + context), never O(properties)). That
//! split is what lets [`crate::Checker`] re-run only what an edit can have changed.

use std::cmp::Ordering;

use dpstudio_model::{DataContract, DataProduct, Workspace};

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
    pub const ALL: [Family; 4] = [Family::Structure, Family::References, Family::Graph, Family::Principles];

    pub fn as_str(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::References => "references",
            Family::Graph => "graph",
            Family::Principles => "principles",
        }
    }
}

/// What a rule looks at, and so when it has to run again after an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Product,
    Contract,
    Workspace,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Product => "product",
            Scope::Contract => "contract",
            Scope::Workspace => "workspace",
        }
    }
}

/// A rule's function, by scope. Product and contract rules may read the entity, the entities
/// its ids name (for a product: its ports' contracts, upstream products and their ports'
/// contracts; for a contract: its product and the contracts its references name), whether a
/// context id exists, and the index's "is read / is used / is consumed" facts about the entity
/// itself — nothing else, or incremental checking would miss changes.
#[derive(Clone, Copy)]
pub enum Check {
    Product(fn(&Index, &DataProduct, &mut Sink)),
    Contract(fn(&Index, &DataContract, &mut Sink)),
    Workspace(fn(&Index, &mut Sink)),
}

/// One validation rule: a pure function of the indexed workspace.
pub struct Rule {
    /// Stable id, `family.name`; never reused for another meaning.
    pub id: &'static str,
    pub family: Family,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Why it matters.
    pub rationale: &'static str,
    pub check: Check,
}

impl Rule {
    pub fn scope(&self) -> Scope {
        match self.check {
            Check::Product(_) => Scope::Product,
            Check::Contract(_) => Scope::Contract,
            Check::Workspace(_) => Scope::Workspace,
        }
    }
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
    run_workspace_rules(&index, &mut out);
    for product in &workspace.products {
        run_product_rules(&index, product, &mut out);
    }
    for contract in &workspace.contracts {
        run_contract_rules(&index, contract, &mut out);
    }
    out.sort_by(diagnostic_order);
    out
}

pub(crate) fn run_workspace_rules(index: &Index, out: &mut Vec<Diagnostic>) {
    for rule in catalog() {
        if let Check::Workspace(run) = rule.check {
            run(index, &mut Sink { rule, out });
        }
    }
}

pub(crate) fn run_product_rules(index: &Index, product: &DataProduct, out: &mut Vec<Diagnostic>) {
    for rule in catalog() {
        if let Check::Product(run) = rule.check {
            run(index, product, &mut Sink { rule, out });
        }
    }
}

pub(crate) fn run_contract_rules(index: &Index, contract: &DataContract, out: &mut Vec<Diagnostic>) {
    for rule in catalog() {
        if let Check::Contract(run) = rule.check {
            run(index, contract, &mut Sink { rule, out });
        }
    }
}

/// A total order (errors first, then location, rule, text), so results do not depend on the
/// order rules ran in — a full and an incremental check sort to the same list.
pub(crate) fn diagnostic_order(a: &Diagnostic, b: &Diagnostic) -> Ordering {
    (a.severity, &a.location, a.rule, &a.message, &a.hint).cmp(&(b.severity, &b.location, b.rule, &b.message, &b.hint))
}
