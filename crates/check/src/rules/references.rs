//! References: every id a product, contract or context entry mentions must name something that
//! exists, and bindings must agree with what they bind (versions, exposing products).

use dpstudio_model::{DataContract, DataProduct, InputSource, Property};

use super::values::blank;
use super::sources::{check_sources, SourceRules};
use super::walk::At;
use super::{contract_at, product_at};
use crate::diagnostic::{EntityKind, Location, Severity};
use crate::engine::{Check, Family, Rule, Sink};
use crate::index::{FieldLookup, Index};

const fn rule(
    id: &'static str,
    severity: Severity,
    summary: &'static str,
    rationale: &'static str,
    check: Check,
) -> Rule {
    Rule { id, family: Family::References, severity, summary, rationale, check }
}

// ---------------------------------------------------------------- products

pub const PORT_CONTRACT: Rule = rule(
    "references.port-contract",
    Severity::Error,
    "An output port is bound to a contract that does not exist.",
    "Consumers rely on the contract a port names; a dangling reference promises nothing.",
    Check::Product(port_contract),
);

fn port_contract(index: &Index, product: &DataProduct, sink: &mut Sink) {
    for (i, port) in product.output_ports.iter().enumerate() {
        let Some(contract) = &port.contract else { continue };
        if index.contract(&contract.id).is_none() {
            sink.emit(
                product_at(product, format!("outputPorts[{i}].contract")),
                format!("output port '{}' names contract '{}', which does not exist", port.name, contract.id),
                "Pick an existing contract for the port, or create the contract.",
            );
        }
    }
}

pub const PORT_CONTRACT_VERSION: Rule = rule(
    "references.port-contract-version",
    Severity::Error,
    "An output port is bound to a contract version other than the contract's current version.",
    "The workspace holds one version of each contract; a port promising another version promises something nobody can read here.",
    Check::Product(port_contract_version),
);

fn port_contract_version(index: &Index, product: &DataProduct, sink: &mut Sink) {
    for (i, port) in product.output_ports.iter().enumerate() {
        let Some(bound) = &port.contract else { continue };
        let Some(contract) = index.contract(&bound.id) else { continue };
        if bound.version != contract.version {
            sink.emit(
                product_at(product, format!("outputPorts[{i}].contract.version")),
                format!(
                    "output port '{}' binds '{}' version {}, but the contract is at {}",
                    port.name, contract.id, bound.version, contract.version
                ),
                format!("Bind the port to version {} (or restore the contract's version).", contract.version),
            );
        }
    }
}

pub const INPUT_PRODUCT: Rule = rule(
    "references.input-product",
    Severity::Error,
    "An input port reads a data product that does not exist.",
    "Lineage, impact analysis and freshness checks follow inputs; a dangling input breaks them.",
    Check::Product(input_product),
);

fn input_product(index: &Index, product: &DataProduct, sink: &mut Sink) {
    for (i, port) in product.input_ports.iter().enumerate() {
        if let InputSource::Product { product: upstream, .. } = &port.source {
            if index.product(upstream).is_none() {
                sink.emit(
                    product_at(product, format!("inputPorts[{i}].source.product")),
                    format!("input '{}' of '{}' reads product '{upstream}', which does not exist", port.name, product.name),
                    "Choose an existing product to read from, or add the missing product.",
                );
            }
        }
    }
}

pub const INPUT_PORT: Rule = rule(
    "references.input-port",
    Severity::Error,
    "An input port reads an output port its upstream product does not have.",
    "Products are read only through their output ports; naming a missing port reads nothing.",
    Check::Product(input_port),
);

fn input_port(index: &Index, product: &DataProduct, sink: &mut Sink) {
    for (i, port) in product.input_ports.iter().enumerate() {
        if let InputSource::Product { product: upstream_id, port: port_id } = &port.source {
            let Some(upstream) = index.product(upstream_id) else { continue };
            if upstream.output_port(port_id).is_none() {
                let ports: Vec<&str> = upstream.output_ports.iter().map(|p| p.id.as_str()).collect();
                sink.emit(
                    product_at(product, format!("inputPorts[{i}].source.port")),
                    format!("'{}' has no output port '{port_id}'", upstream.name),
                    if ports.is_empty() {
                        format!("Add an output port to '{}' first.", upstream.name)
                    } else {
                        format!("Read one of its output ports: {}.", ports.join(", "))
                    },
                );
            }
        }
    }
}

