//! The business context around the products: domains, teams, source systems, glossary, use
//! cases, the semantic layer, and the canvas layout.

// Struct literals end in `..Default::default()` even when every field is set, so the generator
// keeps compiling when the model grows a field.
#![allow(clippy::needless_update)]

use super::rng::Rng;
use super::vocabulary::*;
use super::*;

pub(super) fn context(w: &mut Workspace, rng: &mut Rng) {
    let c = &mut w.context;
    for (d, (id, name, nouns)) in DOMAINS.iter().enumerate() {
        c.domains.push(Domain {
            id: (*id).into(),
            name: (*name).into(),
            description: format!("{name}: {}.", nouns.join(", ").replace('_', " ")),
            ..Default::default()
        });
        for sub in ["operations", "analytics"] {
            c.domains.push(Domain {
                id: format!("{id}-{sub}"),
                name: format!("{name} {sub}"),
                parent: Some((*id).into()),
                ..Default::default()
            });
        }
        for (t, suffix) in ["platform", "insights"].iter().enumerate() {
            let members = (0..rng.range(1, 3))
                .map(|m| {
                    let first = rng.pick(&FIRST_NAMES, "Alex");
                    let last = rng.pick(&LAST_NAMES, "Doe");
                    Person {
                        name: format!("{first} {last}"),
                        email: format!("{}.{}@example.com", first.to_lowercase(), last.to_lowercase()),
                        role: ROLES[(m + t) % ROLES.len()].into(),
                        ..Default::default()
                    }
                })
                .collect();
            c.teams.push(Team {
                id: format!("{id}-{suffix}"),
                name: format!("{name} {suffix}"),
                domain: Some((*id).into()),
                members,
                ..Default::default()
            });
        }
        for s in 0..2 {
            let tech = SYSTEM_TECH[(d + s) % SYSTEM_TECH.len()];
            c.source_systems.push(SourceSystem {
                id: format!("{id}-{tech}"),
                name: format!("{name} {tech}"),
                technology: tech.into(),
                domain: Some((*id).into()),
                description: format!("Operational {tech} system of {name}."),
                ..Default::default()
            });
        }
        for noun in nouns {
            c.glossary.push(GlossaryTerm {
                id: noun.replace('_', "-"),
                term: title(noun),
                definition: format!("A {} as the {name} domain records it.", noun.replace('_', " ")),
                owner: Some(format!("{id}-platform")),
                domain: Some((*id).into()),
                ..Default::default()
            });
        }
    }
    for (id, term, definition) in COMMON_TERMS {
        c.glossary.push(GlossaryTerm {
            id: id.into(),
            term: term.into(),
            definition: definition.into(),
            owner: Some("finance-platform".into()),
            ..Default::default()
        });
    }
}


/// Every consumer-aligned product feeds one or two use cases.
pub(super) fn use_cases(w: &mut Workspace, plans: &[Plan], rng: &mut Rng) {
    for (i, plan) in plans.iter().enumerate() {
        if plan.kind != ProductKind::ConsumerAligned {
            continue;
        }
        let product = &w.products[i];
        let domain = DOMAINS[plan.domain].0;
        for u in 0..rng.range(1, 2) {
            let port = &product.output_ports[rng.below(product.output_ports.len())];
            w.context.use_cases.push(UseCase {
                id: format!("{}-use-{u}", product.id),
                name: format!("{} decisions {i}.{u}", title(DOMAINS[plan.domain].2[plan.noun])),
                description: "Weekly decisions taken on this product's outputs.".into(),
                consumer: format!("{domain}-insights"),
                consumes: vec![PortRef { product: product.id.clone(), port: port.id.clone() }],
                ..Default::default()
            });
        }
    }
}

/// One business entity per aggregate contract that has an amount, with a count and a sum
/// measure and a metric over each, capped so large workspaces keep a readable semantic layer.
pub(super) fn semantic(w: &mut Workspace, rng: &mut Rng) {
    let candidates: Vec<(String, String, Vec<String>)> = w
        .contracts
        .iter()
        .filter(|c| c.tags.iter().any(|t| t == "level-1" || t == "level-2"))
        .filter_map(|c| {
            let object = c.schema.first()?;
            let names: Vec<String> = object.properties.iter().map(|p| p.name.clone()).collect();
            names.iter().any(|n| n == "amount").then(|| (c.id.clone(), object.name.clone(), names))
        })
        .take(40)
        .collect();
    for (contract, object, names) in candidates {
        let base = contract.clone();
        let key = names.first().cloned().unwrap_or_default();
        let mut dimensions = Vec::new();
        for (name, kind) in [("created_at", "time"), ("event_date", "time"), ("channel", "categorical"), ("status", "categorical")] {
            if names.iter().any(|n| n == name) {
                dimensions.push(Dimension {
                    id: format!("{base}-{}", name.replace('_', "-")),
                    name: title(name),
                    property: name.into(),
                    kind: kind.into(),
                    ..Default::default()
                });
            }
        }
        let count = format!("{base}-count");
        let total = format!("{base}-amount");
        w.context.semantic.entities.push(BusinessEntity {
            id: format!("{base}-entity"),
            name: format!("{} entity", object),
            implemented_by: Some(format!("{contract}/{object}")),
            dimensions,
            measures: vec![
                Measure { id: count.clone(), name: "Count".into(), aggregation: "count".into(), expression: key, ..Default::default() },
                Measure { id: total.clone(), name: "Amount".into(), aggregation: "sum".into(), expression: "amount".into(), ..Default::default() },
            ],
            ..Default::default()
        });
        let owner = w.contract(&contract).and_then(|c| c.team.clone());
        w.context.semantic.metrics.push(Metric {
            id: format!("{base}-total"),
            name: format!("Total amount of {object}"),
            kind: "simple".into(),
            measures: vec![total.clone()],
            owner: owner.clone(),
            ..Default::default()
        });
        if rng.chance(50) {
            w.context.semantic.metrics.push(Metric {
                id: format!("{base}-average"),
                name: format!("Average amount of {object}"),
                kind: "ratio".into(),
                measures: vec![total, count],
                expression: "amount / count".into(),
                owner,
                ..Default::default()
            });
        }
    }
}

/// Columns by lineage level, left to right: systems, levels 0–4, use cases.
pub(super) fn layout(w: &mut Workspace, plans: &[Plan]) {
    let nodes = &mut w.layout.nodes;
    for (n, system) in w.context.source_systems.iter().enumerate() {
        nodes.insert(node_key(NodeKind::System, &system.id), Point { x: 0.0, y: n as f64 * 120.0 });
    }
    let mut row = [0usize; 5];
    for (i, plan) in plans.iter().enumerate() {
        let y = row[plan.level] as f64 * 120.0;
        row[plan.level] += 1;
        let x = 320.0 * (plan.level + 1) as f64;
        nodes.insert(node_key(NodeKind::Product, &w.products[i].id), Point { x, y });
    }
    for (n, use_case) in w.context.use_cases.iter().enumerate() {
        nodes.insert(node_key(NodeKind::UseCase, &use_case.id), Point { x: 320.0 * 6.0, y: n as f64 * 120.0 });
    }
}

