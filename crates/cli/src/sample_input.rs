//! Which `dpstudio import` inputs are JSON samples (data to infer a contract from) rather than
//! standard files or a workspace. `*.ndjson` and `*.jsonl` always are. A `*.json` file is a
//! sample unless it is an ODCS/ODPS/DCS document or a saved workspace (`formatVersion` at the
//! top), which keep their meaning; `--sample` makes every `*.json` file given a sample, for
//! data that happens to look like one of those.

use std::path::Path;

use dpstudio_formats::{bundle, json_sample};
use dpstudio_model::DataContract;

fn extension_is(path: &Path, names: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| names.iter().any(|n| e.eq_ignore_ascii_case(n)))
}

/// Whether `path` has an extension of JSON or JSON Lines (only those can be samples).
pub fn json_like(path: &Path) -> bool {
    extension_is(path, &["json", "ndjson", "jsonl"])
}

/// Whether `path` (a file named on the command line, with its text) is read as a sample.
pub fn is_sample(path: &Path, text: &str, forced: bool) -> bool {
    if extension_is(path, &["ndjson", "jsonl"]) {
        return true;
    }
    if !extension_is(path, &["json"]) {
        return false;
    }
    forced || (bundle::detect(text).is_err() && !is_workspace(text))
}

/// A document saved by the studio: a JSON object with `formatVersion` at its top.
fn is_workspace(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| v.get("formatVersion").is_some())
}

/// The contract inferred from the sample at `path`, named after the file (`orders.jsonl` →
/// `orders`); errors read `file:line:column: message`.
pub fn import(path: &Path, text: &str) -> Result<DataContract, String> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "sample".to_owned());
    json_sample::import(&stem, text).map_err(|e| e.in_file(&path.display().to_string()))
}
