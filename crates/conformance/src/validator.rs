//! A standard's schema compiled once, and documents checked against it.
//!
//! The validator's raw errors are turned into findings people can act on: an `anyOf`/`oneOf`
//! failure is replaced by the errors of the alternative the document came closest to, each
//! unknown property gets its own finding at its key, and every finding gets a line and column.

use std::collections::HashSet;

use jsonschema::error::ValidationErrorKind;
use jsonschema::{Registry, ValidationError};
use serde_json::Value;

use crate::finding::{Error, ErrorKind, Finding, Severity};
use crate::message::{describe, expected_types, readable_path, sentence};
use crate::positions::{self, Place};
use crate::rule::{RULE, SYNTAX_RULE};
use crate::{document, Standard};

/// At most this many findings per document; a note says when more were cut off. A file with
/// thousands of violations is the wrong file, and the list must stay cheap to show.
pub const MAX_FINDINGS: usize = 200;
/// How deep `anyOf`/`oneOf` alternatives are followed to find the closest one.
const MAX_ALTERNATIVE_DEPTH: usize = 16;
/// The base the main schema is registered under, so companions' relative names resolve
/// without any retrieval.
const BASE: &str = "json-schema:///reference/";

/// A compiled schema; build once, validate many documents (it holds no per-document state).
pub struct Validator {
    standard: Standard,
    schema: jsonschema::Validator,
}

impl std::fmt::Debug for Validator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Validator").field("standard", &self.standard).finish_non_exhaustive()
    }
}

impl Validator {
    /// Compiles `schema_text` (the standard's [`Standard::schema_file`]). No reference is ever
    /// fetched: one the schema cannot resolve locally is an error here.
    pub fn new(standard: Standard, schema_text: &str) -> Result<Validator, Error> {
        Validator::with_companions(standard, schema_text, &[])
    }

    /// Like [`Validator::new`], with schemas the main one references by relative file name,
    /// as `(reference, text)` pairs (see [`Standard::companions`]).
    pub fn with_companions(
        standard: Standard,
        schema_text: &str,
        companions: &[(&str, &str)],
    ) -> Result<Validator, Error> {
        let schema_error = |what: &str, e: &dyn std::fmt::Display| {
            Error::new(ErrorKind::Schema, format!("{} schema {what}: {e}", standard.label()))
        };
        let schema: Value = serde_json::from_str(schema_text).map_err(|e| schema_error("is not JSON", &e))?;
        let mut parsed = Vec::with_capacity(companions.len());
        for (reference, text) in companions {
            let value: Value = serde_json::from_str(text)
                .map_err(|e| schema_error(&format!("companion {reference} is not JSON"), &e))?;
            parsed.push((format!("{BASE}{reference}"), value));
        }
        let registry = Registry::new()
            .extend(parsed.iter().map(|(uri, value)| (uri.as_str(), value)))
            .and_then(|builder| builder.prepare())
            .map_err(|e| schema_error("companions do not register", &e))?;
        let main_uri = format!("{BASE}{}", file_name(standard.schema_file()));
        let schema = jsonschema::options()
            .offline()
            .with_registry(&registry)
            .with_base_uri(main_uri)
            // `format` is an annotation in the standards' own tooling (and in draft 2019-09 and
            // later): checking it here would flag documents their tools accept.
            .should_validate_formats(false)
            .build(&schema)
            .map_err(|e| schema_error("does not compile", &e))?;
        Ok(Validator { standard, schema })
    }

    pub fn standard(&self) -> Standard {
        self.standard
    }

    /// Checks one document. `file_name` is only copied into the findings. Never panics; a text
    /// that is not YAML/JSON or is over budget gives one `conformance.syntax` finding.
    pub fn validate(&self, file_name: &str, text: &str) -> Vec<Finding> {
        let value = match document::parse(text) {
            Ok(value) => value,
            Err(e) => {
                return vec![Finding {
                    rule: SYNTAX_RULE.id,
                    severity: Severity::Error,
                    file: file_name.to_owned(),
                    pointer: String::new(),
                    line: e.line,
                    column: e.column,
                    message: e.message,
                }]
            }
        };
        let mut issues = Issues { root: &value, list: Vec::new(), seen: HashSet::new(), truncated: false };
        for error in self.schema.iter_errors(&value) {
            issues.add(&error, 0);
            if issues.truncated {
                break;
            }
        }
        locate(file_name, text, issues)
    }
}

/// One violation before it is placed in the text.
struct Issue {
    pointer: String,
    message: String,
    /// Place it at the node's key (an unknown property) rather than at the node.
    at_key: bool,
    /// The node has the wrong type; other complaints about the same node follow from that.
    wrong_type: bool,
}

struct Issues<'v> {
    root: &'v Value,
    list: Vec<Issue>,
    /// (pointer, message) already listed: `additionalProperties` and `unevaluatedProperties`
    /// often report the same key twice.
    seen: HashSet<(String, String)>,
    truncated: bool,
}

