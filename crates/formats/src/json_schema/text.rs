//! Pretty JSON text for an exported schema in a readable order: keywords first (`$schema`,
//! `title`, `description`, `type`, …) and properties in the contract's column order, which a
//! sorted JSON map would lose. The model is walked beside the value to know that order.

use dpstudio_model::Property;
use serde_json::{Map, Value};

const KEY_ORDER: &[&str] = &[
    "$schema", "title", "description", "type", "format", "enum", "examples", "properties", "required", "items",
];

/// `schema` as indented JSON; `properties` lists the object's properties in column order.
pub fn to_text(schema: &Value, properties: &[Property]) -> String {
    let mut out = String::new();
    write_schema(schema, properties, None, 0, &mut out);
    out.push('\n');
    out
}

/// `properties` are the model's properties of this schema, `items` the model's array item.
fn write_schema(value: &Value, properties: &[Property], items: Option<&Property>, indent: usize, out: &mut String) {
    let Value::Object(map) = value else { return write_value(value, indent, out) };
    let keys = keyword_order(map);
    write_object(&keys, indent, out, |key, indent, out| {
        let child = &map[key];
        match (key, child) {
            ("properties", Value::Object(props)) => {
                // Column order first; any name not found (none expected) after, sorted.
                let mut names: Vec<&String> = Vec::new();
                for p in properties {
                    if let Some((name, _)) = props.get_key_value(&p.name) {
                        if !names.contains(&name) {
                            names.push(name);
                        }
                    }
                }
                names.extend(props.keys().filter(|k| !properties.iter().any(|p| p.name == **k)));
                write_object(&names, indent, out, |name, indent, out| {
                    let nested = properties.iter().find(|p| p.name == *name);
                    let (children, item) = nested.map_or((&[][..], None), |p| (&p.properties[..], p.items.as_deref()));
                    write_schema(&props[name], children, item, indent, out);
                });
            }
            ("items", _) => {
                let (children, item) = items.map_or((&[][..], None), |i| (&i.properties[..], i.items.as_deref()));
                write_schema(child, children, item, indent, out)
            }
            _ => write_value(child, indent, out),
        }
    });
}

/// Keys of `map`: known keywords in [`KEY_ORDER`], then the rest sorted.
fn keyword_order(map: &Map<String, Value>) -> Vec<&String> {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort_by_key(|k| (KEY_ORDER.iter().position(|o| o == k).unwrap_or(KEY_ORDER.len()), k.as_str()));
    keys
}

fn write_object<K: AsRef<str>>(keys: &[K], indent: usize, out: &mut String, mut write_child: impl FnMut(&str, usize, &mut String)) {
    if keys.is_empty() {
        out.push_str("{}");
        return;
    }
    out.push_str("{\n");
    for (i, key) in keys.iter().enumerate() {
        push_indent(indent + 1, out);
        out.push_str(&Value::String(key.as_ref().to_owned()).to_string());
        out.push_str(": ");
        write_child(key.as_ref(), indent + 1, out);
        out.push_str(if i + 1 < keys.len() { ",\n" } else { "\n" });
    }
    push_indent(indent, out);
    out.push('}');
}

fn write_value(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(map) => {
            let keys = keyword_order(map);
            write_object(&keys, indent, out, |key, indent, out| write_value(&map[key], indent, out));
        }
        Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                push_indent(indent + 1, out);
                write_value(item, indent + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            push_indent(indent, out);
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

fn push_indent(level: usize, out: &mut String) {
    for _ in 0..level {
        out.push_str("  ");
    }
}
