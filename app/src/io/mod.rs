//! Browser glue for getting data in and out: file downloads.

mod download;

pub use download::download;
