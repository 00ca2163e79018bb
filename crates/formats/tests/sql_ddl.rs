//! SQL DDL exports parse with `sqlparser` in the dialect they were written for — the retail
//! example, every official ODCS example (imported), a generated workspace — and say what the
//! contracts say: types, NOT NULL, keys, comments, partitioning, safely quoted names.

mod support;

use dpstudio_formats::sql::{self, Dialect, ExportOptions};
use dpstudio_formats::odcs;
use dpstudio_model::{DataContract, Property, SchemaObject, Workspace};
use sqlparser::ast::Statement;
use sqlparser::dialect::{BigQueryDialect, PostgreSqlDialect, SnowflakeDialect};
use sqlparser::parser::Parser;

fn retail() -> Workspace {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
    dpstudio_model::from_json(&std::fs::read_to_string(path).expect("retail example")).expect("loads")
}

/// Parses SQL text with the matching sqlparser dialect.
fn parse_text(sql: &str, dialect: Dialect) -> Vec<Statement> {
    let parsed = match dialect {
        Dialect::Postgres => Parser::parse_sql(&PostgreSqlDialect {}, sql),
        Dialect::Snowflake => Parser::parse_sql(&SnowflakeDialect {}, sql),
        Dialect::BigQuery => Parser::parse_sql(&BigQueryDialect {}, sql),
    };
    parsed.unwrap_or_else(|e| panic!("{} rejects: {e}\n{sql}", dialect.as_str()))
}

/// Parses one generated statement; it must be exactly one statement.
fn parse(statement: &str, dialect: Dialect) -> Statement {
    let mut statements = parse_text(statement, dialect);
    assert_eq!(statements.len(), 1, "one statement expected:\n{statement}");
    statements.remove(0)
}

/// Every statement of every contract parses; returns how many were parsed.
fn parse_all(contracts: &[DataContract]) -> usize {
    let mut n = 0;
    for dialect in Dialect::ALL {
        for c in contracts {
            for s in sql::statements(c, &ExportOptions { dialect }) {
                parse(&s, dialect);
                n += 1;
            }
            // The whole script, header comments included, is the same statements.
            let script = sql::export(c, &ExportOptions { dialect });
            assert!(script.starts_with("-- "), "{script}");
            assert_eq!(parse_text(&script, dialect).len(), sql::statements(c, &ExportOptions { dialect }).len(), "{script}");
        }
    }
    n
}

#[test]
fn retail_contracts_give_ddl_every_dialect_parses() {
    let w = retail();
    let n = parse_all(&w.contracts);
    assert!(n >= w.contracts.len() * 3, "{n} statements");
}

#[test]
fn generated_workspace_gives_ddl_every_dialect_parses() {
    let w = dpstudio_model::generate(40, 1);
    assert!(parse_all(&w.contracts) > 100);
}

#[test]
fn official_odcs_examples_give_ddl_every_dialect_parses() {
    let Some(reference) = support::reference() else { return };
    let mut contracts = Vec::new();
    for (name, text) in support::files(&reference.join("odcs/examples")) {
        match odcs::import(&text) {
            Ok(imported) => contracts.push(imported.contract),
            Err(e) => panic!("{name}: {e}"),
        }
    }
    assert!(contracts.len() >= 10);
    assert!(parse_all(&contracts) > 0);
}

#[test]
fn retail_orders_keep_types_constraints_comments_and_partitioning() {
    let w = retail();
    let orders = w.contract("orders").unwrap();
    let pg = sql::export(orders, &ExportOptions { dialect: Dialect::Postgres });
    assert!(pg.contains("CREATE TABLE \"orders_v1\" ("), "{pg}");
    assert!(pg.contains("\"order_id\" VARCHAR(36) NOT NULL,"), "{pg}");
    assert!(pg.contains("\"net_amount\" DECIMAL(12, 2) NOT NULL"), "{pg}");
    assert!(pg.contains("\"shipping_email\" VARCHAR(254)\n") || pg.contains("\"shipping_email\" VARCHAR(254),"), "{pg}");
    assert!(pg.contains("PRIMARY KEY (\"order_id\")"), "{pg}");
    assert!(pg.contains("COMMENT ON TABLE \"orders_v1\" IS 'One row per confirmed order.';"), "{pg}");
    assert!(pg.contains("COMMENT ON COLUMN \"orders_v1\".\"net_amount\" IS 'Order value after discounts"), "{pg}");

    let sf = sql::export(orders, &ExportOptions { dialect: Dialect::Snowflake });
    assert!(sf.contains("CLUSTER BY (\"ordered_at\")"), "{sf}");
    assert!(sf.contains("COMMENT = 'One row per confirmed order.'"), "{sf}");
    assert!(sf.contains("\"net_amount\" DECIMAL(12, 2) NOT NULL COMMENT 'Order value"), "{sf}");

    let bq = sql::export(orders, &ExportOptions { dialect: Dialect::BigQuery });
    // varchar(36) is no BigQuery type: the logical type decides.
    assert!(bq.contains("`order_id` STRING NOT NULL"), "{bq}");
    assert!(bq.contains("`ordered_at` TIMESTAMP NOT NULL"), "{bq}");
    assert!(bq.contains("PARTITION BY DATE(`ordered_at`)"), "{bq}");
    assert!(bq.contains("PRIMARY KEY (`order_id`) NOT ENFORCED"), "{bq}");
    assert!(bq.contains("OPTIONS(description='One row per confirmed order.')"), "{bq}");
}

