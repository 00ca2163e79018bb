//! What the records say about each field, accumulated record by record: how often a field is
//! present and non-null, which JSON types it took, whether its strings agree on a format, a
//! few example values, and the same again for nested objects and array items.

use std::collections::HashMap;

use super::string_format::{recognise, StringFormat};
use super::value::Json;
use super::{Budget, MAX_EXAMPLES, MAX_EXAMPLE_CHARS};
use crate::error::{ErrorKind, FormatError};

/// The fields seen in every instance of one object (the records, or a nested object).
#[derive(Debug, Default)]
pub struct ObjectShape {
    /// How many instances were observed.
    pub seen: usize,
    /// Fields in the order they were first met.
    pub fields: Vec<FieldShape>,
    index: HashMap<String, usize>,
}

/// Which JSON types a field took (null apart: it only makes the field optional).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Kinds {
    pub boolean: bool,
    pub integer: bool,
    pub number: bool,
    pub string: bool,
    pub object: bool,
    pub array: bool,
}

/// Whether the strings of a field agree on one format.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum FormatVote {
    #[default]
    NoStrings,
    All(StringFormat),
    Mixed,
}

#[derive(Debug, Default)]
pub struct FieldShape {
    pub name: String,
    /// Instances where the field was present with a value other than null.
    pub present: usize,
    pub kinds: Kinds,
    pub format: FormatVote,
    /// The fields of its object values (merged across all of them).
    pub object: Option<Box<ObjectShape>>,
    /// The elements of its array values (merged across all arrays).
    pub items: Option<Box<FieldShape>>,
    /// Objects or arrays met below the depth budget, whose insides were not read.
    pub too_deep: bool,
    pub examples: Vec<serde_json::Value>,
}

impl ObjectShape {
    /// Adds one instance of this object.
    pub fn observe(&mut self, entries: Vec<(String, Json)>, depth: usize, budget: &mut Budget) -> Result<(), FormatError> {
        self.seen += 1;
        for (name, value) in entries {
            let at = match self.index.get(&name) {
                Some(&at) => at,
                None => {
                    budget.take_field()?;
                    self.index.insert(name.clone(), self.fields.len());
                    self.fields.push(FieldShape { name, ..Default::default() });
                    self.fields.len() - 1
                }
            };
            self.fields[at].observe(value, depth, budget)?;
        }
        Ok(())
    }
}

impl FieldShape {
    /// Adds one value of this field; `depth` counts the objects and arrays around it.
    pub fn observe(&mut self, value: Json, depth: usize, budget: &mut Budget) -> Result<(), FormatError> {
        match value {
            Json::Null => return Ok(()),
            Json::Bool(_) => self.kinds.boolean = true,
            Json::Integer(n) => {
                self.kinds.integer = true;
                self.add_example(serde_json::Value::Number(n));
            }
            Json::Number(x) => {
                self.kinds.number = true;
                if let Some(n) = serde_json::Number::from_f64(x) {
                    self.add_example(serde_json::Value::Number(n));
                }
            }
            Json::String(s) => {
                self.kinds.string = true;
                self.vote(recognise(&s));
                if s.chars().count() <= MAX_EXAMPLE_CHARS && !s.trim().is_empty() {
                    self.add_example(serde_json::Value::String(s));
                }
            }
            Json::Object(entries) => {
                self.kinds.object = true;
                if depth >= budget.max_depth {
                    self.too_deep = true;
                } else {
                    self.object.get_or_insert_with(Default::default).observe(entries, depth + 1, budget)?;
                }
            }
            Json::Array(elements) => {
                self.kinds.array = true;
                if depth >= budget.max_depth {
                    self.too_deep = true;
                } else {
                    let items = self.items.get_or_insert_with(Default::default);
                    for element in elements {
                        items.observe(element, depth + 1, budget)?;
                    }
                }
            }
        }
        self.present += 1;
        Ok(())
    }

    fn vote(&mut self, format: Option<StringFormat>) {
        self.format = match (self.format, format) {
            (FormatVote::NoStrings, Some(f)) => FormatVote::All(f),
            (FormatVote::All(a), Some(b)) if a == b => FormatVote::All(a),
            _ => FormatVote::Mixed,
        };
    }

    /// Keeps the first few distinct values: enough to show what the data looks like, bounded
    /// so a million-row sample does not become a million examples.
    fn add_example(&mut self, value: serde_json::Value) {
        if self.examples.len() < MAX_EXAMPLES && !self.examples.contains(&value) {
            self.examples.push(value);
        }
    }
}

impl Budget {
    fn take_field(&mut self) -> Result<(), FormatError> {
        if self.fields_left == 0 {
            return Err(FormatError::new(
                ErrorKind::TooLarge,
                format!("the sample has more than {} distinct fields", self.max_fields),
            ));
        }
        self.fields_left -= 1;
        Ok(())
    }
}
