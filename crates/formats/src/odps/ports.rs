//! ODPS input, output and management ports.

use dpstudio_model::{unique_id, ContractRef, InputPort, InputSource, ManagementPort, OutputPort, PortKind};
use serde_json::{Map, Value};

use super::FMT;
use crate::common::{import_object, put_list, put_str, read_list};
use crate::error::FormatError;
use crate::fields::Fields;
use crate::hints;

/// A port's id: its own `id`, else a slug of its name unique among `taken`.
fn port_id(f: &mut Fields<'_>, name: &str, taken: &[String]) -> Result<String, FormatError> {
    Ok(match f.string("id")? {
        Some(id) => id,
        None => unique_id(if name.is_empty() { "port" } else { name }, taken.iter().map(String::as_str)),
    })
}

fn contract_ref(f: &mut Fields<'_>) -> Result<Option<ContractRef>, FormatError> {
    let id = f.string("contractId")?;
    let version = f.string("version")?;
    Ok(match (id, version) {
        (None, None) => None,
        (id, version) => Some(ContractRef { id: id.unwrap_or_default(), version: version.unwrap_or_default() }),
    })
}

fn put_contract(out: &mut Map<String, Value>, contract: &Option<ContractRef>) {
    if let Some(c) = contract {
        put_str(out, "version", &c.version);
        put_str(out, "contractId", &c.id);
    }
}

pub fn read_inputs(f: &mut Fields<'_>) -> Result<Vec<InputPort>, FormatError> {
    let doc = f.doc();
    let mut taken: Vec<String> = Vec::new();
    read_list(f.list("inputPorts")?, |path, value| {
        let port = import_object(doc, path, value, "an input port", FMT, |mut f| {
            let name = f.text("name")?;
            let mut port = InputPort {
                id: port_id(&mut f, &name, &taken)?,
                name,
                source: InputSource::default(),
                contract: contract_ref(&mut f)?,
                description: f.text("description")?,
                extra: f.rest(),
            };
            if let Some(system) = take_source_system(&mut port.extra) {
                port.source = InputSource::System { system };
            }
            Ok(port)
        }, render_input, |p| &mut p.extra)?;
        taken.push(port.id.clone());
        Ok(port)
    })
}

pub fn render_input(p: &InputPort) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("id".to_owned(), Value::String(p.id.clone()));
    out.insert("name".to_owned(), Value::String(p.name.clone()));
    put_str(&mut out, "description", &p.description);
    put_contract(&mut out, &p.contract);
    if let InputSource::System { system } = &p.source {
        if !system.is_empty() {
            let mut list = match p.extra.get("customProperties") {
                Some(Value::Array(list)) => list.clone(),
                _ => Vec::new(),
            };
            let mut entry = Map::new();
            entry.insert("property".to_owned(), Value::String(SOURCE_SYSTEM.to_owned()));
            entry.insert("value".to_owned(), Value::String(system.clone()));
            list.push(Value::Object(entry));
            out.insert("customProperties".to_owned(), Value::Array(list));
        }
    }
    hints::finish(&mut out, &p.extra, FMT.hint_key);
    out
}

/// ODPS input ports name a contract, not where the data comes from: an input read from a
/// source system carries the system's id as the custom property `sourceSystem`.
const SOURCE_SYSTEM: &str = "sourceSystem";

fn take_source_system(extra: &mut dpstudio_model::Extra) -> Option<String> {
    let Some(Value::Array(list)) = extra.get_mut("customProperties") else { return None };
    let i = list.iter().position(|c| {
        c.as_object().is_some_and(|m| m.len() == 2 && m.get("property") == Some(&Value::String(SOURCE_SYSTEM.to_owned())) && m.get("value").is_some_and(Value::is_string))
    })?;
    let entry = list.remove(i);
    if list.is_empty() {
        extra.remove("customProperties");
    }
    entry.get("value").and_then(Value::as_str).map(str::to_owned)
}

