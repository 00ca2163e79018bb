//! `cargo xtask templates`: writes the template workspaces the app's gallery offers
//! (`templates/*.workspace.json`) and their index (`templates/index.json`) from the compact
//! descriptions in this module. `--check` writes nothing and fails when a file on disk differs
//! from what the descriptions give, so an edited description cannot be forgotten.
//!
//! The files are data the app fetches when someone opens the gallery, never part of the first
//! load. `crates/check/tests/templates.rs` loads them and holds them to zero errors.

mod ecommerce;
mod healthcare;
mod kit;
mod logistics;
mod marketing;
mod payments;

use std::path::{Path, PathBuf};

use dpstudio_check::Severity;
use dpstudio_model::{auto_layout, to_json_pretty, NodeKind, Viewport, Workspace};
use serde_json::json;

const USAGE: &str = "usage: cargo xtask templates [--check]";

/// Every template in the order the gallery shows them.
fn all() -> Vec<Workspace> {
    [ecommerce::workspace(), payments::workspace(), logistics::workspace(), marketing::workspace(), healthcare::workspace()]
        .into_iter()
        .map(kit::finish)
        .map(laid_out)
        .collect()
}

// The canvas' node sizes (app/src/canvas/geometry.rs), so the layout matches what it draws.
const PRODUCT_WIDTH: f64 = 260.0;
const PRODUCT_HEADER: f64 = 58.0;
const PORT_ROW: f64 = 24.0;
const SMALL_WIDTH: f64 = 190.0;
const SMALL_HEIGHT: f64 = 56.0;

fn laid_out(mut ws: Workspace) -> Workspace {
    let nodes = auto_layout(&ws, |kind, id| match kind {
        NodeKind::Product => {
            let rows = ws.product(id).map_or(1, |p| p.input_ports.len().max(p.output_ports.len()).max(1));
            (PRODUCT_WIDTH, PRODUCT_HEADER + rows as f64 * PORT_ROW + 10.0)
        }
        NodeKind::System | NodeKind::UseCase | NodeKind::Contract => (SMALL_WIDTH, SMALL_HEIGHT),
    });
    // Shifted off the edge so the first column is not glued to the frame when not fitted.
    ws.layout.nodes = nodes
        .into_iter()
        .map(|(key, mut at)| {
            at.x += 40.0;
            at.y += 40.0;
            (key, at)
        })
        .collect();
    ws.layout.viewport = Viewport::default();
    ws
}

fn file_name(ws: &Workspace) -> String {
    format!("{}.workspace.json", ws.id)
}

/// The gallery's index: what each card shows, without fetching the workspaces themselves.
fn index(templates: &[Workspace]) -> String {
    let entries: Vec<_> = templates
        .iter()
        .map(|ws| {
            json!({
                "id": ws.id,
                "file": file_name(ws),
                "name": ws.name,
                "description": ws.description,
                "domains": ws.context.domains.len(),
                "products": ws.products.len(),
                "contracts": ws.contracts.len(),
                "glossaryTerms": ws.context.glossary.len(),
                "metrics": ws.context.semantic.metrics.len(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json!({ "templates": entries })).unwrap_or_default();
    text.push('\n');
    text
}

/// What a template holds and how it checks, for the task's output.
fn figures(ws: &Workspace, bytes: usize) -> String {
    let diagnostics = dpstudio_check::check(ws);
    let count = |severity: Severity| diagnostics.iter().filter(|d| d.severity == severity).count();
    format!(
        "{} products, {} contracts, {} domains, {} glossary terms, {} metrics; {} errors, {} warnings, {} info; {:.1} KB",
        ws.products.len(),
        ws.contracts.len(),
        ws.context.domains.len(),
        ws.context.glossary.len(),
        ws.context.semantic.metrics.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        bytes as f64 / 1024.0
    )
}

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("templates")
}

/// Each file of the templates folder (name, text) as the descriptions give it.
fn files(templates: &[Workspace]) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = templates.iter().map(|ws| (file_name(ws), to_json_pretty(ws) + "\n")).collect();
    files.push(("index.json".to_owned(), index(templates)));
    files
}

/// The files on disk that differ from (or lack) what the descriptions give.
fn stale(dir: &Path, files: &[(String, String)]) -> Vec<String> {
    files
        .iter()
        .filter(|(name, text)| std::fs::read_to_string(dir.join(name)).ok().as_deref() != Some(text.as_str()))
        .map(|(name, _)| name.clone())
        .collect()
}

pub fn run(args: &[String]) -> Result<(), String> {
    let check_only = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => return Err(USAGE.into()),
    };
    let templates = all();
    let files = files(&templates);
    let dir = folder();
    if check_only {
        let stale = stale(&dir, &files);
        if !stale.is_empty() {
            return Err(format!("templates out of date: {}; run `cargo xtask templates`", stale.join(", ")));
        }
        println!("templates: {} files up to date", files.len());
        return Ok(());
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    for (ws, (name, text)) in templates.iter().zip(&files) {
        println!("templates/{name}: {}", figures(ws, text.len()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_templates_folder_matches_the_descriptions() {
        let stale = stale(&folder(), &files(&all()));
        assert!(stale.is_empty(), "out of date: {stale:?}; run `cargo xtask templates`");
    }
}