pub const INPUT_SYSTEM: Rule = rule(
    "references.input-system",
    Severity::Error,
    "An input port reads a source system that does not exist.",
    "Source-aligned products document where their data comes from; the system must be in the context.",
    Check::Product(input_system),
);

fn input_system(index: &Index, product: &DataProduct, sink: &mut Sink) {
    for (i, port) in product.input_ports.iter().enumerate() {
        if let InputSource::System { system } = &port.source {
            if !index.has_source_system(system) {
                sink.emit(
                    product_at(product, format!("inputPorts[{i}].source.system")),
                    format!("input '{}' of '{}' reads source system '{system}', which does not exist", port.name, product.name),
                    "Choose an existing source system, or add it to the context.",
                );
            }
        }
    }
}

pub const INPUT_CONTRACT: Rule = rule(
    "references.input-contract",
    Severity::Error,
    "An input port relies on a contract that does not exist.",
    "The contract an input relies on is what the product's own promises are built on.",
    Check::Product(input_contract),
);

fn input_contract(index: &Index, product: &DataProduct, sink: &mut Sink) {
    for (i, port) in product.input_ports.iter().enumerate() {
        let Some(contract) = &port.contract else { continue };
        if index.contract(&contract.id).is_none() {
            sink.emit(
                product_at(product, format!("inputPorts[{i}].contract")),
                format!("input '{}' relies on contract '{}', which does not exist", port.name, contract.id),
                "Pick the contract of the upstream port, or remove the reference.",
            );
        }
    }
}

pub const INPUT_CONTRACT_MISMATCH: Rule = rule(
    "references.input-contract-mismatch",
    Severity::Warning,
    "An input port relies on another contract or version than the upstream port is bound to.",
    "A consumer coded against one contract while the producer promises another will break silently.",
    Check::Product(input_contract_mismatch),
);

fn input_contract_mismatch(index: &Index, product: &DataProduct, sink: &mut Sink) {
    for (i, port) in product.input_ports.iter().enumerate() {
        let (Some(expected), InputSource::Product { product: up, port: up_port }) = (&port.contract, &port.source) else {
            continue;
        };
        let Some(bound) = index.product(up).and_then(|p| p.output_port(up_port)).and_then(|p| p.contract.as_ref())
        else {
            continue;
        };
        if bound != expected {
            sink.emit(
                product_at(product, format!("inputPorts[{i}].contract")),
                format!(
                    "input '{}' relies on {} {}, but the upstream port serves {} {}",
                    port.name, expected.id, expected.version, bound.id, bound.version
                ),
                format!("Update the input to {} {} and review what changed.", bound.id, bound.version),
            );
        }
    }
}

pub const PRODUCT_DOMAIN: Rule = rule(
    "references.product-domain",
    Severity::Error,
    "A data product names a domain that does not exist.",
    "Domains group ownership and the catalog; a product in an unknown domain is lost from both.",
    Check::Product(product_domain),
);

fn product_domain(index: &Index, product: &DataProduct, sink: &mut Sink) {
    if let Some(domain) = &product.domain {
        if !index.has_domain(domain) {
            sink.emit(
                product_at(product, "domain"),
                format!("'{}' is in domain '{domain}', which does not exist", product.name),
                "Choose an existing domain, or add the domain to the context.",
            );
        }
    }
}

pub const PRODUCT_TEAM: Rule = rule(
    "references.product-team",
    Severity::Error,
    "A data product's owner team does not exist.",
    "Ownership must point at a real team, or nobody gets the call when the product breaks.",
    Check::Product(product_team),
);

fn product_team(index: &Index, product: &DataProduct, sink: &mut Sink) {
    if let Some(team) = &product.owner_team {
        if !blank(team) && !index.has_team(team) {
            sink.emit(
                product_at(product, "ownerTeam"),
                format!("'{}' is owned by team '{team}', which does not exist", product.name),
                "Choose an existing team, or add the team to the context.",
            );
        }
    }
}

// ---------------------------------------------------------------- contracts

