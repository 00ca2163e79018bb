//! The subcommands. Each returns the process exit code, or a message for stderr (exit 2).

use std::path::Path;
use std::process::ExitCode;

use dpstudio_check::{catalog, check as run_checks, Severity};

pub fn check(path: &Path, json: bool) -> Result<ExitCode, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let workspace = dpstudio_model::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let diagnostics = run_checks(&workspace);
    if json {
        let out = serde_json::to_string_pretty(&diagnostics).map_err(|e| e.to_string())?;
        println!("{out}");
    } else {
        for d in &diagnostics {
            let path_part = if d.location.path.is_empty() { String::new() } else { format!(" {}", d.location.path) };
            println!(
                "{}: {} [{}] {}{}: {}\n  hint: {}",
                path.display(),
                d.severity.as_str(),
                d.rule,
                d.location.id,
                path_part,
                d.message,
                d.hint
            );
        }
        let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
        println!(
            "{} error(s), {} warning(s), {} info",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        );
    }
    let has_error = diagnostics.iter().any(|d| d.severity == Severity::Error);
    Ok(if has_error { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The catalog as Markdown, exactly as docs/rules.md holds it.
pub fn rules_markdown() -> Result<ExitCode, String> {
    print!("{}", dpstudio_check::catalog_markdown());
    Ok(ExitCode::SUCCESS)
}

pub fn rules(json: bool) -> Result<ExitCode, String> {
    if json {
        let rows: Vec<serde_json::Value> = catalog()
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "family": r.family.as_str(),
                    "severity": r.severity.as_str(),
                    "summary": r.summary,
                    "rationale": r.rationale,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?);
    } else {
        for r in catalog() {
            println!("{:<40} {:<8} {}", r.id, r.severity.as_str(), r.summary);
        }
    }
    Ok(ExitCode::SUCCESS)
}
