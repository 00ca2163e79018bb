//! Share links: the whole workspace compressed into the link's fragment, so sharing needs no
//! server (the fragment never leaves the browser). Opening a link shows the shared workspace
//! read-only until the user makes a copy of their own or closes it.
//!
//! Always loaded: reading the link at startup (`open`, `streams::inflate`) and the read-only
//! bar (`banner`). In the dialogs part: the share dialog (`dialog`) and making a copy (`copy`).

mod address;
pub mod banner;
pub mod copy;
pub mod dialog;
pub mod open;
mod streams;

use leptos::prelude::*;

/// Whether the share dialog is open; provided as context by the app.
#[derive(Clone, Copy)]
pub struct ShareOpen(pub RwSignal<bool>);
