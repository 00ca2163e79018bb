//! The subcommands. Each returns the process exit code, or a message for stderr (exit 2).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dpstudio_check::{catalog, check as run_checks, Severity};

use crate::{check_input, conformance_opt, spec_scope};

/// Checks a workspace JSON or standard files (see [`check_input`]). Exit 1 when any
/// diagnostic is an error; a file that cannot be read or imported prints
/// `file:line:column: message` (as editors and CI annotations read it) and exits 2. With
/// `conformance` (the reference folder), schema findings are listed too (see [`conformance_opt`]).
pub fn check(inputs: &[PathBuf], json: bool, conformance: Option<&Path>) -> Result<ExitCode, String> {
    let findings = match conformance {
        Some(reference) => conformance_opt::findings(inputs, reference)?,
        None => Vec::new(),
    };
    let input = match check_input::load(inputs) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("{message}");
            return Ok(ExitCode::from(2));
        }
    };
    let mut diagnostics = run_checks(&input.workspace);
    if input.from_specs {
        spec_scope::keep_checkable(&mut diagnostics);
        // On stderr under --format json, so standard output stays one JSON document.
        if json {
            eprintln!("{}", spec_scope::note());
        } else {
            println!("{}", spec_scope::note());
        }
    }
    if json {
        // Each diagnostic as the check crate serialises it, plus `file` when known.
        let rows: Vec<serde_json::Value> = diagnostics
            .iter()
            .map(|d| {
                let mut v = serde_json::to_value(d).unwrap_or_default();
                if let (Some(file), Some(map)) = (input.file_of(d), v.as_object_mut()) {
                    map.insert("file".into(), file.into());
                }
                v
            })
            .chain(findings.iter().map(|f| serde_json::to_value(f).unwrap_or_default()))
            .collect();
        let out = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
        println!("{out}");
    } else {
        for d in &diagnostics {
            let path_part = if d.location.path.is_empty() { String::new() } else { format!(" {}", d.location.path) };
            println!(
                "{}: {} [{}] {}{}: {}\n  hint: {}",
                input.file_of(d).unwrap_or(&input.label),
                d.severity.as_str(),
                d.rule,
                d.location.id,
                path_part,
                d.message,
                d.hint
            );
        }
        for finding in &findings {
            println!("{finding}");
        }
        let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
        println!(
            "{} error(s), {} warning(s), {} info",
            count(Severity::Error) + conformance_opt::error_count(&findings),
            count(Severity::Warning),
            count(Severity::Info)
        );
    }
    let has_error = diagnostics.iter().any(|d| d.severity == Severity::Error) || conformance_opt::error_count(&findings) > 0;
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
