//! Reading YAML (or JSON, which YAML 1.2 includes) into `serde_json::Value` with the position
//! of every node, and writing values back as YAML with a readable key order.
//!
//! Values rather than typed structs are the "low" representation: importers walk them and
//! report a wrong type at the position remembered here, and unknown fields stay verbatim.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Number, Value};
use serde_saphyr::Spanned;

use crate::error::{ErrorKind, FormatError};

mod block;

/// Inputs above this size are refused before parsing (real contracts are far below 1 MB).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;
/// Deepest nesting of mappings and sequences accepted; bounds every recursion that follows.
/// 32 levels are about 15 levels of nested ODCS properties, and keep the parser's recursion
/// within 1 MB of stack even in debug builds (wasm's default stack is 1 MB).
pub const MAX_DEPTH: usize = 32;

/// A parsed document: its value, and where each node started (`/schema/0/name` → line,
/// column). Positions are only needed for error messages (and DCS's document order), so they
/// are computed on first use by a second, span-aware parse of the same text: the common path
/// of a valid document pays for one plain parse.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub value: Value,
    text: String,
    positions: OnceCell<HashMap<String, (u32, u32)>>,
}

impl Document {
    /// The position of `path`, or of its nearest ancestor that has one.
    pub fn position(&self, path: &str) -> (u32, u32) {
        let positions = self.positions.get_or_init(|| {
            let mut positions = HashMap::new();
            // The text parsed once already, so this parse succeeds; if it did not, positions
            // would only be unknown (0, 0), never a panic.
            if let Ok(root) = serde_saphyr::from_str_with_options::<Spanned<Node>>(&self.text, options()) {
                into_value(root, String::new(), &mut positions);
            }
            positions
        });
        let mut p = path;
        loop {
            if let Some(pos) = positions.get(p) {
                return *pos;
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return (0, 0),
            }
        }
    }

    /// An error of `kind` located at `path`.
    pub fn error(&self, kind: ErrorKind, path: &str, message: impl Into<String>) -> FormatError {
        let (line, column) = self.position(path);
        FormatError { kind, line, column, path: path.to_owned(), message: message.into() }
    }
}

/// Parses one YAML or JSON document. Duplicate keys, aliases bombs, excessive nesting and
/// oversized input are errors with a position, never panics. Plain block-style documents
/// (what exporters write) are read by a fast reader (`block`) that gives the same values;
/// everything else, and every error, comes from serde-saphyr.
pub fn parse(text: &str) -> Result<Document, FormatError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(FormatError::new(
            ErrorKind::TooLarge,
            format!(
                "the file is {} bytes; files larger than {} MB are not imported",
                text.len(),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        ));
    }
    let value = match block::parse(text) {
        Some(value) => value,
        None => serde_saphyr::from_str_with_options::<Plain>(text, options()).map_err(saphyr_error)?.0,
    };
    Ok(Document { value, text: text.to_owned(), positions: OnceCell::new() })
}

/// Parser settings: budgets against hostile input, duplicate keys as errors, YAML 1.2 core.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_reader_input_bytes = Some(MAX_INPUT_BYTES);
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    // YAML 1.2 core schema, as ODCS/ODPS tools read it: `y`, `no`, `on` are text, not booleans,
    // and `1_000` is text, not a number.
    options.strict_booleans = true;
    options.underscored_numbers_as_strings = true;
    options
}

fn saphyr_error(e: serde_saphyr::Error) -> FormatError {
    let (line, column) = e.location().map(|l| (l.line() as u32, l.column() as u32)).unwrap_or((0, 0));
    let text = e.to_string();
    let lower = text.to_lowercase();
    let kind = if lower.contains("budget") || lower.contains("depth") || lower.contains("limit") {
        ErrorKind::TooLarge
    } else {
        ErrorKind::Syntax
    };
    // The rendered message may carry a source snippet over several lines; the first is the
    // gist, after the "error: line L column C: " prefix we report as fields.
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("invalid YAML").trim();
    let mut message = first.strip_prefix("error:").unwrap_or(first).trim();
    if let Some(rest) = message.strip_prefix("line ") {
        if let Some((_, after)) = rest.split_once(": ") {
            message = after;
        }
    }
    let message = if kind == ErrorKind::TooLarge {
        format!("the document is nested too deeply or is too large ({message}); at most {MAX_DEPTH} levels of nesting are read")
    } else {
        message.to_owned()
    };
    FormatError { kind, line, column, path: String::new(), message }
}

/// A YAML node with its children's positions, as read by serde-saphyr.
enum Node {
    Null,
    Bool(bool),
    Number(Number),
    Str(String),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(String, Spanned<Node>)>),
}

