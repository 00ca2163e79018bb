//! Bundles the official JSON Schemas into the formats module so conformance works offline:
//! they are read from the reference folder beside the repository (`../shared/reference`) at
//! build time and never stored in the repository. Without the folder the module still builds;
//! conformance then says which schema is missing instead of checking.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let reference = manifest.join("..").join("..").join("shared").join("reference");
    println!("cargo:rerun-if-changed={}", reference.display());
    let mut entries = String::new();
    for (relative, path) in schema_files(&reference) {
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(entries, "    ({relative:?}, include_str!({:?})),", path.display().to_string());
    }
    let code = format!(
        "/// Official schemas by their path inside the reference folder.\npub static SCHEMAS: &[(&str, &str)] = &[\n{entries}];\n"
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("schemas.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}

/// `<standard>/schema/*.json` files, drafts left out (no standard resolves to them).
fn schema_files(reference: &Path) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    let Ok(standards) = std::fs::read_dir(reference) else { return found };
    for standard in standards.flatten() {
        let schema_dir = standard.path().join("schema");
        let Ok(files) = std::fs::read_dir(&schema_dir) else { continue };
        for file in files.flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") && !name.to_ascii_uppercase().contains("DRAFT") {
                let relative = format!("{}/schema/{name}", standard.file_name().to_string_lossy());
                found.push((relative, file.path()));
            }
        }
    }
    found.sort();
    found
}
