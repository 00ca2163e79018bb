//! Runs the real `dpstudio` binary: `check` on standard files and folders of them (the
//! official examples, a folder `export --format odcs/odps` wrote), diagnostics naming the
//! file their contract or product came from, and import errors as `file:line:column`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dpstudio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpstudio")).args(args).output().expect("the binary runs")
}

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/retail.workspace.json").display().to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpstudio-check-specs-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// `../shared/reference` beside the repository, or `None` after saying the test is skipped.
fn reference() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: ../shared/reference not found (looked at {})", dir.display());
        None
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn official_examples_are_checked_with_their_file_names() {
    let Some(reference) = reference() else { return };
    let odcs = reference.join("odcs/examples");
    let odps = reference.join("odps/examples");
    let o = dpstudio(&["check", &odcs.display().to_string(), &odps.display().to_string()]);
    let stdout = text(&o.stdout);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}\n{stdout}", text(&o.stderr));
    assert!(stdout.lines().last().is_some_and(|l| l.ends_with(" info")), "{stdout}");
    // Contract and product diagnostics name an example file.
    let named = stdout.lines().filter(|l| l.contains(".odcs.yaml: ") || l.contains(".odps.yaml: ")).count();
    assert!(named > 0, "{stdout}");
    // One file alone works too.
    let one = odcs.join("enum.odcs.yaml");
    let o = dpstudio(&["check", &one.display().to_string()]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o.stderr));
    let first = text(&o.stdout).lines().find(|l| !l.starts_with("note: ")).map(str::to_owned);
    assert!(first.is_some_and(|l| l.starts_with(&one.display().to_string())), "{}", text(&o.stdout));
}

#[test]
fn exported_folder_is_checked_file_by_file() {
    let dir = scratch("exported");
    let out = dir.display().to_string();
    for format in ["odcs", "odps"] {
        let o = dpstudio(&["export", &example(), "--format", format, "--out", &out]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    // Contracts alone: their products are missing, and the diagnostics say so per file.
    let contracts = dpstudio(&["check", &dir.join("contracts").display().to_string()]);
    assert_eq!(contracts.status.code(), Some(1), "{}", text(&contracts.stderr));
    let stdout = text(&contracts.stdout);
    let orders = dir.join("contracts/orders.odcs.yaml").display().to_string();
    assert!(stdout.lines().any(|l| l.starts_with(&format!("{orders}: error [references.contract-product]"))), "{stdout}");
    // Contracts and products together resolve each other. Rules about what the standard files
    // cannot carry (glossary terms, metrics, source systems, use cases) are skipped with a
    // note (tests/check_spec_scope.rs).
    let whole = dpstudio(&["check", &out]);
    assert!(matches!(whole.status.code(), Some(0 | 1)), "{}", text(&whole.stderr));
    let stdout = text(&whole.stdout);
    for resolved in ["[references.contract-product]", "[graph.orphan-contract]"] {
        assert!(!stdout.contains(resolved), "{resolved}: {stdout}");
    }
    let diagnostics = stdout.lines().filter(|l| !l.starts_with("  hint:") && !l.starts_with("note: ")).count() - 1;
    let in_files = stdout.lines().filter(|l| l.starts_with(&format!("{}/contracts/", dir.display())) || l.starts_with(&format!("{}/products/", dir.display()))).count();
    assert_eq!(in_files, diagnostics, "every diagnostic of this workspace is on a contract or product: {stdout}");
    // JSON output names the file of each contract or product diagnostic.
    let json = dpstudio(&["check", &out, "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    for row in rows.as_array().unwrap() {
        if matches!(row["location"]["kind"].as_str(), Some("contract" | "product")) {
            let file = row["file"].as_str().unwrap_or_else(|| panic!("no file in {row}"));
            assert!(Path::new(file).is_file(), "{file}");
        }
    }
}

#[test]
fn a_broken_file_prints_file_line_column_and_exits_2() {
    let dir = scratch("broken");
    let good = dir.join("good.odcs.yaml");
    let o = dpstudio(&["export", &example(), "--format", "odcs", "--out", &dir.display().to_string()]);
    assert!(o.status.success());
    std::fs::copy(dir.join("contracts/orders.odcs.yaml"), &good).unwrap();
    let bad = dir.join("contracts/bad.odcs.yaml");
    std::fs::write(&bad, "apiVersion: v3.1.0\nkind: DataContract\nid: x\nschema: [\n  - name: a\n    : b\n").unwrap();
    for args in [vec![bad.display().to_string()], vec![dir.join("contracts").display().to_string()]] {
        let mut all = vec!["check".to_owned()];
        all.extend(args);
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        let o = dpstudio(&refs);
        assert_eq!(o.status.code(), Some(2), "{}", text(&o.stdout));
        let stderr = text(&o.stderr);
        let prefix = format!("{}:", bad.display());
        let rest = stderr.strip_prefix(&prefix).unwrap_or_else(|| panic!("{stderr}"));
        let mut parts = rest.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<u32>().is_ok_and(|l| l > 0), "{stderr}");
        assert!(parts.next().unwrap().parse::<u32>().is_ok_and(|c| c > 0), "{stderr}");
        assert!(o.stdout.is_empty(), "nothing checked after a failed import");
    }
    // The good file alone still checks.
    let o = dpstudio(&["check", &good.display().to_string()]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o.stderr));
}

#[test]
fn a_yaml_file_of_no_standard_is_an_error() {
    let dir = scratch("other");
    let f = dir.join("dbt_project.yml");
    std::fs::write(&f, "name: shop\nversion: '1.0'\n").unwrap();
    let o = dpstudio(&["check", &f.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).starts_with(&f.display().to_string()), "{}", text(&o.stderr));
}
