//! The JSON save format. Every saved workspace carries `formatVersion`; loading checks it and
//! runs the migrations from older versions, so files saved by any earlier release still open.

use std::fmt;

use serde_json::Value;

use crate::Workspace;

/// The save-format version this build writes.
pub const FORMAT_VERSION: u32 = 1;

/// Why a workspace file could not be loaded. Messages are meant for the person who chose the
/// file: they say where the problem is and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all, or a JSON syntax error at `line`:`column` (1-based).
    Syntax { line: usize, column: usize, message: String },
    /// JSON, but not a workspace: a missing field or a wrong type.
    Shape { line: usize, column: usize, message: String },
    MissingVersion,
    /// Saved by a newer release than this one.
    TooNew { found: u64 },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax { line, column, message } => {
                write!(f, "not valid JSON at line {line}, column {column}: {message}")
            }
            LoadError::Shape { line, column, message } => {
                write!(f, "not a Data Product Studio workspace (line {line}, column {column}): {message}")
            }
            LoadError::MissingVersion => write!(
                f,
                "not a Data Product Studio workspace: the file has no \"formatVersion\" field"
            ),
            LoadError::TooNew { found } => write!(
                f,
                "this workspace was saved in format {found}, newer than this release understands \
                 ({FORMAT_VERSION}); open it with a newer Data Product Studio"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses a saved workspace, migrating older save formats to the current one.
pub fn from_json(text: &str) -> Result<Workspace, LoadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let version = match value.get("formatVersion") {
        Some(v) => v.as_u64().ok_or(LoadError::MissingVersion)?,
        None => return Err(LoadError::MissingVersion),
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(LoadError::TooNew { found: version });
    }
    let value = migrate(value, version);
    // Re-parse from text when no migration ran so that shape errors carry a real position.
    let parsed = if version == u64::from(FORMAT_VERSION) {
        serde_json::from_str::<Workspace>(text)
    } else {
        serde_json::from_value::<Workspace>(value)
    };
    parsed.map_err(|e| LoadError::Shape {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })
}

/// Brings a saved document from `from` up to [`FORMAT_VERSION`], one step per version.
fn migrate(value: Value, from: u64) -> Value {
    // Format 1 is the first; each later format adds a `from == N => step_N_to_N1(value)` arm.
    let _ = from;
    value
}

/// serde_json appends " at line L column C" to its messages; we report the position separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Serialises a workspace as pretty JSON with the current format version.
pub fn to_json_pretty(workspace: &Workspace) -> String {
    let mut copy_needed = None;
    if workspace.format_version != FORMAT_VERSION {
        let mut w = workspace.clone();
        w.format_version = FORMAT_VERSION;
        copy_needed = Some(w);
    }
    let w = copy_needed.as_ref().unwrap_or(workspace);
    // Serialising plain data with string keys cannot fail; fall back to an empty object anyway
    // rather than panic.
    serde_json::to_string_pretty(w).unwrap_or_else(|_| "{}".to_owned())
}
