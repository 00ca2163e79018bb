//! Hand-broken documents: each mistake gives the expected finding, worded for people, at the
//! line and column of the offending node.

mod common;

use dpstudio_conformance::{Finding, Severity, Standard, Validator, RULE, SYNTAX_RULE};

/// A small, valid ODCS 3.2 contract; the tests below break one line of it at a time.
const CONTRACT: &str = "\
apiVersion: v3.2.0
kind: DataContract
id: orders
version: 1.0.0
status: active
schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
      - name: placed_at
        logicalType: date
";

fn odcs() -> Option<Validator> {
    let dir = common::reference()?;
    Some(common::validator(&dir, Standard::Odcs32))
}

/// `(line, column, message)` of each finding.
fn summary(findings: &[Finding]) -> Vec<(u32, u32, String)> {
    findings.iter().map(|f| (f.line, f.column, f.message.clone())).collect()
}

fn check(validator: &Validator, text: &str, expected: &[(u32, u32, &str)]) {
    let findings = validator.validate("broken.odcs.yaml", text);
    let expected: Vec<(u32, u32, String)> = expected.iter().map(|(l, c, m)| (*l, *c, (*m).to_owned())).collect();
    assert_eq!(summary(&findings), expected, "{text}");
    for f in &findings {
        assert_eq!((f.rule, f.severity, f.file.as_str()), (RULE.id, Severity::Error, "broken.odcs.yaml"));
    }
}

#[test]
fn the_unbroken_contract_conforms() {
    let Some(v) = odcs() else { return };
    check(&v, CONTRACT, &[]);
}

#[test]
fn a_value_outside_an_enum_is_named_with_the_allowed_values() {
    let Some(v) = odcs() else { return };
    let text = CONTRACT.replace("logicalType: date", "logicalType: text");
    let findings = v.validate("broken.odcs.yaml", &text);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!((f.line, f.column), (12, 22));
    assert_eq!(f.pointer, "/schema/0/properties/1/logicalType");
    assert!(
        f.message.starts_with("schema[0].properties[1].logicalType: \"text\" is not one of string, date,"),
        "{}",
        f.message
    );
}

#[test]
fn a_wrong_type_says_what_was_expected_and_found() {
    let Some(v) = odcs() else { return };
    let text = CONTRACT.replace("      - name: placed_at\n", "      - name: placed_at\n        primaryKey: 1\n");
    check(&v, &text, &[(12, 21, "schema[0].properties[1].primaryKey: expected true or false, found the number 1")]);
}

#[test]
fn a_missing_required_property_points_at_its_parent() {
    let Some(v) = odcs() else { return };
    // At the root: the document's first node.
    let text = CONTRACT.replace("id: orders\n", "");
    check(&v, &text, &[(1, 1, "document: required property \"id\" is missing")]);
    // In a list item: the item's first key.
    let text = CONTRACT.replace("      - name: placed_at\n", "      - physicalName: placed_at\n");
    check(&v, &text, &[(11, 9, "schema[0].properties[1]: required property \"name\" is missing")]);
}

#[test]
fn an_unknown_property_is_placed_at_its_key() {
    let Some(v) = odcs() else { return };
    let text = CONTRACT.replace("status: active\n", "status: active\ncolour:\n  shade: red\n");
    check(&v, &text, &[(6, 1, "colour: property \"colour\" is not allowed here")]);
    let text = CONTRACT.replace("        logicalType: string\n", "        logicalType: string\n        sise: 3\n");
    check(&v, &text, &[(11, 9, "schema[0].properties[0].sise: property \"sise\" is not allowed here")]);
}

#[test]
fn several_mistakes_are_listed_in_reading_order() {
    let Some(v) = odcs() else { return };
    let text = CONTRACT.replace("kind: DataContract", "kind: Contract").replace("logicalType: date", "logicalType: 7");
    let findings = v.validate("broken.odcs.yaml", &text);
    let lines: Vec<u32> = findings.iter().map(|f| f.line).collect();
    assert_eq!(lines, [2, 12], "{findings:#?}");
    assert_eq!(findings[0].message, "kind: \"Contract\" is not one of DataContract");
}

#[test]
fn json_documents_are_placed_too() {
    let Some(v) = odcs() else { return };
    let text = r#"{
  "apiVersion": "v3.2.0",
  "kind": "DataContract",
  "id": "orders",
  "version": "1.0.0",
  "status": "active",
  "schema": [{"name": "orders", "properties": [{"name": "id", "logicalType": "text"}]}]
}"#;
    let findings = v.validate("orders.odcs.json", text);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!((findings[0].line, findings[0].column), (7, 78));
}

#[test]
fn a_dcs_contract_with_a_wrong_field_type() {
    let Some(dir) = common::reference() else { return };
    let v = common::validator(&dir, Standard::Dcs12);
    let text = "\
dataContractSpecification: 1.2.1
id: orders
info:
  title: Orders
  version: 1.0.0
models:
  orders:
    fields:
      order_id:
        type: texty
";
    let findings = v.validate("orders.datacontract.yaml", text);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!((findings[0].line, findings[0].column), (10, 15));
    assert!(
        findings[0].message.starts_with("models.orders.fields.order_id.type: \"texty\" is not one of"),
        "{}",
        findings[0].message
    );
}

#[test]
fn malformed_yaml_is_one_syntax_finding_with_a_position() {
    let Some(v) = odcs() else { return };
    for (text, line) in [
        ("apiVersion: v3.2.0\nkind: [DataContract\nid: x\n", 3),
        ("apiVersion: v3.2.0\nkind: DataContract\n  id: x\n", 3),
        ("apiVersion: v3.2.0\nkind: DataContract\nkind: DataProduct\n", 3),
        ("{\"apiVersion\": \"v3.2.0\",, }", 1),
    ] {
        let findings = v.validate("bad.yaml", text);
        assert_eq!(findings.len(), 1, "{text}: {findings:#?}");
        let f = &findings[0];
        assert_eq!(f.rule, SYNTAX_RULE.id);
        assert_eq!(f.line, line, "{text}: {f}");
        assert!(f.column > 0, "{f}");
        assert!(f.message.starts_with("not valid YAML or JSON: "), "{}", f.message);
    }
}

#[test]
fn findings_print_as_file_line_column() {
    let Some(v) = odcs() else { return };
    let text = CONTRACT.replace("status: active", "status: 3");
    let printed: Vec<String> = v.validate("c.odcs.yaml", &text).iter().map(ToString::to_string).collect();
    assert_eq!(printed, ["c.odcs.yaml:5:9: error [conformance.schema] status: expected a string, found the number 3"]);
}
