//! Short constructors for the template workspaces: each template reads as a list of domains,
//! teams, products and contracts instead of pages of struct literals. What can be derived is
//! derived once, in [`finish`]: the contract version a port binds, the contract an input relies
//! on, a contract's publishing product, domain and team.

use dpstudio_model::{
    AccessRole, BusinessEntity, ContractDescription, ContractRef, DataContract, DataProduct, Dimension, Domain,
    EnumValue, Extra, GlossaryTerm, InputPort, InputSource, Measure, Metric, OutputPort, Person, PortKind, PortRef,
    ProductKind, Property, QualityKind, QualityRule, Relationship, SchemaObject, Server, SlaProperty, Slo,
    SourceSystem, Status, SupportChannel, Team, UseCase, Workspace, FORMAT_VERSION,
};
use serde_json::Value;

fn s(text: &str) -> String {
    text.to_owned()
}

pub fn new_workspace(id: &str, name: &str, description: &str) -> Workspace {
    Workspace { format_version: FORMAT_VERSION, id: s(id), name: s(name), description: s(description), ..Default::default() }
}

pub fn domain(id: &str, name: &str, description: &str) -> Domain {
    Domain { id: s(id), name: s(name), description: s(description), parent: None }
}

/// A team; members as (name, role). Addresses are made from the name at example.com.
pub fn team(id: &str, name: &str, domain: &str, members: &[(&str, &str)]) -> Team {
    let members = members
        .iter()
        .map(|(person, role)| Person { name: s(person), email: email(person), role: s(role) })
        .collect();
    Team { id: s(id), name: s(name), domain: Some(s(domain)), members }
}

fn email(person: &str) -> String {
    let local: String = person
        .split_whitespace()
        .map(|part| part.chars().filter(char::is_ascii_alphabetic).collect::<String>().to_lowercase())
        .collect::<Vec<_>>()
        .join(".");
    format!("{local}@example.com")
}

pub fn term(id: &str, word: &str, definition: &str, owner: &str, domain: &str) -> GlossaryTerm {
    GlossaryTerm { id: s(id), term: s(word), definition: s(definition), synonyms: Vec::new(), owner: Some(s(owner)), domain: Some(s(domain)) }
}

pub fn term_aka(id: &str, word: &str, definition: &str, owner: &str, domain: &str, synonyms: &[&str]) -> GlossaryTerm {
    GlossaryTerm { synonyms: synonyms.iter().map(|w| s(w)).collect(), ..term(id, word, definition, owner, domain) }
}

pub fn system(id: &str, name: &str, technology: &str, domain: &str, description: &str) -> SourceSystem {
    SourceSystem { id: s(id), name: s(name), technology: s(technology), domain: Some(s(domain)), description: s(description) }
}

/// A business entity implemented by `contract/object`; dimensions as (id, name, property,
/// kind), measures as (id, name, aggregation, expression, description).
pub fn entity(
    id: &str,
    name: &str,
    description: &str,
    implemented_by: &str,
    dimensions: &[(&str, &str, &str, &str)],
    measures: &[(&str, &str, &str, &str, &str)],
) -> BusinessEntity {
    BusinessEntity {
        id: s(id),
        name: s(name),
        description: s(description),
        implemented_by: Some(s(implemented_by)),
        dimensions: dimensions
            .iter()
            .map(|(id, name, property, kind)| Dimension { id: s(id), name: s(name), property: s(property), kind: s(kind), description: String::new() })
            .collect(),
        measures: measures
            .iter()
            .map(|(id, name, aggregation, expression, description)| Measure {
                id: s(id),
                name: s(name),
                aggregation: s(aggregation),
                expression: s(expression),
                description: s(description),
            })
            .collect(),
    }
}

/// A metric over `measures`; `kind` is simple, ratio, derived or cumulative.
pub fn metric(id: &str, name: &str, kind: &str, measures: &[&str], expression: &str, owner: &str, description: &str) -> Metric {
    Metric {
        id: s(id),
        name: s(name),
        description: s(description),
        kind: s(kind),
        measures: measures.iter().map(|m| s(m)).collect(),
        expression: s(expression),
        owner: Some(s(owner)),
    }
}

/// A use case reading output ports given as (product, port).
pub fn use_case(id: &str, name: &str, consumer: &str, description: &str, consumes: &[(&str, &str)]) -> UseCase {
    UseCase {
        id: s(id),
        name: s(name),
        description: s(description),
        consumer: s(consumer),
        consumes: consumes.iter().map(|(product, port)| PortRef { product: s(product), port: s(port) }).collect(),
        extra: Extra::default(),
    }
}

