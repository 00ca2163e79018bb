//! JSON sample import: inferred schemas asserted field by field (types, required, formats,
//! nesting, examples), the merge rules across records, JSON Lines, bad input with positions,
//! the budgets, and that an inferred contract exports to ODCS and imports again.

use dpstudio_formats::json_sample::{import, MAX_DEPTH, MAX_EXAMPLES, MAX_FIELDS};
use dpstudio_formats::{odcs, ErrorKind, FormatError};
use dpstudio_model::{DataContract, Property, Workspace};
use serde_json::json;

fn infer(text: &str) -> DataContract {
    import("orders", text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn fail(text: &str) -> FormatError {
    match import("orders", text) {
        Ok(c) => panic!("imported {c:?}"),
        Err(e) => e,
    }
}

fn field<'p>(properties: &'p [Property], name: &str) -> &'p Property {
    properties.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no property {name}"))
}

fn format_of(p: &Property) -> Option<&str> {
    p.extra.get("logicalTypeOptions")?.get("format")?.as_str()
}

/// (name, logical type, required) of each property, in order.
fn summary(properties: &[Property]) -> Vec<(&str, &str, bool)> {
    properties.iter().map(|p| (p.name.as_str(), p.logical_type.as_str(), p.required)).collect()
}

#[test]
fn one_object_names_the_contract_and_its_object_and_keeps_key_order() {
    let c = infer(r#"{"zeta": 1, "alpha": "a", "mid": true}"#);
    assert_eq!((c.id.as_str(), c.name.as_str(), c.version.as_str()), ("orders", "orders", "1.0.0"));
    assert_eq!(c.schema.len(), 1);
    assert_eq!(c.schema[0].name, "orders");
    assert_eq!(
        summary(&c.schema[0].properties),
        vec![("zeta", "integer", true), ("alpha", "string", true), ("mid", "boolean", true)]
    );
    let named = import("Order Lines.v2", "{}").unwrap();
    assert_eq!((named.id.as_str(), named.schema[0].name.as_str()), ("order-lines-v2", "order_lines_v2"));
}

#[test]
fn merge_rules_across_records() {
    let c = infer(
        r#"[
          {"id": 1, "price": 10,   "note": "x",  "gone": 1, "flag": true, "mixed": 1,   "blank": null},
          {"id": 2, "price": 10.5, "note": null,            "flag": false, "mixed": "a", "blank": null},
          {"id": 3, "price": 7,    "note": "y",  "late": "z", "flag": true, "mixed": 2}
        ]"#,
    );
    let p = &c.schema[0].properties;
    assert_eq!(
        summary(p),
        vec![
            ("id", "integer", true),
            ("price", "number", true),
            ("note", "string", false),
            ("gone", "integer", false),
            ("flag", "boolean", true),
            ("mixed", "", true),
            ("blank", "", false),
            ("late", "string", false),
        ]
    );
    assert_eq!(field(p, "mixed").description, "The sample mixes integer, string.");
    assert!(field(p, "mixed").examples.is_empty(), "no examples on a field without a type");
    assert_eq!(field(p, "blank").description, "Only null values in the sample.");
    assert_eq!(field(p, "id").examples, vec![json!(1), json!(2), json!(3)]);
    assert_eq!(field(p, "price").examples, vec![json!(10), json!(10.5), json!(7)]);
    assert!(field(p, "flag").examples.is_empty(), "booleans need no examples");
    assert!(c.description.purpose.contains("3 record(s)"), "{}", c.description.purpose);
}

