//! Runs the real `dpstudio` binary: `check` on standard files alone skips the rules only a
//! workspace can answer (glossary, metrics, source systems, use cases) and names them in one
//! note; the rules the files can answer still fire; a workspace is checked by every rule.

use std::path::PathBuf;

mod support;

use support::{dpstudio, example, stdout};

/// The retail example exported as ODCS and ODPS files under a fresh folder.
fn exported(name: &str) -> PathBuf {
    let dir = support::scratch("check-scope", name);
    for format in ["odcs", "odps"] {
        let o = dpstudio(&["export", &example(), "--format", format, "--out", &dir.display().to_string()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    dir
}

const SKIPPED: [&str; 5] =
    ["references.glossary-link", "references.property-metric", "references.input-system", "graph.unconsumed-product", "graph.consumer-aligned-without-use-case"];

#[test]
fn spec_files_skip_workspace_only_rules_with_one_note() {
    let dir = exported("skip");
    let o = dpstudio(&["check", &dir.display().to_string()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "the retail example's files have no error: {out}");
    let notes: Vec<&str> = out.lines().filter(|l| l.starts_with("note: not checkable from spec files alone: ")).collect();
    assert_eq!(notes.len(), 1, "{out}");
    for rule in SKIPPED {
        assert!(notes[0].contains(rule), "{rule} named in the note: {}", notes[0]);
        assert!(!out.contains(&format!("[{rule}]")), "{rule} reported: {out}");
    }

    // JSON output stays one JSON document; the note goes to stderr.
    let o = dpstudio(&["check", &dir.display().to_string(), "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON on stdout");
    assert!(rows.as_array().unwrap().iter().all(|d| !SKIPPED.contains(&d["rule"].as_str().unwrap_or(""))));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not checkable from spec files alone"));
}

#[test]
fn rules_the_files_can_answer_still_fire() {
    let dir = exported("answerable");
    // An output port bound to a contract no file holds.
    let product = dir.join("products/web-orders/web-orders.odps.yaml");
    let text = std::fs::read_to_string(&product).unwrap();
    assert!(text.contains("contractId: orders"), "{text}");
    std::fs::write(&product, text.replacen("contractId: orders", "contractId: no-such-contract", 1)).unwrap();
    let o = dpstudio(&["check", &dir.display().to_string()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("[references.port-contract]"), "{out}");
    assert!(out.contains("[references.input-contract-mismatch]") || out.contains("[graph.derived-without-inputs]"), "upstream lookups run too: {out}");
}

#[test]
fn a_workspace_is_checked_by_every_rule_without_a_note() {
    // The retail workspace links glossary terms and metrics that exist: nothing to skip, no note.
    let o = dpstudio(&["check", &example()]);
    assert!(!stdout(&o).contains("not checkable"), "{}", stdout(&o));
    // A workspace whose glossary is gone reports the broken links: the rule runs on workspaces.
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    doc["context"]["glossary"] = serde_json::json!([]);
    let path = std::env::temp_dir().join(format!("dpstudio-check-scope-{}-noglossary.json", std::process::id()));
    std::fs::write(&path, doc.to_string()).unwrap();
    let o = dpstudio(&["check", &path.display().to_string()]);
    assert!(stdout(&o).contains("[references.glossary-link]"), "{}", stdout(&o));
}
