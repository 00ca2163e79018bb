//! Pieces ODCS and ODPS share: the import-with-hints wrapper, small render helpers, and the
//! objects both standards spell the same way (custom properties, support channels, teams).

use dpstudio_model::{slugify, CustomProperty, Extra, Person, SupportChannel, Team};
use serde_json::{Map, Value};

use crate::error::{ErrorKind, FormatError};
use crate::fields::Fields;
use crate::hints;
use crate::yaml::Document;

/// Which format is being read or written: decides the hint key in `extra` bags.
#[derive(Clone, Copy)]
pub struct Fmt {
    pub hint_key: &'static str,
}

/// Imports one object: reads it with `read`, renders it back with `render` and records the
/// differences as hints in the bag `extra` returns, so exporting it reproduces the original.
// The three closures describe one object kind; bundling them in a struct would only move the
// same arguments one level down at every call site.
#[allow(clippy::too_many_arguments)]
pub fn import_object<T>(
    doc: &Document,
    path: &str,
    value: Value,
    what: &str,
    fmt: Fmt,
    read: impl FnOnce(Fields<'_>) -> Result<T, FormatError>,
    render: impl Fn(&T) -> Map<String, Value>,
    extra: impl Fn(&mut T) -> &mut Extra,
) -> Result<T, FormatError> {
    let original = match &value {
        Value::Object(map) => map.clone(),
        _ => Map::new(),
    };
    let mut typed = read(Fields::of(doc, path, value, what)?)?;
    let rendered = render(&typed);
    hints::record(&original, &rendered, extra(&mut typed), fmt.hint_key, &[]);
    Ok(typed)
}

/// Reads every item of a list with `read_one`.
pub fn read_list<T>(
    items: Vec<(String, Value)>,
    mut read_one: impl FnMut(&str, Value) -> Result<T, FormatError>,
) -> Result<Vec<T>, FormatError> {
    items.into_iter().map(|(path, value)| read_one(&path, value)).collect()
}

pub fn put_str(out: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.is_empty() {
        out.insert(key.to_owned(), Value::String(value.to_owned()));
    }
}

pub fn put_true(out: &mut Map<String, Value>, key: &str, value: bool) {
    if value {
        out.insert(key.to_owned(), Value::Bool(true));
    }
}

pub fn put_strings(out: &mut Map<String, Value>, key: &str, values: &[String]) {
    if !values.is_empty() {
        out.insert(key.to_owned(), values.iter().cloned().map(Value::String).collect());
    }
}

pub fn put_list(out: &mut Map<String, Value>, key: &str, values: Vec<Map<String, Value>>) {
    if !values.is_empty() {
        out.insert(key.to_owned(), Value::Array(values.into_iter().map(Value::Object).collect()));
    }
}

/// Text that some documents give as another type: taken when it is text, otherwise dropped
/// from the typed model (the hint keeps the original), never an error.
pub fn lenient_text(f: &mut Fields<'_>, key: &str) -> String {
    match f.value(key) {
        Some(Value::String(s)) => s,
        _ => String::new(),
    }
}

pub fn read_custom_properties(f: &mut Fields<'_>, fmt: Fmt) -> Result<Vec<CustomProperty>, FormatError> {
    let doc = f.doc();
    let items = f.list("customProperties")?;
    read_list(items, |path, value| {
        import_object(doc, path, value, "a custom property", fmt, |mut f| {
            Ok(CustomProperty {
                property: f.text("property")?,
                value: f.value("value").unwrap_or(Value::Null),
                description: f.text("description")?,
                extra: f.rest(),
            })
        }, |c| render_custom_property(c, fmt), |c| &mut c.extra)
    })
}

pub fn render_custom_property(c: &CustomProperty, fmt: Fmt) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("property".to_owned(), Value::String(c.property.clone()));
    out.insert("value".to_owned(), c.value.clone());
    put_str(&mut out, "description", &c.description);
    hints::finish(&mut out, &c.extra, fmt.hint_key);
    out
}

pub fn put_custom_properties(out: &mut Map<String, Value>, list: &[CustomProperty], fmt: Fmt) {
    put_list(out, "customProperties", list.iter().map(|c| render_custom_property(c, fmt)).collect());
}

pub fn read_support(f: &mut Fields<'_>, fmt: Fmt) -> Result<Vec<SupportChannel>, FormatError> {
    let doc = f.doc();
    let items = f.list("support")?;
    read_list(items, |path, value| {
        import_object(doc, path, value, "a support channel", fmt, |mut f| {
            Ok(SupportChannel {
                channel: f.text("channel")?,
                tool: f.text("tool")?,
                url: f.text("url")?,
                scope: f.text("scope")?,
                description: f.text("description")?,
                extra: f.rest(),
            })
        }, |s| render_support(s, fmt), |s| &mut s.extra)
    })
}

