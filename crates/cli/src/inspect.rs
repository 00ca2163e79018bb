//! `impact`: a question a reviewer asks before merging a change to a workspace — what does
//! this reach. (`diff`, does this change break anyone, is in `diff_cmd`.)

use std::path::Path;
use std::process::ExitCode;

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
