//! Which rules `check` can answer when its input is standard files only. ODCS, ODPS and DCS
//! files cannot carry the glossary, metrics, business entities, source systems or use cases
//! (see the repo bundle's README): a reference to one of them would always look broken, and a
//! rule about them has nothing to look at. Those rules are skipped and named in one note
//! instead; every rule the files can answer (contracts, products, ports, their references to
//! each other, domains and teams) still runs.
//!
//! The list lives here rather than in the check crate because it is about what the CLI's
//! input can hold; a test keeps it in step with the rule catalog.

use dpstudio_check::Diagnostic;

/// Rules whose subject or target only a workspace holds.
pub const NOT_CHECKABLE_FROM_SPECS: &[&str] = &[
    // References to glossary terms, metrics and source systems the files cannot define.
    "references.glossary-link",
    "references.property-metric",
    "references.input-system",
    // Metrics, business entities and use cases are not in any standard file.
    "references.metric-measure",
    "references.entity-implementation",
    "references.use-case-port",
    "structure.glossary-required",
    "structure.glossary-definition",
    "structure.metric-required",
    "structure.context-required",
    // Verdicts that need the use cases or the source systems to be known.
    "graph.unconsumed-product",
    "graph.consumer-aligned-without-use-case",
    "graph.unread-source-system",
];

/// Drops the diagnostics of rules that do not apply to standard files alone.
pub fn keep_checkable(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.retain(|d| !NOT_CHECKABLE_FROM_SPECS.contains(&d.rule));
}

/// The one line that says what was skipped.
pub fn note() -> String {
    format!("note: not checkable from spec files alone: {}", NOT_CHECKABLE_FROM_SPECS.join(", "))
}

#[cfg(test)]
mod tests {
    use super::NOT_CHECKABLE_FROM_SPECS;

    #[test]
    fn every_skipped_rule_is_in_the_catalog() {
        for id in NOT_CHECKABLE_FROM_SPECS {
            assert!(dpstudio_check::catalog().iter().any(|r| r.id == *id), "{id} is not a rule id any more");
        }
    }
}
