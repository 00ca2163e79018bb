//! Helpers for rule tests: a small workspace that passes every rule, to be broken one field
//! at a time, and table-driven assertions on one rule's diagnostics.

use dpstudio_model::*;

use crate::{catalog, check, Diagnostic};

/// True when `rule` reports at least one diagnostic on `workspace`.
pub fn fires(workspace: &Workspace, rule: &str) -> bool {
    check(workspace).iter().any(|d| d.rule == rule)
}

/// A firing case: rule id, the field path one of its diagnostics must point at, and the edit
/// of [`sample`] that breaks the rule.
pub type Case = (&'static str, &'static str, fn(&mut Workspace));

/// Runs the cases: each rule is silent on the sample and fires after its edit at the given
/// path, with a message and a hint.
pub fn assert_cases(cases: &[Case]) {
    for (rule, path, edit) in cases {
        let mut ws = sample();
        assert!(!fires(&ws, rule), "{rule} should be silent on the sample");
        edit(&mut ws);
        let found: Vec<Diagnostic> = check(&ws).into_iter().filter(|d| d.rule == *rule).collect();
        assert!(!found.is_empty(), "{rule} should fire after its edit");
        assert!(
            found.iter().any(|d| d.location.path == *path),
            "{rule} should point at {path}, got {:?}",
            found.iter().map(|d| &d.location.path).collect::<Vec<_>>()
        );
        for d in &found {
            assert!(!d.message.is_empty() && !d.hint.is_empty() && !d.location.path.is_empty(), "{d:?}");
        }
    }
}

