//! JSON Schema (draft 2020-12): one schema per schema object of a contract, describing one
//! record (row, message, document). Logical types give `type` and `format`; required
//! properties, enum values, examples, descriptions and nested objects and arrays follow; ODCS
//! `logicalTypeOptions` (kept in `extra`) give lengths, patterns and bounds.

mod text;

use dpstudio_model::{DataContract, Property, SchemaObject};
use serde_json::{json, Map, Value};

/// The dialect every exported schema declares.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Past this depth nested properties are left unconstrained (hostile input may nest deeply).
const MAX_DEPTH: usize = 32;

/// `(object name, schema)` for every schema object of `contract`.
pub fn schemas(contract: &DataContract) -> Vec<(String, Value)> {
    contract.schema.iter().map(|o| (o.name.clone(), object_schema(contract, o))).collect()
}

/// `(object name, pretty JSON text)` for every schema object of `contract`, keywords first and
/// properties in column order.
pub fn export(contract: &DataContract) -> Vec<(String, String)> {
    contract
        .schema
        .iter()
        .map(|o| (o.name.clone(), text::to_text(&object_schema(contract, o), &o.properties)))
        .collect()
}

fn object_schema(contract: &DataContract, o: &SchemaObject) -> Value {
    let mut out = Map::new();
    out.insert("$schema".into(), DRAFT.into());
    let title = if o.business_name.is_empty() { &o.name } else { &o.business_name };
    out.insert("title".into(), title.as_str().into());
    if !o.description.is_empty() {
        out.insert("description".into(), o.description.as_str().into());
    }
    out.insert("type".into(), "object".into());
    put_properties(&mut out, &o.properties, 0);
    // Where the schema came from, as an annotation validators ignore.
    out.insert("x-contract".into(), json!({ "id": contract.id, "version": contract.version, "object": o.name }));
    Value::Object(out)
}

/// `properties` and `required` of an object schema.
fn put_properties(out: &mut Map<String, Value>, properties: &[Property], depth: usize) {
    if properties.is_empty() {
        return;
    }
    let mut map = Map::new();
    let mut required = Vec::new();
    for p in properties {
        // Duplicate names: the first wins, as a JSON object can hold a key once.
        if map.contains_key(&p.name) {
            continue;
        }
        map.insert(p.name.clone(), property_schema(p, depth + 1));
        if p.required || p.primary_key {
            required.push(Value::String(p.name.clone()));
        }
    }
    out.insert("properties".into(), Value::Object(map));
    if !required.is_empty() {
        out.insert("required".into(), Value::Array(required));
    }
}

fn property_schema(p: &Property, depth: usize) -> Value {
    let mut out = Map::new();
    if !p.business_name.is_empty() {
        out.insert("title".into(), p.business_name.as_str().into());
    }
    if !p.description.is_empty() {
        out.insert("description".into(), p.description.as_str().into());
    }
    if depth > MAX_DEPTH {
        return Value::Object(out);
    }
    let (kind, format) = match p.logical_type.as_str() {
        "string" => (Some("string"), None),
        "date" => (Some("string"), Some("date")),
        "timestamp" => (Some("string"), Some("date-time")),
        "time" => (Some("string"), Some("time")),
        "number" => (Some("number"), None),
        "integer" => (Some("integer"), None),
        "boolean" => (Some("boolean"), None),
        "object" => (Some("object"), None),
        "array" => (Some("array"), None),
        // No or unknown logical type: any value.
        _ => (None, None),
    };
    if let Some(kind) = kind {
        out.insert("type".into(), kind.into());
    }
    if let Some(format) = format {
        out.insert("format".into(), format.into());
    }
    match kind {
        Some("object") => put_properties(&mut out, &p.properties, depth),
        Some("array") => {
            if let Some(items) = &p.items {
                out.insert("items".into(), property_schema(items, depth + 1));
            }
        }
        _ => {}
    }
    if !p.enum_values.is_empty() {
        out.insert("enum".into(), p.enum_values.iter().map(|e| e.value.clone()).collect());
    }
    if !p.examples.is_empty() {
        out.insert("examples".into(), Value::Array(p.examples.clone()));
    }
    put_options(&mut out, p);
    Value::Object(out)
}

/// ODCS `logicalTypeOptions` that JSON Schema has a keyword for, copied only when the value
/// has the type the keyword needs (a bad option must not make the schema invalid).
fn put_options(out: &mut Map<String, Value>, p: &Property) {
    let Some(Value::Object(options)) = p.extra.get("logicalTypeOptions") else { return };
    for (key, value) in options {
        let fits = match key.as_str() {
            "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties" | "maxProperties" => value.is_u64(),
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => value.is_number(),
            "multipleOf" => value.as_f64().is_some_and(|n| n > 0.0),
            "pattern" => value.is_string(),
            "uniqueItems" => value.is_boolean(),
            // ODCS formats (`email`, `uuid`, …) share JSON Schema's names; others annotate.
            "format" => value.is_string() && !out.contains_key("format"),
            _ => false,
        };
        if fits {
            out.insert(key.clone(), value.clone());
        }
    }
}
