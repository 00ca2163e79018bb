//! Zips a person drops (a repo bundle, a zipped folder of specs) as text entries, with budgets
//! so a zip bomb or a zip of images costs a message, not the tab.

use std::io::{Cursor, Read};

use dpstudio_formats::MAX_INPUT_BYTES;

/// Entries looked at in one zip; a repo bundle of a large workspace has a few thousand.
const MAX_ENTRIES: usize = 20_000;
/// Uncompressed text read from one zip in total.
const MAX_TOTAL_BYTES: usize = 128 * 1024 * 1024;

/// One file to import.
pub struct Entry {
    /// The file's name; for zip entries `zip name/path inside`.
    pub name: String,
    pub text: String,
    pub from_zip: bool,
}

/// The text files in `data`. Entries that are not UTF-8 text or too large are skipped with a
/// note in `skipped`; a file that is not a zip at all, or holds too much, is an error.
pub fn text_entries(zip_name: &str, data: &[u8], skipped: &mut Vec<String>) -> Result<Vec<Entry>, String> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(data)).map_err(|e| format!("{zip_name}: not a readable zip file ({e})"))?;
    if archive.len() > MAX_ENTRIES {
        return Err(format!("{zip_name}: holds {} entries; an import reads at most {MAX_ENTRIES}", archive.len()));
    }
    let mut entries = Vec::new();
    let mut total = 0usize;
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).map_err(|e| format!("{zip_name}: entry {index} cannot be read ({e})"))?;
        if file.is_dir() {
            continue;
        }
        let name = format!("{zip_name}/{}", file.name());
        // Read one byte past the limit to tell "exactly the limit" from "more".
        let mut bytes = Vec::new();
        let read = (&mut file).take(MAX_INPUT_BYTES as u64 + 1).read_to_end(&mut bytes);
        if let Err(e) = read {
            return Err(format!("{name}: cannot be unpacked ({e})"));
        }
        if bytes.len() > MAX_INPUT_BYTES {
            skipped.push(format!("{name}: larger than an import accepts ({} MB)", MAX_INPUT_BYTES / (1024 * 1024)));
            continue;
        }
        total += bytes.len();
        if total > MAX_TOTAL_BYTES {
            return Err(format!("{zip_name}: unpacks to more than {} MB; import fewer files at once", MAX_TOTAL_BYTES / (1024 * 1024)));
        }
        match String::from_utf8(bytes) {
            Ok(text) => entries.push(Entry { name, text, from_zip: true }),
            Err(_) => skipped.push(format!("{name}: not a text file")),
        }
    }
    Ok(entries)
}
