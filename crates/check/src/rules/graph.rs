//! The graph of products, ports, use cases and sources: lineage must not loop, and every
//! contract, product and source should be connected to someone who needs it.

use dpstudio_model::{DataContract, DataProduct, InputSource, ProductKind, Status};

use super::{contract_at, product_at};
use crate::diagnostic::{EntityKind, Location, Severity};
use crate::engine::{Check, Family, Rule, Sink};
use crate::hash::{FastMap, FastSet};
use crate::index::Index;
use crate::lineage::ProductGraph;

const fn rule(
    id: &'static str,
    severity: Severity,
    summary: &'static str,
    rationale: &'static str,
    check: Check,
) -> Rule {
    Rule { id, family: Family::Graph, severity, summary, rationale, check }
}

pub const LINEAGE_CYCLE: Rule = rule(
    "graph.lineage-cycle",
    Severity::Error,
    "Data products read each other in a cycle.",
    "A cycle has no first product to build: no schedule, no root cause, and every change ripples forever.",
    Check::Workspace(lineage_cycle),
);

fn lineage_cycle(index: &Index, sink: &mut Sink) {
    let graph = ProductGraph::from_index(index);
    for cycle in graph.cycles() {
        let members: FastSet<&str> = cycle.iter().copied().collect();
        let names = cycle.join(" → ");
        for id in &cycle {
            let Some(product) = index.product(id) else { continue };
            let port = product.input_ports.iter().position(
                |p| matches!(&p.source, InputSource::Product { product: up, .. } if members.contains(up.as_str())),
            );
            let path = port.map_or_else(|| "inputPorts".to_owned(), |i| format!("inputPorts[{i}].source.product"));
            sink.emit(
                product_at(product, path),
                format!("'{}' is part of a lineage cycle: {names}", product.name),
                "Break the cycle: one of these products must not read the others (split it, or read a source instead).",
            );
        }
    }
}

pub const ORPHAN_CONTRACT: Rule = rule(
    "graph.orphan-contract",
    Severity::Warning,
    "A data contract is not bound to any port.",
    "A contract no port serves or reads is a promise nobody keeps; it drifts from reality unnoticed.",
    Check::Contract(orphan_contract),
);

fn orphan_contract(index: &Index, contract: &DataContract, sink: &mut Sink) {
    if !index.is_contract_used(&contract.id) && contract.status != Status::Retired {
        sink.emit(
            contract_at(contract, "id"),
            format!("contract '{}' is not bound to any port", contract.name),
            "Bind it to the output port that serves this data, or retire the contract.",
        );
    }
}

pub const UNCONSUMED_PRODUCT: Rule = rule(
    "graph.unconsumed-product",
    Severity::Info,
    "No product reads this data product and no use case consumes it.",
    "Products exist for a consumer; one nobody uses is the 'copy it just in case' habit of layered lakes.",
    Check::Product(unconsumed_product),
);

fn unconsumed_product(index: &Index, product: &DataProduct, sink: &mut Sink) {
    if product.status != Status::Retired
        && !index.is_read_by_a_product(&product.id)
        && !index.is_consumed_by_use_case(&product.id)
    {
        sink.emit(
            product_at(product, "outputPorts"),
            format!("nobody consumes '{}'", product.name),
            "Add the use case it serves (or the product that reads it), or reconsider whether it is needed.",
        );
    }
}

pub const UNREAD_SOURCE_SYSTEM: Rule = rule(
    "graph.unread-source-system",
    Severity::Info,
    "No data product reads this source system.",
    "A source nobody turns into a product is either missing a source-aligned product or stale context.",
    Check::Workspace(unread_source_system),
);

fn unread_source_system(index: &Index, sink: &mut Sink) {
    let read: FastSet<&str> = index
        .workspace
        .products
        .iter()
        .flat_map(|p| &p.input_ports)
        .filter_map(|port| match &port.source {
            InputSource::System { system } => Some(system.as_str()),
            InputSource::Product { .. } => None,
        })
        .collect();
    for system in &index.workspace.context.source_systems {
        if !read.contains(system.id.as_str()) {
            sink.emit(
                Location::new(EntityKind::SourceSystem, &system.id, "id"),
                format!("no product reads source system '{}'", system.name),
                "Add a source-aligned product reading it, or remove it from the context.",
            );
        }
    }
}

