//! What each of the ten blocks of a product's Data Product Canvas says, read from the model.
//! Pure (no browser): the page view and the SVG picture both draw from it, so the file says
//! what the screen says.

use dpstudio_model::{DataContract, DataProduct, InputSource, Workspace};

/// The ten blocks, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Domain,
    Name,
    Classification,
    Inputs,
    Design,
    Outputs,
    Consumers,
    Language,
    Metadata,
    Observability,
}

impl BlockKind {
    pub const ALL: [BlockKind; 10] = [
        BlockKind::Domain,
        BlockKind::Name,
        BlockKind::Classification,
        BlockKind::Inputs,
        BlockKind::Design,
        BlockKind::Outputs,
        BlockKind::Consumers,
        BlockKind::Language,
        BlockKind::Metadata,
        BlockKind::Observability,
    ];

    /// Names the block in the DOM (`data-block`) and its place in the CSS grid.
    pub fn slug(self) -> &'static str {
        match self {
            BlockKind::Domain => "domain",
            BlockKind::Name => "name",
            BlockKind::Classification => "classification",
            BlockKind::Inputs => "inputs",
            BlockKind::Design => "design",
            BlockKind::Outputs => "outputs",
            BlockKind::Consumers => "consumers",
            BlockKind::Language => "language",
            BlockKind::Metadata => "metadata",
            BlockKind::Observability => "observability",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            BlockKind::Domain => "Domain",
            BlockKind::Name => "Data product name",
            BlockKind::Classification => "Classification",
            BlockKind::Inputs => "Input ports",
            BlockKind::Design => "Data product design",
            BlockKind::Outputs => "Output ports",
            BlockKind::Consumers => "Consumers & use cases",
            BlockKind::Language => "Ubiquitous language",
            BlockKind::Metadata => "Metadata",
            BlockKind::Observability => "Observability",
        }
    }

    /// One line on what the block is for, under its title.
    pub fn caption(self) -> &'static str {
        match self {
            BlockKind::Domain => "Where the product belongs and who owns it",
            BlockKind::Name => "What everyone calls it",
            BlockKind::Classification => "Its role in the mesh and how sensitive its data is",
            BlockKind::Inputs => "What it reads: source systems and upstream products, with their contracts",
            BlockKind::Design => "Why it exists and how it is built",
            BlockKind::Outputs => "What it serves, each port under a contract",
            BlockKind::Consumers => "Who reads it and what for",
            BlockKind::Language => "The business terms its data speaks",
            BlockKind::Metadata => "Version, lifecycle, tags and where to get help",
            BlockKind::Observability => "The promises it keeps and how they are checked",
        }
    }

    /// What to work out when the block is empty: a question for the workshop.
    pub fn prompt(self) -> &'static str {
        match self {
            BlockKind::Domain => "Which domain does it serve, and which team owns it?",
            BlockKind::Name => "Give it a name the business recognises.",
            BlockKind::Classification => "Is any of its data personal or confidential? Classify the fields of its contracts.",
            BlockKind::Inputs => "Where does its data come from? Add an input port from a source system or another product.",
            BlockKind::Design => "Why does it exist, for whom? Write its purpose.",
            BlockKind::Outputs => "How will consumers read it? Add an output port and bind a contract.",
            BlockKind::Consumers => "Who will use it, for what decision? Add a use case that consumes one of its ports.",
            BlockKind::Language => "Which business terms does it speak? Link glossary terms from its contracts' fields.",
            BlockKind::Metadata => "Tag it and name a support channel consumers can ask.",
            BlockKind::Observability => "What does it promise? Add service levels, SLA properties or quality rules.",
        }
    }
}

/// One fact in a block: a name and what to know about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    pub main: String,
    pub detail: String,
}

fn entry(main: impl Into<String>, detail: impl Into<String>) -> Entry {
    Entry { main: main.into(), detail: detail.into() }
}

/// One block's content. `fields` are the values the page edits in place (shown as controls
/// there, as text in the picture); `entries` are the facts it only shows. `wanting` says the
/// block still misses what it is for, so it shows its workshop prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub fields: Vec<Entry>,
    pub entries: Vec<Entry>,
    pub wanting: bool,
}

