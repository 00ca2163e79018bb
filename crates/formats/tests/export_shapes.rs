//! The SQL, JSON Schema and Markdown exporters take any model without panicking: very deep
//! nesting, empty and duplicate names, control characters, a contract without schema, ports
//! pointing nowhere. The outputs stay well-formed (SQL parses, schemas are valid).

use dpstudio_formats::{json_schema, markdown, sql};
use dpstudio_model::{ContractRef, DataContract, DataProduct, InputPort, InputSource, OutputPort, Property, SchemaObject, Workspace};
use sqlparser::dialect::{BigQueryDialect, PostgreSqlDialect, SnowflakeDialect};
use sqlparser::parser::Parser;

/// A property nested `depth` levels deep, alternating objects and arrays.
fn nested(depth: usize) -> Property {
    let mut p = Property { name: "leaf".into(), logical_type: "string".into(), required: true, ..Default::default() };
    for i in 0..depth {
        p = if i % 2 == 0 {
            Property { name: format!("o{i}"), logical_type: "object".into(), properties: vec![p], ..Default::default() }
        } else {
            Property { name: format!("a{i}"), logical_type: "array".into(), items: Some(Box::new(p)), ..Default::default() }
        };
    }
    p
}

fn odd_contract() -> DataContract {
    let blank = Property { name: String::new(), ..Default::default() };
    let dup = Property { name: "x".into(), logical_type: "integer".into(), primary_key: true, ..Default::default() };
    let control = Property { name: "tab\there\u{0}nul".into(), description: "\u{7}bell\r\nline".into(), logical_type: "nonsense".into(), ..Default::default() };
    DataContract {
        id: "odd".into(),
        schema: vec![
            SchemaObject { name: String::new(), properties: vec![blank, dup.clone(), dup, control, nested(60)], ..Default::default() },
            SchemaObject { name: "empty".into(), ..Default::default() },
        ],
        ..Default::default()
    }
}

#[test]
fn sql_of_odd_contracts_parses_in_every_dialect() {
    let c = odd_contract();
    for dialect in sql::Dialect::ALL {
        let statements = sql::statements(&c, &sql::ExportOptions { dialect });
        assert!(!statements.is_empty());
        for s in &statements {
            let parsed = match dialect {
                sql::Dialect::Postgres => Parser::parse_sql(&PostgreSqlDialect {}, s),
                sql::Dialect::Snowflake => Parser::parse_sql(&SnowflakeDialect {}, s),
                sql::Dialect::BigQuery => Parser::parse_sql(&BigQueryDialect {}, s),
            };
            assert_eq!(parsed.unwrap_or_else(|e| panic!("{}: {e}\n{s}", dialect.as_str())).len(), 1, "{s}");
        }
        assert!(sql::export(&c, &sql::ExportOptions { dialect }).contains("-- empty has no properties"));
    }
}

#[test]
fn json_schema_of_odd_contracts_is_valid() {
    let c = odd_contract();
    for ((_, schema), (_, text)) in json_schema::schemas(&c).iter().zip(json_schema::export(&c)) {
        assert!(jsonschema::meta::is_valid(schema), "{schema:#}");
        assert_eq!(&serde_json::from_str::<serde_json::Value>(&text).expect("JSON"), schema);
    }
}

#[test]
fn markdown_of_odd_products_is_written() {
    let mut w = Workspace::default();
    w.contracts.push(odd_contract());
    let p = DataProduct {
        id: "p".into(),
        input_ports: vec![InputPort { id: "i".into(), source: InputSource::Product { product: "gone".into(), port: "gone".into() }, ..Default::default() }],
        output_ports: vec![
            OutputPort { id: "o".into(), contract: Some(ContractRef { id: "odd".into(), version: String::new() }), ..Default::default() },
            OutputPort { id: "m".into(), contract: Some(ContractRef { id: "missing".into(), version: "1".into() }), ..Default::default() },
        ],
        ..Default::default()
    };
    w.products.push(p.clone());
    let page = markdown::export(&p, &w);
    assert!(page.contains("### Contract missing\n\nNot in this workspace."), "{page}");
    assert!(page.contains("\"unnamed\""), "an empty name still gets a Mermaid label: {page}");
    assert!(page.contains("| a59\\[\\].a57\\[\\].a55 | array |"), "nested paths are listed: {page}");
}
