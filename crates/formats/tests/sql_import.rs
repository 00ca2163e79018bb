//! SQL `CREATE TABLE` import (feature `sql-import`): the DDL our own SQL export writes reads
//! back to the same tables, columns, keys and descriptions in every dialect; a hand-written
//! script maps types, NOT NULL, PRIMARY KEY and UNIQUE; bad SQL fails with a position; no cut
//! of a script panics.

#[cfg(not(feature = "sql-import"))]
#[test]
fn skipped() {
    println!("skipped: run with --features sql-import (the CLI enables it)");
}

#[cfg(feature = "sql-import")]
mod with_feature {
    use dpstudio_formats::sql::{self, Dialect};
    use dpstudio_formats::sql_import::import;
    use dpstudio_formats::ErrorKind;
    use dpstudio_model::{DataContract, Workspace};

    fn retail() -> Workspace {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
        dpstudio_model::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn round_trip(c: &DataContract, dialect: Dialect) {
        let ddl = sql::export(c, &sql::ExportOptions { dialect });
        let back = import(&c.name, &ddl, dialect).unwrap_or_else(|e| panic!("{}: {e}\n{ddl}", dialect.as_str()));
        let objects: Vec<_> = c.schema.iter().filter(|o| !o.properties.is_empty()).collect();
        assert_eq!(back.schema.len(), objects.len(), "{ddl}");
        for (want, got) in objects.iter().zip(&back.schema) {
            let table = if want.physical_name.is_empty() { &want.name } else { &want.physical_name };
            assert_eq!(&got.name, table);
            assert_eq!(got.properties.len(), want.properties.len(), "{ddl}");
            for (w, g) in want.properties.iter().zip(&got.properties) {
                let column = if w.physical_name.is_empty() { &w.name } else { &w.physical_name };
                let at = format!("{} {}.{}", dialect.as_str(), table, column);
                assert_eq!(&g.name, column, "{at}");
                assert_eq!(g.required, w.required || w.primary_key, "{at}");
                assert_eq!(g.primary_key, w.primary_key, "{at}");
                assert_eq!(g.primary_key_position.is_some(), w.primary_key, "{at}");
                if dialect != Dialect::BigQuery {
                    assert_eq!(g.unique, w.unique && !w.primary_key, "{at}");
                }
                // The logical type survives unless the contract named a physical type of its own.
                if w.physical_type.is_empty() && !w.logical_type.is_empty() {
                    assert_eq!(g.logical_type, w.logical_type, "{at}: {}", g.physical_type);
                }
                if dialect == Dialect::Postgres && !w.description.is_empty() {
                    assert_eq!(g.description, w.description, "{at}");
                }
            }
        }
    }

    #[test]
    fn retail_ddl_reads_back_in_every_dialect() {
        let w = retail();
        for c in &w.contracts {
            for dialect in [Dialect::Postgres, Dialect::Snowflake, Dialect::BigQuery] {
                round_trip(c, dialect);
            }
        }
    }

    #[test]
    fn generated_ddl_reads_back_in_every_dialect() {
        let w = dpstudio_model::generate(15, 2);
        for c in &w.contracts {
            for dialect in [Dialect::Postgres, Dialect::Snowflake, Dialect::BigQuery] {
                round_trip(c, dialect);
            }
        }
    }

    #[test]
    fn hand_written_script_maps_types_and_constraints() {
        let ddl = "
            CREATE SCHEMA sales;
            CREATE TABLE sales.order_lines (
                order_id BIGINT NOT NULL,
                line_no INTEGER,
                sku VARCHAR(32) UNIQUE,
                amount NUMERIC(12, 2) NOT NULL,
                placed_at TIMESTAMP WITH TIME ZONE,
                shipped DATE,
                gift BOOLEAN,
                attrs JSONB,
                tags TEXT[],
                PRIMARY KEY (line_no, order_id)
            );
            CREATE INDEX order_lines_sku ON sales.order_lines (sku);
            CREATE TABLE customers (id UUID PRIMARY KEY, email TEXT NOT NULL, UNIQUE (email));
            COMMENT ON TABLE sales.order_lines IS 'One row per order line';
            COMMENT ON COLUMN sales.order_lines.sku IS 'Stock keeping unit';
        ";
        let c = import("Orders", ddl, Dialect::Postgres).unwrap();
        assert_eq!(c.id, "orders");
        assert_eq!(c.schema.len(), 2);
        let lines = &c.schema[0];
        assert_eq!(lines.name, "order_lines");
        assert_eq!(lines.description, "One row per order line");
        let p = |name: &str| lines.properties.iter().find(|p| p.name == name).unwrap();
        let types: Vec<&str> = lines.properties.iter().map(|p| p.logical_type.as_str()).collect();
        assert_eq!(types, ["integer", "integer", "string", "number", "timestamp", "date", "boolean", "object", "array"]);
        assert_eq!(p("sku").physical_type, "VARCHAR(32)");
        assert!(p("sku").unique && !p("sku").required);
        assert_eq!(p("sku").description, "Stock keeping unit");
        assert!(p("amount").required && !p("amount").primary_key);
        assert_eq!(p("line_no").primary_key_position, Some(1));
        assert_eq!(p("order_id").primary_key_position, Some(2));
        assert!(p("line_no").required);
        let customers = &c.schema[1];
        assert!(customers.properties[0].primary_key && customers.properties[0].required);
        assert!(customers.properties[1].unique && customers.properties[1].required);
    }

    #[test]
    fn bad_sql_fails_with_a_position() {
        let e = import("x", "CREATE TABLE t (\n  a INT,\n  b VARCHAR(,\n);", Dialect::Postgres).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Syntax);
        assert_eq!(e.line, 3, "{e}");
        assert!(e.column > 0, "{e}");
        assert!(!e.message.contains("Line:"), "{e}");
        let e = import("x", "CREATE VIEW v AS SELECT 1;", Dialect::Postgres).unwrap_err();
        assert_eq!(e.kind, ErrorKind::WrongDocument);
        let deep = format!("CREATE TABLE t (a INT DEFAULT {}1{});", "(".repeat(5000), ")".repeat(5000));
        assert!(import("x", &deep, Dialect::Postgres).is_err());
    }

    #[test]
    fn no_cut_of_a_script_panics() {
        let w = retail();
        let ddl: String = w.contracts.iter().map(|c| sql::export(c, &sql::ExportOptions::default())).collect();
        for (end, _) in ddl.char_indices().step_by(7) {
            let _ = import("cut", &ddl[..end], Dialect::Postgres);
        }
    }
}