pub const CONTRACT_DOMAIN: Rule = rule(
    "references.contract-domain",
    Severity::Error,
    "A data contract names a domain that does not exist.",
    "ODCS exports write the domain; an unknown one misfiles the contract in every catalog.",
    Check::Contract(contract_domain),
);

fn contract_domain(index: &Index, contract: &DataContract, sink: &mut Sink) {
    if let Some(domain) = &contract.domain {
        if !index.has_domain(domain) {
            sink.emit(
                contract_at(contract, "domain"),
                format!("contract '{}' is in domain '{domain}', which does not exist", contract.name),
                "Choose an existing domain, or add the domain to the context.",
            );
        }
    }
}

pub const CONTRACT_TEAM: Rule = rule(
    "references.contract-team",
    Severity::Error,
    "A data contract names a team that does not exist.",
    "The contract's team answers for it; an unknown team means nobody does.",
    Check::Contract(contract_team),
);

fn contract_team(index: &Index, contract: &DataContract, sink: &mut Sink) {
    if let Some(team) = &contract.team {
        if !index.has_team(team) {
            sink.emit(
                contract_at(contract, "team"),
                format!("contract '{}' names team '{team}', which does not exist", contract.name),
                "Choose an existing team, or add the team to the context.",
            );
        }
    }
}

pub const CONTRACT_PRODUCT: Rule = rule(
    "references.contract-product",
    Severity::Error,
    "A data contract names a data product that does not exist.",
    "The contract's product is who publishes it; ODCS and ODPS exports link the two.",
    Check::Contract(contract_product),
);

fn contract_product(index: &Index, contract: &DataContract, sink: &mut Sink) {
    if let Some(product) = &contract.data_product {
        if index.product(product).is_none() {
            sink.emit(
                contract_at(contract, "dataProduct"),
                format!("contract '{}' belongs to product '{product}', which does not exist", contract.name),
                "Choose the product that publishes this contract.",
            );
        }
    }
}

pub const CONTRACT_NOT_EXPOSED: Rule = rule(
    "references.contract-not-exposed",
    Severity::Warning,
    "A data contract names a data product, but none of that product's output ports is bound to it.",
    "A contract claims a publisher that does not publish it: consumers cannot find a port to read.",
    Check::Contract(contract_not_exposed),
);

fn contract_not_exposed(index: &Index, contract: &DataContract, sink: &mut Sink) {
    let Some(product) = contract.data_product.as_deref().and_then(|p| index.product(p)) else { return };
    let exposed = product.output_ports.iter().any(|p| p.contract.as_ref().is_some_and(|c| c.id == contract.id));
    if !exposed {
        sink.emit(
            contract_at(contract, "dataProduct"),
            format!("'{}' does not expose contract '{}' on any output port", product.name, contract.name),
            format!("Bind an output port of '{}' to this contract, or correct dataProduct.", product.name),
        );
    }
}

pub const GLOSSARY_LINK: Rule = rule(
    "references.glossary-link",
    Severity::Error,
    "A property links to a glossary term that does not exist.",
    "Glossary links carry the business meaning of a field; a broken link carries none.",
    Check::Property(glossary_link),
);

pub(super) fn glossary_link(index: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    for (i, term) in property.glossary.iter().enumerate() {
        if !index.has_glossary_term(term) {
            sink.emit(
                contract_at(contract, at.field(&format!("glossary[{i}]"))),
                format!("property '{}' links to glossary term '{term}', which does not exist", property.name),
                "Link an existing term, or add the term to the glossary.",
            );
        }
    }
}

pub const PROPERTY_METRIC: Rule = rule(
    "references.property-metric",
    Severity::Error,
    "A property links to a metric or measure that does not exist.",
    "Metric links tie fields to the semantic layer; a broken link misleads metric exports.",
    Check::Property(property_metric),
);

pub(super) fn property_metric(index: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    for (i, metric) in property.metrics.iter().enumerate() {
        if !index.has_metric_or_measure(metric) {
            sink.emit(
                contract_at(contract, at.field(&format!("metrics[{i}]"))),
                format!("property '{}' feeds metric '{metric}', which does not exist", property.name),
                "Link an existing metric or measure, or add it to the semantic model.",
            );
        }
    }
}

