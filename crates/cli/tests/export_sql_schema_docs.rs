//! Runs the real `dpstudio` binary for the SQL DDL, JSON Schema and Markdown exports: files land
//! in the documented layout with the content of the retail example.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dpstudio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpstudio")).args(args).output().expect("the binary runs")
}

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/retail.workspace.json").display().to_string()
}

/// A fresh scratch folder unique to this test process and `name`.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpstudio-export-docs-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn export(dir: &Path, extra: &[&str]) {
    let out = dir.display().to_string();
    let mut args = vec!["export", "--out", &out];
    let ws = example();
    args.push(&ws);
    args.extend_from_slice(extra);
    let o = dpstudio(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn sql_export_writes_one_script_per_contract_and_dialect() {
    let dir = scratch("sql");
    export(&dir, &["--format", "sql"]);
    let pg = std::fs::read_to_string(dir.join("sql/postgres/orders.sql")).expect("postgres is the default dialect");
    assert!(pg.contains("CREATE TABLE \"orders_v1\" (") && pg.contains("COMMENT ON TABLE \"orders_v1\""), "{pg}");
    for (dialect, expected) in [("snowflake", "CLUSTER BY (\"ordered_at\")"), ("bigquery", "PARTITION BY DATE(`ordered_at`)")] {
        export(&dir, &["--format", "sql", "--dialect", dialect]);
        let text = std::fs::read_to_string(dir.join(format!("sql/{dialect}/orders.sql"))).unwrap();
        assert!(text.contains(expected), "{text}");
    }
    let o = dpstudio(&["export", &example(), "--format", "sql", "--dialect", "oracle", "--out", &dir.display().to_string()]);
    assert_eq!(o.status.code(), Some(2), "an unknown dialect is a usage error");
}

#[test]
fn jsonschema_export_writes_one_schema_per_object() {
    let dir = scratch("jsonschema");
    export(&dir, &["--format", "jsonschema"]);
    let text = std::fs::read_to_string(dir.join("jsonschema/orders/orders.schema.json")).expect("orders/orders schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["properties"]["ordered_at"]["format"], "date-time");
    assert!(schema["required"].as_array().unwrap().contains(&"order_id".into()));
    // Object names are kept as file names (only unsafe characters are replaced).
    assert!(dir.join("jsonschema/customer-profiles/customer_profiles.schema.json").is_file());
}

#[test]
fn markdown_export_writes_one_page_per_product() {
    let dir = scratch("markdown");
    export(&dir, &["--format", "markdown"]);
    let page = std::fs::read_to_string(dir.join("docs/web-orders.md")).expect("a page per product");
    assert!(page.starts_with("# Web Orders\n"), "{page}");
    assert!(page.contains("```mermaid\nflowchart LR\n") && page.contains("| Owner | Checkout Team |"), "{page}");
    let count = std::fs::read_dir(dir.join("docs")).unwrap().count();
    let w = dpstudio_model::from_json(&std::fs::read_to_string(example()).unwrap()).unwrap();
    assert_eq!(count, w.products.len());
}
