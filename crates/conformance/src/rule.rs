//! The conformance rules as catalog entries, so the app can list them beside the check crate's
//! families. They are descriptions only: the check itself is [`crate::Validator::validate`],
//! which needs the schema text and so cannot be a pure function of the workspace.

use crate::finding::Severity;

/// A catalog entry: what the rule finds and why it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable id, `conformance.name`; never reused for another meaning.
    pub id: &'static str,
    pub family: &'static str,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Why it matters.
    pub rationale: &'static str,
}

/// The family name the app lists these rules under.
pub const FAMILY: &str = "conformance";

/// A document breaks its standard's official JSON Schema.
pub const RULE: RuleInfo = RuleInfo {
    id: "conformance.schema",
    family: FAMILY,
    severity: Severity::Error,
    summary: "A standard document (ODCS, ODPS, DCS, DPDS) breaks its standard's official JSON Schema",
    rationale: "Other tools read these files by the official schema: a wrong type, an unknown value \
                or a missing required field makes `datacontract lint`, catalogs and code generators \
                reject the file or silently drop the field.",
};

/// A document is not readable YAML or JSON, or is too large or deeply nested to check.
pub const SYNTAX_RULE: RuleInfo = RuleInfo {
    id: "conformance.syntax",
    family: FAMILY,
    severity: Severity::Error,
    summary: "A standard document is not valid YAML/JSON, or is too large or too deeply nested to check",
    rationale: "A file no parser can read conforms to nothing; the position says where reading stopped.",
};

/// Every conformance rule, in catalog order.
pub const RULES: &[RuleInfo] = &[RULE, SYNTAX_RULE];