pub const RELATIONSHIP_TARGET: Rule = rule(
    "references.relationship-target",
    Severity::Error,
    "A relationship points at a contract, object or property that does not exist.",
    "Foreign keys become joins and constraints in exports; a key to nowhere is a broken join.",
    Check::Property(relationship_target),
);

pub(super) fn relationship_target(index: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    for (i, relationship) in property.relationships.iter().enumerate() {
        let problem = match index.field(&contract.id, &relationship.to) {
            FieldLookup::Found(..) => continue,
            FieldLookup::NoContract => "names a contract that does not exist",
            FieldLookup::NoField => "names no existing object and property",
        };
        sink.emit(
            contract_at(contract, at.field(&format!("relationships[{i}].to"))),
            format!("relationship '{}' of '{}' {problem}", relationship.to, property.name),
            "Write the target as 'object.property' (this contract) or 'contract-id/object.property'.",
        );
    }
}

pub const TRANSFORM_SOURCE: Rule = rule(
    "references.transform-source",
    Severity::Error,
    "A property's lineage (transformSourceObjects) names a field that does not exist.",
    "Field-level lineage drives impact analysis and PII tracking; a broken link hides both.",
    Check::Property(transform_source),
);

pub(super) fn transform_source(index: &Index, contract: &DataContract, at: &At, property: &Property, sink: &mut Sink) {
    check_sources(index, contract, at, property, SourceRules { missing: true, personal: false }, sink);
}

/// Reports lineage source `i` of `property`, which `problem` says why nothing resolves.
pub(super) fn report_missing_source(
    contract: &DataContract,
    at: &At,
    property: &Property,
    (i, source): (usize, &str),
    problem: &str,
    sink: &mut Sink,
) {
    sink.emit(
        contract_at(contract, at.field(&format!("transformSourceObjects[{i}]"))),
        format!("lineage source '{source}' of '{}' {problem}", property.name),
        "Write sources as 'contract-id/object.property', naming an upstream field.",
    );
}

// ---------------------------------------------------------------- workspace

pub const METRIC_MEASURE: Rule = rule(
    "references.metric-measure",
    Severity::Error,
    "A metric is computed from a measure that does not exist.",
    "Metrics are defined over measures; a missing measure makes the metric uncomputable.",
    Check::Workspace(metric_measure),
);

fn metric_measure(index: &Index, sink: &mut Sink) {
    for metric in &index.workspace.context.semantic.metrics {
        for (i, measure) in metric.measures.iter().enumerate() {
            if !index.has_measure(measure) {
                sink.emit(
                    Location::new(EntityKind::Metric, &metric.id, format!("measures[{i}]")),
                    format!("metric '{}' uses measure '{measure}', which does not exist", metric.name),
                    "Pick an existing measure of a business entity, or add the measure.",
                );
            }
        }
    }
}

pub const USE_CASE_PORT: Rule = rule(
    "references.use-case-port",
    Severity::Error,
    "A use case consumes a product or output port that does not exist.",
    "Use cases are why products exist; a use case reading nothing justifies nothing.",
    Check::Workspace(use_case_port),
);

fn use_case_port(index: &Index, sink: &mut Sink) {
    for use_case in &index.workspace.context.use_cases {
        for (i, consumed) in use_case.consumes.iter().enumerate() {
            let (field, problem) = match index.product(&consumed.product) {
                None => ("product", format!("product '{}' does not exist", consumed.product)),
                Some(p) if p.output_port(&consumed.port).is_none() => {
                    ("port", format!("'{}' has no output port '{}'", p.name, consumed.port))
                }
                Some(_) => continue,
            };
            sink.emit(
                Location::new(EntityKind::UseCase, &use_case.id, format!("consumes[{i}].{field}")),
                format!("use case '{}' consumes a missing port: {problem}", use_case.name),
                "Choose an existing product and one of its output ports.",
            );
        }
    }
}

pub const CONTEXT_LINK: Rule = rule(
    "references.context-link",
    Severity::Error,
    "A context entry links to a domain or team that does not exist (team, subdomain, glossary term, metric or source system).",
    "Owners and domains of context entries drive who maintains them; broken links leave them unowned.",
    Check::Workspace(context_link),
);

