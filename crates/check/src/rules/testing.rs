//! Helpers for rule tests: a small workspace that passes every rule, to be broken one field
//! at a time.

use dpstudio_model::*;

use crate::check;

/// True when `rule` reports at least one diagnostic on `workspace`.
pub fn fires(workspace: &Workspace, rule: &str) -> bool {
    check(workspace).iter().any(|d| d.rule == rule)
}

/// One domain, one team, one source-aligned product with one output port and its contract.
pub fn sample() -> Workspace {
    Workspace {
        format_version: FORMAT_VERSION,
        id: "test".into(),
        name: "Test".into(),
        context: Context {
            domains: vec![Domain { id: "sales".into(), name: "Sales".into(), ..Default::default() }],
            teams: vec![Team { id: "sales-team".into(), name: "Sales Team".into(), ..Default::default() }],
            ..Default::default()
        },
        products: vec![DataProduct {
            id: "orders".into(),
            name: "Orders".into(),
            version: "1.0.0".into(),
            status: Status::Active,
            kind: ProductKind::SourceAligned,
            domain: Some("sales".into()),
            owner_team: Some("sales-team".into()),
            purpose: "Every confirmed web shop order, for finance and fulfilment.".into(),
            output_ports: vec![OutputPort {
                id: "orders-table".into(),
                name: "orders".into(),
                kind: PortKind::Table,
                contract: Some(ContractRef { id: "orders-contract".into(), version: "1.0.0".into() }),
                ..Default::default()
            }],
            ..Default::default()
        }],
        contracts: vec![DataContract {
            id: "orders-contract".into(),
            name: "Orders".into(),
            version: "1.0.0".into(),
            status: Status::Active,
            data_product: Some("orders".into()),
            schema: vec![SchemaObject {
                name: "orders".into(),
                properties: vec![Property {
                    name: "order_id".into(),
                    logical_type: "string".into(),
                    required: true,
                    primary_key: true,
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[test]
fn sample_passes_every_rule() {
    let diagnostics = check(&sample());
    assert!(diagnostics.is_empty(), "sample workspace should be clean: {diagnostics:#?}");
}
