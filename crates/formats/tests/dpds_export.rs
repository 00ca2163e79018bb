//! DPDS 1.0.0 descriptors: every product of the retail example and of a generated workspace
//! exports a descriptor valid against the official schema (../shared/reference), whose ports'
//! promises reference the ODCS files of the repo bundle.

mod support;

use dpstudio_formats::dpds;
use dpstudio_model::Workspace;
use serde_json::Value;

fn retail() -> Workspace {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
    dpstudio_model::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn all_valid(w: &Workspace) {
    let Some(reference) = support::reference() else { return };
    let schema = support::schema(&reference.join("odm-dpds/schema/dpds-v1.0.0.schema.json"));
    // The schema does reject what misses its required parts.
    assert!(!support::schema_errors(&schema, &serde_json::json!({ "dataProductDescriptor": "1.0.0", "info": {} })).is_empty());
    let mut failures = Vec::new();
    for p in &w.products {
        let value: Value = serde_json::from_str(&dpds::export(p, w)).expect("the export is JSON");
        let errors = support::schema_errors(&schema, &value);
        if !errors.is_empty() {
            failures.push(format!("{}: {}", p.id, errors.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn retail_descriptors_are_valid() {
    all_valid(&retail());
}

#[test]
fn generated_descriptors_are_valid() {
    let w = dpstudio_model::generate(20, 1);
    assert_eq!(w.products.len(), 20);
    all_valid(&w);
}

#[test]
fn descriptors_carry_identity_owner_and_contract_references() {
    let w = retail();
    let daily = w.product("daily-revenue").unwrap();
    let d: Value = serde_json::from_str(&dpds::export(daily, &w)).unwrap();
    assert_eq!(d["dataProductDescriptor"], "1.0.0");
    assert_eq!(d["info"]["fullyQualifiedName"], format!("urn:dpds:{}:dataproducts:daily-revenue:1", w.id));
    assert_eq!(d["info"]["name"], "daily-revenue");
    assert_eq!(d["info"]["version"], "1.0.0");
    assert_eq!(d["info"]["domain"], "Sales");
    assert_eq!(d["info"]["owner"]["id"], "lea.novak@example.com");
    let out = &d["interfaceComponents"]["outputPorts"][0];
    assert_eq!(out["name"], "daily-revenue-table");
    assert_eq!(out["version"], "1.0.0");
    let api = &out["promises"]["api"];
    assert_eq!(api["specification"], "odcs");
    assert_eq!(api["specificationVersion"], "3.2.0");
    assert_eq!(api["definition"]["$ref"], "../../contracts/daily-revenue.odcs.yaml");
    let input = &d["interfaceComponents"]["inputPorts"][0];
    assert_eq!(input["promises"]["api"]["definition"]["$ref"], "../../contracts/orders.odcs.yaml");
    assert_eq!(input["x-dependsOn"], format!("urn:dpds:{}:dataproducts:web-orders:1:outputports:orders-table", w.id));
    // The use case that reads the metrics port is its audience.
    let metrics = &d["interfaceComponents"]["outputPorts"][1];
    assert_eq!(metrics["expectations"]["audience"]["definition"]["x-useCases"][0], "Weekly revenue report");

    let orders = w.product("web-orders").unwrap();
    let d: Value = serde_json::from_str(&dpds::export(orders, &w)).unwrap();
    assert_eq!(d["tags"], serde_json::json!(["orders", "finance"]));
    assert_eq!(d["info"]["contactPoints"][0]["address"], "https://example.slack.com/archives/checkout-data");
    let out = &d["interfaceComponents"]["outputPorts"][0];
    assert_eq!(out["promises"]["platform"], "prod::postgres");
    assert_eq!(out["obligations"]["sla"]["definition"]["$ref"], "../../contracts/orders.odcs.yaml#/slaProperties");
    assert_eq!(out["promises"]["slo"]["definition"]["x-slos"][0]["property"], "freshness");
    assert_eq!(dpds::path("web-orders"), "products/web-orders/web-orders.dpds.json");
}

#[test]
fn a_bare_product_still_has_the_required_fields() {
    let w = Workspace { name: "w".into(), products: vec![Default::default()], ..Default::default() };
    let d: Value = serde_json::from_str(&dpds::export(&w.products[0], &w)).unwrap();
    assert_eq!(d["info"]["domain"], "unassigned");
    assert_eq!(d["info"]["owner"]["id"], "unassigned");
    assert_eq!(d["interfaceComponents"]["outputPorts"], serde_json::json!([]));
    all_valid(&w);
}

#[test]
fn imported_official_odps_examples_export_valid_descriptors() {
    let Some(reference) = support::reference() else { return };
    let mut count = 0;
    for (name, text) in support::files(&reference.join("odps/examples")) {
        let i = dpstudio_formats::odps::import(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let w = Workspace { context: i.context, products: vec![i.product], ..Default::default() };
        all_valid(&w);
        count += 1;
    }
    assert!(count > 0);
}