fn prop(name: &str, logical: &str) -> Property {
    Property { name: name.into(), logical_type: logical.into(), ..Default::default() }
}

#[test]
fn composite_keys_follow_their_positions_and_unique_is_kept() {
    let mut a = prop("a", "integer");
    a.primary_key = true;
    a.primary_key_position = Some(2);
    let mut b = prop("b", "string");
    b.primary_key = true;
    b.primary_key_position = Some(1);
    let mut c = prop("c", "string");
    c.unique = true;
    let contract = DataContract {
        id: "k".into(),
        schema: vec![SchemaObject { name: "t".into(), properties: vec![a, b, c], ..Default::default() }],
        ..Default::default()
    };
    let pg = sql::statements(&contract, &ExportOptions::default()).remove(0);
    assert!(pg.contains("PRIMARY KEY (\"b\", \"a\")"), "{pg}");
    assert!(pg.contains("\"a\" BIGINT NOT NULL"), "{pg}");
    assert!(pg.contains("\"c\" TEXT UNIQUE"), "{pg}");
    let Statement::CreateTable(table) = parse(&pg, Dialect::Postgres) else { panic!("not a CREATE TABLE") };
    assert_eq!(table.columns.len(), 3);
}

#[test]
fn nested_properties_become_each_dialects_structures() {
    let mut address = prop("address", "object");
    let mut street = prop("street", "string");
    street.required = true;
    address.properties = vec![street, prop("zip", "string")];
    let mut tags = prop("tags", "array");
    tags.items = Some(Box::new(prop("tag", "string")));
    let mut lines = prop("lines", "array");
    lines.items = Some(Box::new(address.clone()));
    let contract = DataContract {
        id: "n".into(),
        schema: vec![SchemaObject { name: "customer".into(), properties: vec![address, tags, lines], ..Default::default() }],
        ..Default::default()
    };
    let bq = sql::statements(&contract, &ExportOptions { dialect: Dialect::BigQuery }).remove(0);
    assert!(bq.contains("`address` STRUCT<`street` STRING, `zip` STRING>"), "{bq}");
    assert!(bq.contains("`tags` ARRAY<STRING>"), "{bq}");
    assert!(bq.contains("`lines` ARRAY<STRUCT<"), "{bq}");
    parse(&bq, Dialect::BigQuery);
    let pg = sql::statements(&contract, &ExportOptions::default()).remove(0);
    assert!(pg.contains("\"address\" JSONB") && pg.contains("\"tags\" TEXT[]") && pg.contains("\"lines\" JSONB"), "{pg}");
    parse(&pg, Dialect::Postgres);
    let sf = sql::statements(&contract, &ExportOptions { dialect: Dialect::Snowflake }).remove(0);
    assert!(sf.contains("\"address\" OBJECT") && sf.contains("\"tags\" ARRAY"), "{sf}");
    parse(&sf, Dialect::Snowflake);
}

#[test]
fn hostile_names_and_descriptions_stay_inside_their_tokens() {
    let hostile = "a\"b; DROP TABLE x";
    let mut p = prop(hostile, "string");
    p.description = "it's'); DROP TABLE y; --\\".into();
    p.physical_type = "text); DROP TABLE z; --".into();
    let mut other = prop("o`k\nnext", "integer");
    other.partitioned = true;
    let contract = DataContract {
        id: "h".into(),
        name: "evil\nDROP TABLE w;".into(),
        schema: vec![SchemaObject {
            name: hostile.into(),
            description: "x' OR '1'='1".into(),
            properties: vec![p, other],
            ..Default::default()
        }],
        ..Default::default()
    };
    for dialect in Dialect::ALL {
        let statements = sql::statements(&contract, &ExportOptions { dialect });
        for s in &statements {
            // One statement each: nothing escaped its quotes.
            parse(s, dialect);
        }
        let Statement::CreateTable(table) = parse(&statements[0], dialect) else { panic!("not a CREATE TABLE") };
        assert!(table.name.to_string().contains("DROP TABLE x"));
        assert_eq!(table.columns[0].name.value, hostile, "{}", statements[0]);
        assert!(!statements[0].contains("TEXT); DROP"), "{}", statements[0]);
        let script = sql::export(&contract, &ExportOptions { dialect });
        // The header comment stays on one line.
        assert!(script.lines().next().unwrap().contains("evil DROP TABLE w;"), "{script}");
        assert!(script.lines().nth(1).is_some_and(|l| !l.starts_with("DROP")), "{script}");
    }
}
