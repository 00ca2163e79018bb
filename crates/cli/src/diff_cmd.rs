//! `dpstudio diff OLD NEW`: does this change break anyone. Each side is a workspace file, one
//! standard file (an ODCS or DCS contract; an ODPS product with no contracts), or a folder of
//! standard files imported together the way `check` and `import` read them — so CI can diff
//! a repository's `contracts/` folder against the one on the main branch. Contracts are matched
//! by id; added and removed ones are reported apart from the changed ones.

use std::path::Path;
use std::process::ExitCode;

use dpstudio_check::diff::{diff as contract_diff, diff_workspaces, ChangeKind, ContractDiff};
use dpstudio_formats::bundle::{self, Standard};
use dpstudio_formats::{dcs, odcs};
use dpstudio_model::{DataContract, Workspace};

use crate::{formats_cmd, inspect};

/// One side of a diff: a set of contracts by id, or one contract file (compared with the
/// other side whatever its id).
enum Side {
    Workspace(Workspace),
    Contract(DataContract),
}

fn load_side(path: &Path) -> Result<Side, String> {
    if path.is_dir() {
        let files = formats_cmd::read_spec_files(&[path.to_path_buf()])?;
        let name = path.display().to_string();
        return bundle::import_all(&name, &formats_cmd::sources(&files)).map(Side::Workspace).map_err(|e| e.to_string());
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let file = path.display().to_string();
    let located = |e: dpstudio_formats::FormatError| e.in_file(&file);
    match bundle::detect(&text) {
        Ok(Standard::Odcs) => Ok(Side::Contract(odcs::import(&text).map_err(located)?.contract)),
        Ok(Standard::Dcs) => Ok(Side::Contract(dcs::import(&text).map_err(located)?.contract)),
        Ok(Standard::Odps) => {
            let sources = [bundle::Source { name: &file, text: &text }];
            bundle::import_all(&file, &sources).map(Side::Workspace).map_err(|e| e.to_string())
        }
        Err(_) => inspect::load(path).map(Side::Workspace),
    }
}

/// Compares workspaces or folders (contracts with the same id), two contract files (whatever
/// their ids), or a contract file with the same-id contract of the other side. Exit 1 when any
/// change is breaking (a removed contract is).
pub fn diff(old_path: &Path, new_path: &Path, contract: Option<&str>, json: bool) -> Result<ExitCode, String> {
    let (old, new) = (load_side(old_path)?, load_side(new_path)?);
    let mut only = contract.map(str::to_owned);
    let mut diffs = match (old, new) {
        (Side::Contract(a), Side::Contract(b)) => {
            let d = contract_diff(&a, &b);
            if d.changes.is_empty() { Vec::new() } else { vec![d] }
        }
        (Side::Workspace(a), Side::Workspace(b)) => {
            if let Some(id) = contract {
                if a.contract(id).is_none() && b.contract(id).is_none() {
                    return Err(format!("no contract '{id}' in {} or {}", old_path.display(), new_path.display()));
                }
            }
            diff_workspaces(&a, &b)
        }
        (Side::Workspace(a), Side::Contract(b)) => {
            only.get_or_insert_with(|| b.id.clone());
            diff_workspaces(&a, &Workspace { contracts: vec![b], ..Default::default() })
        }
        (Side::Contract(a), Side::Workspace(b)) => {
            only.get_or_insert_with(|| a.id.clone());
            diff_workspaces(&Workspace { contracts: vec![a], ..Default::default() }, &b)
        }
    };
    if let Some(id) = &only {
        diffs.retain(|d| &d.contract == id);
    }
    let breaking = diffs.iter().any(ContractDiff::is_breaking);
    let ids_of = |kind: ChangeKind| -> Vec<&str> {
        diffs.iter().filter(|d| d.changes.iter().any(|c| c.kind == kind)).map(|d| d.contract.as_str()).collect()
    };
    let (added, removed) = (ids_of(ChangeKind::ContractAdded), ids_of(ChangeKind::ContractRemoved));
    if json {
        let out = serde_json::json!({ "breaking": breaking, "added": added, "removed": removed, "contracts": diffs });
        println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    } else {
        print_diffs(&diffs, added.len(), removed.len());
    }
    Ok(if breaking { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn print_diffs(diffs: &[ContractDiff], added: usize, removed: usize) {
    for d in diffs {
        let whole = d.changes.iter().find(|c| matches!(c.kind, ChangeKind::ContractAdded | ChangeKind::ContractRemoved));
        match whole.map(|c| c.kind) {
            Some(ChangeKind::ContractAdded) => {
                println!("added contract {} {}: minor", d.contract, d.new_version.as_deref().unwrap_or("(no version)"));
                continue;
            }
            Some(_) => {
                println!("removed contract {} {}: BREAKING", d.contract, d.old_version.as_deref().unwrap_or("(no version)"));
                continue;
            }
            None => {}
        }
        let versions = format!("{} → {}", d.old_version.as_deref().unwrap_or("(none)"), d.new_version.as_deref().unwrap_or("(none)"));
        println!("contract {} {versions}: needs a {} bump", d.contract, d.required);
        for c in &d.changes {
            let label = if c.breaking { "BREAKING".to_owned() } else { c.bump.to_string() };
            let values = match (&c.before, &c.after) {
                (None, None) => String::new(),
                (b, a) => format!(" ({} → {})", b.as_deref().unwrap_or("—"), a.as_deref().unwrap_or("—")),
            };
            let kind = serde_json::to_value(c.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            println!("  {label:<8} {kind:<24} {}{values}: {}", c.path, c.message);
        }
        if let Some(problem) = &d.version_problem {
            println!("  version: {problem}");
        }
    }
    let breaking: usize = diffs.iter().map(|d| d.changes.iter().filter(|c| c.breaking).count()).sum();
    let changed = diffs.len() - added - removed;
    println!("{changed} contract(s) changed, {added} added, {removed} removed, {breaking} breaking change(s)");
}