fn into_value(node: Spanned<Node>, path: String, positions: &mut HashMap<String, (u32, u32)>) -> Value {
    let loc = node.referenced;
    positions.insert(path.clone(), (loc.line() as u32, loc.column() as u32));
    match node.value {
        Node::Null => Value::Null,
        Node::Bool(b) => Value::Bool(b),
        Node::Number(n) => Value::Number(n),
        Node::Str(s) => Value::String(s),
        Node::Seq(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| into_value(item, format!("{path}/{i}"), positions))
                .collect(),
        ),
        Node::Map(entries) => {
            let mut map = Map::new();
            for (key, item) in entries {
                let child = format!("{path}/{}", escape_pointer(&key));
                let value = into_value(item, child, positions);
                map.insert(key, value);
            }
            Value::Object(map)
        }
    }
}

/// JSON pointer escaping, so paths stay unambiguous for keys containing `/`.
pub fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node, E> {
        i64::try_from(v)
            .map(|n| Node::Number(n.into()))
            .map_err(|_| E::custom("integer too large; quote it to keep it as text"))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        u64::try_from(v)
            .map(|n| Node::Number(n.into()))
            .map_err(|_| E::custom("integer too large; quote it to keep it as text"))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Number::from_f64(v)
            .map(Node::Number)
            .ok_or_else(|| E::custom("infinite or NaN numbers are not supported; quote the value"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Node, E> {
        Err(E::custom("binary values are not supported"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Key>()? {
            let value = map.next_value::<Spanned<Node>>()?;
            entries.push((key.0, value));
        }
        Ok(Node::Map(entries))
    }
}

/// A value read without positions (the fast path); same rules as [`Node`].
struct Plain(Value);

impl<'de> Deserialize<'de> for Plain {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PlainVisitor)
    }
}

struct PlainVisitor;

impl<'de> Visitor<'de> for PlainVisitor {
    type Value = Plain;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Plain, E> {
        Ok(Plain(Value::Null))
    }
    fn visit_none<E>(self) -> Result<Plain, E> {
        Ok(Plain(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Plain, D::Error> {
        d.deserialize_any(PlainVisitor)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Plain, E> {
        Ok(Plain(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Plain, E> {
        Ok(Plain(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Plain, E> {
        Ok(Plain(v.into()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Plain, E> {
        NodeVisitor.visit_i128(v).map(node_scalar)
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Plain, E> {
        NodeVisitor.visit_u128(v).map(node_scalar)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Plain, E> {
        NodeVisitor.visit_f64(v).map(node_scalar)
    }
    fn visit_str<E>(self, v: &str) -> Result<Plain, E> {
        Ok(Plain(Value::String(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Plain, E> {
        Ok(Plain(Value::String(v)))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Plain, E> {
        NodeVisitor.visit_bytes(v).map(node_scalar)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Plain, A::Error> {
        let mut items = Vec::new();
        while let Some(Plain(item)) = seq.next_element::<Plain>()? {
            items.push(item);
        }
        Ok(Plain(Value::Array(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Plain, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<Key>()? {
            let Plain(value) = map.next_value::<Plain>()?;
            out.insert(key.0, value);
        }
        Ok(Plain(Value::Object(out)))
    }
}

/// A scalar [`Node`] as a plain value (the fast path shares the node visitor's checks).
fn node_scalar(node: Node) -> Plain {
    Plain(match node {
        Node::Bool(b) => Value::Bool(b),
        Node::Number(n) => Value::Number(n),
        Node::Str(s) => Value::String(s),
        _ => Value::Null,
    })
}

/// A mapping key: text, or a scalar written as text (`1: x` has key "1").
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scalar mapping key")
            }
            fn visit_str<E>(self, v: &str) -> Result<Key, E> {
                Ok(Key(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Key, E> {
                Ok(Key(v))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<Key, E> {
                Ok(Key("null".to_owned()))
            }
        }
        deserializer.deserialize_any(KeyVisitor)
    }
}

/// Writes `value` as YAML. Keys listed in `order` come first, in that order, at every level;
/// the rest follow alphabetically (the order of `serde_json::Map`).
pub fn to_yaml(value: &Value, order: &[&str]) -> String {
    // Serialising plain JSON values cannot fail; an empty document is a safe fallback.
    serde_saphyr::to_string(&Ordered { value, order }).unwrap_or_default()
}

struct Ordered<'a> {
    value: &'a Value,
    order: &'a [&'a str],
}

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.value {
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&Ordered { value: item, order: self.order })?;
                }
                seq.end()
            }
            Value::Object(map) => {
                let mut out = s.serialize_map(Some(map.len()))?;
                let rank = |k: &str| self.order.iter().position(|o| *o == k).unwrap_or(usize::MAX);
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by_key(|(k, _)| rank(k));
                for (key, value) in entries {
                    out.serialize_entry(key, &Ordered { value, order: self.order })?;
                }
                out.end()
            }
            other => other.serialize(s),
        }
    }
}