#[test]
fn string_formats_become_logical_types_and_formats_only_when_every_value_agrees() {
    let c = infer(
        r#"{"day": "2024-05-31", "at": "2024-05-31T12:00:00Z", "mail": "ann@example.com",
            "key": "123e4567-e89b-12d3-a456-426614174000", "link": "https://example.com/x", "word": "hello"}
           {"day": "2024-06-01", "at": "2024-06-01 08:30:00.5+02:00", "mail": "bob@example.org",
            "key": "00000000-0000-0000-0000-000000000000", "link": "not a link", "word": "2024-01-01"}"#,
    );
    let p = &c.schema[0].properties;
    assert_eq!(
        summary(p),
        vec![
            ("day", "date", true),
            ("at", "timestamp", true),
            ("mail", "string", true),
            ("key", "string", true),
            ("link", "string", true),
            ("word", "string", true),
        ]
    );
    assert_eq!(format_of(field(p, "day")), Some("yyyy-MM-dd"));
    assert_eq!(format_of(field(p, "at")), None);
    assert_eq!(format_of(field(p, "mail")), Some("email"));
    assert_eq!(format_of(field(p, "key")), Some("uuid"));
    assert_eq!(format_of(field(p, "link")), None, "one value is not a URI");
    assert_eq!(format_of(field(p, "word")), None);
    assert_eq!(field(p, "day").examples, vec![json!("2024-05-31"), json!("2024-06-01")]);
    let uri = infer(r#"{"u": "https://example.com"} {"u": "urn:isbn:0451450523"}"#);
    assert_eq!(format_of(&uri.schema[0].properties[0]), Some("uri"));
}

#[test]
fn nested_objects_and_arrays_merge_their_insides() {
    let c = infer(
        r#"{"customer": {"id": 1, "address": {"city": "Oslo"}}, "lines": [{"sku": "a", "qty": 1}, {"sku": "b"}], "tags": ["x", "y"], "matrix": [[1, 2], [3.5]], "empty": []}
           {"customer": {"id": 2, "address": {"city": "Rome", "zip": "00100"}}, "lines": [{"sku": "c", "qty": 2.5}], "tags": [], "empty": []}"#,
    );
    let p = &c.schema[0].properties;
    assert_eq!(
        summary(p),
        vec![("customer", "object", true), ("lines", "array", true), ("tags", "array", true), ("matrix", "array", false), ("empty", "array", true)]
    );
    let customer = field(p, "customer");
    assert_eq!(summary(&customer.properties), vec![("id", "integer", true), ("address", "object", true)]);
    assert_eq!(summary(&field(&customer.properties, "address").properties), vec![("city", "string", true), ("zip", "string", false)]);
    assert!(customer.examples.is_empty(), "objects carry no examples");

    let lines = field(p, "lines").items.as_deref().expect("items of lines");
    assert_eq!(lines.logical_type, "object");
    assert!(!lines.required);
    // Required inside items counts elements: `qty` is missing from one of three lines.
    assert_eq!(summary(&lines.properties), vec![("sku", "string", true), ("qty", "number", false)]);

    let tags = field(p, "tags").items.as_deref().expect("items of tags");
    assert_eq!((tags.logical_type.as_str(), tags.examples.clone()), ("string", vec![json!("x"), json!("y")]));
    let matrix = field(p, "matrix").items.as_deref().expect("items of matrix");
    assert_eq!(matrix.logical_type, "array");
    assert_eq!(matrix.items.as_deref().map(|i| i.logical_type.as_str()), Some("number"));
    assert!(field(p, "empty").items.is_none(), "no element ever seen: item type unknown");
}

#[test]
fn json_lines_skip_blank_lines_and_accept_crlf() {
    let c = infer("{\"a\": 1}\r\n\r\n{\"a\": 2, \"b\": \"x\"}\n\n");
    assert_eq!(summary(&c.schema[0].properties), vec![("a", "integer", true), ("b", "string", false)]);
    assert!(c.description.purpose.contains("2 record(s)"));
}

#[test]
fn examples_are_bounded_distinct_and_short() {
    let mut text = String::new();
    for i in 0..50 {
        text.push_str(&format!("{{\"n\": {}, \"s\": \"{}\"}}\n", i % 10, "x".repeat(i * 10)));
    }
    let c = infer(&text);
    let p = &c.schema[0].properties;
    assert_eq!(field(p, "n").examples, vec![json!(0), json!(1), json!(2)]);
    let s = &field(p, "s").examples;
    assert_eq!(s.len(), MAX_EXAMPLES);
    assert!(s.iter().all(|v| v.as_str().is_some_and(|t| !t.is_empty() && t.len() <= 80)), "{s:?}");
}

