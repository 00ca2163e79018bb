//! The repo bundle: its layout, the zip reading back to exactly its files, every ODCS/ODPS
//! file re-importing into one workspace, and the workspace JSON loading back equal.

use std::io::{Cursor, Read};

use dpstudio_formats::bundle::{self, Source};
use dpstudio_formats::repo_bundle::{export_bundle, to_zip, WORKFLOW_FILE, WORKSPACE_FILE};
use dpstudio_model::Workspace;

fn retail() -> Workspace {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
    dpstudio_model::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a readable zip");
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            (entry.name().to_owned(), text)
        })
        .collect()
}

fn zip_reads_back(w: &Workspace) {
    let files = export_bundle(w);
    let back = unzip(&to_zip(&files).unwrap());
    assert_eq!(back, files, "the zip holds exactly the bundle's files, in order, with equal contents");
}

#[test]
fn retail_zip_reads_back() {
    zip_reads_back(&retail());
}

#[test]
fn generated_zip_reads_back() {
    zip_reads_back(&dpstudio_model::generate(30, 3));
}

#[test]
fn empty_workspace_gives_a_valid_bundle() {
    let w = Workspace { name: "Empty".into(), id: "empty".into(), ..Default::default() };
    let files = export_bundle(&w);
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    for must in [WORKSPACE_FILE, "README.md", WORKFLOW_FILE] {
        assert!(paths.contains(&must), "{must} in {paths:?}");
    }
    assert_eq!(unzip(&to_zip(&files).unwrap()), files);
}

#[test]
fn layout_has_every_standard_file() {
    let w = retail();
    let files = export_bundle(&w);
    let has = |p: &str| files.iter().any(|(q, _)| q == p);
    for c in &w.contracts {
        assert!(has(&format!("contracts/{}.odcs.yaml", c.id)), "{}", c.id);
        assert!(has(&format!("sql/postgres/{}.sql", c.id)), "{}", c.id);
    }
    for p in &w.products {
        assert!(has(&format!("products/{0}/{0}.odps.yaml", p.id)), "{}", p.id);
        assert!(has(&format!("products/{0}/{0}.dpds.json", p.id)), "{}", p.id);
        assert!(has(&format!("docs/{}.md", p.id)), "{}", p.id);
    }
    assert!(has("dbt/dbt_project.yml"));
    assert!(has("dbt/models/sources.yml"));
    let mut paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    let count = paths.len();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), count, "paths are unique");
}

#[test]
fn readme_and_workflow_explain_and_check() {
    let files = export_bundle(&retail());
    let get = |p: &str| files.iter().find(|(q, _)| q == p).map(|(_, t)| t.clone()).unwrap();
    let readme = get("README.md");
    for folder in ["products/", "contracts/", "dbt/", "docs/", "sql/postgres/", WORKSPACE_FILE, WORKFLOW_FILE] {
        assert!(readme.contains(folder), "README explains {folder}");
    }
    let workflow = get(WORKFLOW_FILE);
    assert!(workflow.contains("dpstudio check workspace.dpstudio.json"), "{workflow}");
    assert!(workflow.contains("DPSTUDIO_CLI_PATH"), "{workflow}");
    assert!(workflow.contains("actions/checkout@v4") && workflow.contains("dtolnay/rust-toolchain@"), "{workflow}");
    // The workflow is valid YAML with the keys GitHub Actions needs.
    let doc: serde_json::Value = serde_saphyr::from_str(&workflow).expect("workflow is YAML");
    assert!(doc["jobs"]["check"]["steps"].as_array().is_some_and(|s| s.len() == 4), "{doc}");
    for (path, text) in [("README.md", &readme), (WORKFLOW_FILE, &workflow)] {
        assert!(!text.contains("://"), "{path} names no host");
    }
}

fn reimports(w: &Workspace) {
    let files = export_bundle(w);
    let specs: Vec<&(String, String)> =
        files.iter().filter(|(p, _)| p.ends_with(".odcs.yaml") || p.ends_with(".odps.yaml")).collect();
    let sources: Vec<Source<'_>> = specs.iter().map(|(name, text)| Source { name, text }).collect();
    let back = bundle::import_all(&w.name, &sources).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.contracts.len(), w.contracts.len());
    assert_eq!(back.products.len(), w.products.len());
    let mut ids: Vec<&str> = back.contracts.iter().map(|c| c.id.as_str()).collect();
    let mut want: Vec<&str> = w.contracts.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    want.sort();
    assert_eq!(ids, want);
}

#[test]
fn retail_specs_reimport() {
    reimports(&retail());
}

#[test]
fn generated_specs_reimport() {
    reimports(&dpstudio_model::generate(30, 3));
}

#[test]
fn workspace_json_loads_back_equal() {
    for w in [retail(), dpstudio_model::generate(30, 3)] {
        let files = export_bundle(&w);
        let json = &files.iter().find(|(p, _)| p == WORKSPACE_FILE).unwrap().1;
        assert_eq!(dpstudio_model::from_json(json).unwrap(), w);
    }
}

#[test]
fn colliding_ids_get_distinct_files() {
    let mut w = retail();
    let mut twin = w.contracts[0].clone();
    // `/` is not a file-name character: both ids map to the same stem.
    twin.id = format!("{}/", twin.id);
    w.contracts[0].id.push('?');
    w.contracts.push(twin);
    let files = export_bundle(&w);
    let odcs: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).filter(|p| p.starts_with("contracts/")).collect();
    let mut unique = odcs.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), odcs.len(), "{odcs:?}");
    assert_eq!(odcs.len(), w.contracts.len());
}

#[test]
fn same_workspace_same_bytes() {
    let w = retail();
    assert_eq!(to_zip(&export_bundle(&w)).unwrap(), to_zip(&export_bundle(&w)).unwrap());
}
