//! Writing a contract as ODCS 3.1.0: the keys 3.2.0 added to properties are expressed the way
//! 3.1.0 can say them, so the file stays valid for 3.1 tools.
//!
//! - `enum` (allowed values) becomes a library quality rule: `invalidValues` must be 0 with
//!   `arguments.validValues`, the 3.1 idiom for allowed values (labels and descriptions of the
//!   values are not expressible in 3.1 and are left out).
//! - `semanticType` becomes a custom property of the same name.
//! - `map` (typed maps) has no 3.1 form and becomes a custom property `map`.

use serde_json::{Map, Value};

pub fn to_3_1(document: &mut Value) {
    let Some(objects) = document.get_mut("schema").and_then(Value::as_array_mut) else { return };
    for object in objects {
        properties(object);
    }
}

fn properties(parent: &mut Value) {
    if let Some(list) = parent.get_mut("properties").and_then(Value::as_array_mut) {
        for property in list {
            downgrade(property);
        }
    }
    if let Some(items) = parent.get_mut("items") {
        downgrade(items);
    }
}

fn downgrade(property: &mut Value) {
    properties(property);
    let Value::Object(p) = property else { return };
    if let Some(Value::Array(entries)) = p.remove("enum") {
        let values: Vec<Value> = entries
            .into_iter()
            .map(|e| match e {
                Value::Object(mut m) => m.remove("value").unwrap_or(Value::Null),
                other => other,
            })
            .collect();
        let mut rule = Map::new();
        rule.insert("type".into(), "library".into());
        rule.insert("metric".into(), "invalidValues".into());
        rule.insert("mustBe".into(), 0.into());
        let mut arguments = Map::new();
        arguments.insert("validValues".into(), Value::Array(values));
        rule.insert("arguments".into(), Value::Object(arguments));
        push(p, "quality", Value::Object(rule));
    }
    for key in ["semanticType", "map"] {
        if let Some(value) = p.remove(key) {
            let mut c = Map::new();
            c.insert("property".into(), key.into());
            c.insert("value".into(), value);
            push(p, "customProperties", Value::Object(c));
        }
    }
}

fn push(p: &mut Map<String, Value>, key: &str, item: Value) {
    match p.get_mut(key) {
        Some(Value::Array(list)) => list.push(item),
        _ => {
            p.insert(key.to_owned(), Value::Array(vec![item]));
        }
    }
}
