//! Shared by the fidelity tests: finding `../shared/reference` beside the repository, reading
//! its examples and validating values against its official JSON Schemas.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The reference folder (`shared/reference` beside the repository), or `None` after printing
/// why the calling test skips.
pub fn reference() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: ../shared/reference not found (looked at {})", dir.display());
        None
    }
}

/// Every file in `dir`, sorted by name, with its text.
pub fn files(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
            (name, text)
        })
        .collect();
    out.sort();
    out
}

/// Parses YAML 1.2 (core schema) independently of the importer, to compare documents as values.
pub fn parse(text: &str) -> Value {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    options.underscored_numbers_as_strings = true;
    serde_saphyr::from_str_with_options::<Value>(text, options).unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"))
}

/// A compiled official schema.
pub fn schema(path: &Path) -> jsonschema::Validator {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("cannot compile {}: {e}", path.display()))
}

/// Schema errors of `value`, one line each (empty when valid).
pub fn schema_errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

/// The first differences between two values, as JSON-pointer paths, for readable failures.
pub fn diff(a: &Value, b: &Value, path: &str, out: &mut Vec<String>) {
    if out.len() >= 10 {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                match (x.get(key), y.get(key)) {
                    (Some(l), Some(r)) => diff(l, r, &format!("{path}/{key}"), out),
                    (l, r) => out.push(format!("{path}/{key}: {l:?} vs {r:?}")),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (l, r)) in x.iter().zip(y).enumerate() {
                diff(l, r, &format!("{path}/{i}"), out);
            }
        }
        _ if a != b => out.push(format!("{path}: {a} vs {b}")),
        _ => {}
    }
}
