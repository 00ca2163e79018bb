//! Reading a YAML or JSON document (JSON is YAML 1.2 flow style) into a `serde_json::Value`,
//! the form the schema validator takes, within budgets that keep hostile input cheap.
//!
//! Positions are not collected here: most documents conform, so they are found afterwards,
//! only for the nodes that have findings (see [`crate::positions`]).

use serde_json::Value;

use crate::finding::{Error, ErrorKind};

/// Larger inputs are refused before parsing (the biggest official example is under 200 KB).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;
/// Deepest nesting of mappings and sequences read. It bounds the recursion of the parser and of
/// the validator that walks the value after it (wasm's default stack is 1 MB); the official
/// examples nest fewer than 12 levels.
pub const MAX_DEPTH: usize = 48;

/// Parses `text`; an error carries the position the parser stopped at.
pub fn parse(text: &str) -> Result<Value, Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!("the document is {} bytes; at most {} MB are checked", text.len(), MAX_INPUT_BYTES >> 20),
        ));
    }
    serde_saphyr::from_str_with_options::<Value>(text, options()).map_err(parse_error)
}

/// Budgets against alias bombs, node floods and deep nesting; duplicate keys are errors, as a JSON Schema
/// validator would otherwise see only one of them; YAML 1.2 core scalars (`no` is text), as the
/// standards' own tools read them.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_reader_input_bytes = Some(MAX_INPUT_BYTES);
    // The parser's defaults (250 000 nodes) refuse real multi-megabyte contracts. The densest
    // YAML (`- a` lines) spends 4 bytes a node, so these accept any document within the byte
    // budget; alias expansion keeps its own, default limits.
    budget.max_nodes = MAX_INPUT_BYTES / 4;
    budget.max_events = MAX_INPUT_BYTES / 2;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    // Documents of these standards use a handful of anchors, if any; an alias bomb stops after
    // this many replayed events instead of the parser's default million.
    options.alias_limits.max_total_replayed_events = 100_000;
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options.strict_booleans = true;
    // One-line messages: the position is reported as fields, not as a source snippet.
    options.with_snippet = false;
    options
}

fn parse_error(e: serde_saphyr::Error) -> Error {
    let (line, column) = e.location().map_or((0, 0), |l| (clamp(l.line()), clamp(l.column())));
    let rendered = e.to_string();
    let gist = rendered.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("not valid YAML");
    let gist = strip_position_prefix(gist.strip_prefix("error:").unwrap_or(gist).trim());
    let lower = gist.to_ascii_lowercase();
    if lower.contains("budget") || lower.contains("depth") || lower.contains("limit") {
        let message = format!("the document is too large or nested more than {MAX_DEPTH} levels deep ({gist})");
        Error { kind: ErrorKind::TooLarge, line, column, message }
    } else {
        Error { kind: ErrorKind::Syntax, line, column, message: format!("not valid YAML or JSON: {gist}") }
    }
}

/// Drops a leading "line L column C: ", which the finding already says as numbers.
fn strip_position_prefix(message: &str) -> &str {
    match message.strip_prefix("line ").and_then(|rest| rest.split_once(": ")) {
        Some((_, after)) => after,
        None => message,
    }
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
