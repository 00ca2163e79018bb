//! Runs the real `dpstudio` binary: `diff` on two folders of ODCS files (contracts matched by
//! id, added and removed ones listed, exit 1 on breaking), in human and JSON output, and on a
//! folder against a single contract file.

use std::path::{Path, PathBuf};
use std::process::Output;

mod support;

use support::{dpstudio, example, stdout};

/// The retail example's contracts as ODCS files in `<tmp>/<name>/contracts`.
fn exported(name: &str) -> PathBuf {
    let dir = support::scratch("diff-folders", name);
    let o = dpstudio(&["export", &example(), "--format", "odcs", "--out", &dir.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    dir.join("contracts")
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from} not in {}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

fn diff(old: &Path, new: &Path, json: bool) -> Output {
    let (old, new) = (old.display().to_string(), new.display().to_string());
    let mut args = vec!["diff", old.as_str(), new.as_str()];
    if json {
        args.extend(["--format", "json"]);
    }
    dpstudio(&args)
}

#[test]
fn identical_folders_have_no_changes() {
    let (old, new) = (exported("same-old"), exported("same-new"));
    let o = diff(&old, &new, false);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 contract(s) changed, 0 added, 0 removed, 0 breaking change(s)"), "{}", stdout(&o));
}

#[test]
fn added_removed_and_changed_contracts_by_id() {
    let (old, new) = (exported("mixed-old"), exported("mixed-new"));
    // Removed: customer-360. Added: a copy of orders under a new id and file name (file names
    // do not matter, ids do). Changed: orders renames a property (breaking).
    std::fs::remove_file(new.join("customer-360.odcs.yaml")).unwrap();
    let copy = new.join("renamed-file.odcs.yaml");
    std::fs::copy(new.join("orders.odcs.yaml"), &copy).unwrap();
    edit(&copy, "id: orders\n", "id: returns\n");
    edit(&new.join("orders.odcs.yaml"), "  - name: order_id\n", "  - name: order_ref\n");

    let o = diff(&old, &new, false);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(text.contains("added contract returns 1.2.0: minor"), "{text}");
    assert!(text.contains("removed contract customer-360"), "{text}");
    assert!(text.contains("contract orders 1.2.0 → 1.2.0: needs a major bump"), "{text}");
    assert!(text.contains("BREAKING property-renamed"), "{text}");
    assert!(text.contains("1 contract(s) changed, 1 added, 1 removed"), "{text}");

    let o = diff(&old, &new, true);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["breaking"], true);
    assert_eq!(v["added"], serde_json::json!(["returns"]));
    assert_eq!(v["removed"], serde_json::json!(["customer-360"]));
    let orders = v["contracts"].as_array().unwrap().iter().find(|d| d["contract"] == "orders").expect("orders changed");
    assert_eq!(orders["required"], "major");
    assert!(orders["changes"].as_array().unwrap().iter().any(|c| c["kind"] == "property-renamed" && c["breaking"] == true));
}

#[test]
fn an_additive_change_exits_0_and_a_folder_compares_with_one_file() {
    let (old, new) = (exported("add-old"), exported("add-new"));
    edit(&new.join("orders.odcs.yaml"), "version: \"1.2.0\"", "version: \"1.3.0\"");
    edit(&new.join("orders.odcs.yaml"), "  properties:\n", "  properties:\n  - name: note\n    logicalType: string\n");
    let o = diff(&old, &new, false);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("contract orders 1.2.0 → 1.3.0: needs a minor bump"), "{}", stdout(&o));

    // A folder against one contract file: only that id is compared.
    let o = diff(&old, &new.join("orders.odcs.yaml"), true);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ids: Vec<&str> = v["contracts"].as_array().unwrap().iter().filter_map(|d| d["contract"].as_str()).collect();
    assert_eq!(ids, ["orders"]);
}
