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
    assert!(String::from_utf8_lossy(&out.stderr).contains("'no-such-thing' is not a product id"));
}

#[test]
fn diff_of_identical_workspaces_exits_0() {
    let out = dpstudio(&["diff", &example(), &example()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("0 contract(s) changed, 0 breaking change(s)"));
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