fn context_link(index: &Index, sink: &mut Sink) {
    let c = &index.workspace.context;
    let mut links: Vec<(EntityKind, &str, &str, bool, &str)> = Vec::new();
    for d in &c.domains {
        links.extend(d.parent.as_deref().map(|p| (EntityKind::Domain, d.id.as_str(), "parent", true, p)));
    }
    for t in &c.teams {
        links.extend(t.domain.as_deref().map(|x| (EntityKind::Team, t.id.as_str(), "domain", true, x)));
    }
    for g in &c.glossary {
        links.extend(g.owner.as_deref().map(|x| (EntityKind::GlossaryTerm, g.id.as_str(), "owner", false, x)));
        links.extend(g.domain.as_deref().map(|x| (EntityKind::GlossaryTerm, g.id.as_str(), "domain", true, x)));
    }
    for m in &c.semantic.metrics {
        links.extend(m.owner.as_deref().map(|x| (EntityKind::Metric, m.id.as_str(), "owner", false, x)));
    }
    for s in &c.source_systems {
        links.extend(s.domain.as_deref().map(|x| (EntityKind::SourceSystem, s.id.as_str(), "domain", true, x)));
    }
    for (kind, id, field, is_domain, target) in links {
        let exists = if is_domain { index.has_domain(target) } else { index.has_team(target) };
        if !exists {
            let what = if is_domain { "domain" } else { "team" };
            sink.emit(
                Location::new(kind, id, field),
                format!("'{id}' names {what} '{target}' as its {field}, which does not exist"),
                format!("Choose an existing {what}, or add it to the context."),
            );
        }
    }
}

pub const ENTITY_IMPLEMENTATION: Rule = rule(
    "references.entity-implementation",
    Severity::Error,
    "A business entity is implemented by a contract object, or reads a dimension property, that does not exist.",
    "The semantic layer is generated from these links; a broken one yields a model over nothing.",
    Check::Workspace(entity_implementation),
);

