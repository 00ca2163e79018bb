//! The real tools of the ecosystem judge our exports: `odcslint check`, `datacontract lint`
//! (datacontract-cli) and `dataproduct lint` (dataproduct-cli), installed from PyPI. Each
//! official example's round-trip export must get the same verdict as the original, and the
//! designed retail workspace's exports must pass. Tools are found in `$DPSTUDIO_TOOLS` (a
//! folder, e.g. a virtualenv's `bin`) or on PATH; a missing tool skips its part with a message.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use dpstudio_formats::{odcs, odps};
use dpstudio_model::Workspace;

fn tool(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("DPSTUDIO_TOOLS").map(|d| vec![PathBuf::from(d)]).unwrap_or_default();
    dirs.extend(std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect::<Vec<_>>()).unwrap_or_default());
    let found = dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file());
    if found.is_none() {
        println!("skipped: `{name}` not installed (pip install it, or set DPSTUDIO_TOOLS to its folder)");
    }
    found
}

/// Runs `tool args…` in `dir` and tells whether it succeeded, with its output for messages.
fn passes(tool: &Path, args: &[&str], dir: &Path) -> (bool, String) {
    let out = Command::new(tool).args(args).current_dir(dir).output().expect("the tool runs");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpstudio-real-tools-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn retail() -> Workspace {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/retail.workspace.json");
    let mut w = dpstudio_model::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    // ODCS requires a port for postgres servers and the example leaves it out (see
    // designed_exports.rs); the exporter does not invent connection details.
    for server in w.contracts.iter_mut().flat_map(|c| c.servers.iter_mut()) {
        if server.kind == "postgres" && !server.extra.contains_key("port") {
            server.extra.insert("port".into(), 5432.into());
        }
    }
    w
}

/// Writes the round-trip export of every official ODCS example next to a copy of the original.
fn odcs_round_trips(reference: &Path, dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    std::fs::create_dir_all(dir.join("original")).unwrap();
    std::fs::create_dir_all(dir.join("export")).unwrap();
    for (name, text) in support::files(&reference.join("odcs/examples")) {
        let i = odcs::import(&text).expect("imports");
        let version = if i.api_version == "v3.1.0" { odcs::OdcsVersion::V3_1_0 } else { odcs::OdcsVersion::V3_2_0 };
        let w = Workspace { context: i.context, contracts: vec![i.contract], ..Default::default() };
        std::fs::write(dir.join("original").join(&name), &text).unwrap();
        std::fs::write(dir.join("export").join(&name), odcs::export(&w.contracts[0], &w, &odcs::ExportOptions { version })).unwrap();
        names.push(name);
    }
    names
}

#[test]
fn odcslint_accepts_what_it_accepts_in_the_originals() {
    let Some(reference) = support::reference() else { return };
    let Some(odcslint) = tool("odcslint") else { return };
    let dir = scratch("odcslint");
    for name in odcs_round_trips(&reference, &dir) {
        let (original, _) = passes(&odcslint, &["check", &format!("original/{name}")], &dir);
        let (export, log) = passes(&odcslint, &["check", &format!("export/{name}")], &dir);
        assert!(export || !original, "{name}: the original passes odcslint, the export does not:\n{log}");
    }
    let w = retail();
    for c in &w.contracts {
        let file = dir.join(format!("{}.odcs.yaml", c.id));
        std::fs::write(&file, odcs::export(c, &w, &odcs::ExportOptions::default())).unwrap();
        let (ok, log) = passes(&odcslint, &["check", &file.display().to_string()], &dir);
        assert!(ok, "{}: {log}", c.id);
    }
}

#[test]
fn datacontract_lint_accepts_what_it_accepts_in_the_originals() {
    let Some(reference) = support::reference() else { return };
    let Some(datacontract) = tool("datacontract") else { return };
    let dir = scratch("datacontract");
    for name in odcs_round_trips(&reference, &dir) {
        let (original, _) = passes(&datacontract, &["lint", &format!("original/{name}")], &dir);
        let (export, log) = passes(&datacontract, &["lint", &format!("export/{name}")], &dir);
        assert!(export || !original, "{name}: the original passes datacontract lint, the export does not:\n{log}");
        println!("{name}: original {}, export {}", if original { "passes" } else { "fails" }, if export { "passes" } else { "fails" });
    }
}

#[test]
fn dataproduct_lint_accepts_the_exports_and_resolves_their_contracts() {
    let Some(reference) = support::reference() else { return };
    let Some(dataproduct) = tool("dataproduct") else { return };
    let dir = scratch("dataproduct");
    for (name, text) in support::files(&reference.join("odps/examples")) {
        let i = odps::import(&text).expect("imports");
        let w = Workspace { context: i.context, products: vec![i.product], ..Default::default() };
        std::fs::write(dir.join(&name), odps::export(&w.products[0], &w)).unwrap();
        let (ok, log) = passes(&dataproduct, &["lint", "--no-resolve-references", &name], &dir);
        assert!(ok, "{name}: {log}");
    }
    // The designed workspace as a repo bundle: products resolve their contracts by id.
    let w = retail();
    for c in &w.contracts {
        std::fs::create_dir_all(dir.join("bundle/contracts")).unwrap();
        std::fs::write(dir.join(format!("bundle/contracts/{}.odcs.yaml", c.id)), odcs::export(c, &w, &Default::default())).unwrap();
    }
    let needs_datacontract = tool("datacontract").is_some();
    for p in &w.products {
        let file = format!("products/{0}/{0}.odps.yaml", p.id);
        std::fs::create_dir_all(dir.join("bundle").join(&file).parent().unwrap()).unwrap();
        std::fs::write(dir.join("bundle").join(&file), odps::export(p, &w)).unwrap();
        let mut args = vec!["lint", file.as_str()];
        if !needs_datacontract {
            args.insert(1, "--no-resolve-references");
        }
        let (ok, log) = passes(&dataproduct, &args, &dir.join("bundle"));
        assert!(ok, "{}: {log}", p.id);
    }
}
