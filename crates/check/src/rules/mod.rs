//! The rules, one family per file. To add a rule: write its function next to its family's
//! others, add it to [`ALL`], and add a firing case to that family's tests. A product or
//! contract rule may read only what `engine::Check` allows, or incremental checks go stale.

mod graph;
mod principles;
pub(crate) mod property_pass;
mod references;
pub(crate) mod schema_pass;
mod sources;
mod structure;
mod values;

pub(crate) use structure::{report_quality_rules, PARTITION_KEY_POSITION, PRIMARY_KEY_POSITION, QUALITY_RULE};
pub(crate) use values::classifies_personal_data;
pub(crate) mod walk;

use dpstudio_model::{DataContract, DataProduct, InputSource};

use crate::diagnostic::{EntityKind, Location};
use crate::engine::Rule;
use crate::index::Index;

/// Every rule, family by family, in catalog order.
pub static ALL: &[Rule] = &[
    // structure (34)
    structure::PRODUCT_NAME,
    structure::PRODUCT_ID,
    structure::PRODUCT_VERSION,
    structure::PORT_REQUIRED,
    structure::DUPLICATE_PORT_ID,
    structure::SLO_VALUE,
    structure::CONTRACT_NAME,
    structure::CONTRACT_ID,
    structure::CONTRACT_VERSION,
    structure::CONTRACT_SCHEMA,
    structure::EMPTY_OBJECT,
    structure::OBJECT_NAME,
    structure::DUPLICATE_OBJECT_NAME,
    structure::PROPERTY_NAME,
    structure::PROPERTY_NAME_FORMAT,
    structure::DUPLICATE_PROPERTY_NAME,
    structure::LOGICAL_TYPE_MISSING,
    structure::UNKNOWN_LOGICAL_TYPE,
    structure::PRIMARY_KEY_NULLABLE,
    structure::PRIMARY_KEY_POSITION,
    structure::PARTITION_KEY_POSITION,
    structure::ENUM_TYPE,
    structure::EXAMPLES_TYPE,
    structure::QUALITY_RULE,
    structure::SLA_VALUE,
    structure::DUPLICATE_PRODUCT_ID,
    structure::DUPLICATE_CONTRACT_ID,
    structure::DUPLICATE_CONTEXT_ID,
    structure::DOMAIN_REQUIRED,
    structure::TEAM_REQUIRED,
    structure::GLOSSARY_REQUIRED,
    structure::GLOSSARY_DEFINITION,
    structure::METRIC_REQUIRED,
    structure::CONTEXT_REQUIRED,
    // references (21)
    references::PORT_CONTRACT,
    references::PORT_CONTRACT_VERSION,
    references::INPUT_PRODUCT,
    references::INPUT_PORT,
    references::INPUT_SYSTEM,
    references::INPUT_CONTRACT,
    references::INPUT_CONTRACT_MISMATCH,
    references::PRODUCT_DOMAIN,
    references::PRODUCT_TEAM,
    references::CONTRACT_DOMAIN,
    references::CONTRACT_TEAM,
    references::CONTRACT_PRODUCT,
    references::CONTRACT_NOT_EXPOSED,
    references::GLOSSARY_LINK,
    references::PROPERTY_METRIC,
    references::RELATIONSHIP_TARGET,
    references::TRANSFORM_SOURCE,
    references::METRIC_MEASURE,
    references::USE_CASE_PORT,
    references::CONTEXT_LINK,
    references::ENTITY_IMPLEMENTATION,
    // graph (9)
    graph::LINEAGE_CYCLE,
    graph::ORPHAN_CONTRACT,
    graph::UNCONSUMED_PRODUCT,
    graph::UNREAD_SOURCE_SYSTEM,
    graph::CONSUMER_ALIGNED_WITHOUT_USE_CASE,
    graph::DOMAIN_CYCLE,
    graph::SOURCE_ALIGNED_WITHOUT_SYSTEM,
    graph::DERIVED_WITHOUT_INPUTS,
    graph::DUPLICATE_INPUT,
    // principles (18)
    principles::OUTPUT_PORT_CONTRACT,
    principles::PRODUCT_OWNER,
    principles::PRODUCT_PURPOSE,
    principles::PRODUCT_SLO,
    principles::PRODUCT_SUPPORT,
    principles::LAYER_NAMING,
    principles::LAYER_HOP,
    principles::PII_PASSTHROUGH,
    principles::PII_LINEAGE,
    principles::PII_PUBLIC,
    principles::FRESHNESS_SLO,
    principles::ACTIVE_EXPOSES_DRAFT,
    principles::ACTIVE_READS_DEPRECATED,
    principles::CONTRACT_QUALITY,
    principles::CONTRACT_SLA,
    principles::CONTRACT_PURPOSE,
    principles::CONTRACT_OWNER,
    principles::BUSINESS_CONTEXT,
];

fn product_at(product: &DataProduct, path: impl Into<String>) -> Location {
    Location::new(EntityKind::Product, &product.id, path)
}

fn contract_at(contract: &DataContract, path: impl Into<String>) -> Location {
    Location::new(EntityKind::Contract, &contract.id, path)
}

/// The products a product reads, once each, in input order. An id names one product, so a
/// product is a repeat when an earlier input names the same id; checking that instead of
/// collecting the products saves a vector per asking product.
fn input_products<'i, 'w>(index: &'i Index<'w>, product: &'i DataProduct) -> impl Iterator<Item = &'w DataProduct> + 'i {
    let upstream_id = |port: &'i dpstudio_model::InputPort| match &port.source {
        InputSource::Product { product: id, .. } => Some(id.as_str()),
        InputSource::System { .. } => None,
    };
    let ports = &product.input_ports;
    ports.iter().enumerate().filter_map(move |(i, port)| {
        let id = upstream_id(port)?;
        let repeat = ports.iter().take(i).any(|earlier| upstream_id(earlier) == Some(id));
        if repeat {
            None
        } else {
            index.product(id)
        }
    })
}

/// The contracts a product reads; see [`Index::input_contracts`].
fn input_contracts<'i, 'w>(index: &'i Index<'w>, product: &DataProduct) -> std::borrow::Cow<'i, [(usize, &'w DataContract)]> {
    index.input_contracts(product)
}

#[cfg(test)]
pub(crate) mod testing;
