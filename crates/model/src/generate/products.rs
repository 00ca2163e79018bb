//! One product at a time: its input ports (source systems or upstream ports), its output
//! ports, and one contract per port whose fields partly derive from the upstream contracts.

// Struct literals end in `..Default::default()` even when every field is set, so the generator
// keeps compiling when the model grows a field.
#![allow(clippy::needless_update)]

use std::collections::BTreeSet;

use super::rng::Rng;
use super::vocabulary::*;
use super::*;

pub(super) fn product(w: &mut Workspace, plans: &[Plan], inputs: &[(usize, usize)], i: usize, plan: Plan, rng: &mut Rng) {
    let (domain, domain_name, nouns) = DOMAINS[plan.domain];
    let noun = nouns[plan.noun];
    let id = product_id(plans, i);
    let team = format!("{domain}-{}", if plan.level == 0 { "platform" } else { "insights" });
    let name = format!("{} {} {i}", title(noun), plan.kind.label().to_lowercase());

    let mut input_ports = Vec::new();
    if plan.level == 0 {
        for s in 0..rng.range(1, 2) {
            let tech = SYSTEM_TECH[(plan.domain + s) % SYSTEM_TECH.len()];
            input_ports.push(InputPort {
                id: format!("from-{tech}"),
                name: format!("{domain_name} {tech}"),
                source: InputSource::System { system: format!("{domain}-{tech}") },
                ..Default::default()
            });
        }
    }
    for (n, &(up, port)) in inputs.iter().enumerate() {
        let contract = contract_id(plans, up, port);
        input_ports.push(InputPort {
            id: format!("in-{n}"),
            name: format!("Reads {}", product_id(plans, up)),
            source: InputSource::Product { product: product_id(plans, up), port: port_id(port) },
            contract: Some(ContractRef { id: contract, version: version(up, port) }),
            ..Default::default()
        });
    }

    // Products are built in order and each pushes one contract per port, so the contract of
    // an upstream port is at the sum of the port counts before it, plus the port.
    let upstream: Vec<usize> = inputs
        .iter()
        .map(|&(up, port)| plans[..up].iter().map(|p| p.ports).sum::<usize>() + port)
        .filter(|&c| c < w.contracts.len())
        .collect();
    let mut output_ports = Vec::new();
    for port in 0..plan.ports {
        let kind = PortKind::ALL[(i + port) % PortKind::ALL.len()];
        let cid = contract_id(plans, i, port);
        output_ports.push(OutputPort {
            id: port_id(port),
            name: format!("{noun}_{}_{port}", kind.as_str()),
            kind,
            contract: Some(ContractRef { id: cid.clone(), version: version(i, port) }),
            ..Default::default()
        });
        let c = contract(w, &upstream, ContractPlan { id: cid, product: &id, index: i, port, plan, noun, team: &team }, rng);
        w.contracts.push(c);
    }

    let hours = latency_hours(plan.level);
    w.products.push(DataProduct {
        id: id.clone(),
        name,
        version: format!("1.{}.0", i % 5),
        status: if i.is_multiple_of(11) { Status::Draft } else { Status::Active },
        kind: plan.kind,
        domain: Some(domain.into()),
        owner_team: Some(team.clone()),
        purpose: format!(
            "{} {} data for the {domain_name} domain, so its consumers need not rebuild it.",
            plan.kind.label(),
            noun.replace('_', " ")
        ),
        description: format!("Generated product {i} at lineage level {}.", plan.level),
        tags: vec![domain.into(), format!("level-{}", plan.level)],
        input_ports,
        output_ports,
        management_ports: vec![ManagementPort {
            id: "observability".into(),
            name: "Quality results".into(),
            kind: "dashboard".into(),
            url: format!("https://observability.example.com/{id}"),
            ..Default::default()
        }],
        support: vec![SupportChannel {
            channel: format!("#{team}"),
            tool: "slack".into(),
            ..Default::default()
        }],
        slos: vec![
            Slo { property: "latency".into(), value: hours.into(), unit: "h".into(), ..Default::default() },
            Slo { property: "availability".into(), value: 99.5.into(), unit: "%".into(), ..Default::default() },
        ],
        ..Default::default()
    });
}

