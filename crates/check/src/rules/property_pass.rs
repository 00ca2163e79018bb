//! The property rules of one property, called directly rather than through the catalog's
//! function pointers: the shared walk visits every property of the workspace (tens of
//! thousands in a large one), and direct calls let the compiler inline each rule's cheap
//! first test, so a clean property costs a few comparisons instead of fourteen calls.
//!
//! The list must name every property rule of [`super::ALL`]; a test checks that a full check
//! reports exactly what running each rule on its own reports.

use dpstudio_model::{DataContract, Property};

use super::sources::{check_sources, SourceRules};
use super::values::is_logical_type;
use super::walk::At;
use super::{principles, references, structure};
use crate::diagnostic::Diagnostic;
use crate::engine::{PropertyFn, Rule, Sink};
use crate::index::Index;

/// Runs every property rule on one property, except the repeated-name check of an object's
/// own list, which the schema walk does from the name hashes it has (`schema_pass.rs`).
/// `snake_case` is [`super::values::is_snake_case`] of the property's name, found by the walk
/// in the same read of the name as its hash.
#[inline]
pub(crate) fn run_property_rules(
    index: &Index,
    contract: &DataContract,
    at: &At,
    property: &Property,
    snake_case: bool,
    out: &mut Vec<Diagnostic>,
) {
    let mut run = |rule: &'static Rule, check: PropertyFn| check(index, contract, at, property, &mut Sink::new(rule, out));
    // Every property has a name and a type. A snake_case name is neither blank nor badly
    // spelt, and a known logical type is neither missing nor unknown: one inline test of
    // each string clears all four rules for nearly every property.
    if !snake_case {
        run(&structure::PROPERTY_NAME, structure::property_name);
        run(&structure::PROPERTY_NAME_FORMAT, structure::property_name_format);
    }
    if !is_logical_type(&property.logical_type) {
        run(&structure::LOGICAL_TYPE_MISSING, structure::logical_type_missing);
        run(&structure::UNKNOWN_LOGICAL_TYPE, structure::unknown_logical_type);
    }
    // The other rules look at lists and flags that most properties leave empty or unset:
    // skipping a rule with nothing to look at is what keeps a clean property cheap.
    if property.primary_key {
        run(&structure::PRIMARY_KEY_NULLABLE, structure::primary_key_nullable);
    }
    if property.pii {
        run(&principles::PII_PUBLIC, principles::pii_public);
    }
    if !property.enum_values.is_empty() {
        run(&structure::ENUM_TYPE, structure::enum_type);
    }
    if !property.examples.is_empty() {
        run(&structure::EXAMPLES_TYPE, structure::examples_type);
    }
    if !property.glossary.is_empty() {
        run(&references::GLOSSARY_LINK, references::glossary_link);
    }
    if !property.metrics.is_empty() {
        run(&references::PROPERTY_METRIC, references::property_metric);
    }
    if !property.relationships.is_empty() {
        run(&references::RELATIONSHIP_TARGET, references::relationship_target);
    }
    if property.properties.len() > 1 || property.items.is_some() {
        structure::nested_repeats(contract, at, property, &mut Sink::new(&structure::DUPLICATE_PROPERTY_NAME, out));
    }
    if !property.transform_source_objects.is_empty() {
        // Both rules in one pass over the sources, each resolved once.
        let both = SourceRules { missing: true, personal: true };
        check_sources(index, contract, at, property, both, &mut Sink::new(&references::TRANSFORM_SOURCE, out));
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{diagnostic_order, run_rule, Scope};
    use crate::rules::testing::{every_case, sample};
    use crate::{catalog, check, Index};

    /// The direct calls above (and the schema walk's, and its facts for contract rules) must
    /// cover every property rule and report what each property or contract rule reports on
    /// its own: compared on every firing case of every family.
    #[test]
    fn full_check_reports_what_each_property_rule_reports() {
        for (_, _, edit) in every_case() {
            let mut workspace = sample();
            edit(&mut workspace);
            let full = check(&workspace);
            let index = Index::new(&workspace);
            for rule in catalog().iter().filter(|r| matches!(r.scope(), Scope::Property | Scope::Contract)) {
                let mut alone = Vec::new();
                run_rule(rule, &index, &mut alone);
                alone.sort_by(diagnostic_order);
                let in_full: Vec<_> = full.iter().filter(|d| d.rule == rule.id).cloned().collect();
                assert_eq!(alone, in_full, "{}", rule.id);
            }
        }
    }
}