pub fn render_support(s: &SupportChannel, fmt: Fmt) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("channel".to_owned(), Value::String(s.channel.clone()));
    put_str(&mut out, "tool", &s.tool);
    put_str(&mut out, "url", &s.url);
    put_str(&mut out, "scope", &s.scope);
    put_str(&mut out, "description", &s.description);
    hints::finish(&mut out, &s.extra, fmt.hint_key);
    out
}

/// A team object (`{name, members: [{username, name, role}]}`) as a context team. The team's
/// id is the slug of its name; details the model has no place for are kept by the hints of
/// the object that holds the team.
pub fn read_team(f: &mut Fields<'_>) -> Result<Option<Team>, FormatError> {
    let Some(mut t) = f.object("team")? else { return Ok(None) };
    let name = t.text("name")?;
    let mut members = Vec::new();
    for (path, value) in t.list("members")? {
        let mut m = Fields::of(t.doc(), &path, value, "a team member")?;
        let username = m.text("username")?;
        let display = m.text("name")?;
        let role = m.text("role")?;
        let (name, email) = if display.is_empty() { (username, String::new()) } else { (display, username) };
        members.push(Person { name, email, role });
    }
    let id = if name.is_empty() { "team".to_owned() } else { slugify(&name) };
    Ok(Some(Team { id, name, domain: None, members }))
}

pub fn render_team(team: &Team) -> Map<String, Value> {
    let mut out = Map::new();
    put_str(&mut out, "name", &team.name);
    let members = team
        .members
        .iter()
        .map(|p| {
            let mut m = Map::new();
            if p.email.is_empty() {
                put_str(&mut m, "username", &p.name);
            } else {
                put_str(&mut m, "username", &p.email);
                put_str(&mut m, "name", &p.name);
            }
            put_str(&mut m, "role", &p.role);
            m
        })
        .collect();
    put_list(&mut out, "members", members);
    out
}

/// Model fields a standard has no place for travel as custom properties with these names
/// (`pii`, `glossary`, `metrics`, `sourceSystem`, `slos`): export appends them, import takes
/// them back into the typed fields when their value has the expected shape.
pub fn take_custom(list: &mut Vec<CustomProperty>, name: &str, fits: impl Fn(&Value) -> bool) -> Option<Value> {
    let i = list.iter().position(|c| c.property == name && c.description.is_empty() && c.extra.is_empty() && fits(&c.value))?;
    Some(list.remove(i).value)
}

pub fn custom(name: &str, value: Value) -> CustomProperty {
    CustomProperty { property: name.to_owned(), value, ..Default::default() }
}

pub fn is_string_list(v: &Value) -> bool {
    v.as_array().is_some_and(|items| items.iter().all(Value::is_string))
}

pub fn string_list(v: Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.into_iter().filter_map(|i| i.as_str().map(str::to_owned)).collect(),
        _ => Vec::new(),
    }
}

/// What a standard's header must say: its `apiVersion` among `versions` and its `kind`.
pub struct Header {
    /// `ODCS`, `ODPS`.
    pub standard: &'static str,
    /// `data contract`, `data product`.
    pub noun: &'static str,
    pub kind: &'static str,
    /// One version, as an example in messages.
    pub example: &'static str,
    /// The accepted versions, as a person would list them.
    pub expected: &'static str,
    pub versions: &'static [&'static str],
}

/// Checks `apiVersion` and `kind` before anything else: a document of another standard or
/// version fails here with a message that says so. Returns the `apiVersion`.
pub fn check_header(f: &mut Fields<'_>, h: &Header) -> Result<String, FormatError> {
    let doc = f.doc();
    let (standard, noun, kind) = (h.standard, h.noun, h.kind);
    let api = match f.value("apiVersion") {
        Some(Value::String(s)) => s,
        Some(_) => {
            let example = h.example;
            return Err(doc.error(ErrorKind::WrongDocument, "/apiVersion", format!("`apiVersion` must be text such as \"{example}\"")));
        }
        None => {
            let expected = h.expected;
            return Err(doc.error(
                ErrorKind::WrongDocument,
                "",
                format!("not an {standard} {noun}: the document has no `apiVersion` (expected {expected})"),
            ));
        }
    };
    if !h.versions.contains(&api.as_str()) {
        return Err(doc.error(
            ErrorKind::WrongDocument,
            "/apiVersion",
            format!("unsupported {standard} apiVersion \"{api}\": this importer reads {}", h.versions.join(", ")),
        ));
    }
    match f.value("kind") {
        Some(Value::String(k)) if k == kind => Ok(api),
        Some(other) => Err(doc.error(
            ErrorKind::WrongDocument,
            "/kind",
            format!("`kind` is {other}, but an {standard} {noun} has kind \"{kind}\""),
        )),
        None => Err(doc.error(ErrorKind::WrongDocument, "", format!("not an {standard} {noun}: the document has no `kind: {kind}`"))),
    }
}