pub(super) fn port_id(port: usize) -> String {
    format!("out-{port}")
}

pub(super) struct ContractPlan<'a> {
    pub(super) id: String,
    pub(super) product: &'a str,
    pub(super) index: usize,
    pub(super) port: usize,
    pub(super) plan: Plan,
    pub(super) noun: &'static str,
    pub(super) team: &'a str,
}

pub(super) fn contract(w: &Workspace, upstream: &[usize], cp: ContractPlan, rng: &mut Rng) -> DataContract {
    let object = format!("{}_{}", cp.noun, cp.port);
    let target = rng.range(16, 24);
    let mut used = BTreeSet::new();
    let mut properties = Vec::with_capacity(target);

    let key = format!("{}_id", cp.noun);
    used.insert(key.clone());
    properties.push(Property {
        name: key.clone(),
        logical_type: "string".into(),
        physical_type: "varchar(36)".into(),
        required: true,
        unique: true,
        primary_key: true,
        primary_key_position: Some(1),
        semantic_type: "identifier".into(),
        classification: "internal".into(),
        glossary: vec![cp.noun.replace('_', "-")],
        quality: vec![
            library_rule("nullValues", "mustBe", 0, "completeness"),
            library_rule("duplicateValues", "mustBe", 0, "uniqueness"),
        ],
        ..Default::default()
    });

    // About half the fields come from upstream contracts, with their lineage and meaning.
    for &u in upstream {
        let up = &w.contracts[u];
        let Some(up_object) = up.schema.first() else { continue };
        let up_key = up_object.properties.first();
        if let Some(k) = up_key {
            if used.insert(k.name.clone()) {
                let reference = format!("{}/{}.{}", up.id, up_object.name, k.name);
                properties.push(Property {
                    name: k.name.clone(),
                    logical_type: k.logical_type.clone(),
                    physical_type: k.physical_type.clone(),
                    required: true,
                    semantic_type: "identifier".into(),
                    classification: "internal".into(),
                    glossary: k.glossary.clone(),
                    relationships: vec![Relationship { to: reference.clone(), ..Default::default() }],
                    transform_source_objects: vec![reference],
                    ..Default::default()
                });
            }
        }
        let share = target / 2 / upstream.len().max(1);
        for source in up_object.properties.iter().skip(1).filter(|p| p.properties.is_empty()).take(share) {
            if !used.insert(source.name.clone()) {
                continue;
            }
            let mut derived = source.clone();
            derived.primary_key = false;
            derived.primary_key_position = None;
            derived.unique = false;
            derived.relationships.clear();
            derived.transform_source_objects = vec![format!("{}/{}.{}", up.id, up_object.name, source.name)];
            derived.transform_logic = if rng.chance(30) { "cast and rename".into() } else { String::new() };
            properties.push(derived);
        }
    }

    while properties.len() < target {
        let column = &COLUMNS[rng.below(COLUMNS.len())];
        if !used.insert(column.name.to_owned()) {
            continue;
        }
        properties.push(column_property(column, rng));
    }
    if cp.plan.level == 0 && rng.chance(30) {
        properties.push(address());
    }

    let hours = latency_hours(cp.plan.level);
    let updated = properties.iter().find(|p| p.logical_type == "timestamp").map(|p| p.name.clone());
    let mut sla = vec![
        sla("latency", hours.into(), "h"),
        sla("availability", 99.5.into(), "%"),
        sla("retention", 3.into(), "y"),
        sla("frequency", 1.into(), "h"),
    ];
    if let Some(element) = updated {
        sla[0].element = format!("{object}.{element}");
    }

    DataContract {
        id: cp.id.clone(),
        name: format!("{} {}", title(cp.noun), cp.port),
        version: version(cp.index, cp.port),
        status: if cp.index.is_multiple_of(11) { Status::Draft } else { Status::Active },
        domain: Some(DOMAINS[cp.plan.domain].0.into()),
        data_product: Some(cp.product.to_owned()),
        description: ContractDescription {
            purpose: format!("{} records published by {}.", title(cp.noun), cp.product),
            usage: "Join on the primary key; filter on event dates.".into(),
            limitations: "Generated data; not for production.".into(),
        },
        schema: vec![SchemaObject {
            name: object.clone(),
            physical_name: format!("{}_{}", cp.product.replace('-', "_"), cp.port),
            physical_type: "table".into(),
            business_name: format!("{} records", title(cp.noun)),
            description: format!("One row per {}.", cp.noun.replace('_', " ")),
            properties,
            quality: vec![library_rule("rowCount", "mustBeGreaterThan", 0, "completeness")],
            ..Default::default()
        }],
        quality: vec![QualityRule {
            name: "freshness".into(),
            kind: QualityKind::Sql,
            description: "No record older than the latency promise.".into(),
            query: format!("SELECT COUNT(*) FROM {object} WHERE updated_at < now() - interval '{hours} hours'"),
            operator: "mustBe".into(),
            threshold: 0.into(),
            dimension: "timeliness".into(),
            severity: "warning".into(),
            ..Default::default()
        }],
        sla,
        servers: vec![Server {
            server: "production".into(),
            kind: "snowflake".into(),
            environment: "prod".into(),
            ..Default::default()
        }],
        team: Some(cp.team.to_owned()),
        roles: vec![AccessRole { role: "reader".into(), access: "read".into(), ..Default::default() }],
        tags: vec![format!("level-{}", cp.plan.level)],
        ..Default::default()
    }
}

