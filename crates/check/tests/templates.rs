//! The template workspaces the app's gallery offers (`templates/` at the repository root,
//! written by `cargo xtask templates`) are what workshop facilitators start from: each must load,
//! be a real mesh (4–10 products across at least two domains, with glossary and metrics) and
//! check with zero errors and zero warnings. The gallery's index must list every template with
//! the counts its cards show.

use std::path::{Path, PathBuf};

use dpstudio_check::{check, Diagnostic, Severity};
use dpstudio_model::{from_json, Workspace};
use serde_json::Value;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates")
}

/// The templates folder's workspaces by file name, or None (with a message) when the folder
/// is not there.
fn templates() -> Option<Vec<(String, Workspace)>> {
    let dir = folder();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no templates folder at {} (run `cargo xtask templates`)", dir.display());
        return None;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".workspace.json"))
        .collect();
    names.sort();
    let loaded = names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: cannot read: {e}"));
            let ws = from_json(&text).unwrap_or_else(|e| panic!("{name}: does not load: {e}"));
            (name, ws)
        })
        .collect();
    Some(loaded)
}

fn listing(diagnostics: &[&Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| format!("  {} {:?} {:?}: {} ({})", d.rule, d.severity, d.location, d.message, d.hint))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn there_are_at_least_five_templates() {
    let Some(templates) = templates() else { return };
    assert!(templates.len() >= 5, "expected at least five templates, found {}", templates.len());
}

#[test]
fn every_template_is_a_real_mesh() {
    let Some(templates) = templates() else { return };
    for (name, ws) in &templates {
        assert!((4..=10).contains(&ws.products.len()), "{name}: {} products, expected 4 to 10", ws.products.len());
        assert!(ws.context.domains.len() >= 2, "{name}: {} domains, expected at least 2", ws.context.domains.len());
        let used_domains: std::collections::HashSet<_> = ws.products.iter().filter_map(|p| p.domain.as_deref()).collect();
        assert!(used_domains.len() >= 2, "{name}: products span {} domains", used_domains.len());
        assert!(!ws.context.glossary.is_empty(), "{name}: no glossary terms");
        assert!(!ws.context.semantic.metrics.is_empty(), "{name}: no metrics");
        assert!(!ws.context.teams.is_empty() && !ws.context.use_cases.is_empty() && !ws.context.source_systems.is_empty(), "{name}: no teams, use cases or source systems");
        for kind in dpstudio_model::ProductKind::ALL {
            assert!(ws.products.iter().any(|p| p.kind == kind), "{name}: no {} product", kind.label());
        }
        // Every product has a place on the canvas.
        for p in &ws.products {
            assert!(ws.layout.nodes.contains_key(&format!("product:{}", p.id)), "{name}: product {} has no position", p.id);
        }
        // Properties link to the glossary, so the contracts carry business meaning.
        let linked = ws.contracts.iter().flat_map(|c| c.all_properties()).filter(|(_, p)| !p.glossary.is_empty()).count();
        assert!(linked >= ws.contracts.len(), "{name}: only {linked} properties link to glossary terms");
    }
}

#[test]
fn every_template_checks_without_errors_or_warnings() {
    let Some(templates) = templates() else { return };
    for (name, ws) in &templates {
        let diagnostics = check(ws);
        let errors: Vec<_> = diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{name}: {} errors:\n{}", errors.len(), listing(&errors));
        let warnings: Vec<_> = diagnostics.iter().filter(|d| d.severity == Severity::Warning).collect();
        assert!(warnings.is_empty(), "{name}: {} warnings:\n{}", warnings.len(), listing(&warnings));
    }
}

#[test]
fn the_index_lists_every_template_with_its_counts() {
    let Some(templates) = templates() else { return };
    let text = std::fs::read_to_string(folder().join("index.json")).expect("templates/index.json exists");
    let index: Value = serde_json::from_str(&text).expect("the index is JSON");
    let entries = index["templates"].as_array().expect("the index has a templates list");
    let mut listed: Vec<&str> = entries.iter().filter_map(|e| e["file"].as_str()).collect();
    listed.sort_unstable();
    let files: Vec<&str> = templates.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(listed, files, "the index must list exactly the template files");
    for entry in entries {
        let file = entry["file"].as_str().unwrap_or_default();
        let (_, ws) = templates.iter().find(|(name, _)| name == file).expect("listed file exists");
        let count = |key: &str| entry[key].as_u64().unwrap_or(u64::MAX) as usize;
        assert_eq!(entry["id"].as_str(), Some(ws.id.as_str()), "{file}: id");
        assert_eq!(entry["name"].as_str(), Some(ws.name.as_str()), "{file}: name");
        assert_eq!(entry["description"].as_str(), Some(ws.description.as_str()), "{file}: description");
        assert_eq!(count("domains"), ws.context.domains.len(), "{file}: domains");
        assert_eq!(count("products"), ws.products.len(), "{file}: products");
        assert_eq!(count("contracts"), ws.contracts.len(), "{file}: contracts");
        assert_eq!(count("glossaryTerms"), ws.context.glossary.len(), "{file}: glossary terms");
        assert_eq!(count("metrics"), ws.context.semantic.metrics.len(), "{file}: metrics");
    }
}