fn entity_implementation(index: &Index, sink: &mut Sink) {
    for entity in &index.workspace.context.semantic.entities {
        let Some(implemented_by) = &entity.implemented_by else { continue };
        if !implemented_by.contains('/') || !index.object_exists("", implemented_by) {
            sink.emit(
                Location::new(EntityKind::Entity, &entity.id, "implementedBy"),
                format!("entity '{}' is implemented by '{implemented_by}', which does not exist", entity.name),
                "Write 'contract-id/object-name' naming an existing schema object.",
            );
            continue;
        }
        for (i, dimension) in entity.dimensions.iter().enumerate() {
            if blank(&dimension.property) {
                continue;
            }
            let reference = format!("{implemented_by}.{}", dimension.property);
            if !matches!(index.field("", &reference), FieldLookup::Found(..)) {
                sink.emit(
                    Location::new(EntityKind::Entity, &entity.id, format!("dimensions[{i}].property")),
                    format!("dimension '{}' reads '{}', which '{implemented_by}' does not have", dimension.name, dimension.property),
                    "Pick a property of the implementing object.",
                );
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use dpstudio_model::*;

    use crate::rules::testing::{assert_cases, assert_silent, Case};

    fn reads(ws: &mut Workspace, product: &str, port: &str) {
        ws.products[1].input_ports[0].source = InputSource::Product { product: product.into(), port: port.into() };
    }

    pub(crate) const CASES: &[Case] = &[
        ("references.port-contract", "outputPorts[0].contract", |ws| {
            if let Some(c) = ws.products[0].output_ports[0].contract.as_mut() {
                c.id = "nope".into();
            }
        }),
        ("references.port-contract-version", "outputPorts[0].contract.version", |ws| {
            if let Some(c) = ws.products[0].output_ports[0].contract.as_mut() {
                c.version = "2.0.0".into();
            }
        }),
        ("references.input-product", "inputPorts[0].source.product", |ws| reads(ws, "nope", "orders-table")),
        ("references.input-port", "inputPorts[0].source.port", |ws| reads(ws, "orders", "nope")),
        ("references.input-system", "inputPorts[0].source.system", |ws| {
            ws.products[0].input_ports[0].source = InputSource::System { system: "erp".into() }
        }),
        ("references.input-contract", "inputPorts[0].contract", |ws| {
            if let Some(c) = ws.products[1].input_ports[0].contract.as_mut() {
                c.id = "nope".into();
            }
        }),
        ("references.input-contract-mismatch", "inputPorts[0].contract", |ws| {
            if let Some(c) = ws.products[1].input_ports[0].contract.as_mut() {
                c.version = "0.9.0".into();
            }
        }),
        ("references.product-domain", "domain", |ws| ws.products[0].domain = Some("nope".into())),
        ("references.product-team", "ownerTeam", |ws| ws.products[0].owner_team = Some("nope".into())),
        ("references.contract-domain", "domain", |ws| ws.contracts[0].domain = Some("nope".into())),
        ("references.contract-team", "team", |ws| ws.contracts[0].team = Some("nope".into())),
        ("references.contract-product", "dataProduct", |ws| ws.contracts[0].data_product = Some("nope".into())),
        ("references.contract-not-exposed", "dataProduct", |ws| ws.contracts[1].data_product = Some("orders".into())),
        ("references.glossary-link", "schema[0].properties[0].glossary[0]", |ws| {
            ws.contracts[0].schema[0].properties[0].glossary[0] = "nope".into()
        }),
        ("references.property-metric", "schema[0].properties[2].metrics[0]", |ws| {
            ws.contracts[0].schema[0].properties[2].metrics[0] = "nope".into()
        }),
        ("references.relationship-target", "schema[0].properties[0].relationships[0].to", |ws| {
            let to = Relationship { to: "orders-contract/orders.nope".into(), ..Default::default() };
            ws.contracts[1].schema[0].properties[0].relationships = vec![to];
        }),
        ("references.relationship-target", "schema[0].properties[0].relationships[0].to", |ws| {
            let to = Relationship { to: "no-contract/orders.order_id".into(), ..Default::default() };
            ws.contracts[1].schema[0].properties[0].relationships = vec![to];
        }),
        ("references.transform-source", "schema[0].properties[1].transformSourceObjects[0]", |ws| {
            ws.contracts[1].schema[0].properties[1].transform_source_objects[0] = "orders-contract/orders.nope".into()
        }),
        ("references.metric-measure", "measures[0]", |ws| ws.context.semantic.metrics[0].measures[0] = "nope".into()),
        ("references.use-case-port", "consumes[0].port", |ws| ws.context.use_cases[0].consumes[0].port = "nope".into()),
        ("references.use-case-port", "consumes[0].product", |ws| ws.context.use_cases[0].consumes[0].product = "nope".into()),
        ("references.context-link", "domain", |ws| ws.context.teams[0].domain = Some("nope".into())),
        ("references.context-link", "owner", |ws| ws.context.glossary[0].owner = Some("nope".into())),
        ("references.entity-implementation", "dimensions[0].property", |ws| {
            ws.context.semantic.entities[0].dimensions[0].property = "nope".into()
        }),
        ("references.entity-implementation", "implementedBy", |ws| {
            ws.context.semantic.entities[0].implemented_by = Some("orders-contract/nope".into())
        }),
    ];

    #[test]
    fn each_reference_rule_fires_on_its_edit() {
        assert_cases(CASES);
    }

    #[test]
    fn reference_rules_stay_silent_on_near_misses() {
        assert_silent(&[
            // Local (same-contract) and nested targets resolve.
            ("references.relationship-target", |ws| {
                let to = Relationship { to: "daily_sales.revenue".into(), ..Default::default() };
                ws.contracts[1].schema[0].properties[0].relationships = vec![to];
            }),
            ("references.relationship-target", |ws| {
                let child = Property { name: "zip".into(), logical_type: "string".into(), ..Default::default() };
                ws.contracts[0].schema[0].properties[4].properties = vec![child];
                let to = Relationship { to: "orders-contract/orders.email.zip".into(), ..Default::default() };
                ws.contracts[1].schema[0].properties[0].relationships = vec![to];
            }),
            // A property's metrics may name a measure as well as a metric.
            ("references.property-metric", |ws| {
                ws.contracts[1].schema[0].properties[1].metrics = vec!["order-amount".into()]
            }),
            // No declared input contract: nothing to mismatch.
            ("references.input-contract-mismatch", |ws| ws.products[1].input_ports[0].contract = None),
        ]);
    }
}
