//! DCS `models` (a mapping by name) and their `fields` (a mapping by name, nested through
//! `fields` and `items`).

use dpstudio_model::{EnumValue, Property, Relationship, SchemaObject};
use serde_json::{Map, Value};

use super::FMT;
use crate::error::FormatError;
use crate::fields::Fields;
use crate::hints;
use crate::odcs::quality;
use crate::common::{put_str, put_strings, put_true};
use crate::yaml::Document;

pub fn read(f: &mut Fields<'_>) -> Result<Vec<SchemaObject>, FormatError> {
    let doc = f.doc();
    let mut out = Vec::new();
    for (name, path, value) in f.entries("models")? {
        let original = value.as_object().cloned().unwrap_or_default();
        let mut m = Fields::of(doc, &path, value, "a model")?;
        let mut object = SchemaObject {
            name,
            description: m.text("description")?,
            physical_type: m.text("type")?,
            properties: read_fields(&mut m)?,
            quality: read_quality(&mut m)?,
            ..Default::default()
        };
        let rendered = render(&object);
        hints::record(&original, &rendered, &mut object.extra, FMT.hint_key, &[]);
        out.push(object);
    }
    Ok(out)
}

/// DCS 1.x quality is a list of ODCS-like rules; 0.9.x had a single engine object, which
/// stays in the hint.
fn read_quality(f: &mut Fields<'_>) -> Result<Vec<dpstudio_model::QualityRule>, FormatError> {
    if matches!(f.peek("quality"), Some(Value::Array(_))) {
        quality::read(f, FMT)
    } else {
        f.value("quality");
        Ok(Vec::new())
    }
}

pub fn render(o: &SchemaObject) -> Map<String, Value> {
    let mut out = Map::new();
    put_str(&mut out, "description", &o.description);
    put_str(&mut out, "type", &o.physical_type);
    if !o.properties.is_empty() {
        out.insert("fields".to_owned(), Value::Object(render_fields(&o.properties)));
    }
    if !o.quality.is_empty() {
        out.insert("quality".to_owned(), o.quality.iter().map(|q| Value::Object(quality::render(q, FMT))).collect());
    }
    hints::apply(&mut out, &o.extra, FMT.hint_key);
    out
}

fn read_fields(f: &mut Fields<'_>) -> Result<Vec<Property>, FormatError> {
    let doc = f.doc();
    let mut out = Vec::new();
    for (name, path, value) in f.entries("fields")? {
        out.push(read_field(doc, name, &path, value)?);
    }
    Ok(out)
}

fn read_field(doc: &Document, name: String, path: &str, value: Value) -> Result<Property, FormatError> {
    let original = value.as_object().cloned().unwrap_or_default();
    let mut f = Fields::of(doc, path, value, "a field")?;
    let dcs_type = f.text("type")?;
    let items = match f.value("items") {
        Some(v @ Value::Object(_)) => Some(Box::new(read_field(doc, String::new(), &f.child_path("items"), v)?)),
        _ => None,
    };
    let mut p = Property {
        name,
        logical_type: logical_type(&dcs_type).to_owned(),
        description: f.text("description")?,
        required: f.bool("required")?.unwrap_or(false),
        unique: f.bool("unique")?.unwrap_or(false),
        primary_key: f.bool("primaryKey")?.unwrap_or(false),
        pii: f.bool("pii")?.unwrap_or(false),
        classification: f.text("classification")?,
        examples: f.list("examples")?.into_iter().map(|(_, v)| v).collect(),
        enum_values: f.list("enum")?.into_iter().map(|(_, v)| EnumValue::new(v)).collect(),
        tags: f.strings("tags")?,
        relationships: match f.value("references") {
            Some(Value::String(to)) => vec![Relationship { to, ..Default::default() }],
            _ => Vec::new(),
        },
        properties: read_fields(&mut f)?,
        items,
        quality: read_quality(&mut f)?,
        ..Default::default()
    };
    let rendered = render_field(&p);
    hints::record(&original, &rendered, &mut p.extra, FMT.hint_key, &[]);
    Ok(p)
}

/// DCS field types onto ODCS logical types; the DCS spelling is kept by the hint.
fn logical_type(dcs: &str) -> &'static str {
    match dcs {
        "" => "",
        "string" | "text" | "varchar" => "string",
        "number" | "decimal" | "numeric" | "float" | "double" => "number",
        "integer" | "int" | "long" | "bigint" => "integer",
        "boolean" => "boolean",
        "timestamp" | "timestamp_tz" | "timestamp_ntz" => "timestamp",
        "date" => "date",
        "array" => "array",
        _ => "object",
    }
}

fn render_fields(properties: &[Property]) -> Map<String, Value> {
    properties.iter().map(|p| (p.name.clone(), Value::Object(render_field(p)))).collect()
}

fn render_field(p: &Property) -> Map<String, Value> {
    let mut out = Map::new();
    put_str(&mut out, "type", &p.logical_type);
    put_str(&mut out, "description", &p.description);
    put_true(&mut out, "required", p.required);
    put_true(&mut out, "unique", p.unique);
    put_true(&mut out, "primaryKey", p.primary_key);
    put_true(&mut out, "pii", p.pii);
    put_str(&mut out, "classification", &p.classification);
    if !p.examples.is_empty() {
        out.insert("examples".to_owned(), Value::Array(p.examples.clone()));
    }
    if !p.enum_values.is_empty() {
        out.insert("enum".to_owned(), p.enum_values.iter().map(|e| e.value.clone()).collect());
    }
    put_strings(&mut out, "tags", &p.tags);
    if let Some(r) = p.relationships.first() {
        put_str(&mut out, "references", &r.to);
    }
    if !p.properties.is_empty() {
        out.insert("fields".to_owned(), Value::Object(render_fields(&p.properties)));
    }
    if let Some(items) = &p.items {
        out.insert("items".to_owned(), Value::Object(render_field(items)));
    }
    if !p.quality.is_empty() {
        out.insert("quality".to_owned(), p.quality.iter().map(|q| Value::Object(quality::render(q, FMT))).collect());
    }
    hints::apply(&mut out, &p.extra, FMT.hint_key);
    out
}
