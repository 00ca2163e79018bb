//! Each standard is recognised from its header; an unknown version picks the newest schema.

use dpstudio_conformance::{ErrorKind, Standard};

fn detect(text: &str) -> Standard {
    Standard::detect(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn each_standard_is_recognised_from_its_header() {
    let cases = [
        ("kind: DataContract\napiVersion: v3.0.2\n", Standard::Odcs30),
        ("kind: DataContract\napiVersion: v3.1.0\n", Standard::Odcs31),
        ("kind: DataContract\napiVersion: v3.2.0\n", Standard::Odcs32),
        ("{\"kind\": \"DataContract\", \"apiVersion\": \"v3.1.0\"}", Standard::Odcs31),
        ("apiVersion: v1.0.0\nkind: DataProduct\n", Standard::Odps10),
        ("apiVersion: v0.9.0\nkind: DataProduct\n", Standard::Odps10),
        ("apiVersion: v1.1.0\nkind: DataProduct\n", Standard::Odps11),
        ("dataContractSpecification: 1.2.1\nid: x\n", Standard::Dcs12),
        ("dataContractSpecification: 0.9.3\n", Standard::Dcs12),
        ("{\"dataProductDescriptor\": \"1.0.0\", \"info\": {}}", Standard::Dpds10),
        (
            "schema: https://opendataproducts.org/v4.1/schema/odps.yaml\nversion: 4.1\nproduct: {}\n",
            Standard::OpenDataProducts41,
        ),
        ("version: '4.1'\nproduct:\n  details: {}\n", Standard::OpenDataProducts41),
    ];
    for (text, expected) in cases {
        assert_eq!(detect(text), expected, "{text}");
    }
}

#[test]
fn an_unknown_or_missing_version_is_checked_against_the_newest_schema() {
    assert_eq!(detect("kind: DataContract\napiVersion: v9.0.0\n"), Standard::Odcs32);
    assert_eq!(detect("kind: DataContract\n"), Standard::Odcs32);
    assert_eq!(detect("kind: DataProduct\napiVersion: 1.1\n"), Standard::Odps11);
}

#[test]
fn other_documents_are_not_recognised() {
    for text in ["name: x\n", "[]", "42", "", "kind: Workspace\n", "product: x\n"] {
        let err = Standard::detect(text).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Unrecognised, "{text:?}");
    }
}

#[test]
fn malformed_text_is_a_syntax_error_with_a_position() {
    let err = Standard::detect("kind: DataContract\napiVersion: [v3\n").unwrap_err();
    assert_eq!(err.kind, ErrorKind::Syntax);
    assert!(err.line >= 2, "{err}");
}

#[test]
fn labels_and_schema_files_are_distinct_where_the_standards_are() {
    let labels: std::collections::HashSet<_> = Standard::ALL.iter().map(|s| s.label()).collect();
    assert_eq!(labels.len(), Standard::ALL.len());
    // ODCS 3.0 has no schema of its own in the reference folder; it shares 3.1's.
    assert_eq!(Standard::Odcs30.schema_file(), Standard::Odcs31.schema_file());
    assert_eq!(Standard::Odcs32.schema_file(), "odcs/schema/odcs-json-schema-v3.2.0.json");
}