pub(super) fn column_property(column: &Column, rng: &mut Rng) -> Property {
    Property {
        name: column.name.into(),
        logical_type: column.logical.into(),
        physical_type: column.physical.into(),
        semantic_type: column.semantic.into(),
        required: rng.chance(40),
        pii: column.pii,
        classification: if column.pii { "restricted".into() } else { "internal".into() },
        glossary: column.term.map(|t| vec![t.to_owned()]).unwrap_or_default(),
        enum_values: column.values.iter().map(|v| EnumValue::new(*v)).collect(),
        examples: column.values.first().map(|v| vec![(*v).into()]).unwrap_or_default(),
        quality: if rng.chance(25) {
            vec![library_rule("nullValues", "mustBeLessThan", 5, "completeness")]
        } else {
            Vec::new()
        },
        ..Default::default()
    }
}

/// A nested object property, so lineage and diffs meet nested paths too.
pub(super) fn address() -> Property {
    let leaf = |name: &str, pii: bool| Property {
        name: name.into(),
        logical_type: "string".into(),
        pii,
        classification: if pii { "restricted".into() } else { "internal".into() },
        ..Default::default()
    };
    Property {
        name: "address".into(),
        logical_type: "object".into(),
        pii: true,
        classification: "restricted".into(),
        properties: vec![leaf("street", true), leaf("city", false), leaf("country_code", false)],
        ..Default::default()
    }
}

pub(super) fn library_rule(metric: &str, operator: &str, threshold: i64, dimension: &str) -> QualityRule {
    QualityRule {
        kind: QualityKind::Library,
        metric: metric.into(),
        operator: operator.into(),
        threshold: threshold.into(),
        dimension: dimension.into(),
        severity: "error".into(),
        ..Default::default()
    }
}

pub(super) fn sla(property: &str, value: serde_json::Value, unit: &str) -> SlaProperty {
    SlaProperty { property: property.into(), value, unit: unit.into(), ..Default::default() }
}