/// ODPS port types are free text; these spellings map onto the model's kinds.
fn port_kind(text: &str) -> PortKind {
    match text.to_ascii_lowercase().trim_end_matches('s') {
        "view" => PortKind::View,
        "file" => PortKind::File,
        "stream" | "topic" => PortKind::Stream,
        "api" | "rest" => PortKind::Api,
        "metric" => PortKind::Metrics,
        _ => PortKind::Table,
    }
}

fn port_type(kind: PortKind) -> &'static str {
    match kind {
        PortKind::Table => "tables",
        PortKind::View => "views",
        PortKind::File => "file",
        PortKind::Stream => "stream",
        PortKind::Api => "api",
        PortKind::Metrics => "metrics",
    }
}

pub fn read_outputs(f: &mut Fields<'_>, inputs: &[InputPort]) -> Result<Vec<OutputPort>, FormatError> {
    let doc = f.doc();
    let mut taken: Vec<String> = Vec::new();
    read_list(f.list("outputPorts")?, |path, value| {
        let port = import_object(doc, path, value, "an output port", FMT, |mut f| {
            let name = f.text("name")?;
            // `inputContracts` are rendered from the product's input ports; what a port lists
            // beyond that is kept by the hint.
            f.value("inputContracts");
            Ok(OutputPort {
                id: port_id(&mut f, &name, &taken)?,
                name,
                kind: port_kind(&f.text("type")?),
                contract: contract_ref(&mut f)?,
                description: f.text("description")?,
                extra: f.rest(),
            })
        }, |o| render_output(o, inputs), |p| &mut p.extra)?;
        taken.push(port.id.clone());
        Ok(port)
    })
}

/// An output port; its `inputContracts` are the contracts of the product's input ports, the
/// upstream dependencies ODPS records per output.
pub fn render_output(o: &OutputPort, inputs: &[InputPort]) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("id".to_owned(), Value::String(o.id.clone()));
    out.insert("name".to_owned(), Value::String(o.name.clone()));
    put_str(&mut out, "description", &o.description);
    out.insert("type".to_owned(), Value::String(port_type(o.kind).to_owned()));
    put_contract(&mut out, &o.contract);
    let upstream = inputs
        .iter()
        .filter_map(|i| i.contract.as_ref())
        .filter(|c| !c.id.is_empty())
        .map(|c| {
            let mut m = Map::new();
            m.insert("id".to_owned(), Value::String(c.id.clone()));
            m.insert("version".to_owned(), Value::String(c.version.clone()));
            m
        })
        .collect();
    put_list(&mut out, "inputContracts", upstream);
    hints::finish(&mut out, &o.extra, FMT.hint_key);
    out
}

pub fn read_management(f: &mut Fields<'_>) -> Result<Vec<ManagementPort>, FormatError> {
    let doc = f.doc();
    let mut taken: Vec<String> = Vec::new();
    read_list(f.list("managementPorts")?, |path, value| {
        let port = import_object(doc, path, value, "a management port", FMT, |mut f| {
            let name = f.text("name")?;
            Ok(ManagementPort {
                id: port_id(&mut f, &name, &taken)?,
                name,
                kind: f.text("type")?,
                url: f.text("url")?,
                description: f.text("description")?,
                extra: f.rest(),
            })
        }, render_management, |p| &mut p.extra)?;
        taken.push(port.id.clone());
        Ok(port)
    })
}

pub fn render_management(m: &ManagementPort) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("id".to_owned(), Value::String(m.id.clone()));
    out.insert("name".to_owned(), Value::String(m.name.clone()));
    // ODPS requires `content`; an imported port keeps its own (in `extra`).
    if !m.extra.contains_key("content") {
        out.insert("content".to_owned(), Value::String("observability".to_owned()));
    }
    put_str(&mut out, "type", &m.kind);
    put_str(&mut out, "url", &m.url);
    put_str(&mut out, "description", &m.description);
    hints::finish(&mut out, &m.extra, FMT.hint_key);
    out
}
