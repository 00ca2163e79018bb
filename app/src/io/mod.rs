//! Browser glue for getting data in and out: autosave, downloads, reading picked or dropped files, and
//! the on-demand formats module that turns the workspace into standard files and back.

pub mod autosave;
mod download;
pub mod fetch;
pub mod formats;
pub mod library;
pub mod read_files;

pub use download::{download, download_blob, download_bytes};

/// The browser's local storage, or why this page may not use it (private modes and some
/// embeddings refuse it). Autosave and the workspace library both store there.
pub fn local_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "This browser does not allow local storage for this page.".to_owned())
}
