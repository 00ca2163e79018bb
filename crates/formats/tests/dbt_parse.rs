//! The real tool judges the dbt export: the project for the retail example and for a generated
//! workspace is written to a temporary folder with a `profiles.yml` for dbt-duckdb and must pass
//! `dbt parse` (which also validates the semantic models and metrics). The retail project is
//! also built (`dbt build`) on empty source tables: every model runs with its contract enforced
//! and every test passes except the row-count rule, which an empty table rightly fails. `dbt` is found in
//! `$DPSTUDIO_TOOLS` (a folder, e.g. a virtualenv's `bin`) or on PATH; without it the test
//! prints why it skipped:
//!
//!     python3 -m venv .venv && .venv/bin/pip install "dbt-core>=1.10,<1.12" dbt-duckdb
//!     DPSTUDIO_TOOLS=$PWD/.venv/bin cargo test -p dpstudio-formats --test dbt_parse

use std::path::{Path, PathBuf};
use std::process::Command;

use dpstudio_formats::dbt;
use dpstudio_model::Workspace;

fn dbt_tool() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("DPSTUDIO_TOOLS").map(|d| vec![PathBuf::from(d)]).unwrap_or_default();
    dirs.extend(std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect::<Vec<_>>()).unwrap_or_default());
    let found = dirs.into_iter().map(|d| d.join("dbt")).find(|p| p.is_file());
    if found.is_none() {
        println!("skipped: dbt not installed (pip install dbt-core dbt-duckdb, or set DPSTUDIO_TOOLS to its folder)");
    }
    found
}

/// Writes the project for `w` under a fresh temp folder, with a dbt-duckdb profile pointing at
/// a DuckDB file in that folder; returns the folder.
fn write_project(w: &Workspace, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpstudio-dbt-parse-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let files = dbt::export(w);
    for (path, text) in &files {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, text).unwrap();
    }
    let project = dbt::ident(&w.name);
    let profile = format!(
        "{project}:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: {}\n      threads: 1\n",
        dir.join("warehouse.duckdb").display()
    );
    std::fs::write(dir.join("profiles.yml"), profile).unwrap();
    dir
}

