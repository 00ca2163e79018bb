//! Which dbt models, sources and names a workspace turns into, decided once so every file of
//! the project agrees on them: one model per schema object of each contract a product serves
//! on its output ports, one source per source system its input ports read.

use std::collections::HashMap;

use dpstudio_model::{DataContract, DataProduct, InputSource, SchemaObject, Workspace};

use super::names::{ident, Names};

/// The model MetricFlow expects one row per day in.
pub const TIME_SPINE: &str = "metricflow_time_spine";

/// One dbt model: a schema object of a contract served by a product.
pub struct Model<'a> {
    pub name: String,
    pub product: &'a DataProduct,
    pub contract: &'a DataContract,
    pub object: &'a SchemaObject,
}

/// A table of a source: a schema object of the input port's contract, or, where the port has
/// no contract, a table named after the port.
pub struct SourceTable<'a> {
    pub name: String,
    pub object: Option<&'a SchemaObject>,
    pub description: String,
}

pub struct Source<'a> {
    pub name: String,
    pub description: String,
    pub tables: Vec<SourceTable<'a>>,
}

/// Where a model reads a relation from.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Relation {
    Model(String),
    Source(String, String),
}

impl Relation {
    /// The Jinja call that names the relation in SQL.
    pub fn jinja(&self) -> String {
        match self {
            Relation::Model(m) => format!("{{{{ ref('{m}') }}}}"),
            Relation::Source(s, t) => format!("{{{{ source('{s}', '{t}') }}}}"),
        }
    }

    /// The name a CTE for this relation gets.
    pub fn short(&self) -> &str {
        match self {
            Relation::Model(m) => m,
            Relation::Source(_, t) => t,
        }
    }
}

/// One relation a product reads, with the contract object it carries (if known).
pub struct Input<'a> {
    pub relation: Relation,
    pub contract: Option<&'a DataContract>,
    pub object: Option<&'a SchemaObject>,
}

pub struct Plan<'a> {
    pub workspace: &'a Workspace,
    pub project: String,
    /// Product id → folder under `models/` (a unique identifier).
    pub folders: HashMap<&'a str, String>,
    pub models: Vec<Model<'a>>,
    pub sources: Vec<Source<'a>>,
    /// `(contract id, object name)` → model serving it (the first product's).
    by_object: HashMap<(String, String), String>,
    /// Source system id → source name.
    source_names: HashMap<&'a str, String>,
}

