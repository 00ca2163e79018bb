//! `dpstudio check --conformance DIR`: standard files are validated against their official
//! JSON Schemas from the reference folder, and findings print as `file:line:column`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dpstudio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpstudio")).args(args).output().expect("the binary runs")
}

/// `../shared/reference` beside the repository, or `None` after saying the test is skipped.
fn reference() -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference");
    if dir.is_dir() {
        Some(dir.display().to_string())
    } else {
        println!("skipped: ../shared/reference not found; --conformance needs its schemas");
        None
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpstudio-check-conformance-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// An ODCS contract whose one property has a logical type the standard does not know.
const BROKEN: &str = "\
apiVersion: v3.2.0
kind: DataContract
id: orders
version: 1.0.0
status: active
schema: [{name: orders, properties: [{name: placed_at, logicalType: text}]}]
";

#[test]
fn official_examples_have_no_conformance_findings() {
    let Some(reference) = reference() else { return };
    let examples = Path::new(&reference).join("odcs/examples").display().to_string();
    let o = dpstudio(&["check", &examples, "--conformance", &reference]);
    let stdout = text(&o.stdout);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}\n{stdout}", text(&o.stderr));
    assert!(!stdout.contains("[conformance."), "{stdout}");
}

#[test]
fn a_broken_file_prints_its_finding_at_file_line_column() {
    let Some(reference) = reference() else { return };
    let dir = scratch("broken");
    let file = dir.join("orders.odcs.yaml");
    std::fs::write(&file, BROKEN).expect("write");
    let name = file.display().to_string();

    let o = dpstudio(&["check", &name, "--conformance", &reference]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let stdout = text(&o.stdout);
    let expected = format!(
        "{name}:6:69: error [conformance.schema] schema[0].properties[0].logicalType: \"text\" is not one of string, date,"
    );
    assert!(stdout.lines().any(|l| l.starts_with(&expected)), "{stdout}");

    let o = dpstudio(&["check", &name, "--conformance", &reference, "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON output");
    let finding = rows
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["rule"] == "conformance.schema"))
        .unwrap_or_else(|| panic!("{rows:#}"));
    assert_eq!((finding["line"].as_u64(), finding["column"].as_u64()), (Some(6), Some(69)));
    assert_eq!(finding["pointer"], "/schema/0/properties/0/logicalType");
    assert_eq!(finding["file"], name.as_str());

    // Without the option the schema is not consulted.
    let o = dpstudio(&["check", &name]);
    assert!(!text(&o.stdout).contains("[conformance."), "{}", text(&o.stdout));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_that_is_not_the_reference_folder_is_an_error() {
    let dir = scratch("not-reference");
    let file = dir.join("orders.odcs.yaml");
    std::fs::write(&file, BROKEN).expect("write");
    let o = dpstudio(&["check", &file.display().to_string(), "--conformance", &dir.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = text(&o.stderr);
    assert!(stderr.contains("--conformance: cannot read the ODCS 3.2 schema"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