impl Issues<'_> {
    fn push(&mut self, pointer: String, sentence: String, at_key: bool, wrong_type: bool) {
        if self.list.len() >= MAX_FINDINGS {
            self.truncated = true;
            return;
        }
        let message = format!("{}: {sentence}", readable_path(self.root, &pointer));
        if self.seen.insert((pointer.clone(), message.clone())) {
            self.list.push(Issue { pointer, message, at_key, wrong_type });
        }
    }

    fn add(&mut self, error: &ValidationError<'_>, depth: usize) {
        let pointer = error.instance_path().as_str().to_owned();
        let instance: &Value = error.instance();
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected }
            | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
                for name in unexpected {
                    let child = format!("{pointer}/{}", escape(name));
                    let text = format!("property {} is not allowed here", Value::String(name.clone()));
                    self.push(child, text, true, false);
                }
            }
            ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context }
                if depth < MAX_ALTERNATIVE_DEPTH =>
            {
                self.add_closest(&pointer, instance, context, depth);
            }
            kind => {
                let text = sentence(kind, instance).unwrap_or_else(|| error.to_string());
                let wrong_type = matches!(kind, ValidationErrorKind::Type { .. });
                self.push(pointer, text, false, wrong_type);
            }
        }
    }

    /// An `anyOf`/`oneOf` that no alternative matched: report the alternative that got
    /// furthest into the document (deepest error; then one whose type matched; then fewest
    /// errors). When every alternative fails on the node's type, say which types would do.
    fn add_closest(
        &mut self,
        pointer: &str,
        instance: &Value,
        alternatives: &[Vec<ValidationError<'static>>],
        depth: usize,
    ) {
        let node_depth = segments(pointer);
        let type_miss = |e: &ValidationError<'_>| {
            matches!(e.kind(), ValidationErrorKind::Type { .. }) && segments(e.instance_path().as_str()) == node_depth
        };
        let score = |errors: &Vec<ValidationError<'static>>| {
            let deepest = errors.iter().map(|e| segments(e.instance_path().as_str())).max().unwrap_or(0);
            let type_matched = !errors.iter().any(type_miss);
            (deepest, type_matched, std::cmp::Reverse(errors.len()))
        };
        let best = alternatives.iter().filter(|errors| !errors.is_empty()).max_by_key(|errors| score(errors));
        match best {
            Some(errors) if !errors.iter().all(type_miss) => {
                for e in errors {
                    self.add(e, depth + 1);
                }
            }
            _ => {
                let mut types: Vec<&str> = Vec::new();
                for e in alternatives.iter().flatten() {
                    if let ValidationErrorKind::Type { kind } = e.kind() {
                        for ty in expected_types(kind) {
                            if !types.contains(&ty) {
                                types.push(ty);
                            }
                        }
                    }
                }
                let text = if types.is_empty() {
                    "matches none of the allowed forms".to_owned()
                } else {
                    format!("expected {}, found {}", types.join(" or "), describe(instance))
                };
                self.push(pointer.to_owned(), text, false, !types.is_empty());
            }
        }
    }
}

/// Places every issue in the text and turns it into a finding.
fn locate(file_name: &str, text: &str, mut issues: Issues<'_>) -> Vec<Finding> {
    let mistyped: HashSet<String> = issues.list.iter().filter(|i| i.wrong_type).map(|i| i.pointer.clone()).collect();
    issues.list.retain(|i| i.wrong_type || i.at_key || !mistyped.contains(&i.pointer));
    let mut wanted = HashSet::new();
    for issue in &issues.list {
        let mut p = issue.pointer.as_str();
        loop {
            wanted.insert(p.to_owned());
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => break,
            }
        }
    }
    let places = positions::locate(text, &wanted);
    let place_of = |pointer: &str| -> Option<(Place, bool)> {
        let mut p = pointer;
        loop {
            if let Some(place) = places.get(p) {
                return Some((*place, p.len() == pointer.len()));
            }
            p = &p[..p.rfind('/')?];
        }
    };
    let finding = |pointer: String, message: String, line: u32, column: u32, severity: Severity| Finding {
        rule: RULE.id,
        severity,
        file: file_name.to_owned(),
        pointer,
        line,
        column,
        message,
    };
    let mut findings: Vec<Finding> = issues
        .list
        .into_iter()
        .map(|issue| {
            let position = place_of(&issue.pointer).map(|(place, exact)| match (issue.at_key && exact, place.key) {
                (true, Some(key)) => key,
                _ => place.best(),
            });
            let (line, column) = position.map_or((0, 0), |p| (p.line, p.column));
            finding(issue.pointer, issue.message, line, column, Severity::Error)
        })
        .collect();
    // Reading order; findings without a position go last.
    findings.sort_by_key(|f| (f.line == 0, f.line, f.column));
    if issues.truncated {
        let note = format!("more violations were found; only the first {MAX_FINDINGS} are listed");
        findings.push(finding(String::new(), note, 0, 0, Severity::Info));
    }
    findings
}

fn segments(pointer: &str) -> usize {
    pointer.matches('/').count()
}

/// RFC 6901 escaping of one key.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
