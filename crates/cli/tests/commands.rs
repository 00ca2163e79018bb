//! Runs the real `dpstudio` binary: outputs and exit codes of generate, impact and diff.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn dpstudio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpstudio")).args(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/retail.workspace.json").display().to_string()
}

/// A scratch file unique to this test process and `name`.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpstudio-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

/// Writes a copy of the example changed by `edit` and returns its path.
fn changed_example(name: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    edit(&mut doc);
    let path = scratch(name);
    std::fs::write(&path, doc.to_string()).unwrap();
    path.display().to_string()
}

fn contract_mut<'a>(doc: &'a mut Value, id: &str) -> &'a mut Value {
    doc["contracts"].as_array_mut().unwrap().iter_mut().find(|c| c["id"] == id).unwrap()
}

#[test]
fn generate_is_deterministic_and_loads() {
    let a = dpstudio(&["generate", "--products", "25", "--seed", "9"]);
    let b = dpstudio(&["generate", "--products", "25", "--seed", "9"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let workspace = dpstudio_model::from_json(&stdout(&a)).expect("generated workspace loads");
    assert_eq!(workspace.products.len(), 25);

    let out = scratch("generated.json");
    let written = dpstudio(&["generate", "--products", "10", "--out", out.to_str().unwrap()]);
    assert!(written.status.success());
    assert!(String::from_utf8_lossy(&written.stderr).contains("10 products"));
    let checked = dpstudio(&["check", out.to_str().unwrap(), "--format", "json"]);
    let diagnostics: Value = serde_json::from_slice(&checked.stdout).expect("check prints JSON");
    assert!(diagnostics.is_array());
}

#[test]
fn impact_lists_downstream_products_and_use_cases() {
    let human = dpstudio(&["impact", &example(), "orders"]);
    assert!(human.status.success());
    let text = stdout(&human);
    assert!(text.starts_with("impact of contract orders"), "{text}");
    assert!(text.contains("daily-revenue") && text.contains("churn-campaigns"), "{text}");

    let json = dpstudio(&["impact", &example(), "web-orders", "--format", "json"]);
    let impact: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(impact["target"], serde_json::json!({"kind": "product", "id": "web-orders"}));
    let use_cases: Vec<&str> = impact["useCases"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(use_cases, vec!["churn-campaigns", "weekly-revenue-report"]);
}

#[test]
fn impact_of_an_unknown_id_exits_2_with_a_message() {
    let out = dpstudio(&["impact", &example(), "no-such-thing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'no-such-thing' is not a product, an output port"));
}

#[test]
fn diff_of_identical_workspaces_exits_0() {
    let out = dpstudio(&["diff", &example(), &example()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("0 contract(s) changed, 0 added, 0 removed, 0 breaking change(s)"));
}

#[test]
fn diff_exits_1_on_a_breaking_change_and_names_it() {
    let new = changed_example("breaking.json", |doc| {
        let c = contract_mut(doc, "orders");
        c["schema"][0]["properties"].as_array_mut().unwrap().retain(|p| p["name"] != "shipping_email");
    });
    let human = dpstudio(&["diff", &example(), &new]);
    assert_eq!(human.status.code(), Some(1));
    let text = stdout(&human);
    assert!(text.contains("BREAKING property-removed") && text.contains("orders.shipping_email"), "{text}");
    assert!(text.contains("version: the changes need a major version bump"), "{text}");

    let json = dpstudio(&["diff", &example(), &new, "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["breaking"], true);
    assert_eq!(report["contracts"][0]["required"], "major");
    assert_eq!(report["contracts"][0]["changes"][0]["kind"], "property-removed");
}

#[test]
fn diff_exits_0_on_an_additive_change_and_filters_by_contract() {
    let new = changed_example("additive.json", |doc| {
        let c = contract_mut(doc, "orders");
        c["version"] = "1.3.0".into();
        c["schema"][0]["properties"].as_array_mut().unwrap().push(serde_json::json!({"name": "coupon", "logicalType": "string"}));
        let other = contract_mut(doc, "daily-revenue");
        other["schema"][0]["properties"].as_array_mut().unwrap().pop();
    });
    let out = dpstudio(&["diff", &example(), &new, "--contract", "orders", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["contracts"].as_array().unwrap().len(), 1);
    assert_eq!(report["contracts"][0]["required"], "minor");
    assert!(report["contracts"][0].get("versionProblem").is_none_or(Value::is_null));
    // Without the filter the removed daily-revenue field makes it breaking.
    assert_eq!(dpstudio(&["diff", &example(), &new]).status.code(), Some(1));
    assert_eq!(dpstudio(&["diff", &example(), &new, "--contract", "nope"]).status.code(), Some(2));
}

/// Writes the example's `orders` contract as an ODCS file, after `edit`.
fn odcs_file(name: &str, edit: impl FnOnce(&mut dpstudio_model::DataContract)) -> String {
    let workspace = dpstudio_model::from_json(&std::fs::read_to_string(example()).unwrap()).unwrap();
    let mut contract = workspace.contract("orders").unwrap().clone();
    edit(&mut contract);
    let yaml = dpstudio_formats::odcs::export(&contract, &workspace, &Default::default());
    let path = scratch(name);
    std::fs::write(&path, yaml).unwrap();
    path.display().to_string()
}

#[test]
fn diff_reads_odcs_files_and_mixes_them_with_workspaces() {
    let old = odcs_file("orders-old.odcs.yaml", |_| {});
    let same = dpstudio(&["diff", &old, &old]);
    assert_eq!(same.status.code(), Some(0), "{}", stdout(&same));
    assert!(stdout(&same).contains("0 contract(s) changed"));

    let new = odcs_file("orders-new.odcs.yaml", |c| {
        c.version = "2.0.0".into();
        c.schema[0].properties.retain(|p| p.name != "currency");
    });
    let out = dpstudio(&["diff", &old, &new, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes = report["contracts"][0]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0]["path"], "orders.currency");
    assert!(report["contracts"][0]["versionProblem"].is_null());

    // The workspace's own `orders` against the changed file: only that contract is compared.
    let mixed = dpstudio(&["diff", &example(), &new]);
    assert_eq!(mixed.status.code(), Some(1));
    assert!(stdout(&mixed).contains("1 contract(s) changed"), "{}", stdout(&mixed));

    let broken = scratch("broken.odcs.yaml");
    std::fs::write(&broken, "apiVersion: [").unwrap();
    let out = dpstudio(&["diff", &old, broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.odcs.yaml"));
}
