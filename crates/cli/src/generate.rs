//! `generate`: a synthetic workspace for demos, tests and benchmarks.

use std::path::Path;
use std::process::ExitCode;

pub fn generate(products: usize, seed: u64, out: Option<&Path>) -> Result<ExitCode, String> {
    let workspace = dpstudio_model::generate(products, seed);
    let text = dpstudio_model::to_json_pretty(&workspace);
    match out {
        Some(path) => {
            std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            let properties: usize = workspace.contracts.iter().map(|c| c.all_properties().len()).sum();
            eprintln!(
                "wrote {}: {} products, {} contracts, {} properties",
                path.display(),
                workspace.products.len(),
                workspace.contracts.len(),
                properties
            );
        }
        None => println!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
