//! Shared by the integration tests: the reference folder (`../shared/reference` from the repo
//! root, never copied into the repo) and validators built from its schemas.

#![allow(dead_code)]

use std::path::PathBuf;

use dpstudio_conformance::{Standard, Validator};

/// The reference folder, or `None` (with a message saying the test is skipped) when absent.
pub fn reference() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference");
    if dir.join("README.md").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: ../shared/reference (relative to the repo root) is absent; conformance tests need its schemas"
        );
        None
    }
}

pub fn read(dir: &std::path::Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The validator of `standard`, from the reference folder's schema and companions.
pub fn validator(dir: &std::path::Path, standard: Standard) -> Validator {
    let companions: Vec<(&str, String)> =
        standard.companions().iter().map(|c| (c.reference, read(dir, c.file))).collect();
    let pairs: Vec<(&str, &str)> = companions.iter().map(|(r, t)| (*r, t.as_str())).collect();
    Validator::with_companions(standard, &read(dir, standard.schema_file()), &pairs)
        .unwrap_or_else(|e| panic!("{}: {e}", standard.label()))
}

/// The files of a reference sub-folder, sorted, as paths relative to the reference folder.
pub fn files(dir: &std::path::Path, sub: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join(sub))
        .unwrap_or_else(|e| panic!("{sub}: {e}"))
        .filter_map(Result::ok)
        .map(|e| format!("{sub}/{}", e.file_name().to_string_lossy()))
        .collect();
    names.sort();
    names
}
