//! Typed access to the fields of one parsed object. Each read removes the key, so what is left
//! at the end is exactly the set of fields the model does not type: the `extra` bag.
//! A wrong type is an error at the field's position; `null` counts as absent.

use dpstudio_model::Extra;
use serde_json::{Map, Value};

use crate::error::{ErrorKind, FormatError};
use crate::yaml::{escape_pointer, Document};

pub struct Fields<'d> {
    doc: &'d Document,
    path: String,
    map: Map<String, Value>,
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

impl<'d> Fields<'d> {
    /// Reads `value` at `path` as an object; anything else is an error naming `what`.
    pub fn of(doc: &'d Document, path: &str, value: Value, what: &str) -> Result<Self, FormatError> {
        match value {
            Value::Object(map) => Ok(Fields { doc, path: path.to_owned(), map }),
            other => Err(doc.error(
                ErrorKind::Shape,
                path,
                format!("expected {what} to be a mapping, found {}", type_name(&other)),
            )),
        }
    }

    pub fn doc(&self) -> &'d Document {
        self.doc
    }

    pub fn child_path(&self, key: &str) -> String {
        format!("{}/{}", self.path, escape_pointer(key))
    }

    pub fn error(&self, key: &str, message: impl Into<String>) -> FormatError {
        self.doc.error(ErrorKind::Shape, &self.child_path(key), message)
    }

    fn wrong(&self, key: &str, expected: &str, found: &Value) -> FormatError {
        self.error(key, format!("`{key}` must be {expected}, found {}", type_name(found)))
    }

    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    pub fn peek(&self, key: &str) -> Option<&Value> {
        self.map.get(key)
    }

    /// Takes any value (null included) verbatim.
    pub fn value(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key)
    }

    pub fn string(&mut self, key: &str) -> Result<Option<String>, FormatError> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong(key, "text", &other)),
        }
    }

    /// Text, or empty when absent.
    pub fn text(&mut self, key: &str) -> Result<String, FormatError> {
        Ok(self.string(key)?.unwrap_or_default())
    }

    pub fn bool(&mut self, key: &str) -> Result<Option<bool>, FormatError> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(b)),
            Some(other) => Err(self.wrong(key, "true or false", &other)),
        }
    }

    pub fn int(&mut self, key: &str) -> Result<Option<i64>, FormatError> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) if n.as_i64().is_some() => Ok(n.as_i64()),
            Some(other) => Err(self.wrong(key, "a whole number", &other)),
        }
    }

    pub fn number(&mut self, key: &str) -> Result<Option<f64>, FormatError> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => Ok(n.as_f64()),
            Some(other) => Err(self.wrong(key, "a number", &other)),
        }
    }

    pub fn strings(&mut self, key: &str) -> Result<Vec<String>, FormatError> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    match item {
                        Value::String(s) => out.push(s),
                        other => {
                            let path = format!("{}/{i}", self.child_path(key));
                            return Err(self.doc.error(
                                ErrorKind::Shape,
                                &path,
                                format!("`{key}` must list text, found {}", type_name(&other)),
                            ));
                        }
                    }
                }
                Ok(out)
            }
            Some(other) => Err(self.wrong(key, "a list", &other)),
        }
    }

    /// A list of anything, each item with its path.
    pub fn list(&mut self, key: &str) -> Result<Vec<(String, Value)>, FormatError> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => {
                let base = self.child_path(key);
                Ok(items.into_iter().enumerate().map(|(i, v)| (format!("{base}/{i}"), v)).collect())
            }
            Some(other) => Err(self.wrong(key, "a list", &other)),
        }
    }

    /// A mapping of named entries (the Data Contract Specification's `models`, `fields`,
    /// `servers`) as `(name, path, value)` in document order (by position: parsed mappings
    /// themselves are sorted by key).
    pub fn entries(&mut self, key: &str) -> Result<Vec<(String, String, Value)>, FormatError> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Object(map)) => {
                let base = self.child_path(key);
                let mut out: Vec<(String, String, Value)> = map
                    .into_iter()
                    .map(|(name, value)| {
                        let path = format!("{base}/{}", escape_pointer(&name));
                        (name, path, value)
                    })
                    .collect();
                out.sort_by_key(|(_, path, _)| self.doc.position(path));
                Ok(out)
            }
            Some(other) => Err(self.wrong(key, "a mapping of named entries", &other)),
        }
    }

    /// A nested mapping with its path.
    pub fn object(&mut self, key: &str) -> Result<Option<Fields<'d>>, FormatError> {
        match self.map.remove(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => {
                let path = self.child_path(key);
                Fields::of(self.doc, &path, value, &format!("`{key}`")).map(Some)
            }
        }
    }

    /// Everything not read: the `extra` bag.
    pub fn rest(self) -> Extra {
        self.map.into_iter().collect()
    }
}
