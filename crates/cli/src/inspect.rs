//! `impact` and `diff`: questions a reviewer asks before merging a change to a workspace —
//! what does this reach, and does this change break anyone.

use std::path::Path;
use std::process::ExitCode;

use dpstudio_check::diff::{diff_workspaces, ContractDiff};
use dpstudio_check::impact::{impact_of, Hit, Impact, Target};
use dpstudio_model::Workspace;

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

pub fn diff(old_path: &Path, new_path: &Path, contract: Option<&str>, json: bool) -> Result<ExitCode, String> {
    let old = load(old_path)?;
    let new = load(new_path)?;
    let mut diffs = diff_workspaces(&old, &new);
    if let Some(id) = contract {
        if old.contract(id).is_none() && new.contract(id).is_none() {
            return Err(format!("no contract '{id}' in {} or {}", old_path.display(), new_path.display()));
        }
        diffs.retain(|d| d.contract == id);
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
