//! `impact` and `diff`: questions a reviewer asks before merging a change to a workspace —
//! what does this reach, and does this change break anyone. `diff` reads workspace files and
//! ODCS contract files, so it also works on the specs a repository keeps.

use std::path::Path;
use std::process::ExitCode;

use dpstudio_check::diff::{diff as contract_diff, diff_workspaces, ContractDiff};
use dpstudio_check::impact::{impact_of, Hit, Impact, Target};
use dpstudio_model::{DataContract, Workspace};

pub fn load(path: &Path) -> Result<Workspace, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    dpstudio_model::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn impact(path: &Path, id: &str, json: bool) -> Result<ExitCode, String> {
    let workspace = load(path)?;
    let impact = impact_of(&workspace, id).map_err(|e| format!("{}: {e}", path.display()))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&impact).map_err(|e| e.to_string())?);
    } else {
        print_impact(&impact);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_impact(impact: &Impact) {
    let (kind, id) = match &impact.target {
        Target::Product(id) => ("product", id),
        Target::Port(id) => ("output port", id),
        Target::Contract(id) => ("contract", id),
        Target::Field(id) => ("field", id),
    };
    println!("impact of {kind} {id}");
    let section = |title: &str, hits: &[Hit]| {
        if hits.is_empty() {
            return;
        }
        println!("\n{title} ({}):", hits.len());
        for h in hits {
            println!("  {:<48} depth {:<2} {}", h.id, h.depth, h.via);
        }
    };
    section("products", &impact.products);
    if !impact.ports.is_empty() {
        println!("\noutput ports ({}):", impact.ports.len());
        for p in &impact.ports {
            let port = format!("{}/{}", p.product, p.port);
            let contract = p.contract.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default();
            println!("  {:<48} depth {:<2} {}{contract}", port, p.depth, p.via);
        }
    }
    section("contracts", &impact.contracts);
    section("fields", &impact.fields);
    section("use cases", &impact.use_cases);
    let downstream = impact.products.iter().filter(|h| h.depth > 0).count();
    println!(
        "\n{downstream} downstream product(s), {} port(s), {} use case(s)",
        impact.ports.len(),
        impact.use_cases.len()
    );
}

/// One side of a diff: a whole workspace, or one ODCS contract file.
enum Side {
    Workspace(Workspace),
    Contract(DataContract),
}

/// Reads a workspace file, or an ODCS document (`.yaml`/`.yml`, or JSON with an `apiVersion`
/// and no `formatVersion`).
fn load_side(path: &Path) -> Result<Side, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let yaml = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    let odcs_json = !yaml
        && serde_json::from_str::<serde_json::Value>(&text)
            .is_ok_and(|v| v.get("apiVersion").is_some() && v.get("formatVersion").is_none());
    if yaml || odcs_json {
        let imported = dpstudio_formats::odcs::import(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(Side::Contract(imported.contract));
    }
    dpstudio_model::from_json(&text).map(Side::Workspace).map_err(|e| format!("{}: {e}", path.display()))
}

/// Compares workspaces (contracts with the same id), two contract files (whatever their ids),
/// or a contract file with the same-id contract of a workspace.
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
    if json {
        let out = serde_json::json!({ "breaking": breaking, "contracts": diffs });
        println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
    } else {
        print_diffs(&diffs);
    }
    Ok(if breaking { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn print_diffs(diffs: &[ContractDiff]) {
    for d in diffs {
        let versions = format!(
            "{} → {}",
            d.old_version.as_deref().unwrap_or("(none)"),
            d.new_version.as_deref().unwrap_or("(removed)")
        );
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
    println!("{} contract(s) changed, {breaking} breaking change(s)", diffs.len());
}