/// Near misses: after each edit the rule must still be silent.
/// A near miss: rule id and an edit after which the rule must stay silent.
pub type NearMiss = (&'static str, fn(&mut Workspace));

pub fn assert_silent(cases: &[NearMiss]) {
    for (rule, edit) in cases {
        let mut ws = sample();
        edit(&mut ws);
        let found: Vec<Diagnostic> = check(&ws).into_iter().filter(|d| d.rule == *rule).collect();
        assert!(found.is_empty(), "{rule} should stay silent: {found:#?}");
    }
}

fn text(s: &str) -> String {
    s.to_owned()
}

fn slo(property: &str, value: f64, unit: &str) -> Slo {
    Slo { property: text(property), value: value.into(), unit: text(unit), ..Default::default() }
}

fn sla(property: &str, value: f64, unit: &str) -> SlaProperty {
    SlaProperty { property: text(property), value: value.into(), unit: text(unit), ..Default::default() }
}

fn field(name: &str, logical_type: &str) -> Property {
    Property { name: text(name), logical_type: text(logical_type), required: true, ..Default::default() }
}

fn support() -> Vec<SupportChannel> {
    vec![SupportChannel { channel: text("#sales-data"), tool: text("slack"), ..Default::default() }]
}

/// A source-aligned `orders` product reading the `webshop` system, and an aggregate
/// `daily-sales` reading it, consumed by the `finance-report` use case; each output bound to
/// its contract, with glossary, semantic model, quality rules, SLAs and SLOs in place.
pub fn sample() -> Workspace {
    let context = Context {
        domains: vec![Domain { id: text("sales"), name: text("Sales"), ..Default::default() }],
        teams: vec![Team { id: text("sales-team"), name: text("Sales Team"), domain: Some(text("sales")), ..Default::default() }],
        glossary: vec![
            GlossaryTerm {
                id: text("order"),
                term: text("Order"),
                definition: text("A confirmed purchase."),
                owner: Some(text("sales-team")),
                domain: Some(text("sales")),
                ..Default::default()
            },
            GlossaryTerm { id: text("revenue"), term: text("Revenue"), definition: text("Sum of order amounts."), ..Default::default() },
        ],
        semantic: SemanticModel {
            entities: vec![BusinessEntity {
                id: text("order-entity"),
                name: text("Order"),
                implemented_by: Some(text("orders-contract/orders")),
                dimensions: vec![Dimension { id: text("order-date"), name: text("Order date"), property: text("ordered_at"), ..Default::default() }],
                measures: vec![Measure { id: text("order-amount"), name: text("Amount"), aggregation: text("sum"), expression: text("amount"), ..Default::default() }],
                ..Default::default()
            }],
            metrics: vec![Metric {
                id: text("revenue"),
                name: text("Revenue"),
                measures: vec![text("order-amount")],
                owner: Some(text("sales-team")),
                ..Default::default()
            }],
        },
        use_cases: vec![UseCase {
            id: text("finance-report"),
            name: text("Finance report"),
            consumer: text("sales-team"),
            consumes: vec![PortRef { product: text("daily-sales"), port: text("daily-sales-table") }],
            ..Default::default()
        }],
        source_systems: vec![SourceSystem { id: text("webshop"), name: text("Web shop"), domain: Some(text("sales")), ..Default::default() }],
    };
    let orders = DataProduct {
        id: text("orders"),
        name: text("Orders"),
        version: text("1.0.0"),
        status: Status::Active,
        kind: ProductKind::SourceAligned,
        domain: Some(text("sales")),
        owner_team: Some(text("sales-team")),
        purpose: text("Every confirmed web shop order, for finance and fulfilment."),
        input_ports: vec![InputPort {
            id: text("webshop-db"),
            name: text("Shop database"),
            source: InputSource::System { system: text("webshop") },
            ..Default::default()
        }],
        output_ports: vec![OutputPort {
            id: text("orders-table"),
            name: text("orders"),
            kind: PortKind::Table,
            contract: Some(ContractRef { id: text("orders-contract"), version: text("1.0.0") }),
            ..Default::default()
        }],
        support: support(),
        slos: vec![slo("freshness", 15.0, "m"), slo("availability", 99.5, "%")],
        ..Default::default()
    };
    let daily_sales = DataProduct {
        id: text("daily-sales"),
        name: text("Daily Sales"),
        version: text("1.0.0"),
        status: Status::Active,
        kind: ProductKind::Aggregate,
        domain: Some(text("sales")),
        owner_team: Some(text("sales-team")),
        purpose: text("Revenue per day, the figure finance reports on."),
        input_ports: vec![InputPort {
            id: text("orders-in"),
            name: text("Orders"),
            source: InputSource::Product { product: text("orders"), port: text("orders-table") },
            contract: Some(ContractRef { id: text("orders-contract"), version: text("1.0.0") }),
            ..Default::default()
        }],
        output_ports: vec![OutputPort {
            id: text("daily-sales-table"),
            name: text("daily_sales"),
            kind: PortKind::Table,
            contract: Some(ContractRef { id: text("daily-sales-contract"), version: text("1.0.0") }),
            ..Default::default()
        }],
        support: support(),
        slos: vec![slo("freshness", 1.0, "d")],
        ..Default::default()
    };
    let orders_contract = DataContract {
        id: text("orders-contract"),
        name: text("Orders"),
        version: text("1.0.0"),
        status: Status::Active,
        domain: Some(text("sales")),
        data_product: Some(text("orders")),
        team: Some(text("sales-team")),
        description: ContractDescription { purpose: text("Confirmed web shop orders."), ..Default::default() },
        schema: vec![SchemaObject {
            name: text("orders"),
            properties: vec![
                Property { primary_key: true, glossary: vec![text("order")], ..field("order_id", "string") },
                field("ordered_at", "timestamp"),
                Property {
                    metrics: vec![text("order-amount")],
                    examples: vec![12.5.into()],
                    ..field("amount", "number")
                },
                Property {
                    enum_values: vec![EnumValue::new("web"), EnumValue::new("app")],
                    ..field("channel", "string")
                },
                Property { pii: true, classification: text("restricted"), required: false, ..field("email", "string") },
            ],
            quality: vec![QualityRule {
                kind: QualityKind::Library,
                metric: text("rowCount"),
                operator: text("mustBeGreaterThan"),
                threshold: 0.into(),
                ..Default::default()
            }],
            ..Default::default()
        }],
        sla: vec![sla("latency", 15.0, "m")],
        ..Default::default()
    };
    let daily_sales_contract = DataContract {
        id: text("daily-sales-contract"),
        name: text("Daily sales"),
        version: text("1.0.0"),
        status: Status::Active,
        domain: Some(text("sales")),
        data_product: Some(text("daily-sales")),
        team: Some(text("sales-team")),
        description: ContractDescription { purpose: text("Revenue per day."), ..Default::default() },
        schema: vec![SchemaObject {
            name: text("daily_sales"),
            properties: vec![
                Property { primary_key: true, ..field("day", "date") },
                Property {
                    glossary: vec![text("revenue")],
                    metrics: vec![text("revenue")],
                    transform_source_objects: vec![text("orders-contract/orders.amount")],
                    relationships: vec![],
                    ..field("revenue", "number")
                },
            ],
            ..Default::default()
        }],
        quality: vec![QualityRule {
            kind: QualityKind::Sql,
            query: text("SELECT COUNT(*) FROM daily_sales WHERE revenue < 0"),
            ..Default::default()
        }],
        sla: vec![sla("latency", 1.0, "d")],
        ..Default::default()
    };
    Workspace {
        format_version: FORMAT_VERSION,
        id: text("test"),
        name: text("Test"),
        context,
        products: vec![orders, daily_sales],
        contracts: vec![orders_contract, daily_sales_contract],
        ..Default::default()
    }
}

#[test]
fn sample_passes_every_rule() {
    let diagnostics = check(&sample());
    assert!(diagnostics.is_empty(), "sample workspace should be clean: {diagnostics:#?}");
}

/// The firing cases of every family.
pub fn every_case() -> impl Iterator<Item = &'static Case> {
    [
        super::structure::tests::CASES,
        super::references::tests::CASES,
        super::graph::tests::CASES,
        super::principles::tests::CASES,
    ]
    .into_iter()
    .flatten()
}

#[test]
fn every_rule_has_a_firing_case() {
    let cases: Vec<&str> = every_case().map(|c| c.0).collect();
    for rule in catalog() {
        assert!(cases.contains(&rule.id), "{} has no firing case", rule.id);
    }
}
