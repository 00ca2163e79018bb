//! ODCS `schema`: objects (tables, topics, …) and their properties, nested to any depth the
//! parser allows, with enum values and relationships.

use dpstudio_model::{EnumValue, Property, Relationship, SchemaObject};
use serde_json::{Map, Value};

use super::{quality, FMT};
use crate::common::{self, import_object, lenient_text, put_list, put_str, put_strings, put_true, read_list};
use crate::error::FormatError;
use crate::fields::Fields;
use crate::hints;

pub fn read_objects(f: &mut Fields<'_>) -> Result<Vec<SchemaObject>, FormatError> {
    let doc = f.doc();
    read_list(f.list("schema")?, |path, value| {
        import_object(doc, path, value, "a schema object", FMT, |mut f| {
            Ok(SchemaObject {
                name: f.text("name")?,
                physical_name: f.text("physicalName")?,
                physical_type: f.text("physicalType")?,
                business_name: f.text("businessName")?,
                description: f.text("description")?,
                data_granularity: f.text("dataGranularityDescription")?,
                properties: read_properties(&mut f)?,
                quality: quality::read(&mut f, FMT)?,
                tags: f.strings("tags")?,
                custom_properties: common::read_custom_properties(&mut f, FMT)?,
                extra: f.rest(),
            })
        }, render_object, |o| &mut o.extra)
    })
}

pub fn render_object(o: &SchemaObject) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("name".to_owned(), Value::String(o.name.clone()));
    put_str(&mut out, "physicalName", &o.physical_name);
    put_str(&mut out, "physicalType", &o.physical_type);
    put_str(&mut out, "businessName", &o.business_name);
    put_str(&mut out, "description", &o.description);
    put_str(&mut out, "dataGranularityDescription", &o.data_granularity);
    put_list(&mut out, "properties", o.properties.iter().map(render_property).collect());
    put_list(&mut out, "quality", o.quality.iter().map(|q| quality::render(q, FMT)).collect());
    put_strings(&mut out, "tags", &o.tags);
    common::put_custom_properties(&mut out, &o.custom_properties, FMT);
    hints::finish(&mut out, &o.extra, FMT.hint_key);
    out
}

fn read_properties(f: &mut Fields<'_>) -> Result<Vec<Property>, FormatError> {
    let doc = f.doc();
    read_list(f.list("properties")?, |path, value| read_property(doc, path, value))
}

fn read_property(doc: &crate::yaml::Document, path: &str, value: Value) -> Result<Property, FormatError> {
    import_object(doc, path, value, "a property", FMT, |mut f| {
        let items = match f.value("items") {
            None | Some(Value::Null) => None,
            Some(v) => Some(Box::new(read_property(doc, &f.child_path("items"), v)?)),
        };
        Ok(take_model_fields(Property {
            name: f.text("name")?,
            logical_type: f.text("logicalType")?,
            physical_type: f.text("physicalType")?,
            physical_name: f.text("physicalName")?,
            business_name: f.text("businessName")?,
            description: f.text("description")?,
            required: f.bool("required")?.unwrap_or(false),
            unique: f.bool("unique")?.unwrap_or(false),
            primary_key: f.bool("primaryKey")?.unwrap_or(false),
            primary_key_position: f.int("primaryKeyPosition")?,
            partitioned: f.bool("partitioned")?.unwrap_or(false),
            partition_key_position: f.int("partitionKeyPosition")?,
            classification: f.text("classification")?,
            critical_data_element: f.bool("criticalDataElement")?.unwrap_or(false),
            examples: f.list("examples")?.into_iter().map(|(_, v)| v).collect(),
            enum_values: read_enum(&mut f)?,
            semantic_type: lenient_text(&mut f, "semanticType"),
            relationships: read_relationships(&mut f)?,
            transform_source_objects: f.strings("transformSourceObjects")?,
            transform_logic: f.text("transformLogic")?,
            properties: read_properties(&mut f)?,
            items,
            quality: quality::read(&mut f, FMT)?,
            tags: f.strings("tags")?,
            custom_properties: common::read_custom_properties(&mut f, FMT)?,
            extra: f.rest(),
            ..Default::default()
        }))
    }, render_property, |p| &mut p.extra)
}

