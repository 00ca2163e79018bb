//! Opening a share link: at startup the fragment is read, unpacked and parsed before the app
//! shows, so the user's own workspace is never shown (or saved over) in its place.

use dpstudio_model::{share_payload, Workspace, SHARE_FRAGMENT};
use leptos::prelude::*;
use super::{address, streams};

/// What the app opens with.
#[derive(Clone)]
pub enum Start {
    /// The user's own workspace (restored from storage, or the example).
    Own,
    /// A shared workspace from the link, shown read-only.
    Shared(Workspace),
    /// The link could not be read (why, in words); the user's own workspace opens.
    BrokenLink(String),
}

/// The share fragment of the page's address (`#share=…`), if it was opened from a link.
pub fn link_fragment() -> Option<String> {
    let hash = address::fragment();
    hash.starts_with(SHARE_FRAGMENT).then_some(hash)
}

/// The workspace in a share fragment, or a [`Start::BrokenLink`] saying what went wrong.
pub async fn read(fragment: String) -> Start {
    match unpack(&fragment).await {
        Ok(workspace) => Start::Shared(workspace),
        Err(reason) => Start::BrokenLink(reason),
    }
}

async fn unpack(fragment: &str) -> Result<Workspace, String> {
    let compressed = share_payload(fragment).map_err(|e| e.to_string())?;
    let damaged = "the link's data does not unpack: it was probably cut short or changed when it was copied";
    let bytes = streams::inflate(&compressed).await.map_err(|_| damaged.to_owned())?;
    let text = String::from_utf8(bytes).map_err(|_| damaged.to_owned())?;
    dpstudio_model::from_json(&text).map_err(|e| format!("the link does not hold a readable workspace: {e}"))
}

/// Takes the share fragment out of the address without loading the page again, so a reload
/// opens the user's own workspace.
pub fn forget_link() {
    address::drop_fragment();
}

/// A share link pasted into the address bar of an open app changes only the fragment, which
/// does not load the page again: load it then, so it opens like any other link.
pub fn reload_on_new_link() {
    // Kept for the page's life: dropping the handle does not remove the listener.
    let _ = window_event_listener(leptos::ev::hashchange, |_| {
        if link_fragment().is_some() {
            address::reload();
        }
    });
}
