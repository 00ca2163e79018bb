//! The JSON save format. Every saved workspace carries `formatVersion`; loading checks it and
//! runs the migrations from older versions, so files saved by any earlier release still open.

use std::fmt;

use serde_json::Value;

use crate::Workspace;

/// The save-format version this build writes.
///
/// History:
/// - 1: first format.
/// - 2: a property's `enum` entries are ODCS 3.2 objects `{value, label?, description?}`
///   instead of plain values, so allowed values can carry a label and a meaning.
pub const FORMAT_VERSION: u32 = 2;

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
    let shape_error = |e: serde_json::Error| LoadError::Shape {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    };
    let version = match serde_json::from_str::<Header>(text) {
        Ok(Header(Some(v))) => v.as_u64().ok_or(LoadError::MissingVersion)?,
        Ok(Header(None)) => return Err(LoadError::MissingVersion),
        Err(e) if e.is_syntax() || e.is_eof() => {
            return Err(LoadError::Syntax {
                line: e.line(),
                column: e.column(),
                message: strip_position(&e.to_string()),
            })
        }
        // Valid JSON but not an object.
        Err(_) => return Err(LoadError::MissingVersion),
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(LoadError::TooNew { found: version });
    }
    if version == u64::from(FORMAT_VERSION) {
        // The common case: parse once, straight into the model, so shape errors carry a real
        // position and a large workspace loads in one pass.
        return serde_json::from_str::<Workspace>(text).map_err(shape_error);
    }
    let value: Value = serde_json::from_str(text).map_err(shape_error)?;
    // Back to text and through the same parser as the common case, rather than
    // `from_value`: every model type's deserialiser then exists once in the web app, not
    // twice (one per serde_json backend), and migrations are rare enough not to mind the
    // extra pass.
    serde_json::from_str::<Workspace>(&migrate(value, version).to_string()).map_err(shape_error)
}

/// The top-level `formatVersion` of a document, read without building the rest of it.
struct Header(Option<Value>);