// ---------------------------------------------------------------- products

/// An active product at version 1.0.0 unless changed.
pub fn product(id: &str, name: &str, kind: ProductKind, domain: &str, team: &str, purpose: &str) -> DataProduct {
    DataProduct {
        id: s(id),
        name: s(name),
        version: s("1.0.0"),
        status: Status::Active,
        kind,
        domain: Some(s(domain)),
        owner_team: Some(s(team)),
        purpose: s(purpose),
        ..Default::default()
    }
}

pub trait ProductExt: Sized {
    fn version(self, version: &str, status: Status) -> Self;
    fn tags(self, tags: &[&str]) -> Self;
    /// An input port reading a source system.
    fn reads_system(self, port: &str, name: &str, system: &str, description: &str) -> Self;
    /// An input port reading another product's output port (its contract is filled in by [`finish`]).
    fn reads(self, port: &str, name: &str, product: &str, upstream_port: &str) -> Self;
    /// An output port bound to `contract` (the version is filled in by [`finish`]).
    fn serves(self, port: &str, name: &str, kind: PortKind, contract: &str, description: &str) -> Self;
    fn slo(self, property: &str, value: f64, unit: &str) -> Self;
    fn support(self, channel: &str, tool: &str, url: &str) -> Self;
}

impl ProductExt for DataProduct {
    fn version(mut self, version: &str, status: Status) -> Self {
        self.version = s(version);
        self.status = status;
        self
    }
    fn tags(mut self, tags: &[&str]) -> Self {
        self.tags = tags.iter().map(|t| s(t)).collect();
        self
    }
    fn reads_system(mut self, port: &str, name: &str, system: &str, description: &str) -> Self {
        self.input_ports.push(InputPort {
            id: s(port),
            name: s(name),
            source: InputSource::System { system: s(system) },
            description: s(description),
            ..Default::default()
        });
        self
    }
    fn reads(mut self, port: &str, name: &str, product: &str, upstream_port: &str) -> Self {
        self.input_ports.push(InputPort {
            id: s(port),
            name: s(name),
            source: InputSource::Product { product: s(product), port: s(upstream_port) },
            ..Default::default()
        });
        self
    }
    fn serves(mut self, port: &str, name: &str, kind: PortKind, contract: &str, description: &str) -> Self {
        self.output_ports.push(OutputPort {
            id: s(port),
            name: s(name),
            kind,
            contract: Some(ContractRef { id: s(contract), version: String::new() }),
            description: s(description),
            ..Default::default()
        });
        self
    }
    fn slo(mut self, property: &str, value: f64, unit: &str) -> Self {
        self.slos.push(Slo { property: s(property), value: value.into(), unit: s(unit), description: String::new() });
        self
    }
    fn support(mut self, channel: &str, tool: &str, url: &str) -> Self {
        self.support.push(SupportChannel { channel: s(channel), tool: s(tool), url: s(url), ..Default::default() });
        self
    }
}

// ---------------------------------------------------------------- contracts

/// An active contract at version 1.0.0 unless changed; its product, domain and team come from
/// the product whose port binds it (see [`finish`]).
pub fn contract(id: &str, name: &str, purpose: &str, usage: &str, limitations: &str) -> DataContract {
    DataContract {
        id: s(id),
        name: s(name),
        version: s("1.0.0"),
        status: Status::Active,
        description: ContractDescription { purpose: s(purpose), usage: s(usage), limitations: s(limitations) },
        ..Default::default()
    }
}

pub trait ContractExt: Sized {
    fn version(self, version: &str, status: Status) -> Self;
    fn object(self, object: SchemaObject) -> Self;
    fn rule(self, rule: QualityRule) -> Self;
    /// An SLA property; `element` is the `object.property` it is measured on.
    fn sla(self, property: &str, value: f64, unit: &str, element: &str, driver: &str) -> Self;
    /// Where the data lives: server name, type, environment and connection details.
    fn server(self, name: &str, kind: &str, environment: &str, details: &[(&str, &str)]) -> Self;
    fn role(self, role: &str, access: &str, description: &str, approvers: &str) -> Self;
    fn terms(self, terms: &str) -> Self;
}

