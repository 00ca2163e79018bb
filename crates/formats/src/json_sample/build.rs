//! Accumulated shapes → contract properties: the merge rules in one place.
//! - types: `integer` alone stays `integer`, with fractions it is `number`; `boolean`,
//!   `object` and `array` stay themselves; strings take the logical type of a format every
//!   one of them has (`date`, `timestamp`) or `string` with an ODCS `format` (`email`, `uuid`,
//!   `uri`); any other mix has no logical type and says so in the description;
//! - `required` only when the field was present and non-null in every instance of its
//!   object (null or missing anywhere → optional); array items are never required.

use dpstudio_model::Property;
use serde_json::{json, Value};

use super::shape::{FieldShape, FormatVote, Kinds, ObjectShape};
use super::string_format::StringFormat;

/// The properties of an object shape, in first-seen order.
pub fn properties(shape: &ObjectShape) -> Vec<Property> {
    shape.fields.iter().map(|f| property(f, shape.seen)).collect()
}

/// One field as a property; `instances` is how many instances of its object were seen.
fn property(field: &FieldShape, instances: usize) -> Property {
    let mut p = Property {
        name: field.name.clone(),
        required: instances > 0 && field.present == instances,
        ..Default::default()
    };
    describe_values(field, &mut p);
    p
}

/// Type, format, nested properties, items and examples of `field` onto `p`.
fn describe_values(field: &FieldShape, p: &mut Property) {
    let mut notes: Vec<String> = Vec::new();
    match logical_type(field.kinds) {
        Some("string") => {
            p.logical_type = "string".to_owned();
            if let FormatVote::All(format) = field.format {
                apply_format(format, p);
            }
        }
        Some(t) => p.logical_type = t.to_owned(),
        None if field.present == 0 => notes.push("Only null values in the sample.".to_owned()),
        None => notes.push(format!("The sample mixes {}.", kind_names(field.kinds).join(", "))),
    }
    if let Some(object) = &field.object {
        p.properties = properties(object);
    }
    if let Some(items) = &field.items {
        if items.present > 0 {
            let mut item = Property::default();
            describe_values(items, &mut item);
            p.items = Some(Box::new(item));
        }
    }
    if field.too_deep {
        notes.push("Nested deeper than the import reads: the fields inside were not inferred.".to_owned());
    }
    // Examples only where they fit the type: a mixed field shows none rather than misleading ones.
    if !p.logical_type.is_empty() && !matches!(p.logical_type.as_str(), "object" | "array") {
        p.examples = field.examples.clone();
    }
    p.description = notes.join(" ");
}

/// The logical type a set of JSON types merges into, if one does.
fn logical_type(k: Kinds) -> Option<&'static str> {
    let numeric = k.integer || k.number;
    let others = [k.boolean, numeric, k.string, k.object, k.array].iter().filter(|&&b| b).count();
    if others != 1 {
        return None;
    }
    Some(if k.boolean {
        "boolean"
    } else if k.number {
        "number"
    } else if k.integer {
        "integer"
    } else if k.string {
        "string"
    } else if k.object {
        "object"
    } else {
        "array"
    })
}

fn kind_names(k: Kinds) -> Vec<&'static str> {
    [(k.boolean, "boolean"), (k.integer, "integer"), (k.number, "number"), (k.string, "string"), (k.object, "object"), (k.array, "array")]
        .into_iter()
        .filter_map(|(seen, name)| seen.then_some(name))
        .collect()
}

/// Dates and timestamps are logical types of their own in ODCS; the other formats are ODCS
/// `logicalTypeOptions.format` on a string (kept in `extra`, where the exporters read it).
fn apply_format(format: StringFormat, p: &mut Property) {
    let options: Option<Value> = match format {
        StringFormat::Date => {
            p.logical_type = "date".to_owned();
            Some(json!({ "format": "yyyy-MM-dd" }))
        }
        StringFormat::DateTime => {
            p.logical_type = "timestamp".to_owned();
            None
        }
        StringFormat::Email | StringFormat::Uuid | StringFormat::Uri => Some(json!({ "format": format.as_str() })),
    };
    if let Some(options) = options {
        p.extra.insert("logicalTypeOptions".to_owned(), options);
    }
}
