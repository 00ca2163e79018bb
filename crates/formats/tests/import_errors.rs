//! Bad input never panics and never half-imports: each case returns a typed error that says
//! what is wrong, with the line and column of the offending spot.

use dpstudio_formats::{odcs, odps, ErrorKind, FormatError};

fn odcs_err(text: &str) -> FormatError {
    match odcs::import(text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => e,
    }
}

const HEADER: &str = "apiVersion: v3.1.0\nkind: DataContract\nid: c1\nversion: 1.0.0\nstatus: active\n";

#[test]
fn malformed_yaml_is_a_syntax_error_with_its_position() {
    let e = odcs_err("apiVersion: v3.1.0\nkind: DataContract\nschema:\n  - name: [unclosed\n");
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert!(e.line >= 4, "{e:?}");
    assert!(!e.message.is_empty());
}

#[test]
fn malformed_json_is_a_syntax_error_too() {
    let e = odcs_err("{\"apiVersion\": \"v3.1.0\", \"kind\": \"DataContract\",, }");
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert_eq!(e.line, 1);
}

#[test]
fn json_documents_import() {
    let imported = odcs::import(r#"{"apiVersion": "v3.2.0", "kind": "DataContract", "id": "c", "version": "1.0.0", "status": "draft", "schema": [{"name": "t"}]}"#)
        .expect("JSON is YAML");
    assert_eq!(imported.contract.schema[0].name, "t");
}

#[test]
fn a_wrong_type_names_the_field_and_its_line() {
    let text = format!("{HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n        required: maybe\n");
    let e = odcs_err(&text);
    assert_eq!(e.kind, ErrorKind::Shape);
    assert_eq!(e.path, "/schema/0/properties/0/required");
    assert_eq!((e.line, e.column), (10, 19), "{e}");
    assert!(e.message.contains("`required` must be true or false"), "{e}");
    assert!(e.to_string().starts_with("line 10, column 19: "), "{e}");
}

#[test]
fn a_list_where_a_mapping_belongs_is_a_shape_error() {
    let e = odcs_err(&format!("{HEADER}schema:\n  - just text\n"));
    assert_eq!(e.kind, ErrorKind::Shape);
    assert_eq!(e.path, "/schema/0");
    assert_eq!(e.line, 7);
}

#[test]
fn wrong_api_version_or_kind_says_which_document_was_expected() {
    let e = odcs_err("apiVersion: v2.2.2\nkind: DataContract\n");
    assert_eq!(e.kind, ErrorKind::WrongDocument);
    assert!(e.message.contains("v2.2.2") && e.message.contains("v3.2.0"), "{e}");
    assert_eq!(e.line, 1);

    let e = odcs_err("apiVersion: v3.1.0\nkind: DataProduct\n");
    assert_eq!(e.kind, ErrorKind::WrongDocument);
    assert_eq!(e.line, 2);

    let e = odcs_err("dataContractSpecification: 1.2.1\nid: x\n");
    assert_eq!(e.kind, ErrorKind::WrongDocument);
    assert!(e.message.contains("no `apiVersion`"), "{e}");

    let e = odps::import("apiVersion: v3.1.0\nkind: DataContract\nid: x\n").unwrap_err();
    assert_eq!(e.kind, ErrorKind::WrongDocument);
    assert!(e.message.contains("ODPS"), "{e}");
}

#[test]
fn a_document_that_is_not_a_mapping_is_rejected() {
    assert_eq!(odcs_err("- a\n- b\n").kind, ErrorKind::Shape);
    assert_eq!(odcs_err("just text").kind, ErrorKind::Shape);
    assert_eq!(odcs_err("").kind, ErrorKind::Shape);
}

#[test]
fn duplicate_keys_are_errors_at_the_second_key() {
    let e = odcs_err(&format!("{HEADER}name: first\nname: second\n"));
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert_eq!(e.line, 7, "{e}");
    assert!(e.message.to_lowercase().contains("duplicate"), "{e}");
}

#[test]
fn excessive_nesting_is_refused_without_overflowing_the_stack() {
    let depth = 10_000;
    let text = format!("{HEADER}x: {}{}\n", "[".repeat(depth), "]".repeat(depth));
    let e = odcs_err(&text);
    assert_eq!(e.kind, ErrorKind::TooLarge, "{e}");
    let mut block = String::from(HEADER);
    for level in 0..200 {
        block.push_str(&"  ".repeat(level));
        block.push_str("k:\n");
    }
    assert_eq!(odcs_err(&block).kind, ErrorKind::TooLarge);
}

#[test]
fn huge_input_is_refused_before_parsing() {
    let text = format!("{HEADER}description:\n  purpose: \"{}\"\n", "x".repeat(50 * 1024 * 1024));
    let e = odcs_err(&text);
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains("MB"), "{e}");
}

#[test]
fn alias_bombs_are_refused() {
    let mut text = String::from(HEADER);
    text.push_str("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let prev = if i == 1 { "a".to_owned() } else { format!("a{}", i - 1) };
        text.push_str(&format!("a{i}: &a{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
    }
    let e = odcs_err(&text);
    assert_eq!(e.kind, ErrorKind::TooLarge, "{e}");
}

#[test]
fn odps_errors_carry_positions_too() {
    let e = odps::import("apiVersion: v1.1.0\nkind: DataProduct\nid: p\ninputPorts:\n  - name: a\n    contractId: [1]\n").unwrap_err();
    assert_eq!(e.kind, ErrorKind::Shape);
    assert_eq!(e.path, "/inputPorts/0/contractId");
    assert_eq!(e.line, 6);
}
