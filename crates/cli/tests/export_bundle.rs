//! Runs the real `dpstudio` binary: `export --format bundle` writes one zip holding the repo
//! bundle, whose workspace JSON is the exported workspace and which `dpstudio check` accepts.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dpstudio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpstudio")).args(args).output().expect("the binary runs")
}

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/retail.workspace.json").display().to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpstudio-export-bundle-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn bundle_export_writes_a_zip_of_the_repo_layout() {
    let dir = scratch("zip");
    let zip_path = dir.join("out/retail.zip");
    let o = dpstudio(&["export", &example(), "--format", "bundle", "--out", &zip_path.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("file(s)"));

    let bytes = std::fs::read(&zip_path).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
    for must in [
        "workspace.dpstudio.json",
        "README.md",
        ".github/workflows/dpstudio.yml",
        "contracts/orders.odcs.yaml",
        "products/daily-revenue/daily-revenue.odps.yaml",
        "docs/daily-revenue.md",
        "dbt/dbt_project.yml",
    ] {
        assert!(names.iter().any(|n| n == must), "{must} in {names:?}");
    }
    assert!(names.iter().any(|n| n.starts_with("sql/postgres/")), "{names:?}");

    // The workspace inside is the one exported, and the CLI checks it as the workflow would.
    let mut json = String::new();
    archive.by_name("workspace.dpstudio.json").unwrap().read_to_string(&mut json).unwrap();
    let original = dpstudio_model::from_json(&std::fs::read_to_string(example()).unwrap()).unwrap();
    assert_eq!(dpstudio_model::from_json(&json).unwrap(), original);
    let ws = dir.join("workspace.dpstudio.json");
    std::fs::write(&ws, json).unwrap();
    let o = dpstudio(&["check", &ws.display().to_string()]);
    assert!(o.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&o.stderr));
}
