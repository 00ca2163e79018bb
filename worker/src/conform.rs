//! Conformance of the documents the module writes or reads: each is checked against its
//! standard's official JSON Schema (bundled at build time, see build.rs). Validators compile
//! once per standard and are kept for the worker's life.

use std::cell::RefCell;
use std::collections::HashMap;

use dpstudio_conformance::{Standard, Validator};
use dpstudio_protocol::Finding;

include!(concat!(env!("OUT_DIR"), "/schemas.rs"));

/// Documents checked per request at most: exporting a 3,000-contract workspace should not
/// spend a minute validating; the notice says when the check stopped early.
pub const MAX_DOCUMENTS: usize = 300;

thread_local! {
    static VALIDATORS: RefCell<HashMap<Standard, Result<Validator, String>>> = RefCell::new(HashMap::new());
}

/// The findings of one document; a file that is no standard document has none. A schema that
/// is not bundled or does not compile is reported as one finding at the top of the file.
pub fn check(file: &str, text: &str) -> Vec<Finding> {
    let Ok(standard) = Standard::detect(text) else { return Vec::new() };
    VALIDATORS.with(|cell| {
        let mut validators = cell.borrow_mut();
        let validator = validators.entry(standard).or_insert_with(|| compile(standard));
        match validator {
            Ok(validator) => validator
                .validate(file, text)
                .into_iter()
                .map(|f| Finding {
                    file: f.file,
                    line: f.line as usize,
                    column: f.column as usize,
                    pointer: f.pointer,
                    message: f.message,
                })
                .collect(),
            Err(message) => vec![Finding { file: file.to_owned(), line: 0, column: 0, pointer: String::new(), message: message.clone() }],
        }
    })
}

/// Checks each `(path, text)`, up to [`MAX_DOCUMENTS`]; returns the findings and how many
/// documents were left unchecked. Only files with a standard's file name are looked at unless
/// `any_name` (imports keep whatever names people gave their files).
pub fn check_all<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>, any_name: bool) -> (Vec<Finding>, usize) {
    let mut findings = Vec::new();
    let (mut checked, mut left) = (0, 0);
    for (path, text) in files {
        if !any_name && !is_standard_file(path) {
            continue;
        }
        if checked == MAX_DOCUMENTS {
            left += 1;
            continue;
        }
        checked += 1;
        findings.extend(check(path, text));
    }
    (findings, left)
}

/// Files a standard's schema applies to, by the names the exporters give them.
fn is_standard_file(path: &str) -> bool {
    [".odcs.yaml", ".odps.yaml", ".datacontract.yaml", ".dpds.json"].iter().any(|ext| path.ends_with(ext))
}

fn compile(standard: Standard) -> Result<Validator, String> {
    let schema = schema(standard.schema_file())?;
    let companions: Vec<(&str, &str)> = standard
        .companions()
        .iter()
        .filter_map(|c| SCHEMAS.iter().find(|(p, _)| *p == c.file).map(|(_, text)| (c.reference, *text)))
        .collect();
    Validator::with_companions(standard, schema, &companions)
        .map_err(|e| format!("the {} schema could not be used: {e}", standard.label()))
}

fn schema(path: &str) -> Result<&'static str, String> {
    SCHEMAS.iter().find(|(p, _)| *p == path).map(|(_, text)| *text).ok_or_else(|| {
        format!("this build has no official schema for it ({path}); build the app with the reference folder beside the repository")
    })
}