#[test]
fn malformed_json_fails_with_line_and_column() {
    let e = fail("{\"a\": 1}\n{\"a\": 2,}\n");
    assert_eq!((e.kind, e.line, e.column), (ErrorKind::Syntax, 2, 9), "{e}");
    assert!(!e.message.contains("at line"), "position is in the fields, not the message: {}", e.message);

    let e = fail("[{\"a\": 1},\n {\"a\": tru}]");
    assert_eq!((e.kind, e.line), (ErrorKind::Syntax, 2), "{e}");

    let e = fail("{\"a\": 1, \"b\": 2, \"a\": 3}");
    assert_eq!((e.kind, e.line), (ErrorKind::Syntax, 1), "{e}");
    assert!(e.message.contains("duplicate key \"a\""), "{e}");

    let e = fail("{\"a\": \"unterminated");
    assert_eq!((e.kind, e.line), (ErrorKind::Syntax, 1), "{e}");
}

#[test]
fn records_must_be_objects() {
    let e = fail("{\"a\": 1}\n  42\n");
    assert_eq!((e.kind, e.line, e.column), (ErrorKind::Shape, 2, 3), "{e}");
    let e = fail("[{\"a\": 1}, \"x\"]");
    assert_eq!((e.kind, e.path.as_str()), (ErrorKind::Shape, "/1"), "{e}");
    for text in ["", "  \n", "[]", "\"text\"", "null", "[1, 2]", "[{\"a\": 1}] [{\"a\": 2}]"] {
        let e = fail(text);
        assert_eq!(e.kind, ErrorKind::Shape, "{text:?}: {e}");
    }
}

#[test]
fn deep_nesting_is_bounded_while_parsing_and_while_inferring() {
    // Past serde_json's nesting limit: an error with a position, no stack overflow.
    let deep = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let e = fail(&deep);
    assert_eq!(e.kind, ErrorKind::TooLarge, "{e}");
    assert!(e.line >= 1 && e.column > 1, "{e:?}");
    let deep = format!("{{\"a\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(fail(&deep).kind, ErrorKind::TooLarge);

    // Within the parser's limit but below the inference depth: the type stays, the insides go.
    let levels = MAX_DEPTH + 5;
    let text = format!("{}1{}", "{\"a\":".repeat(levels), "}".repeat(levels));
    let c = infer(&text);
    let mut p = &c.schema[0].properties[0];
    let mut depth = 0;
    while let Some(child) = p.properties.first() {
        p = child;
        depth += 1;
    }
    assert_eq!(depth, MAX_DEPTH);
    assert_eq!(p.logical_type, "object");
    assert!(p.description.contains("Nested deeper"), "{}", p.description);
}

#[test]
fn too_many_fields_is_refused() {
    let mut text = String::from("{");
    for i in 0..=MAX_FIELDS {
        text.push_str(&format!("\"f{i}\": 1,"));
    }
    text.push_str("\"end\": 1}");
    assert_eq!(fail(&text).kind, ErrorKind::TooLarge);
    assert_eq!(fail(&" ".repeat(dpstudio_formats::MAX_INPUT_BYTES + 1)).kind, ErrorKind::TooLarge);
}

#[test]
fn an_inferred_contract_exports_to_odcs_and_imports_again() {
    let levels = MAX_DEPTH + 3;
    let deep = format!("{}\"x\"{}", "{\"a\":[".repeat(levels), "]}".repeat(levels));
    let samples = [
        r#"{"id": "123e4567-e89b-12d3-a456-426614174000", "day": "2024-05-31", "lines": [{"sku": "a"}], "n": null}"#.to_owned(),
        deep,
    ];
    for sample in samples {
        let c = infer(&sample);
        let w = Workspace { contracts: vec![c.clone()], ..Default::default() };
        let text = odcs::export(&c, &w, &odcs::ExportOptions::default());
        let back = odcs::import(&text).unwrap_or_else(|e| panic!("{e}\n{text}")).contract;
        assert_eq!(back.schema, c.schema, "{text}");
    }
}

#[test]
fn no_cut_of_a_sample_panics() {
    let text = "[{\"id\": 1, \"at\": \"2024-05-31T12:00:00Z\", \"nested\": {\"list\": [1, 2.5, \"é\"]}, \"n\": null}]\n{\"id\": 2}";
    for end in 0..=text.len() {
        if let Some(cut) = text.get(..end) {
            let _ = import("cut", cut);
        }
    }
}