pub const CONSUMER_ALIGNED_WITHOUT_USE_CASE: Rule = rule(
    "graph.consumer-aligned-without-use-case",
    Severity::Warning,
    "A consumer-aligned product serves no use case.",
    "Consumer-aligned means built for named consumers; without a use case it is a gold table by another name.",
    Check::Product(consumer_aligned_without_use_case),
);

fn consumer_aligned_without_use_case(index: &Index, product: &DataProduct, sink: &mut Sink) {
    if product.kind == ProductKind::ConsumerAligned && !index.is_consumed_by_use_case(&product.id) {
        sink.emit(
            product_at(product, "kind"),
            format!("consumer-aligned '{}' serves no use case", product.name),
            "Add the use case that consumes one of its output ports.",
        );
    }
}

pub const DOMAIN_CYCLE: Rule = rule(
    "graph.domain-cycle",
    Severity::Error,
    "Domains are each other's parents in a cycle.",
    "Subdomains form a tree; a loop has no top-level domain to own it.",
    Check::Workspace(domain_cycle),
);

fn domain_cycle(index: &Index, sink: &mut Sink) {
    let domains = &index.workspace.context.domains;
    let parent: FastMap<&str, &str> =
        domains.iter().filter_map(|d| d.parent.as_deref().map(|p| (d.id.as_str(), p))).collect();
    // 0 = unvisited, 1 = on the current walk, 2 = done; each domain is walked once.
    let mut state: FastMap<&str, u8> = FastMap::default();
    let mut in_cycle: FastSet<&str> = FastSet::default();
    for start in domains {
        let mut walk = Vec::new();
        let mut at = Some(start.id.as_str());
        while let Some(id) = at {
            match state.get(id).copied().unwrap_or(0) {
                0 => {
                    state.insert(id, 1);
                    walk.push(id);
                    at = parent.get(id).copied();
                }
                1 => {
                    let from = walk.iter().position(|w| *w == id).unwrap_or(0);
                    in_cycle.extend(walk.get(from..).unwrap_or_default().iter().copied());
                    break;
                }
                _ => break,
            }
        }
        for id in walk {
            state.insert(id, 2);
        }
    }
    for domain in domains {
        if in_cycle.remove(domain.id.as_str()) {
            sink.emit(
                Location::new(EntityKind::Domain, &domain.id, "parent"),
                format!("domain '{}' is its own ancestor", domain.name),
                "Remove one parent link so the domains form a tree.",
            );
        }
    }
}

pub const SOURCE_ALIGNED_WITHOUT_SYSTEM: Rule = rule(
    "graph.source-aligned-without-system",
    Severity::Warning,
    "A source-aligned product reads no source system.",
    "Source-aligned products publish an operational system's facts; which system must be on the map.",
    Check::Product(source_aligned_without_system),
);

fn source_aligned_without_system(_: &Index, product: &DataProduct, sink: &mut Sink) {
    let reads_system = product.input_ports.iter().any(|p| matches!(p.source, InputSource::System { .. }));
    if product.kind == ProductKind::SourceAligned && !reads_system {
        sink.emit(
            product_at(product, "inputPorts"),
            format!("source-aligned '{}' reads no source system", product.name),
            "Add an input port from the operational system it publishes, or change its type to aggregate.",
        );
    }
}

pub const DERIVED_WITHOUT_INPUTS: Rule = rule(
    "graph.derived-without-inputs",
    Severity::Warning,
    "An aggregate or consumer-aligned product reads no other data product.",
    "These products are built from other products; without inputs their lineage and quality cannot be traced.",
    Check::Product(derived_without_inputs),
);

fn derived_without_inputs(_: &Index, product: &DataProduct, sink: &mut Sink) {
    let reads_product = product.input_ports.iter().any(|p| matches!(p.source, InputSource::Product { .. }));
    if product.kind != ProductKind::SourceAligned && !reads_product {
        sink.emit(
            product_at(product, "inputPorts"),
            format!("'{}' ({}) reads no data product", product.name, product.kind.label()),
            "Add input ports from the products it is built on.",
        );
    }
}

