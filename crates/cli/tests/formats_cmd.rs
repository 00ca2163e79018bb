//! Runs the real `dpstudio` binary: `export` writes the bundle layout, `import` reads it back
//! into an equivalent workspace, and a bad file fails with file:line:column and writes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dpstudio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpstudio")).args(args).output().expect("the binary runs")
}

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/retail.workspace.json").display().to_string()
}

/// A fresh scratch folder unique to this test process and `name`.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpstudio-formats-cmd-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn export_then_import_gives_back_the_products_and_contracts() {
    let dir = scratch("round");
    let out = dir.join("bundle");
    let out_s = out.display().to_string();
    for format in ["odcs", "odps"] {
        let o = dpstudio(&["export", &example(), "--format", format, "--out", &out_s]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert!(out.join("contracts/orders.odcs.yaml").is_file());
    assert!(out.join("products/web-orders/web-orders.odps.yaml").is_file());

    let ws = dir.join("back.workspace.json");
    let o = dpstudio(&["import", &out_s, "--out", &ws.display().to_string()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let original = dpstudio_model::from_json(&std::fs::read_to_string(example()).unwrap()).unwrap();
    let back = dpstudio_model::from_json(&std::fs::read_to_string(&ws).unwrap()).expect("import writes a workspace");
    let ids = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert_eq!(ids(back.products.iter().map(|p| p.id.clone()).collect()), ids(original.products.iter().map(|p| p.id.clone()).collect()));
    assert_eq!(ids(back.contracts.iter().map(|c| c.id.clone()).collect()), ids(original.contracts.iter().map(|c| c.id.clone()).collect()));
    // Input ports are linked back to the products that serve their contracts.
    for p in &original.products {
        let q = back.product(&p.id).unwrap();
        for (a, b) in p.input_ports.iter().zip(&q.input_ports) {
            if matches!(a.source, dpstudio_model::InputSource::Product { .. }) {
                assert_eq!(a.source, b.source, "{}/{}", p.id, a.id);
            }
        }
    }
}

#[test]
fn odcs_3_1_can_be_chosen() {
    let dir = scratch("v31");
    let o = dpstudio(&["export", &example(), "--format", "odcs", "--odcs-version", "3.1.0", "--out", &dir.display().to_string()]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(dir.join("contracts/orders.odcs.yaml")).unwrap();
    assert!(text.starts_with("apiVersion: v3.1.0\n"), "{text}");
}

#[test]
fn a_bad_file_fails_with_its_position_and_writes_nothing() {
    let dir = scratch("bad");
    let bad = dir.join("bad.odcs.yaml");
    std::fs::write(&bad, "apiVersion: v3.1.0\nkind: DataContract\nid: x\nschema:\n  - name: 5\n").unwrap();
    let ws = dir.join("out.json");
    let o = dpstudio(&["import", &bad.display().to_string(), "--out", &ws.display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.odcs.yaml:5:11: `name` must be text"), "{err}");
    assert!(!ws.exists());
}
