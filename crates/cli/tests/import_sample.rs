//! Runs the real `dpstudio` binary: `import` infers a contract from JSON samples (`.json`
//! document, `.ndjson`, `.jsonl`) beside standard files; a workspace or an ODCS JSON file keeps
//! its meaning unless `--sample` says otherwise; bad JSON fails with file:line:column.

mod support;

use support::dpstudio;

fn scratch(name: &str) -> std::path::PathBuf {
    support::scratch("import-sample", name)
}

fn load(path: &std::path::Path) -> dpstudio_model::Workspace {
    dpstudio_model::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn samples_of_each_kind_become_contracts_named_after_their_files() {
    let dir = scratch("ok");
    std::fs::write(dir.join("orders.json"), r#"[{"id": 1, "at": "2024-05-31T12:00:00Z"}, {"id": 2, "at": "2024-06-01T00:00:00Z", "note": "x"}]"#).unwrap();
    std::fs::write(dir.join("events.ndjson"), "{\"kind\": \"click\", \"user\": \"123e4567-e89b-12d3-a456-426614174000\"}\n{\"kind\": \"view\"}\n").unwrap();
    std::fs::write(dir.join("users.jsonl"), "{\"email\": \"ann@example.com\", \"score\": 1}\n{\"email\": \"bob@example.com\", \"score\": 2.5}\n").unwrap();
    let out = dir.join("w.json");
    let args: Vec<String> = ["orders.json", "events.ndjson", "users.jsonl"].iter().map(|f| dir.join(f).display().to_string()).collect();
    let o = dpstudio(&["import", &args[0], &args[1], &args[2], "--out", &out.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("imported 3 file(s): 0 product(s), 3 contract(s)"));
    let w = load(&out);
    let ids: Vec<&str> = w.contracts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["orders", "events", "users"]);
    let orders = &w.contracts[0].schema[0];
    assert_eq!(orders.name, "orders");
    let summary: Vec<(&str, &str, bool)> = orders.properties.iter().map(|p| (p.name.as_str(), p.logical_type.as_str(), p.required)).collect();
    assert_eq!(summary, [("id", "integer", true), ("at", "timestamp", true), ("note", "string", false)]);
    let user = &w.contracts[1].schema[0].properties[1];
    assert_eq!((user.name.as_str(), user.required), ("user", false));
    assert_eq!(user.extra["logicalTypeOptions"]["format"], "uuid");
    assert_eq!(w.contracts[2].schema[0].properties[1].logical_type, "number");
    // The inferred contracts pass the checker's errors (warnings such as a missing owner remain).
    let o = dpstudio(&["check", &out.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
}

#[test]
fn standard_documents_and_workspaces_keep_their_meaning_unless_sample_is_given() {
    let dir = scratch("detect");
    let odcs = dir.join("contract.json");
    std::fs::write(&odcs, r#"{"apiVersion": "v3.1.0", "kind": "DataContract", "id": "c1", "version": "1.0.0", "status": "active", "schema": [{"name": "t", "properties": [{"name": "a", "logicalType": "string"}]}]}"#).unwrap();
    let out = dir.join("w.json");
    let o = dpstudio(&["import", &odcs.display().to_string(), "--out", &out.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(load(&out).contracts[0].id, "c1", "read as ODCS");

    let o = dpstudio(&["import", "--sample", &odcs.display().to_string(), "--out", &out.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let w = load(&out);
    assert_eq!(w.contracts[0].id, "contract", "read as a sample named after the file");
    assert!(w.contracts[0].schema[0].properties.iter().any(|p| p.name == "apiVersion"));

    // A saved workspace is not a sample: import reports it as before.
    let workspace = dir.join("saved.json");
    std::fs::write(&workspace, dpstudio_model::to_json_pretty(&w)).unwrap();
    let o = dpstudio(&["import", &workspace.display().to_string(), "--out", &dir.join("x.json").display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a recognised document"));
}

#[test]
fn bad_json_prints_file_line_column_and_writes_nothing() {
    let dir = scratch("bad");
    let sample = dir.join("broken.jsonl");
    std::fs::write(&sample, "{\"a\": 1}\n{\"a\": 2,, \"b\": 3}\n").unwrap();
    let out = dir.join("w.json");
    let o = dpstudio(&["import", &sample.display().to_string(), "--out", &out.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains(&format!("{}:2:9:", sample.display())), "{stderr}");
    assert!(!out.exists(), "nothing written");
}