impl ContractExt for DataContract {
    fn version(mut self, version: &str, status: Status) -> Self {
        self.version = s(version);
        self.status = status;
        self
    }
    fn object(mut self, object: SchemaObject) -> Self {
        self.schema.push(object);
        self
    }
    fn rule(mut self, rule: QualityRule) -> Self {
        self.quality.push(rule);
        self
    }
    fn sla(mut self, property: &str, value: f64, unit: &str, element: &str, driver: &str) -> Self {
        self.sla.push(SlaProperty {
            property: s(property),
            value: value.into(),
            unit: s(unit),
            element: s(element),
            driver: s(driver),
            ..Default::default()
        });
        self
    }
    fn server(mut self, name: &str, kind: &str, environment: &str, details: &[(&str, &str)]) -> Self {
        let mut extra = Extra::default();
        for (key, value) in details {
            extra.insert(s(key), Value::String(s(value)));
        }
        self.servers.push(Server { server: s(name), kind: s(kind), environment: s(environment), description: String::new(), extra });
        self
    }
    fn role(mut self, role: &str, access: &str, description: &str, approvers: &str) -> Self {
        self.roles.push(AccessRole {
            role: s(role),
            access: s(access),
            description: s(description),
            first_level_approvers: s(approvers),
            ..Default::default()
        });
        self
    }
    fn terms(mut self, terms: &str) -> Self {
        self.terms = s(terms);
        self
    }
}

/// A schema object: a table (or topic, view, …) and its properties.
pub fn object(name: &str, physical_type: &str, description: &str, properties: Vec<Property>) -> SchemaObject {
    SchemaObject {
        name: s(name),
        physical_name: s(name),
        physical_type: s(physical_type),
        business_name: String::new(),
        description: s(description),
        properties,
        ..Default::default()
    }
}

pub trait ObjectExt: Sized {
    fn business(self, name: &str, granularity: &str) -> Self;
    fn rule(self, rule: QualityRule) -> Self;
}

impl ObjectExt for SchemaObject {
    fn business(mut self, name: &str, granularity: &str) -> Self {
        self.business_name = s(name);
        self.data_granularity = s(granularity);
        self
    }
    fn rule(mut self, rule: QualityRule) -> Self {
        self.quality.push(rule);
        self
    }
}

/// A property with its logical type, engine type and meaning.
pub fn field(name: &str, logical_type: &str, physical_type: &str, description: &str) -> Property {
    Property { name: s(name), logical_type: s(logical_type), physical_type: s(physical_type), description: s(description), ..Default::default() }
}

pub trait PropertyExt: Sized {
    fn required(self) -> Self;
    /// Primary key at `position` (required and, for a one-field key, unique).
    fn key(self, position: i64) -> Self;
    fn unique(self) -> Self;
    fn partition(self, position: i64) -> Self;
    /// Personal data with its classification (`restricted`, `confidential`).
    fn pii(self, classification: &str) -> Self;
    fn classified(self, classification: &str) -> Self;
    fn critical(self) -> Self;
    fn term(self, glossary: &str) -> Self;
    fn metric(self, metric: &str) -> Self;
    fn references(self, to: &str) -> Self;
    /// Field lineage: upstream fields as `contract/object.property`, and how they are combined.
    fn from(self, sources: &[&str], logic: &str) -> Self;
    fn one_of(self, values: &[&str]) -> Self;
    fn example(self, value: impl Into<Value>) -> Self;
}

impl PropertyExt for Property {
    fn required(mut self) -> Self {
        self.required = true;
        self
    }
    fn key(mut self, position: i64) -> Self {
        self.primary_key = true;
        self.primary_key_position = Some(position);
        self.required = true;
        self
    }
    fn unique(mut self) -> Self {
        self.unique = true;
        self
    }
    fn partition(mut self, position: i64) -> Self {
        self.partitioned = true;
        self.partition_key_position = Some(position);
        self
    }
    fn pii(mut self, classification: &str) -> Self {
        self.pii = true;
        self.classification = s(classification);
        self
    }
    fn classified(mut self, classification: &str) -> Self {
        self.classification = s(classification);
        self
    }
    fn critical(mut self) -> Self {
        self.critical_data_element = true;
        self
    }
    fn term(mut self, glossary: &str) -> Self {
        self.glossary.push(s(glossary));
        self
    }
    fn metric(mut self, metric: &str) -> Self {
        self.metrics.push(s(metric));
        self
    }
    fn references(mut self, to: &str) -> Self {
        self.relationships.push(Relationship { to: s(to), ..Default::default() });
        self
    }
    fn from(mut self, sources: &[&str], logic: &str) -> Self {
        self.transform_source_objects = sources.iter().map(|x| s(x)).collect();
        self.transform_logic = s(logic);
        self
    }
    fn one_of(mut self, values: &[&str]) -> Self {
        self.enum_values = values.iter().map(|v| EnumValue::new(*v)).collect();
        self
    }
    fn example(mut self, value: impl Into<Value>) -> Self {
        self.examples.push(value.into());
        self
    }
}

