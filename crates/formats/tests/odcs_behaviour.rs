//! What an ODCS import puts into the typed model, and how export treats edits, tokens and
//! YAML-ambiguous text.

use dpstudio_formats::odcs::{self, ExportOptions, OdcsVersion};
use dpstudio_model::{QualityKind, Status, Workspace};
use serde_json::{json, Value};

fn workspace_of(imported: odcs::ImportedContract) -> Workspace {
    Workspace { context: imported.context, contracts: vec![imported.contract], ..Default::default() }
}

fn export_value(w: &Workspace) -> Value {
    let text = odcs::export(&w.contracts[0], w, &ExportOptions::default());
    serde_saphyr::from_str::<Value>(&text).expect("export is YAML")
}

const ORDERS: &str = r#"
apiVersion: v3.2.0
kind: DataContract
id: orders-contract
name: Orders
version: 2.0.0
status: active
domain: Sales Ops
dataProduct: Web shop orders
team:
  name: Order Team
  members:
    - username: ada@example.com
      name: Ada
      role: owner
servers:
  - server: prod
    type: postgres
    host: ${DB_HOST}
    port: 5432
    database: shop
    schema: public
schema:
  - name: orders
    physicalType: table
    properties:
      - name: order_id
        logicalType: string
        required: true
        primaryKey: true
        primaryKeyPosition: 1
        unique: false
        quality:
          - metric: nullValues
            mustBe: 0
            dimension: completeness
      - name: channel
        logicalType: string
        enum:
          - value: "no"
            label: Norway
          - value: "yes"
slaProperties:
  - property: latency
    value: 4
    unit: h
"#;

#[test]
fn typed_fields_and_implied_context_are_filled() {
    let imported = odcs::import(ORDERS).expect("imports");
    let c = &imported.contract;
    assert_eq!(c.id, "orders-contract");
    assert_eq!(c.status, Status::Active);
    assert_eq!(c.domain.as_deref(), Some("sales-ops"));
    assert_eq!(imported.context.domains[0].name, "Sales Ops");
    assert_eq!(c.team.as_deref(), Some("order-team"));
    let team = &imported.context.teams[0];
    assert_eq!((team.members[0].name.as_str(), team.members[0].email.as_str()), ("Ada", "ada@example.com"));
    let id = &c.schema[0].properties[0];
    assert!(id.required && id.primary_key && !id.unique);
    assert_eq!(id.primary_key_position, Some(1));
    let rule = &id.quality[0];
    assert_eq!((rule.kind, rule.metric.as_str(), rule.operator.as_str()), (QualityKind::Library, "nullValues", "mustBe"));
    assert_eq!(rule.threshold, json!(0));
    assert_eq!(c.schema[0].properties[1].enum_values[0].value, json!("no"));
    assert_eq!(c.servers[0].extra["host"], json!("${DB_HOST}"));
    assert_eq!(c.sla[0].value, json!(4));
}

#[test]
fn variables_and_yaml_ambiguous_text_survive_export() {
    let w = workspace_of(odcs::import(ORDERS).expect("imports"));
    let text = odcs::export(&w.contracts[0], &w, &ExportOptions::default());
    assert!(text.contains("${DB_HOST}"), "{text}");
    let value: Value = serde_saphyr::from_str(&text).expect("YAML");
    // `no` and `yes` must come back as text, not booleans, for any YAML reader.
    assert_eq!(value["schema"][0]["properties"][1]["enum"][0]["value"], json!("no"));
    assert!(!text.contains("value: no\n"), "`no` must be quoted:\n{text}");
    assert_eq!(value["servers"][0]["host"], json!("${DB_HOST}"));
    assert!(text.starts_with("apiVersion: v3.2.0\nkind: DataContract\nid: orders-contract\n"), "{text}");
}

#[test]
fn an_explicit_false_is_kept_until_the_field_is_edited() {
    let mut w = workspace_of(odcs::import(ORDERS).expect("imports"));
    assert_eq!(export_value(&w)["schema"][0]["properties"][0]["unique"], json!(false));
    w.contracts[0].schema[0].properties[0].unique = true;
    assert_eq!(export_value(&w)["schema"][0]["properties"][0]["unique"], json!(true));
}

#[test]
fn edits_to_hinted_fields_win_over_the_original() {
    // dataProduct is a name in ODCS and an id in the model; the hint restores the name …
    let mut w = workspace_of(odcs::import(ORDERS).expect("imports"));
    assert_eq!(export_value(&w)["dataProduct"], json!("Web shop orders"));
    // … until the contract is bound to another product.
    w.contracts[0].data_product = Some("returns".into());
    assert_eq!(export_value(&w)["dataProduct"], json!("returns"));
    // A status outside the model's lifecycle is kept the same way.
    let text = ORDERS.replace("status: active", "status: in review");
    let mut w = workspace_of(odcs::import(&text).expect("imports"));
    assert_eq!(export_value(&w)["status"], json!("in review"));
    w.contracts[0].status = Status::Active;
    assert_eq!(export_value(&w)["status"], json!("active"));
}

#[test]
fn renaming_a_domain_in_the_workspace_renames_it_in_the_export() {
    let mut w = workspace_of(odcs::import(ORDERS).expect("imports"));
    w.context.domains[0].name = "Sales".into();
    assert_eq!(export_value(&w)["domain"], json!("Sales"));
}

#[test]
fn a_3_0_team_list_is_kept_as_a_list() {
    let text = "apiVersion: v3.0.2\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: draft\nteam:\n  - username: bo\n    role: owner\n    dateIn: 2024-01-01\n";
    let imported = odcs::import(text).expect("imports");
    assert_eq!(imported.contract.team, None);
    let w = workspace_of(imported);
    assert_eq!(export_value(&w)["team"], json!([{"username": "bo", "role": "owner", "dateIn": "2024-01-01"}]));
}

#[test]
fn v3_1_export_expresses_enums_as_valid_values_rules() {
    let w = workspace_of(odcs::import(ORDERS).expect("imports"));
    let text = odcs::export(&w.contracts[0], &w, &ExportOptions { version: OdcsVersion::V3_1_0 });
    let value: Value = serde_saphyr::from_str(&text).expect("YAML");
    assert_eq!(value["apiVersion"], json!("v3.1.0"));
    let channel = &value["schema"][0]["properties"][1];
    assert!(channel.get("enum").is_none());
    assert_eq!(channel["quality"][0]["metric"], json!("invalidValues"));
    assert_eq!(channel["quality"][0]["arguments"]["validValues"], json!(["no", "yes"]));
}