pub const DUPLICATE_INPUT: Rule = rule(
    "graph.duplicate-input",
    Severity::Warning,
    "Two input ports of one product read the same port or source system.",
    "A doubled input doubles lineage edges and usually means a copy-paste slip.",
    Check::Product(duplicate_input),
);

fn duplicate_input(_: &Index, product: &DataProduct, sink: &mut Sink) {
    // A handful of inputs: comparing with the earlier ones costs less than a set per product.
    let small = product.input_ports.len() <= 16;
    let mut seen = FastSet::default();
    for (i, port) in product.input_ports.iter().enumerate() {
        let repeated = if small {
            product.input_ports.iter().take(i).any(|earlier| earlier.source == port.source)
        } else {
            !seen.insert(&port.source)
        };
        if repeated {
            sink.emit(
                product_at(product, format!("inputPorts[{i}].source")),
                format!("input '{}' of '{}' reads the same source as an earlier input", port.name, product.name),
                "Remove the duplicate input port.",
            );
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use dpstudio_model::*;

    use crate::rules::testing::{assert_cases, assert_silent, Case};

    pub(crate) const CASES: &[Case] = &[
        ("graph.lineage-cycle", "inputPorts[1].source.product", |ws| {
            let back = InputPort {
                id: "sales-in".into(),
                name: "Sales".into(),
                source: InputSource::Product { product: "daily-sales".into(), port: "daily-sales-table".into() },
                ..Default::default()
            };
            ws.products[0].input_ports.push(back);
        }),
        ("graph.orphan-contract", "id", |ws| {
            let mut spare = ws.contracts[1].clone();
            spare.id = "spare".into();
            ws.contracts.push(spare);
        }),
        ("graph.unconsumed-product", "outputPorts", |ws| ws.context.use_cases.clear()),
        ("graph.unread-source-system", "id", |ws| {
            let erp = SourceSystem { id: "erp".into(), name: "ERP".into(), ..Default::default() };
            ws.context.source_systems.push(erp);
        }),
        ("graph.consumer-aligned-without-use-case", "kind", |ws| {
            ws.products[1].kind = ProductKind::ConsumerAligned;
            ws.context.use_cases.clear();
        }),
        ("graph.domain-cycle", "parent", |ws| ws.context.domains[0].parent = Some("sales".into())),
        ("graph.domain-cycle", "parent", |ws| {
            let other = Domain { id: "b".into(), name: "B".into(), parent: Some("sales".into()), ..Default::default() };
            ws.context.domains.push(other);
            ws.context.domains[0].parent = Some("b".into());
        }),
        ("graph.source-aligned-without-system", "inputPorts", |ws| ws.products[0].input_ports.clear()),
        ("graph.derived-without-inputs", "inputPorts", |ws| ws.products[1].input_ports.clear()),
        ("graph.duplicate-input", "inputPorts[1].source", |ws| {
            let mut again = ws.products[1].input_ports[0].clone();
            again.id = "orders-in-2".into();
            ws.products[1].input_ports.push(again);
        }),
    ];

    #[test]
    fn each_graph_rule_fires_on_its_edit() {
        assert_cases(CASES);
    }

    #[test]
    fn graph_rules_stay_silent_on_near_misses() {
        assert_silent(&[
            // A diamond (two paths to one product) is not a cycle.
            ("graph.lineage-cycle", |ws| {
                let mut third = ws.products[1].clone();
                third.id = "weekly-sales".into();
                third.input_ports.push(InputPort {
                    id: "daily-in".into(),
                    name: "Daily".into(),
                    source: InputSource::Product { product: "daily-sales".into(), port: "daily-sales-table".into() },
                    ..Default::default()
                });
                ws.products.push(third);
            }),
            // A retired contract need not be bound.
            ("graph.orphan-contract", |ws| {
                let mut old = ws.contracts[1].clone();
                old.id = "old".into();
                old.status = Status::Retired;
                ws.contracts.push(old);
            }),
            // A domain tree of depth two is fine.
            ("graph.domain-cycle", |ws| {
                let child = Domain { id: "b".into(), name: "B".into(), parent: Some("sales".into()), ..Default::default() };
                ws.context.domains.push(child);
            }),
        ]);
    }
}
