//! Human wording: a JSON pointer as a path people read (`schema[0].properties[2].logicalType`),
//! values shown briefly, and one sentence per kind of schema violation.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::JsonType;
use serde_json::Value;

/// Longest quoted value shown in a message; longer ones end with `…`.
const MAX_SHOWN_CHARS: usize = 60;
/// Most enum options listed before `…`.
const MAX_OPTIONS: usize = 12;

/// `pointer` as a readable path through `root`: `.key` for mapping keys (`["odd key"]` when not
/// a plain name) and `[i]` for list items; "document" for the root.
pub fn readable_path(root: &Value, pointer: &str) -> String {
    let mut out = String::new();
    let mut node = Some(root);
    for raw in pointer.split('/').skip(1) {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        match node {
            Some(Value::Array(items)) => {
                out.push_str(&format!("[{segment}]"));
                node = segment.parse::<usize>().ok().and_then(|i| items.get(i));
            }
            other => {
                if is_plain_name(&segment) {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&segment);
                } else {
                    out.push_str(&format!("[{}]", Value::String(segment.clone())));
                }
                node = other.and_then(|n| n.get(&segment));
            }
        }
    }
    if out.is_empty() {
        "document".to_owned()
    } else {
        out
    }
}

fn is_plain_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '$'))
}

/// A value as a message shows it: quoted and cut when text, a word when a collection.
pub fn show(value: &Value) -> String {
    match value {
        Value::Object(_) => "an object".to_owned(),
        Value::Array(_) => "a list".to_owned(),
        Value::String(s) if s.chars().count() > MAX_SHOWN_CHARS => {
            let cut: String = s.chars().take(MAX_SHOWN_CHARS).collect();
            format!("{}…", Value::String(cut))
        }
        other => other.to_string(),
    }
}

/// An enum option or constant: text without quotes (they read as names), anything else as JSON.
fn option(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => show(other),
    }
}

/// "a string", "an object", … for a JSON Schema type name.
pub fn type_name(ty: JsonType) -> &'static str {
    match ty {
        JsonType::Array => "a list",
        JsonType::Boolean => "true or false",
        JsonType::Integer => "an integer",
        JsonType::Null => "null",
        JsonType::Number => "a number",
        JsonType::Object => "an object",
        JsonType::String => "a string",
    }
}

/// What a value is, with the value itself when short: "the number 4.1", "an object".
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(_) => format!("the text {}", show(value)),
        Value::Array(_) | Value::Object(_) => show(value),
    }
}

/// The expected types of a `type` error.
pub fn expected_types(kind: &TypeKind) -> Vec<&'static str> {
    match kind {
        TypeKind::Single(ty) => vec![type_name(*ty)],
        TypeKind::Multiple(set) => set.iter().map(type_name).collect(),
    }
}

/// One sentence for a violation of `kind` by `instance` (the path is prefixed by the caller).
/// `None` for the kinds the validator words itself (combinators and unknown properties).
pub fn sentence(kind: &ValidationErrorKind, instance: &Value) -> Option<String> {
    use ValidationErrorKind as K;
    let count = |v: &Value| match v {
        Value::Array(a) => a.len(),
        Value::Object(o) => o.len(),
        Value::String(s) => s.chars().count(),
        _ => 0,
    };
    Some(match kind {
        K::Enum { options } => {
            let all: Vec<String> = options.as_array().map(|o| o.iter().map(option).collect()).unwrap_or_default();
            let mut listed = all.iter().take(MAX_OPTIONS).cloned().collect::<Vec<_>>().join(", ");
            if all.len() > MAX_OPTIONS {
                listed.push_str(", …");
            }
            format!("{} is not one of {listed}", show(instance))
        }
        K::Constant { expected_value } => format!("{} must be {}", show(instance), option(expected_value)),
        K::Type { kind } => format!("expected {}, found {}", expected_types(kind).join(" or "), describe(instance)),
        K::Required { property } => format!("required property {} is missing", show(property)),
        K::Pattern { pattern } => format!("{} does not match the pattern {pattern}", show(instance)),
        K::MinLength { limit } => format!("{} is shorter than {limit} characters", show(instance)),
        K::MaxLength { limit } => format!("{} is longer than {limit} characters", show(instance)),
        K::MinItems { limit } => format!("has {} items; at least {limit} are required", count(instance)),
        K::MaxItems { limit } => format!("has {} items; at most {limit} are allowed", count(instance)),
        K::MinProperties { limit } => format!("has {} properties; at least {limit} are required", count(instance)),
        K::MaxProperties { limit } => format!("has {} properties; at most {limit} are allowed", count(instance)),
        K::Minimum { limit } => format!("{instance} is less than the minimum {limit}"),
        K::Maximum { limit } => format!("{instance} is greater than the maximum {limit}"),
        K::ExclusiveMinimum { limit } => format!("{instance} must be greater than {limit}"),
        K::ExclusiveMaximum { limit } => format!("{instance} must be less than {limit}"),
        K::MultipleOf { multiple_of } => format!("{instance} is not a multiple of {multiple_of}"),
        K::UniqueItems => "the list has duplicate items; they must be unique".to_owned(),
        K::Format { format } => format!("{} is not a valid {format}", show(instance)),
        K::FalseSchema => "is not allowed here".to_owned(),
        K::Contains => "no item has the form the schema requires".to_owned(),
        K::OneOfMultipleValid { .. } => {
            "matches more than one of the allowed forms; exactly one is required".to_owned()
        }
        K::AnyOf { .. } | K::OneOfNotValid { .. } => "matches none of the allowed forms".to_owned(),
        K::Not { .. } => "has a form the schema forbids".to_owned(),
        K::AdditionalProperties { .. } | K::UnevaluatedProperties { .. } => return None,
        _ => return None,
    })
}
