//! What an ODPS import puts into the typed model, and how export follows edits.

use dpstudio_formats::odps;
use dpstudio_model::{ContractRef, PortKind, ProductKind, Status, Workspace};
use serde_json::{json, Value};

const PRODUCT: &str = r##"
apiVersion: v1.1.0
kind: DataProduct
id: orders-product
name: Web shop orders
version: 1.0.0
status: active
type: sourceAligned
domain: Sales Ops
description:
  purpose: Confirmed orders for analytics.
  usage: Join on customer_id.
team:
  name: Order Team
  members:
    - username: ada@example.com
      name: Ada
      role: owner
inputPorts:
  - name: shop-db
    version: 1.0.0
    contractId: shop-raw
    deprecated: true
outputPorts:
  - name: orders
    type: tables
    version: 2.1.0
    contractId: orders
    sbom:
      - type: external
        url: https://example.com/sbom
managementPorts:
  - name: quality-api
    content: observability
    type: rest
    url: https://example.com/q
support:
  - channel: "#orders"
    url: https://chat.example.com/orders
    tool: slack
"##;

fn import() -> Workspace {
    let i = odps::import(PRODUCT).expect("imports");
    Workspace { context: i.context, products: vec![i.product], ..Default::default() }
}

fn export(w: &Workspace) -> Value {
    serde_saphyr::from_str(&odps::export(&w.products[0], w)).expect("YAML")
}

#[test]
fn typed_fields_and_context_are_filled() {
    let w = import();
    let p = &w.products[0];
    assert_eq!((p.id.as_str(), p.status, p.kind), ("orders-product", Status::Active, ProductKind::SourceAligned));
    assert_eq!(p.purpose, "Confirmed orders for analytics.");
    assert_eq!(p.description, "Join on customer_id.");
    assert_eq!(p.domain.as_deref(), Some("sales-ops"));
    assert_eq!(p.owner_team.as_deref(), Some("order-team"));
    assert_eq!(p.input_ports[0].contract, Some(ContractRef { id: "shop-raw".into(), version: "1.0.0".into() }));
    assert_eq!(p.input_ports[0].extra["deprecated"], json!(true));
    let out = &p.output_ports[0];
    assert_eq!((out.id.as_str(), out.kind), ("orders", PortKind::Table));
    assert_eq!(out.contract, Some(ContractRef { id: "orders".into(), version: "2.1.0".into() }));
    assert_eq!(p.management_ports[0].url, "https://example.com/q");
    assert_eq!(p.support[0].tool, "slack");
}

#[test]
fn binding_a_port_to_a_new_contract_version_shows_in_the_export() {
    let mut w = import();
    assert!(export(&w)["outputPorts"][0].get("inputContracts").is_none(), "the original had none");
    w.products[0].output_ports[0].contract = Some(ContractRef { id: "orders".into(), version: "3.0.0".into() });
    let out = export(&w);
    assert_eq!(out["outputPorts"][0]["version"], json!("3.0.0"));
    assert_eq!(out["outputPorts"][0]["sbom"][0]["type"], json!("external"), "untyped fields stay");
}

#[test]
fn a_new_input_port_is_listed_as_an_input_contract_of_every_output_port() {
    let mut w = import();
    let mut port = w.products[0].input_ports[0].clone();
    port.id = "crm".into();
    port.name = "crm".into();
    port.extra.clear();
    port.contract = Some(ContractRef { id: "crm-customers".into(), version: "1.2.0".into() });
    w.products[0].input_ports.push(port);
    let out = export(&w);
    assert_eq!(
        out["outputPorts"][0]["inputContracts"],
        json!([{"id": "shop-raw", "version": "1.0.0"}, {"id": "crm-customers", "version": "1.2.0"}])
    );
}

#[test]
fn v1_0_documents_import_and_wrong_kinds_do_not() {
    let v10 = PRODUCT.replace("apiVersion: v1.1.0", "apiVersion: v1.0.0");
    assert_eq!(odps::import(&v10).expect("v1.0.0 imports").api_version, "v1.0.0");
    let e = odps::import(&PRODUCT.replace("apiVersion: v1.1.0", "apiVersion: v2.0.0")).unwrap_err();
    assert!(e.message.contains("v2.0.0"), "{e}");
}