// ---------------------------------------------------------------- quality rules

fn library(metric: &str, operator: &str, threshold: Value, dimension: &str, description: &str) -> QualityRule {
    QualityRule {
        kind: QualityKind::Library,
        metric: s(metric),
        operator: s(operator),
        threshold,
        dimension: s(dimension),
        severity: s("error"),
        description: s(description),
        ..Default::default()
    }
}

/// No nulls in the field (or object).
pub fn no_nulls(description: &str) -> QualityRule {
    library("nullValues", "mustBe", 0.into(), "completeness", description)
}

/// No duplicate values.
pub fn no_duplicates(description: &str) -> QualityRule {
    library("duplicateValues", "mustBe", 0.into(), "uniqueness", description)
}

/// At least `rows` rows per delivery.
pub fn rows_at_least(rows: u64, description: &str) -> QualityRule {
    library("rowCount", "mustBeGreaterThanOrEqualTo", rows.into(), "completeness", description)
}

/// At most `percent` % invalid values, reported as a warning.
pub fn invalid_below(percent: f64, description: &str) -> QualityRule {
    QualityRule { unit: s("percent"), severity: s("warning"), ..library("invalidValues", "mustBeLessThan", percent.into(), "conformity", description) }
}

/// A SQL check whose result must be `threshold`.
pub fn sql(name: &str, query: &str, threshold: u64, dimension: &str, description: &str) -> QualityRule {
    QualityRule {
        kind: QualityKind::Sql,
        name: s(name),
        query: s(query),
        operator: s("mustBe"),
        threshold: threshold.into(),
        dimension: s(dimension),
        severity: s("error"),
        description: s(description),
        ..Default::default()
    }
}

/// A rule stated in words, checked by a person or a process outside the data platform.
pub fn text(dimension: &str, description: &str) -> QualityRule {
    QualityRule { kind: QualityKind::Text, dimension: s(dimension), severity: s("warning"), description: s(description), ..Default::default() }
}

// ---------------------------------------------------------------- finishing

/// Fills in what the descriptions leave to derivation: ports bind their contract's current
/// version; an input reading a product relies on that port's contract; a contract names the
/// product that publishes it and, unless set, that product's domain and owner team.
pub fn finish(mut ws: Workspace) -> Workspace {
    let versions: Vec<(String, String)> = ws.contracts.iter().map(|c| (c.id.clone(), c.version.clone())).collect();
    let version_of = |id: &str| versions.iter().find(|(c, _)| c == id).map(|(_, v)| v.clone()).unwrap_or_default();
    for product in &mut ws.products {
        for port in &mut product.output_ports {
            if let Some(binding) = &mut port.contract {
                binding.version = version_of(&binding.id);
            }
        }
    }
    let bindings: Vec<(String, String, Option<ContractRef>)> = ws
        .products
        .iter()
        .flat_map(|p| p.output_ports.iter().map(|o| (p.id.clone(), o.id.clone(), o.contract.clone())))
        .collect();
    for product in &mut ws.products {
        for input in &mut product.input_ports {
            if let InputSource::Product { product: upstream, port } = &input.source {
                input.contract = bindings.iter().find(|(p, o, _)| p == upstream && o == port).and_then(|(_, _, c)| c.clone());
            }
        }
    }
    let publishers: Vec<(String, String, Option<String>, Option<String>)> = ws
        .products
        .iter()
        .flat_map(|p| {
            p.output_ports
                .iter()
                .filter_map(|o| o.contract.as_ref())
                .map(|c| (c.id.clone(), p.id.clone(), p.domain.clone(), p.owner_team.clone()))
        })
        .collect();
    for contract in &mut ws.contracts {
        if let Some((_, product, domain, team)) = publishers.iter().find(|(c, ..)| *c == contract.id) {
            contract.data_product = Some(product.clone());
            contract.domain = contract.domain.take().or_else(|| domain.clone());
            contract.team = contract.team.take().or_else(|| team.clone());
        }
    }
    ws
}
