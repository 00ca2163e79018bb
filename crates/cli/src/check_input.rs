//! What `dpstudio check` reads: a workspace JSON saved by the studio, or standard files
//! (ODCS, ODPS, DCS — files and folders of them), imported into one workspace the way
//! `dpstudio import` does. For imported files it remembers which file each contract and
//! product came from, so a diagnostic can name the file a person would open.

use std::collections::HashMap;
use std::path::PathBuf;

use dpstudio_check::{Diagnostic, EntityKind};
use dpstudio_formats::bundle::{self, Standard};
use dpstudio_model::Workspace;

use crate::{formats_cmd, parallel_import};

/// A workspace ready to check, and where its contracts and products came from.
pub struct Input {
    pub workspace: Workspace,
    /// The name diagnostics without a known file carry: the workspace file, or the inputs.
    pub label: String,
    /// True when the input is standard files, not a workspace: some rules cannot apply
    /// (see `spec_scope`).
    pub from_specs: bool,
    contracts: HashMap<String, String>,
    products: HashMap<String, String>,
}

impl Input {
    /// The file a diagnostic's entity came from, when it came from one file.
    pub fn file_of(&self, d: &Diagnostic) -> Option<&str> {
        match d.location.kind {
            EntityKind::Contract => self.contracts.get(&d.location.id),
            EntityKind::Product => self.products.get(&d.location.id),
            _ => None,
        }
        .map(String::as_str)
    }
}

/// Reads `inputs`. One file that is neither YAML nor a standard document is a workspace JSON;
/// anything else is imported as standard files. The error is the whole message for stderr
/// (`file:line:column: message` when the position is known).
pub fn load(inputs: &[PathBuf]) -> Result<Input, String> {
    let label = inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" ");
    if let [single] = inputs {
        if single.is_file() && !is_yaml(single) {
            let text = std::fs::read_to_string(single).map_err(|e| format!("cannot read {}: {e}", single.display()))?;
            if bundle::detect(&text).is_err() {
                let workspace = dpstudio_model::from_json(&text).map_err(|e| format!("{}: {e}", single.display()))?;
                return Ok(Input { workspace, label, from_specs: false, contracts: HashMap::new(), products: HashMap::new() });
            }
        }
    }
    let files = formats_cmd::read_spec_files(inputs)?;
    let sources = formats_cmd::sources(&files);
    let (workspace, standards) = parallel_import::import("Checked files", &sources).map_err(|e| e.to_string())?;
    // The import adds contracts and products in the order of their files, so the n-th
    // contract came from the n-th contract file.
    let (mut contract_files, mut product_files) = (Vec::new(), Vec::new());
    for ((name, _), standard) in files.iter().zip(standards) {
        match standard {
            Standard::Odps => product_files.push(name.clone()),
            Standard::Odcs | Standard::Dcs => contract_files.push(name.clone()),
        }
    }
    // Two files declaring the same id: the diagnostic names the first.
    let mut contracts = HashMap::new();
    for (c, file) in workspace.contracts.iter().zip(contract_files) {
        contracts.entry(c.id.clone()).or_insert(file);
    }
    let mut products = HashMap::new();
    for (p, file) in workspace.products.iter().zip(product_files) {
        products.entry(p.id.clone()).or_insert(file);
    }
    Ok(Input { workspace, label, from_specs: true, contracts, products })
}

fn is_yaml(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}