impl<'de> serde::Deserialize<'de> for Header {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Header;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a workspace object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
                let mut version = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "formatVersion" {
                        version = Some(map.next_value::<Value>()?);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(Header(version))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

/// Brings a saved document from `from` up to [`FORMAT_VERSION`], one step per version, so each
/// step only knows the format just before it.
fn migrate(mut value: Value, from: u64) -> Value {
    if from <= 1 {
        v1_to_v2(&mut value);
    }
    if let Some(version) = value.get_mut("formatVersion") {
        *version = Value::from(FORMAT_VERSION);
    }
    value
}

/// Format 1 → 2: every `enum` entry of every property (nested ones and array `items` too)
/// becomes `{"value": entry}`. Anything that is not shaped as expected is left alone: the
/// parser reports it with a message afterwards, a migration never fails.
fn v1_to_v2(document: &mut Value) {
    let Some(contracts) = document.get_mut("contracts").and_then(Value::as_array_mut) else { return };
    for contract in contracts {
        let Some(objects) = contract.get_mut("schema").and_then(Value::as_array_mut) else { continue };
        for object in objects {
            if let Some(properties) = object.get_mut("properties") {
                wrap_enums_in_properties(properties);
            }
        }
    }
}

fn wrap_enums_in_properties(properties: &mut Value) {
    let Some(list) = properties.as_array_mut() else { return };
    for property in list {
        wrap_enums_in_property(property);
    }
}

fn wrap_enums_in_property(property: &mut Value) {
    let Some(fields) = property.as_object_mut() else { return };
    if let Some(Value::Array(entries)) = fields.get_mut("enum") {
        for entry in entries.iter_mut() {
            let plain = std::mem::take(entry);
            *entry = serde_json::json!({ "value": plain });
        }
    }
    if let Some(nested) = fields.get_mut("properties") {
        wrap_enums_in_properties(nested);
    }
    if let Some(items) = fields.get_mut("items") {
        wrap_enums_in_property(items);
    }
}

/// serde_json appends " at line L column C" to its messages; we report the position separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Serialises a workspace as pretty JSON with the current format version: the form for files
/// people read and diff.
pub fn to_json_pretty(workspace: &Workspace) -> String {
    serialise(workspace, true)
}

/// Serialises a workspace as compact JSON (about a third smaller, and faster): the form for
/// autosave and share links, where nobody reads it.
pub fn to_json(workspace: &Workspace) -> String {
    serialise(workspace, false)
}

fn serialise(workspace: &Workspace, pretty: bool) -> String {
    let mut copy_needed = None;
    if workspace.format_version != FORMAT_VERSION {
        let mut w = workspace.clone();
        w.format_version = FORMAT_VERSION;
        copy_needed = Some(w);
    }
    let w = copy_needed.as_ref().unwrap_or(workspace);
    // Serialising plain data with string keys cannot fail; fall back to an empty object anyway
    // rather than panic.
    let text = serde_json::to_string(w).unwrap_or_else(|_| "{}".to_owned());
    if pretty {
        crate::pretty::indent(&text)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EnumValue;

    const V1: &str = r#"{
      "formatVersion": 1, "id": "w", "name": "W",
      "contracts": [{ "id": "c", "name": "C", "schema": [{ "name": "orders", "properties": [
        { "name": "status", "logicalType": "string", "enum": ["open", "closed"] },
        { "name": "address", "logicalType": "object", "properties": [
          { "name": "country", "logicalType": "string", "enum": ["DE", 7, true] } ] },
        { "name": "tags", "logicalType": "array", "items": { "name": "tag", "enum": ["a"] } }
      ] }] }]
    }"#;

    #[test]
    fn v1_enum_values_load_as_value_objects() {
        let w = from_json(V1).expect("v1 loads");
        assert_eq!(w.format_version, FORMAT_VERSION);
        let props = &w.contracts[0].schema[0].properties;
        assert_eq!(props[0].enum_values, vec![EnumValue::new("open"), EnumValue::new("closed")]);
        assert_eq!(
            props[1].properties[0].enum_values,
            vec![EnumValue::new("DE"), EnumValue::new(7), EnumValue::new(true)]
        );
        let items = props[2].items.as_ref().expect("items kept");
        assert_eq!(items.enum_values, vec![EnumValue::new("a")]);
    }

    #[test]
    fn compact_and_pretty_saves_load_the_same() {
        let w = from_json(include_str!("../../../examples/retail.workspace.json")).unwrap();
        let (compact, pretty) = (to_json(&w), to_json_pretty(&w));
        assert!(compact.len() < pretty.len() && !compact.contains('\n'));
        assert_eq!(from_json(&compact).unwrap(), w);
        assert_eq!(from_json(&pretty).unwrap(), w);
        let old = Workspace { format_version: 1, ..w };
        assert!(to_json(&old).starts_with("{\"formatVersion\":2,"));
    }

    #[test]
    fn v2_documents_are_not_migrated_again() {
        let text = to_json_pretty(&from_json(V1).unwrap());
        assert!(text.contains("\"formatVersion\": 2"));
        let again = from_json(&text).expect("v2 loads");
        assert_eq!(again, from_json(V1).unwrap());
        assert_eq!(again.contracts[0].schema[0].properties[0].enum_values[0].value, "open");
    }

    #[test]
    fn enum_labels_and_unknown_fields_survive_a_round_trip() {
        let text = r#"{ "formatVersion": 2, "id": "w", "name": "W", "contracts": [{ "id": "c", "name": "C",
          "schema": [{ "name": "o", "properties": [{ "name": "s",
            "enum": [{ "value": "A", "label": "Active", "description": "in use", "id": "a1" }] }] }] }] }"#;
        let w = from_json(text).unwrap();
        let entry = &w.contracts[0].schema[0].properties[0].enum_values[0];
        assert_eq!(entry.label, "Active");
        assert_eq!(entry.extra.get("id"), Some(&Value::from("a1")));
        assert_eq!(from_json(&to_json_pretty(&w)).unwrap(), w);
    }

    #[test]
    fn example_in_format_1_loads_equal_to_format_2() {
        let v2_text = include_str!("../../../examples/retail.workspace.json");
        let v2 = from_json(v2_text).expect("example loads");
        assert_eq!(v2.format_version, 2);
        // Write the example back as format 1 by hand: plain enum values.
        let mut doc: Value = serde_json::from_str(v2_text).unwrap();
        doc["formatVersion"] = Value::from(1);
        let mut unwrapped = 0;
        unwrap_enums(&mut doc, &mut unwrapped);
        assert!(unwrapped > 0, "the example should have enum values to migrate");
        let v1 = from_json(&doc.to_string()).expect("format 1 loads");
        assert_eq!(v1, v2);
    }

    fn unwrap_enums(value: &mut Value, count: &mut usize) {
        match value {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    if key == "enum" {
                        if let Value::Array(entries) = child {
                            for e in entries.iter_mut() {
                                *e = e["value"].clone();
                                *count += 1;
                            }
                        }
                    } else {
                        unwrap_enums(child, count);
                    }
                }
            }
            Value::Array(list) => list.iter_mut().for_each(|v| unwrap_enums(v, count)),
            _ => {}
        }
    }

    #[test]
    fn syntax_errors_have_a_position_and_non_objects_no_version() {
        assert!(matches!(from_json("{\"formatVersion\": 2,\n  \"id\": }"), Err(LoadError::Syntax { line: 2, .. })));
        assert!(matches!(from_json("{\"formatVersion\": 2"), Err(LoadError::Syntax { .. })));
        assert_eq!(from_json("[2]"), Err(LoadError::MissingVersion));
        assert_eq!(from_json("\"x\""), Err(LoadError::MissingVersion));
        assert_eq!(from_json(r#"{"formatVersion": "2"}"#), Err(LoadError::MissingVersion));
        let shape = from_json("{\"formatVersion\": 2,\n \"id\": \"w\", \"name\": 5}");
        assert!(matches!(shape, Err(LoadError::Shape { line: 2, .. })), "{shape:?}");
    }

    #[test]
    fn newer_and_unversioned_files_are_refused() {
        assert_eq!(from_json(r#"{"formatVersion": 3, "id": "w", "name": "W"}"#), Err(LoadError::TooNew { found: 3 }));
        assert_eq!(from_json(r#"{"id": "w", "name": "W"}"#), Err(LoadError::MissingVersion));
    }

    #[test]
    fn odd_v1_shapes_give_errors_not_panics() {
        for text in [
            r#"{"formatVersion": 1, "id": "w", "name": "W", "contracts": 5}"#,
            r#"{"formatVersion": 1, "id": "w", "name": "W", "contracts": [{"id": "c", "name": "C", "schema": [{"name": "o", "properties": [{"name": "p", "enum": "x"}]}]}]}"#,
            r#"{"formatVersion": 1, "id": "w", "name": "W", "contracts": [{"schema": "x"}]}"#,
        ] {
            assert!(matches!(from_json(text), Err(LoadError::Shape { .. })), "{text}");
        }
    }
}
