//! The workspaces kept in this browser besides the open one. The open workspace autosaves to
//! its own key (see `autosave`); the others are stored whole under `dpstudio.library.<id>`,
//! with an index of ids, names and save times, so listing them reads one small entry.

use dpstudio_model::Workspace;
use serde::{Deserialize, Serialize};

const INDEX_KEY: &str = "dpstudio.library";
const BODY_PREFIX: &str = "dpstudio.library.";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    /// Milliseconds since the epoch, when it was put away.
    pub saved: f64,
    pub products: usize,
}

/// The stored workspaces, most recently saved first. An unreadable index lists nothing rather
/// than failing: the bodies stay and a later save rewrites it.
pub fn list() -> Vec<Entry> {
    let text = super::local_storage().ok().and_then(|s| s.get_item(INDEX_KEY).ok().flatten()).unwrap_or_default();
    let mut entries: Vec<Entry> = serde_json::from_str(&text).unwrap_or_default();
    entries.sort_by(|a, b| b.saved.total_cmp(&a.saved));
    entries
}

fn write_index(entries: &[Entry]) -> Result<(), String> {
    let text = serde_json::to_string(entries).map_err(|e| e.to_string())?;
    super::local_storage()?.set_item(INDEX_KEY, &text).map_err(|_| "The browser's storage is full.".to_owned())
}

/// Stores `workspace` (replacing a stored one with the same id).
pub fn put(workspace: &Workspace) -> Result<(), String> {
    let storage = super::local_storage()?;
    let body = dpstudio_model::to_json(workspace);
    storage
        .set_item(&format!("{BODY_PREFIX}{}", workspace.id), &body)
        .map_err(|_| format!("The browser's storage is full ({} KB to save).", body.len() / 1024))?;
    let mut entries = list();
    entries.retain(|e| e.id != workspace.id);
    entries.push(Entry { id: workspace.id.clone(), name: workspace.name.clone(), saved: js_sys::Date::now(), products: workspace.products.len() });
    write_index(&entries)
}

/// Reads a stored workspace without removing it.
pub fn get(id: &str) -> Result<Workspace, String> {
    let text = super::local_storage()?
        .get_item(&format!("{BODY_PREFIX}{id}"))
        .ok()
        .flatten()
        .ok_or_else(|| format!("The workspace '{id}' is no longer stored in this browser."))?;
    dpstudio_model::from_json(&text).map_err(|e| format!("The stored workspace '{id}' cannot be read: {e}"))
}

pub fn remove(id: &str) -> Result<(), String> {
    let storage = super::local_storage()?;
    let _ = storage.remove_item(&format!("{BODY_PREFIX}{id}"));
    let mut entries = list();
    entries.retain(|e| e.id != id);
    write_index(&entries)
}

/// The stored text of a workspace, for download.
pub fn text(id: &str) -> Option<String> {
    super::local_storage().ok()?.get_item(&format!("{BODY_PREFIX}{id}")).ok().flatten()
}
