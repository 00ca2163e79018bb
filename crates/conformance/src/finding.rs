//! What a conformance check reports: findings about a document, and errors that stop a check
//! before it starts (an unrecognised document, a schema that does not compile).

use std::fmt;

use serde::Serialize;

/// How serious a finding is. Schema violations are errors; the only info is the note that
/// findings were cut off at [`crate::MAX_FINDINGS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Info => "info",
        }
    }
}

/// One thing wrong with a document, located in its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// A rule id of the `conformance` family (see [`crate::RULES`]).
    pub rule: &'static str,
    pub severity: Severity,
    /// The file name the caller passed, repeated so findings of many files can be merged.
    pub file: String,
    /// JSON pointer of the offending node (`/schema/0/properties/2/logicalType`); empty for the
    /// whole document.
    pub pointer: String,
    /// 1-based line and column of the offending node; 0 when the position is unknown.
    pub line: u32,
    pub column: u32,
    /// Human text naming the field and what is wrong with it.
    pub message: String,
}

impl fmt::Display for Finding {
    /// `file:line:column: severity [rule] message`, as editors and CI annotations read it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        } else {
            write!(f, "{}: ", self.file)?;
        }
        write!(f, "{} [{}] {}", self.severity.as_str(), self.rule, self.message)
    }
}

/// Why a check could not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not YAML or JSON.
    Syntax,
    /// The text is over the size or nesting budget.
    TooLarge,
    /// The document's standard could not be recognised from its header.
    Unrecognised,
    /// The schema text is not JSON, not a valid schema, or names a reference that is not known.
    Schema,
}

/// An error with the position it was found at (1-based; 0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, line: 0, column: 0, message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.line, self.column, self.message)
        } else {
            f.write_str(&self.message)
        }
    }
}

impl std::error::Error for Error {}