pub fn render_property(p: &Property) -> Map<String, Value> {
    let mut out = Map::new();
    put_str(&mut out, "name", &p.name);
    put_str(&mut out, "logicalType", &p.logical_type);
    put_str(&mut out, "physicalType", &p.physical_type);
    put_str(&mut out, "physicalName", &p.physical_name);
    put_str(&mut out, "businessName", &p.business_name);
    put_str(&mut out, "description", &p.description);
    put_true(&mut out, "required", p.required);
    put_true(&mut out, "unique", p.unique);
    put_true(&mut out, "primaryKey", p.primary_key);
    if let Some(n) = p.primary_key_position {
        out.insert("primaryKeyPosition".to_owned(), n.into());
    }
    put_true(&mut out, "partitioned", p.partitioned);
    if let Some(n) = p.partition_key_position {
        out.insert("partitionKeyPosition".to_owned(), n.into());
    }
    put_str(&mut out, "classification", &p.classification);
    put_true(&mut out, "criticalDataElement", p.critical_data_element);
    if !p.examples.is_empty() {
        out.insert("examples".to_owned(), Value::Array(p.examples.clone()));
    }
    put_list(&mut out, "enum", p.enum_values.iter().map(render_enum_value).collect());
    if ODCS_SEMANTIC_TYPES.contains(&p.semantic_type.as_str()) {
        put_str(&mut out, "semanticType", &p.semantic_type);
    }
    put_list(&mut out, "relationships", p.relationships.iter().map(render_relationship).collect());
    put_strings(&mut out, "transformSourceObjects", &p.transform_source_objects);
    put_str(&mut out, "transformLogic", &p.transform_logic);
    put_list(&mut out, "properties", p.properties.iter().map(render_property).collect());
    if let Some(items) = &p.items {
        out.insert("items".to_owned(), Value::Object(render_property(items)));
    }
    put_list(&mut out, "quality", p.quality.iter().map(|q| quality::render(q, FMT)).collect());
    put_strings(&mut out, "tags", &p.tags);
    let mut custom = p.custom_properties.clone();
    if p.pii {
        custom.push(common::custom("pii", Value::Bool(true)));
    }
    if !p.semantic_type.is_empty() && !ODCS_SEMANTIC_TYPES.contains(&p.semantic_type.as_str()) {
        custom.push(common::custom("semanticType", Value::String(p.semantic_type.clone())));
    }
    for (name, ids) in [("glossary", &p.glossary), ("metrics", &p.metrics)] {
        if !ids.is_empty() {
            custom.push(common::custom(name, ids.iter().cloned().map(Value::String).collect()));
        }
    }
    common::put_custom_properties(&mut out, &custom, FMT);
    hints::finish(&mut out, &p.extra, FMT.hint_key);
    out
}

/// The semantic types ODCS 3.2 defines; the model's others (`identifier`, `attribute`, …)
/// travel as the custom property `semanticType`.
const ODCS_SEMANTIC_TYPES: [&str; 3] = ["column", "measure", "dimension"];

/// ODCS has no place for the PII flag, the glossary and metric links and semantic types beyond
/// its own three: they travel as custom properties (see `common::take_custom`).
fn take_model_fields(mut p: Property) -> Property {
    if p.semantic_type.is_empty() {
        if let Some(Value::String(t)) = common::take_custom(&mut p.custom_properties, "semanticType", |v| {
            v.as_str().is_some_and(|t| !ODCS_SEMANTIC_TYPES.contains(&t))
        }) {
            p.semantic_type = t;
        }
    }
    p.pii = common::take_custom(&mut p.custom_properties, "pii", Value::is_boolean) == Some(Value::Bool(true));
    p.glossary = common::take_custom(&mut p.custom_properties, "glossary", common::is_string_list).map(common::string_list).unwrap_or_default();
    p.metrics = common::take_custom(&mut p.custom_properties, "metrics", common::is_string_list).map(common::string_list).unwrap_or_default();
    p
}

