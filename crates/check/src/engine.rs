//! The rule type, the catalog of all rules and the function that runs them.
//!
//! Every rule has a scope. Product and contract rules look at one entity, the entities whose ids
//! it names, and the ids that exist in the context; workspace rules look at everything but
//! must stay cheap (O(products + ports + contracts + context), never O(properties)). That
//! split is what lets [`crate::Checker`] re-run only what an edit can have changed.

use std::cmp::Ordering;

use std::sync::OnceLock;

use dpstudio_model::{DataContract, DataProduct, Property, Workspace};

use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::index::Index;
use crate::rules;
use crate::rules::schema_pass::walk_schema;
use crate::rules::walk::{each_property, At};

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
    /// One property of a contract; re-run with its contract.
    Property,
    Workspace,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Product => "product",
            Scope::Contract => "contract",
            Scope::Property => "property",
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
    Product(ProductFn),
    Contract(ContractFn),
    /// Called for each property (nested ones included) during one walk of each contract that
    /// all property rules share, so a contract's schema is traversed once, not once per rule.
    Property(PropertyFn),
    Workspace(WorkspaceFn),
}

pub type WorkspaceFn = fn(&Index, &mut Sink);
pub type ProductFn = fn(&Index, &DataProduct, &mut Sink);
pub type ContractFn = fn(&Index, &DataContract, &mut Sink);
pub type PropertyFn = fn(&Index, &DataContract, &At, &Property, &mut Sink);

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
            Check::Property(_) => Scope::Property,
            Check::Workspace(_) => Scope::Workspace,
        }
    }
}

/// Collects one rule's diagnostics, stamping each with the rule's id and severity.
pub struct Sink<'a> {
    rule: &'static Rule,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(rule: &'static Rule, out: &'a mut Vec<Diagnostic>) -> Self {
        Sink { rule, out }
    }

    /// A sink for another rule into the same list: for checks that serve several rules in
    /// one pass over what they read.
    pub(crate) fn with_rule(&mut self, rule: &'static Rule) -> Sink<'_> {
        Sink { rule, out: self.out }
    }

    /// Cold: a workspace being edited has few problems, and keeping the message formatting
    /// out of the rules' hot paths lets them stay small enough to inline.
    #[cold]
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
/// Natively the entities are shared out over the cores (see `split.rs`); the order they
/// run in does not matter for the result, which is sorted.
pub fn check(workspace: &Workspace) -> Vec<Diagnostic> {
    let mut out = crate::split::every_rule(workspace);
    out.sort_by(diagnostic_order);
    out
}

/// Runs one rule over a whole indexed workspace, appending its diagnostics unsorted; for tools
/// that switch rules on and off, and for timing rules one by one.
pub fn run_rule(rule: &'static Rule, index: &Index, out: &mut Vec<Diagnostic>) {
    let mut sink = Sink { rule, out };
    let workspace = index.workspace;
    match rule.check {
        Check::Workspace(run) => run(index, &mut sink),
        Check::Product(run) => workspace.products.iter().for_each(|p| run(index, p, &mut sink)),
        Check::Contract(run) => workspace.contracts.iter().for_each(|c| run(index, c, &mut sink)),
        Check::Property(run) => {
            for contract in &workspace.contracts {
                each_property(contract, |at, _, property| run(index, contract, at, property, &mut sink));
            }
        }
    }
}

/// The catalog split by scope once, so per-entity runs do not filter the catalog each time.
struct ByScope {
    workspace: Vec<(&'static Rule, WorkspaceFn)>,
    product: Vec<(&'static Rule, ProductFn)>,
    contract: Vec<(&'static Rule, ContractFn)>,
}

fn by_scope() -> &'static ByScope {
    static BY_SCOPE: OnceLock<ByScope> = OnceLock::new();
    BY_SCOPE.get_or_init(|| {
        let mut s = ByScope { workspace: Vec::new(), product: Vec::new(), contract: Vec::new() };
        for rule in catalog() {
            match rule.check {
                Check::Workspace(f) => s.workspace.push((rule, f)),
                Check::Product(f) => s.product.push((rule, f)),
                // Called directly by `run_contract_rules`, with what the schema walk found.
                Check::Contract(_) if DIRECT_CONTRACT_RULES.contains(&rule.id) => {}
                Check::Contract(f) => s.contract.push((rule, f)),
                // Called directly by `run_property_rules`.
                Check::Property(_) => {}
            }
        }
        s
    })
}

pub(crate) fn run_workspace_rules(index: &Index, out: &mut Vec<Diagnostic>) {
    for &(rule, run) in &by_scope().workspace {
        run(index, &mut Sink { rule, out });
    }
}

pub(crate) fn run_product_rules(index: &Index, product: &DataProduct, out: &mut Vec<Diagnostic>) {
    for &(rule, run) in &by_scope().product {
        run(index, product, &mut Sink { rule, out });
    }
}

/// Contract rules that `run_contract_rules` calls itself, with what the schema walk found.
const DIRECT_CONTRACT_RULES: [&str; 3] =
    [rules::QUALITY_RULE.id, rules::PRIMARY_KEY_POSITION.id, rules::PARTITION_KEY_POSITION.id];

/// Every property rule in one walk of the contract's schema, then the contract rules (which
/// use what the walk found instead of walking again).
pub(crate) fn run_contract_rules<'w>(index: &Index<'w>, contract: &'w DataContract, out: &mut Vec<Diagnostic>) {
    let facts = walk_schema(index, contract, out);
    for &(rule, run) in &by_scope().contract {
        run(index, contract, &mut Sink { rule, out });
    }
    rules::report_quality_rules(contract, facts.incomplete_property_quality, &mut Sink { rule: &rules::QUALITY_RULE, out });
    // The key-position rules run only when the counts leave something to report.
    for (rule, counts) in [(&rules::PRIMARY_KEY_POSITION, facts.primary_keys), (&rules::PARTITION_KEY_POSITION, facts.partition_keys)] {
        if let (false, Check::Contract(run)) = (counts.clear(), rule.check) {
            run(index, contract, &mut Sink { rule, out });
        }
    }
}

/// A total order (errors first, then location, rule, text), so results do not depend on the
/// order rules ran in — a full and an incremental check sort to the same list.
pub(crate) fn diagnostic_order(a: &Diagnostic, b: &Diagnostic) -> Ordering {
    (a.severity, &a.location, a.rule, &a.message, &a.hint).cmp(&(b.severity, &b.location, b.rule, &b.message, &b.hint))
}
