//! The one error type of every importer: what went wrong and where, so the person who chose
//! the file can find the spot in their editor.

use std::fmt;

/// What kind of problem stopped an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not YAML/JSON at all (syntax), or a duplicate key.
    Syntax,
    /// Larger, deeper or more repetitive than an importer accepts.
    TooLarge,
    /// Parsed, but a field has the wrong type or a required field is missing.
    Shape,
    /// `apiVersion` or `kind` says this is not a document of the expected standard/version.
    WrongDocument,
}

/// An import error with a 1-based line and column (both 0 when the position is unknown)
/// and the JSON-pointer-like path of the offending field (`/schema/0/name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub kind: ErrorKind,
    pub line: u32,
    pub column: u32,
    pub path: String,
    pub message: String,
}

impl FormatError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        FormatError { kind, line: 0, column: 0, path: String::new(), message: message.into() }
    }

    /// `file:line:column: message`, or `file: message` when the position is unknown: the form
    /// editors and CI annotations jump from.
    pub fn in_file(&self, file: &str) -> String {
        if self.line > 0 {
            format!("{file}:{}:{}: {}", self.line, self.column, self.message)
        } else {
            format!("{file}: {}", self.message)
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}, column {}: ", self.line, self.column)?;
        }
        f.write_str(&self.message)?;
        if !self.path.is_empty() {
            write!(f, " (at {})", self.path)?;
        }
        Ok(())
    }
}

impl std::error::Error for FormatError {}