/// Whether a block misses what it is for. Values that always have one (a status, a kind, a
/// version) do not count as filled in.
fn wanting(kind: BlockKind, product: &DataProduct, entries: &[Entry]) -> bool {
    match kind {
        BlockKind::Domain => product.domain.is_none() || product.owner_team.is_none(),
        BlockKind::Name => product.name.trim().is_empty(),
        BlockKind::Design => product.purpose.trim().is_empty(),
        BlockKind::Metadata => product.tags.is_empty() && product.support.is_empty(),
        BlockKind::Classification => !entries.iter().any(|e| e.main != UNCLASSIFIED),
        _ => entries.is_empty(),
    }
}

/// The ten blocks of `product`'s canvas, in [`BlockKind::ALL`] order.
pub fn blocks(ws: &Workspace, product: &DataProduct) -> Vec<Block> {
    let contracts = own_contracts(ws, product);
    BlockKind::ALL
        .into_iter()
        .map(|kind| {
            let (fields, entries) = match kind {
                BlockKind::Domain => domain(ws, product),
                BlockKind::Name => (vec![entry("Name", product.name.clone())], vec![entry(product.id.clone(), "product id")]),
                BlockKind::Classification => classification(product, &contracts),
                BlockKind::Inputs => (Vec::new(), inputs(ws, product)),
                BlockKind::Design => design(product, &contracts),
                BlockKind::Outputs => (Vec::new(), outputs(ws, product)),
                BlockKind::Consumers => (Vec::new(), consumers(ws, product)),
                BlockKind::Language => (Vec::new(), language(ws, &contracts)),
                BlockKind::Metadata => metadata(product),
                BlockKind::Observability => (Vec::new(), observability(product, &contracts)),
            };
            Block { kind, wanting: wanting(kind, product, &entries), fields, entries }
        })
        .collect()
}

/// The contracts the product publishes: those its output ports are bound to, then those that
/// name it as their product, each once.
fn own_contracts<'a>(ws: &'a Workspace, product: &DataProduct) -> Vec<&'a DataContract> {
    let mut out: Vec<&DataContract> = Vec::new();
    let bound = product.output_ports.iter().filter_map(|p| p.contract.as_ref()).filter_map(|c| ws.contract(&c.id));
    let naming = ws.contracts.iter().filter(|c| c.data_product.as_deref() == Some(product.id.as_str()));
    for contract in bound.chain(naming) {
        if !out.iter().any(|c| c.id == contract.id) {
            out.push(contract);
        }
    }
    out
}

fn named(name: &str, id: &str) -> String {
    if name.trim().is_empty() { id.to_owned() } else { name.to_owned() }
}

fn contract_name(ws: &Workspace, id: &str) -> String {
    ws.contract(id).map(|c| named(&c.name, &c.id)).unwrap_or_else(|| id.to_owned())
}

/// A JSON value as a person reads it: strings without quotes.
fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn amount(value: &serde_json::Value, unit: &str) -> String {
    let value = value_text(value);
    if unit.is_empty() { value } else { format!("{value} {unit}") }
}

fn join(parts: impl IntoIterator<Item = String>) -> String {
    parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ")
}

fn domain(ws: &Workspace, product: &DataProduct) -> (Vec<Entry>, Vec<Entry>) {
    let domain = product.domain.as_deref().map(|id| ws.domain_name(id).map(str::to_owned).unwrap_or_else(|| id.to_owned()));
    let team = product.owner_team.as_deref().map(|id| ws.team_name(id).map(str::to_owned).unwrap_or_else(|| id.to_owned()));
    let fields = vec![entry("Domain", domain.unwrap_or_default()), entry("Owner team", team.unwrap_or_default())];
    let mut entries = Vec::new();
    if let Some(d) = product.domain.as_deref().and_then(|id| ws.context.domains.iter().find(|d| d.id == id)) {
        if !d.description.is_empty() {
            entries.push(entry(named(&d.name, &d.id), d.description.clone()));
        }
    }
    if let Some(team) = product.owner_team.as_deref().and_then(|id| ws.context.teams.iter().find(|t| t.id == id)) {
        // One line for the whole team: the block shares the top row with the name.
        let people: Vec<String> = team
            .members
            .iter()
            .map(|m| if m.role.is_empty() { m.name.clone() } else { format!("{} ({})", m.name, m.role) })
            .collect();
        if !people.is_empty() {
            entries.push(entry("People", people.join(", ")));
        }
    }
    (fields, entries)
}