impl<'a> Plan<'a> {
    pub fn of(w: &'a Workspace) -> Plan<'a> {
        let mut folder_names = Names::default();
        let folders = w.products.iter().map(|p| (p.id.as_str(), folder_names.claim(&p.id))).collect::<HashMap<_, _>>();

        // Objects served by each product, each contract once per product.
        let mut served: Vec<(&DataProduct, &DataContract, &SchemaObject)> = Vec::new();
        for p in &w.products {
            let mut seen: Vec<&str> = Vec::new();
            for port in &p.output_ports {
                let Some(c) = port.contract.as_ref().and_then(|r| w.contract(&r.id)) else { continue };
                if seen.contains(&c.id.as_str()) {
                    continue;
                }
                seen.push(&c.id);
                served.extend(c.schema.iter().filter(|o| !o.properties.is_empty()).map(|o| (p, c, o)));
            }
        }
        // An object's own name makes the nicest model name; where two products serve objects
        // of the same name, the product's folder goes in front.
        let mut count: HashMap<String, usize> = HashMap::new();
        for (_, _, o) in &served {
            *count.entry(ident(&o.name)).or_default() += 1;
        }
        let mut names = Names::default();
        // The time spine the semantic layer adds keeps its conventional name.
        names.claim(TIME_SPINE);
        let mut models = Vec::new();
        let mut by_object = HashMap::new();
        for (p, c, o) in served {
            let wanted = if count.get(&ident(&o.name)).copied().unwrap_or(0) > 1 { format!("{}__{}", folders.get(p.id.as_str()).map_or("product", String::as_str), ident(&o.name)) } else { o.name.clone() };
            let name = names.claim(&wanted);
            by_object.entry((c.id.clone(), o.name.clone())).or_insert_with(|| name.clone());
            models.push(Model { name, product: p, contract: c, object: o });
        }

        let (sources, source_names) = sources(w);
        Plan { workspace: w, project: ident(&w.name), folders, models, sources, by_object, source_names }
    }

    /// The model serving `object` of `contract`, if the project has one.
    pub fn model_of(&self, contract: &str, object: &str) -> Option<&str> {
        self.by_object.get(&(contract.to_owned(), object.to_owned())).map(String::as_str)
    }

    /// Every relation `product` reads through its input ports, in port order.
    pub fn inputs(&self, product: &'a DataProduct) -> Vec<Input<'a>> {
        let w = self.workspace;
        let mut out = Vec::new();
        for port in &product.input_ports {
            let contract = port.contract.as_ref().and_then(|r| w.contract(&r.id));
            match &port.source {
                InputSource::Product { product: up, port: up_port } => {
                    // The port's own contract, else the one the upstream port is bound to.
                    let contract = contract.or_else(|| {
                        let r = w.product(up)?.output_port(up_port)?.contract.as_ref()?;
                        w.contract(&r.id)
                    });
                    let Some(c) = contract else { continue };
                    for o in &c.schema {
                        if let Some(m) = self.model_of(&c.id, &o.name) {
                            out.push(Input { relation: Relation::Model(m.to_owned()), contract: Some(c), object: Some(o) });
                        }
                    }
                }
                InputSource::System { system } => {
                    let source = self.source_names.get(system.as_str()).cloned().unwrap_or_else(|| ident(system));
                    match contract {
                        Some(c) if !c.schema.is_empty() => {
                            for o in &c.schema {
                                out.push(Input { relation: Relation::Source(source.clone(), ident(&o.name)), contract: Some(c), object: Some(o) });
                            }
                        }
                        _ => out.push(Input { relation: Relation::Source(source, ident(&port.id)), contract: None, object: None }),
                    }
                }
            }
        }
        out
    }
}

/// One source per source system read by any input port, with the tables the ports read.
fn sources(w: &Workspace) -> (Vec<Source<'_>>, HashMap<&str, String>) {
    let mut names = Names::default();
    let mut source_names: HashMap<&str, String> = HashMap::new();
    let mut sources: Vec<Source<'_>> = Vec::new();
    for p in &w.products {
        for port in &p.input_ports {
            let InputSource::System { system } = &port.source else { continue };
            let name = source_names.entry(system.as_str()).or_insert_with(|| names.claim(if system.is_empty() { "source" } else { system })).clone();
            let i = match sources.iter().position(|s| s.name == name) {
                Some(i) => i,
                None => {
                    let description = w.context.source_systems.iter().find(|s| &s.id == system).map(|s| {
                        let tech = if s.technology.is_empty() { String::new() } else { format!(" ({})", s.technology) };
                        format!("{}{tech}{}{}", s.name, if s.description.is_empty() { "" } else { ": " }, s.description)
                    });
                    sources.push(Source { name: name.clone(), description: description.unwrap_or_default(), tables: Vec::new() });
                    sources.len() - 1
                }
            };
            let tables = &mut sources[i].tables;
            let contract = port.contract.as_ref().and_then(|r| w.contract(&r.id)).filter(|c| !c.schema.is_empty());
            let wanted: Vec<SourceTable<'_>> = match contract {
                Some(c) => c.schema.iter().map(|o| SourceTable { name: ident(&o.name), object: Some(o), description: o.description.clone() }).collect(),
                None => vec![SourceTable { name: ident(&port.id), object: None, description: port.name.clone() }],
            };
            for t in wanted {
                if !tables.iter().any(|have| have.name == t.name) {
                    tables.push(t);
                }
            }
        }
    }
    (sources, source_names)
}
