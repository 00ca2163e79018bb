//! Packs the bundle's files into one zip archive in memory (the browser offers it as a
//! download, the CLI writes it to disk). Pure Rust deflate, so it builds for wasm32.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::error::{ErrorKind, FormatError};

/// A zip of `files` (`(path, text)`), deflated, in the given order. Entries carry the zip
/// format's default timestamp, so the same files always give the same bytes.
pub fn to_zip(files: &[(String, String)]) -> Result<Vec<u8>, FormatError> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).unix_permissions(0o644);
    for (path, text) in files {
        writer.start_file(path.as_str(), options).map_err(|e| failed(path, &e.to_string()))?;
        writer.write_all(text.as_bytes()).map_err(|e| failed(path, &e.to_string()))?;
    }
    let cursor = writer.finish().map_err(|e| failed("", &e.to_string()))?;
    Ok(cursor.into_inner())
}

fn failed(path: &str, why: &str) -> FormatError {
    // Writing to memory fails only on archive limits (e.g. a path over 64 KB); the kind says
    // "too large" for want of a better one.
    let mut e = FormatError::new(ErrorKind::TooLarge, format!("cannot add {path} to the zip: {why}"));
    e.path = path.to_owned();
    e
}
