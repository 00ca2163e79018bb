//! Never lose work: the workspace is saved to the browser's local storage shortly after every
//! change and restored when the page opens again (a reload, a killed tab). When storage is
//! full or unavailable, or what is stored cannot be read, the work in memory stays, a notice
//! says what happened, and the export dialog still downloads the workspace.

use std::time::Duration;

use dpstudio_model::Workspace;
use leptos::prelude::*;

use crate::settle::Latest;
use crate::state::{Notice, Studio, Tone};

/// The key of the open workspace.
const KEY: &str = "dpstudio.workspace";
/// Where unreadable stored text is moved, so a later version (or a person) can still rescue it.
const RESCUE_KEY: &str = "dpstudio.workspace.unreadable";
/// Quiet time after the last change before saving: a drag saves once, not once per frame.
const SETTLE: Duration = Duration::from_millis(400);

/// The workspace to open: the stored one if there is one and it loads; else `fallback`. The
/// notice says when a stored workspace could not be read.
pub fn restore(fallback: impl FnOnce() -> Workspace) -> (Workspace, Option<Notice>) {
    match stored() {
        Ok(Some(workspace)) => (workspace, None),
        Ok(None) => (fallback(), None),
        Err(notice) => (fallback(), Some(notice)),
    }
}

/// The workspace stored as the open one, if any. Unreadable text is moved to [`RESCUE_KEY`]
/// and the error is a notice saying so.
pub fn stored() -> Result<Option<Workspace>, Notice> {
    let Ok(storage) = super::local_storage() else { return Ok(None) };
    let Ok(Some(text)) = storage.get_item(KEY) else { return Ok(None) };
    dpstudio_model::from_json(&text).map(Some).map_err(|error| {
        let kept = storage.set_item(RESCUE_KEY, &text).is_ok();
        let _ = storage.remove_item(KEY);
        let mut details = vec![format!("The stored workspace is damaged: {error}")];
        if kept {
            details.push(format!("Its text is kept in this browser's storage under “{RESCUE_KEY}”."));
        }
        Notice::new(Tone::Failed, "The last workspace could not be restored; the example is open instead.").with_details(details)
    })
}

/// Saves after every change, once changes settle. A shared workspace open read-only is never
/// saved: what is stored stays the user's own workspace.
pub fn install(studio: Studio) {
    let latest = Latest::new();
    // The first run only subscribes: what was just restored needs no saving.
    let first = StoredValue::new(true);
    // Only one "storage is full" notice until saving works again.
    let failing = StoredValue::new(false);
    Effect::new(move |_| {
        studio.workspace.track();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        latest.settle(SETTLE, move |_| {
            if studio.read_only.get_untracked() {
                return;
            }
            let text = studio.workspace.with_untracked(dpstudio_model::to_json);
            match save(&text) {
                Ok(()) => failing.set_value(false),
                Err(reason) if !failing.get_value() => {
                    failing.set_value(true);
                    studio.notify(
                        Notice::new(Tone::Failed, "Your changes are not being saved in this browser.").with_details(vec![
                            reason,
                            "Your work is safe in this tab. Download it with Export… → Workspace JSON before closing the tab.".to_owned(),
                        ]),
                    );
                }
                Err(_) => {}
            }
        });
    });
}

/// Stores `workspace` as the open one now, rather than after changes settle (a copy of a
/// shared workspace that must be there on the next load).
pub fn save_now(workspace: &Workspace) -> Result<(), String> {
    save(&dpstudio_model::to_json(workspace))
}

fn save(text: &str) -> Result<(), String> {
    let storage = super::local_storage()?;
    storage.set_item(KEY, text).map_err(|error| {
        let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
        if name == "QuotaExceededError" {
            format!("The browser's storage is full ({} KB to save).", text.len() / 1024)
        } else {
            format!("The browser refused to store the workspace ({}).", if name.is_empty() { "unknown error".to_owned() } else { name })
        }
    })
}
