//! A JSON sample → a data contract with an inferred schema: for someone who has data (an API
//! response, an export, a log in JSON Lines) but no contract yet. The sample is one JSON
//! document (an object or an array of objects) or one object per line (NDJSON / JSON Lines);
//! all records together become one schema object named after the file.
//!
//! Budgets keep hostile input cheap: the text size ([`crate::MAX_INPUT_BYTES`]), serde_json's
//! nesting limit while parsing, [`MAX_DEPTH`] levels inferred, [`MAX_FIELDS`] distinct fields.
//! The merge rules are in [`build`].

mod build;
mod records;
mod shape;
mod string_format;
mod value;

use dpstudio_model::{ContractDescription, DataContract, SchemaObject};

use crate::error::{ErrorKind, FormatError};
use shape::ObjectShape;

pub use string_format::StringFormat;

/// Levels of nested objects and arrays inferred below a record; deeper values keep their type
/// only. Chosen so the contract still exports to ODCS YAML that our own importer's nesting
/// budget reads back (each level costs two YAML levels there).
pub const MAX_DEPTH: usize = 8;
/// Distinct fields (at all levels together) a sample may have.
pub const MAX_FIELDS: usize = 10_000;
/// Example values kept per property.
pub const MAX_EXAMPLES: usize = 3;
/// Longer strings are not taken as examples (they are rarely telling and bloat the contract).
pub const MAX_EXAMPLE_CHARS: usize = 80;

/// What the inference may still spend.
pub(crate) struct Budget {
    max_depth: usize,
    max_fields: usize,
    fields_left: usize,
}

/// Infers a contract from the sample `text`; `name` (usually the file stem) names the
/// contract (id: its slug, version `1.0.0`) and, in snake case, its one schema object.
/// Malformed JSON fails with the line and column serde_json reports; a duplicate key, a
/// record that is not an object, or an empty sample fail too.
pub fn import(name: &str, text: &str) -> Result<DataContract, FormatError> {
    if text.len() > crate::MAX_INPUT_BYTES {
        return Err(FormatError::new(ErrorKind::TooLarge, "the JSON sample is larger than an import accepts"));
    }
    let mut budget = Budget { max_depth: MAX_DEPTH, max_fields: MAX_FIELDS, fields_left: MAX_FIELDS };
    let mut shape = ObjectShape::default();
    let records = records::for_each_record(text, |_, entries| shape.observe(entries, 0, &mut budget))?;
    let contract_name = if name.trim().is_empty() { "sample" } else { name.trim() };
    Ok(DataContract {
        id: dpstudio_model::slugify(contract_name),
        name: contract_name.to_owned(),
        version: "1.0.0".to_owned(),
        description: ContractDescription {
            purpose: format!("Schema inferred from a JSON sample of {records} record(s); review types, required fields and examples."),
            ..Default::default()
        },
        schema: vec![SchemaObject { name: object_name(contract_name), properties: build::properties(&shape), ..Default::default() }],
        ..Default::default()
    })
}

/// `Order Lines.v2` → `order_lines_v2`: lower-case ASCII letters, digits and single `_`.
fn object_name(name: &str) -> String {
    let mut out = String::new();
    for word in name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    if out.is_empty() { "records".to_owned() } else { out }
}