/// Runs `dbt <args>` on the project in `dir`, with the profile beside it; returns whether it
/// succeeded and its output.
fn run_dbt(dbt: &Path, dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(dbt)
        .args(args)
        .args(["--profiles-dir", ".", "--project-dir", "."])
        .current_dir(dir)
        // Keep dbt's own files (logs, usage stats) inside the temp folder.
        .env("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
        .env("DBT_LOG_PATH", dir.join("logs"))
        .env("DBT_TARGET_PATH", dir.join("target"))
        .output()
        .expect("dbt runs");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

/// Runs `dbt parse` on the project in `dir`; panics with dbt's output when it fails.
fn parse(dbt: &Path, dir: &Path) -> String {
    let (ok, log) = run_dbt(dbt, dir, &["parse", "--no-partial-parse"]);
    assert!(ok, "dbt parse failed in {}:\n{log}", dir.display());
    log
}

/// What dbt recorded: the manifest's nodes and metrics.
fn manifest(dir: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(dir.join("target/manifest.json")).expect("dbt parse writes a manifest");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn dbt_parse_accepts_the_retail_project() {
    let Some(dbt) = dbt_tool() else { return };
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
    let w = dpstudio_model::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let dir = write_project(&w, "retail");
    let log = parse(&dbt, &dir);
    println!("{log}");
    let m = manifest(&dir);
    let project = dbt::ident(&w.name);
    let orders = &m["nodes"][format!("model.{project}.orders")];
    assert_eq!(orders["config"]["contract"]["enforced"], true, "{orders}");
    assert_eq!(orders["columns"]["order_id"]["data_type"], "varchar(36)");
    let depends = m["nodes"][format!("model.{project}.daily_revenue")]["depends_on"]["nodes"].to_string();
    assert!(depends.contains(&format!("model.{project}.orders")), "{depends}");
    assert!(m["sources"].as_object().unwrap().keys().any(|k| k.starts_with(&format!("source.{project}.webshop."))));
    assert!(m["metrics"].as_object().unwrap().keys().any(|k| k == &format!("metric.{project}.average_order_value")));
    assert!(!m["semantic_models"].as_object().unwrap().is_empty());
    let tests = m["nodes"].as_object().unwrap().keys().filter(|k| k.starts_with("test.")).count();
    assert!(tests >= 5, "{tests} tests");
    build_on_empty_sources(&dbt, &dir);
}

/// Creates every source table empty in the DuckDB file (with the venv's `python` and its
/// `duckdb` module, which dbt-duckdb installs), runs `dbt build` and checks the results.
fn build_on_empty_sources(dbt: &Path, dir: &Path) {
    let python = dbt.with_file_name("python");
    let sources = std::fs::read_to_string(dir.join("models/sources.yml")).unwrap();
    let sources: serde_json::Value = serde_saphyr::from_str(&sources).unwrap();
    let mut script = format!("import duckdb\nc = duckdb.connect({:?})\n", dir.join("warehouse.duckdb").display().to_string());
    for s in sources["sources"].as_array().unwrap() {
        let schema = s["name"].as_str().unwrap();
        script.push_str(&format!("c.execute('create schema if not exists \"{schema}\"')\n"));
        for t in s["tables"].as_array().unwrap() {
            let table = t.get("identifier").unwrap_or(&t["name"]).as_str().unwrap();
            script.push_str(&format!("c.execute('create table if not exists \"{schema}\".\"{table}\" (id integer)')\n"));
        }
    }
    let made = Command::new(&python).args(["-c", &script]).output();
    if !made.as_ref().is_ok_and(|o| o.status.success()) {
        println!("skipped dbt build: no python with duckdb beside dbt ({made:?})");
        return;
    }
    // `dbt run` then `dbt test` (not `dbt build`, which would skip the models downstream of
    // the failing row-count test).
    let run = run_results(dbt, dir, "run");
    let models = run.iter().filter(|(id, _)| id.starts_with("model.")).count();
    assert!(models >= 4, "{models} models built: {run:?}");
    for (id, status) in &run {
        assert_eq!(status, "success", "{id}");
    }
    let tests = run_results(dbt, dir, "test");
    assert!(tests.len() >= 5, "{tests:?}");
    for (id, status) in &tests {
        let expected = if id.contains("rowcount") { "fail" } else { "pass" };
        assert_eq!(status, expected, "{id}");
    }
}

/// Runs `dbt <command>` and returns each node's status from `run_results.json`.
fn run_results(dbt: &Path, dir: &Path, command: &str) -> Vec<(String, String)> {
    let (_, log) = run_dbt(dbt, dir, &[command]);
    let text = std::fs::read_to_string(dir.join("target/run_results.json")).unwrap_or_else(|_| panic!("dbt {command} wrote no results:\n{log}"));
    let results: serde_json::Value = serde_json::from_str(&text).unwrap();
    let list: Vec<(String, String)> = results["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["unique_id"].as_str().unwrap().to_owned(), r["status"].as_str().unwrap().to_owned()))
        .collect();
    println!("dbt {command}: {list:?}");
    list
}

#[test]
fn dbt_parse_accepts_a_generated_project() {
    let Some(dbt) = dbt_tool() else { return };
    let w = dpstudio_model::generate(20, 1);
    let dir = write_project(&w, "generated");
    parse(&dbt, &dir);
    let m = manifest(&dir);
    let models = m["nodes"].as_object().unwrap().keys().filter(|k| k.starts_with("model.")).count();
    assert!(models >= w.products.len(), "{models} models");
}

#[test]
fn dbt_parse_accepts_hostile_names_and_text() {
    use dpstudio_model::{ContractRef, DataContract, DataProduct, OutputPort, Property, SchemaObject};
    let Some(dbt) = dbt_tool() else { return };
    let property = |name: &str| Property { name: name.into(), logical_type: "string".into(), description: "{{ evil() }} {% if %} 'quote\" \n new line".into(), enum_values: vec![dpstudio_model::EnumValue::new("{{ x }}'s")], ..Default::default() };
    let contract = DataContract {
        id: "c 1".into(),
        schema: vec![SchemaObject { name: "select".into(), description: "{# open".into(), properties: vec![property("from {{x}}"), property("1st"), property("order")], ..Default::default() }],
        ..Default::default()
    };
    let product = DataProduct {
        id: "1 Ørders {% x %}".into(),
        tags: vec!["{{ tag }}".into(), "a b".into()],
        output_ports: vec![OutputPort { id: "o".into(), name: "o".into(), contract: Some(ContractRef { id: "c 1".into(), version: "1".into() }), ..Default::default() }],
        ..Default::default()
    };
    let w = Workspace { name: "9 lives {{ ws }}".into(), products: vec![product], contracts: vec![contract], ..Default::default() };
    let dir = write_project(&w, "hostile");
    parse(&dbt, &dir);
    let m = manifest(&dir);
    assert!(m["nodes"].as_object().unwrap().contains_key("model._9_lives_ws.select"), "{}", m["nodes"]);
}
