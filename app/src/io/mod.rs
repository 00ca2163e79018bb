//! Browser glue for getting data in and out: autosave, downloads, reading picked or dropped files, and
//! the on-demand formats module that turns the workspace into standard files and back.

pub mod autosave;
mod download;
pub mod formats;
pub mod library;
pub mod read_files;

pub use download::{download, download_blob, download_bytes};
