//! Schemas that reference a sibling file resolve it from the registered companions, never
//! from the network; an unknown reference is an error when the validator is built.

use dpstudio_conformance::{ErrorKind, Standard, Validator};

const MAIN: &str = r#"{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "properties": {"definitions": {"type": "array", "items": {"$ref": "definition.schema.json"}}}
}"#;

const DEFINITION: &str = r#"{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "type": "object",
  "required": ["id"],
  "properties": {"id": {"type": "string"}}
}"#;

#[test]
fn a_relative_reference_resolves_to_the_companion() {
    let validator =
        Validator::with_companions(Standard::Dcs12, MAIN, &[("definition.schema.json", DEFINITION)]).unwrap();
    let findings = validator.validate("x.yaml", "definitions:\n  - id: a\n  - name: b\n");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].message, "definitions[1]: required property \"id\" is missing");
    assert_eq!((findings[0].line, findings[0].column), (3, 5));
}

#[test]
fn an_unresolvable_reference_is_a_schema_error_not_a_download() {
    let err = Validator::new(Standard::Dcs12, MAIN).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Schema);
    let remote = r#"{"$ref": "https://example.com/elsewhere.json"}"#;
    assert_eq!(Validator::new(Standard::Odcs32, remote).unwrap_err().kind, ErrorKind::Schema);
}

#[test]
fn schema_text_that_is_not_a_schema_is_an_error() {
    for text in ["", "not json", r#"{"type": 12}"#] {
        let err = Validator::new(Standard::Odcs32, text).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Schema, "{text}");
        assert!(err.message.starts_with("ODCS 3.2 schema"), "{}", err.message);
    }
}

#[test]
fn a_oneof_failure_reports_the_closest_alternative() {
    let schema = r#"{
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "properties": {"port": {"oneOf": [
        {"type": "string"},
        {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "version": {"type": "string"}}}
      ]}}
    }"#;
    let validator = Validator::new(Standard::Dpds10, schema).unwrap();
    let messages =
        |text: &str| -> Vec<String> { validator.validate("p.yaml", text).into_iter().map(|f| f.message).collect() };
    assert_eq!(messages("port:\n  name: a\n  version: 2\n"), ["port.version: expected a string, found the number 2"]);
    assert_eq!(messages("port: 3\n"), ["port: expected a string or an object, found the number 3"]);
    assert_eq!(messages("port:\n  version: '1'\n"), ["port: required property \"name\" is missing"]);
}

#[test]
fn odd_keys_read_as_quoted_names_and_place_correctly() {
    let schema = r#"{"additionalProperties": {"type": "string"}}"#;
    let validator = Validator::new(Standard::Dpds10, schema).unwrap();
    let findings = validator.validate("o.yaml", "ok: a\n\"a/b c\": 1\n");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].pointer, "/a~1b c");
    assert_eq!(findings[0].message, "[\"a/b c\"]: expected a string, found the number 1");
    assert_eq!((findings[0].line, findings[0].column), (2, 10));
}