fn inputs(ws: &Workspace, product: &DataProduct) -> Vec<Entry> {
    product
        .input_ports
        .iter()
        .map(|input| {
            let (source, kind) = match &input.source {
                InputSource::System { system } => {
                    let found = ws.context.source_systems.iter().find(|s| s.id == *system);
                    let name = found.map(|s| named(&s.name, &s.id)).unwrap_or_else(|| system.clone());
                    let tech = found.map(|s| s.technology.clone()).filter(|t| !t.is_empty());
                    (name, tech.map(|t| format!("source system ({t})")).unwrap_or_else(|| "source system".to_owned()))
                }
                InputSource::Product { product: upstream, port } => {
                    let found = ws.product(upstream);
                    let name = found.map(|p| named(&p.name, &p.id)).unwrap_or_else(|| upstream.clone());
                    let port = found.and_then(|p| p.output_port(port)).map(|o| named(&o.name, &o.id)).unwrap_or_else(|| port.clone());
                    (name, format!("data product, port {port}"))
                }
            };
            let contract = input.contract.as_ref().map(|c| format!("contract {} v{}", contract_name(ws, &c.id), c.version));
            entry(source, join([kind, format!("input {}", named(&input.name, &input.id)), contract.unwrap_or_default()]))
        })
        .collect()
}

fn outputs(ws: &Workspace, product: &DataProduct) -> Vec<Entry> {
    product
        .output_ports
        .iter()
        .map(|port| {
            let contract = match &port.contract {
                Some(c) => {
                    let status = ws.contract(&c.id).map(|k| k.status.as_str()).unwrap_or("missing");
                    format!("contract {} v{} ({status})", contract_name(ws, &c.id), c.version)
                }
                None => "no contract yet".to_owned(),
            };
            entry(named(&port.name, &port.id), join([port.kind.as_str().to_owned(), contract, port.description.clone()]))
        })
        .collect()
}

fn consumers(ws: &Workspace, product: &DataProduct) -> Vec<Entry> {
    let port_name = |id: &str| product.output_port(id).map(|o| named(&o.name, &o.id)).unwrap_or_else(|| id.to_owned());
    let mut out: Vec<Entry> = ws
        .context
        .use_cases
        .iter()
        .filter_map(|u| {
            let ports: Vec<String> = u.consumes.iter().filter(|r| r.product == product.id).map(|r| port_name(&r.port)).collect();
            if ports.is_empty() {
                return None;
            }
            let consumer = ws.team_name(&u.consumer).map(str::to_owned).unwrap_or_else(|| u.consumer.clone());
            let consumer = if consumer.is_empty() { String::new() } else { format!("by {consumer}") };
            Some(entry(named(&u.name, &u.id), join(["use case".to_owned(), consumer, format!("reads {}", ports.join(", ")), u.description.clone()])))
        })
        .collect();
    for downstream in &ws.products {
        for input in &downstream.input_ports {
            if let InputSource::Product { product: upstream, port } = &input.source {
                if *upstream == product.id {
                    out.push(entry(named(&downstream.name, &downstream.id), format!("data product · reads {}", port_name(port))));
                }
            }
        }
    }
    out
}

fn design(product: &DataProduct, contracts: &[&DataContract]) -> (Vec<Entry>, Vec<Entry>) {
    let fields = vec![entry("Purpose", product.purpose.clone()), entry("Description", product.description.clone())];
    // How it is built: the lineage its contracts record, field by field.
    let mut entries = Vec::new();
    for contract in contracts {
        for (path, property) in contract.all_properties() {
            if property.transform_logic.is_empty() && property.transform_source_objects.is_empty() {
                continue;
            }
            let from = if property.transform_source_objects.is_empty() {
                String::new()
            } else {
                format!("from {}", property.transform_source_objects.join(", "))
            };
            entries.push(entry(path, join([from, property.transform_logic.clone()])));
        }
    }
    (fields, entries)
}

