//! A property's lineage sources (`transformSourceObjects`), resolved once for the two rules
//! that read them: references.transform-source (each source must exist) and
//! principles.pii-lineage (a source holding personal data makes the property personal data).
//! Resolving a reference is the costliest step of a clean property; the full check does it
//! once per source, not once per rule.

use dpstudio_model::{DataContract, Property};

use super::values::classifies_personal_data;
use super::walk::At;
use super::{principles, references};
use crate::engine::Sink;
use crate::index::{Field, Index, Resolved};

/// Which of the two rules to run.
#[derive(Clone, Copy)]
pub(crate) struct SourceRules {
    pub missing: bool,
    pub personal: bool,
}

/// Runs the chosen rules over `property`'s sources; each reports through its own rule.
pub(crate) fn check_sources(
    index: &Index,
    contract: &DataContract,
    at: &At,
    property: &Property,
    rules: SourceRules,
    sink: &mut Sink,
) {
    // pii-lineage reports the first personal source only, and nothing for a marked field.
    let mut personal_pending = rules.personal;
    for (i, source) in property.transform_source_objects.iter().enumerate() {
        let problem = match index.resolve(&contract.id, source) {
            Resolved::Found(_, Field { personal, .. }) => {
                if personal && personal_pending {
                    personal_pending = false;
                    if !classifies_personal_data(property.pii, &property.classification) {
                        let sink = &mut sink.with_rule(&principles::PII_LINEAGE);
                        principles::report_unmarked_derivation(contract, at, property, (i, source), sink);
                    }
                }
                continue;
            }
            Resolved::NoContract => "names a contract that does not exist",
            Resolved::NoField => "names no existing object and property",
        };
        if rules.missing {
            let sink = &mut sink.with_rule(&references::TRANSFORM_SOURCE);
            references::report_missing_source(contract, at, property, (i, source), problem, sink);
        }
    }
}
