//! Text → the records of a sample: one JSON document (an object, or an array of objects) or a
//! stream of objects (NDJSON / JSON Lines; any whitespace between them). Records are handed to
//! the caller one at a time, so a JSON Lines file is never held as a whole tree.

use serde_json::error::Category;

use super::value::Json;
use crate::error::{ErrorKind, FormatError};

/// Calls `each` with every record of `text` and its 0-based index; stops at the first error
/// (from the text or from `each`). Returns how many records there were.
pub fn for_each_record(text: &str, mut each: impl FnMut(usize, Vec<(String, Json)>) -> Result<(), FormatError>) -> Result<usize, FormatError> {
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Json>();
    let mut values = 0usize;
    let mut records = 0usize;
    loop {
        let start = stream.byte_offset();
        let Some(next) = stream.next() else { break };
        let value = next.map_err(json_error)?;
        values += 1;
        match value {
            Json::Object(entries) => {
                each(records, entries)?;
                records += 1;
            }
            // A whole document that is an array of records; only as the one value of the text.
            Json::Array(items) if values == 1 && is_last(text, stream.byte_offset()) => {
                for (i, item) in items.into_iter().enumerate() {
                    let Json::Object(entries) = item else {
                        let mut e = FormatError::new(ErrorKind::Shape, format!("item {i} of the array is {}, not an object (a record)", kind_name(&item)));
                        e.path = format!("/{i}");
                        return Err(e);
                    };
                    each(records, entries)?;
                    records += 1;
                }
            }
            other => {
                let (line, column) = position(text, start);
                let what = if values == 1 { "a sample is an object, an array of objects, or one object per line" } else { "each line of a JSON Lines sample is one object" };
                let mut e = FormatError::new(ErrorKind::Shape, format!("found {}: {what}", kind_name(&other)));
                (e.line, e.column) = (line, column);
                return Err(e);
            }
        }
    }
    if records == 0 {
        return Err(FormatError::new(ErrorKind::Shape, "the sample holds no records (no JSON object found)"));
    }
    Ok(records)
}

/// True when only whitespace follows `offset`.
fn is_last(text: &str, offset: usize) -> bool {
    text.get(offset..).is_some_and(|rest| rest.trim().is_empty())
}

/// 1-based line and column of the first non-whitespace byte at or after `offset`.
fn position(text: &str, offset: usize) -> (u32, u32) {
    let bytes = text.as_bytes();
    let mut at = offset.min(bytes.len());
    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    let before = &text.as_bytes()[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (u32::try_from(line).unwrap_or(u32::MAX), u32::try_from(column).unwrap_or(u32::MAX))
}

fn kind_name(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Integer(_) | Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

/// serde_json's error with its position moved into the fields: the message without the
/// trailing "at line L column C". Nesting beyond serde_json's recursion limit is a budget,
/// not a syntax mistake.
fn json_error(e: serde_json::Error) -> FormatError {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = text.strip_suffix(&suffix).unwrap_or(&text).to_owned();
    let kind = if message.contains("recursion limit") {
        ErrorKind::TooLarge
    } else {
        match e.classify() {
            Category::Io | Category::Syntax | Category::Data | Category::Eof => ErrorKind::Syntax,
        }
    };
    let message = if kind == ErrorKind::TooLarge { format!("{message}: the sample is nested too deeply") } else { message };
    let mut error = FormatError::new(kind, message);
    error.line = u32::try_from(e.line()).unwrap_or(u32::MAX);
    error.column = u32::try_from(e.column()).unwrap_or(u32::MAX);
    error
}