fn metadata(product: &DataProduct) -> (Vec<Entry>, Vec<Entry>) {
    let fields = vec![
        entry("Version", product.version.clone()),
        entry("Status", product.status.as_str()),
        entry("Tags", product.tags.join(", ")),
    ];
    let mut entries: Vec<Entry> = product
        .support
        .iter()
        .map(|s| entry(s.channel.clone(), join(["support".to_owned(), s.tool.clone(), s.url.clone()])))
        .collect();
    entries.extend(product.custom_properties.iter().map(|c| entry(c.property.clone(), value_text(&c.value))));
    (fields, entries)
}

fn observability(product: &DataProduct, contracts: &[&DataContract]) -> Vec<Entry> {
    let mut out: Vec<Entry> = product
        .slos
        .iter()
        .map(|s| entry(s.property.clone(), join([amount(&s.value, &s.unit), "service level".to_owned(), s.description.clone()])))
        .collect();
    for contract in contracts {
        let name = named(&contract.name, &contract.id);
        for sla in &contract.sla {
            let on = if sla.element.is_empty() { String::new() } else { format!("on {}", sla.element) };
            out.push(entry(sla.property.clone(), join([amount(&sla.value, &sla.unit), format!("SLA of {name}"), on, sla.driver.clone()])));
        }
        let mut rules: Vec<(String, &dpstudio_model::QualityRule)> = contract.quality.iter().map(|r| (String::new(), r)).collect();
        for object in &contract.schema {
            rules.extend(object.quality.iter().map(|r| (object.name.clone(), r)));
        }
        rules.extend(contract.all_properties().into_iter().flat_map(|(path, p)| p.quality.iter().map(move |r| (path.clone(), r))));
        for (on, rule) in rules {
            let what = [&rule.name, &rule.description, &rule.metric, &rule.dimension]
                .into_iter()
                .find(|s| !s.is_empty())
                .cloned()
                .unwrap_or_else(|| "quality rule".to_owned());
            let test = join([rule.metric.clone(), rule.operator.clone(), value_text(&rule.threshold)]).replace(" · ", " ");
            let on = if on.is_empty() { String::new() } else { format!("on {on}") };
            out.push(entry(what, join([format!("quality rule of {name}"), on, test])));
        }
    }
    for port in &product.management_ports {
        out.push(entry(named(&port.name, &port.id), join([port.kind.clone(), port.url.clone()])));
    }
    out
}

fn language(ws: &Workspace, contracts: &[&DataContract]) -> Vec<Entry> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for contract in contracts {
        for (_, property) in contract.all_properties() {
            for id in &property.glossary {
                if seen.contains(&id.as_str()) {
                    continue;
                }
                seen.push(id);
                out.push(match ws.context.glossary.iter().find(|g| g.id == *id) {
                    Some(term) => entry(named(&term.term, &term.id), term.definition.clone()),
                    None => entry(id.clone(), "not in the glossary yet"),
                });
            }
        }
    }
    out
}

const UNCLASSIFIED: &str = "unclassified";

fn classification(product: &DataProduct, contracts: &[&DataContract]) -> (Vec<Entry>, Vec<Entry>) {
    let fields = vec![entry("Kind", product.kind.label())];
    let mut levels: Vec<(String, usize)> = Vec::new();
    let mut pii: Vec<String> = Vec::new();
    let mut unclassified = 0;
    for contract in contracts {
        for (path, property) in contract.all_properties() {
            if property.pii {
                pii.push(path.clone());
            }
            if property.classification.is_empty() {
                unclassified += 1;
            } else if let Some(level) = levels.iter_mut().find(|(l, _)| *l == property.classification) {
                level.1 += 1;
            } else {
                levels.push((property.classification.clone(), 1));
            }
        }
    }
    let fields_of = |n: usize| if n == 1 { "1 field".to_owned() } else { format!("{n} fields") };
    let mut entries: Vec<Entry> = levels.into_iter().map(|(level, n)| entry(level, fields_of(n))).collect();
    if !pii.is_empty() {
        entries.push(entry("PII", pii.join(", ")));
    }
    if unclassified > 0 {
        entries.push(entry(UNCLASSIFIED, fields_of(unclassified)));
    }
    (fields, entries)
}