/// ODCS 3.2 `enum` entries are objects `{value, label, description}`; a plain scalar entry
/// (seen in older documents) becomes an entry with only a value, and the property's hint keeps
/// the plain form.
fn read_enum(f: &mut Fields<'_>) -> Result<Vec<EnumValue>, FormatError> {
    let doc = f.doc();
    read_list(f.list("enum")?, |path, value| {
        if !value.is_object() {
            return Ok(EnumValue::new(value));
        }
        import_object(doc, path, value, "an enum value", FMT, |mut f| {
            Ok(EnumValue {
                value: f.value("value").unwrap_or(Value::Null),
                label: f.text("label")?,
                description: f.text("description")?,
                extra: f.rest(),
            })
        }, render_enum_value, |e| &mut e.extra)
    })
}

fn render_enum_value(e: &EnumValue) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("value".to_owned(), e.value.clone());
    put_str(&mut out, "label", &e.label);
    put_str(&mut out, "description", &e.description);
    hints::finish(&mut out, &e.extra, FMT.hint_key);
    out
}

/// Property-level relationships: `to` is `object.property` (a list for composite keys, which
/// the model does not type: such a relationship keeps `to` only through its hint).
fn read_relationships(f: &mut Fields<'_>) -> Result<Vec<Relationship>, FormatError> {
    let doc = f.doc();
    read_list(f.list("relationships")?, |path, value| {
        import_object(doc, path, value, "a relationship", FMT, |mut f| {
            let to = from_odcs_reference(&lenient_text(&mut f, "to"));
            Ok(Relationship { to, description: String::new(), extra: f.rest() })
        }, render_relationship, |r| &mut r.extra)
    })
}

fn render_relationship(r: &Relationship) -> Map<String, Value> {
    let mut out = Map::new();
    put_str(&mut out, "to", &to_odcs_reference(&r.to));
    // ODCS relationships have no description field; its own examples use a custom property.
    if !r.description.is_empty() && !r.extra.contains_key("customProperties") {
        let mut c = Map::new();
        c.insert("property".to_owned(), Value::String("description".to_owned()));
        c.insert("value".to_owned(), Value::String(r.description.clone()));
        out.insert("customProperties".to_owned(), Value::Array(vec![Value::Object(c)]));
    }
    hints::finish(&mut out, &r.extra, FMT.hint_key);
    out
}

/// The model writes a reference into another contract as `contract-id/object.property`; ODCS
/// has no such shorthand, so it becomes a fully qualified reference into that contract's file
/// as the repo bundle names it (`contract-id.odcs.yaml#/schema/object/properties/property`).
fn to_odcs_reference(to: &str) -> String {
    let Some((contract, rest)) = to.split_once('/') else { return to.to_owned() };
    let Some((object, property)) = rest.split_once('.') else { return to.to_owned() };
    format!("{contract}.odcs.yaml#/schema/{object}/properties/{property}")
}

/// The inverse of [`to_odcs_reference`]; other references are kept as written.
fn from_odcs_reference(to: &str) -> String {
    let parsed = to.split_once(".odcs.yaml#/schema/").and_then(|(contract, rest)| {
        let (object, property) = rest.split_once("/properties/")?;
        let plain = |s: &str| !s.is_empty() && !s.contains(['/', '.', '#']);
        (plain(contract) && plain(object) && plain(property)).then(|| format!("{contract}/{object}.{property}"))
    });
    parsed.unwrap_or_else(|| to.to_owned())
}
