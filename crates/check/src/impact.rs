//! Impact analysis: the blast radius of a change. For a product, one of its output ports
//! (`product-id/port-id`), a contract or one field (`contract-id/object.property`), every
//! downstream port, product, field and use case it reaches, with the distance in hops and the
//! reason, so a designer sees who to warn before changing anything.
//!
//! Products and contracts propagate through input ports (a product reading a port, or relying
//! on a contract, is impacted, and so is everything it publishes). Fields propagate through
//! lineage (`transformSourceObjects`) and foreign keys (`relationships`), which is narrower:
//! a field change reaches the fields derived from it, not every field of every reader.
//! The product-level walk is port-aware, which is why it does not reuse the product graph in
//! `lineage.rs`: a contract change starts from the ports bound to that contract only.

use std::collections::{BTreeMap, HashMap, VecDeque};

use dpstudio_model::{InputSource, Property, Workspace};
use serde::Serialize;

/// What the analysis starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "id")]
pub enum Target {
    Product(String),
    /// One output port, as `product-id/port-id`.
    Port(String),
    Contract(String),
    /// `contract-id/object.property` (nested: `object.parent.child`).
    Field(String),
}

/// One impacted entity: its id, how many hops from the target, and why it is impacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    pub id: String,
    pub depth: usize,
    pub via: String,
}

/// An impacted output port (`product/port`) and the contract bound to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PortHit {
    pub product: String,
    pub port: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract: Option<String>,
    pub depth: usize,
    pub via: String,
}

/// Everything a target reaches, each list ordered by depth then id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Impact {
    pub target: Target,
    pub products: Vec<Hit>,
    pub ports: Vec<PortHit>,
    pub contracts: Vec<Hit>,
    pub fields: Vec<Hit>,
    pub use_cases: Vec<Hit>,
}

impl Impact {
    /// True when nothing downstream is reached (the target itself aside).
    pub fn is_empty(&self) -> bool {
        self.products.iter().all(|h| h.depth == 0)
            && self.use_cases.is_empty()
            && self.fields.iter().all(|h| h.depth == 0)
    }
}

/// Why an impact analysis could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImpactError {
    NotFound(String),
}

impl std::fmt::Display for ImpactError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImpactError::NotFound(id) => write!(
                f,
                "'{id}' is not a product, an output port (product-id/port-id), a contract or a field \
                 (contract-id/object.property)"
            ),
        }
    }
}

impl std::error::Error for ImpactError {}

/// Resolves `id` as an output port or a field (it has a `/`), a contract or a product, in
/// that order.
pub fn resolve(workspace: &Workspace, id: &str) -> Result<Target, ImpactError> {
    if let Some((product, port)) = id.split_once('/') {
        if workspace.product(product).is_some_and(|p| p.output_port(port).is_some()) {
            return Ok(Target::Port(id.to_owned()));
        }
    }
    if let Some((contract, field)) = id.split_once('/') {
        let exists = workspace.contract(contract).is_some_and(|c| {
            c.schema.iter().any(|o| {
                field.strip_prefix(o.name.as_str()).and_then(|rest| rest.strip_prefix('.')).is_some_and(|path| {
                    find_path(&o.properties, path)
                })
            })
        });
        if exists {
            return Ok(Target::Field(id.to_owned()));
        }
    } else if workspace.contract(id).is_some() {
        return Ok(Target::Contract(id.to_owned()));
    } else if workspace.product(id).is_some() {
        return Ok(Target::Product(id.to_owned()));
    }
    Err(ImpactError::NotFound(id.to_owned()))
}

fn find_path(properties: &[Property], path: &str) -> bool {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    properties.iter().any(|p| p.name == head && rest.is_none_or(|r| find_path(&p.properties, r)))
}

/// Resolves `id` and analyses it.
pub fn impact_of(workspace: &Workspace, id: &str) -> Result<Impact, ImpactError> {
    Ok(analyse(workspace, &resolve(workspace, id)?))
}

/// The blast radius of `target`. Unknown ids give an empty result, never a panic.
pub fn analyse(workspace: &Workspace, target: &Target) -> Impact {
    let graph = Graph::new(workspace);
    let mut acc = Acc::default();
    match target {
        Target::Product(id) => {
            if let Some(&p) = graph.product_index.get(id.as_str()) {
                acc.product(id, 0, "the target");
                walk_products(workspace, &graph, vec![(p, None, 0)], &mut acc);
            }
        }
        Target::Port(id) => {
            let (product, port) = id.split_once('/').unwrap_or((id.as_str(), ""));
            if let Some(&p) = graph.product_index.get(product) {
                if let Some(o) = workspace.products[p].output_ports.iter().position(|x| x.id == port) {
                    acc.product(product, 0, &format!("publishes {id}"));
                    walk_products(workspace, &graph, vec![(p, Some(o), 0)], &mut acc);
                }
            }
        }
        Target::Contract(id) => {
            acc.contract(id, 0, "the target");
            let starts: Vec<(usize, Option<usize>, usize)> = graph
                .bound
                .get(id.as_str())
                .map(|ports| ports.iter().map(|&(p, o)| (p, Some(o), 0)).collect())
                .unwrap_or_default();
            for &(p, _, _) in &starts {
                acc.product(&workspace.products[p].id, 0, &format!("publishes contract {id}"));
            }
            walk_products(workspace, &graph, starts, &mut acc);
            // Inputs that rely on the contract without naming a port bound to it.
            for &r in graph.contract_readers.get(id.as_str()).map(Vec::as_slice).unwrap_or_default() {
                let reader = &workspace.products[r].id;
                if acc.product(reader, 1, &format!("relies on contract {id}")) {
                    walk_products(workspace, &graph, vec![(r, None, 1)], &mut acc);
                }
            }
        }
        Target::Field(field) => walk_fields(workspace, &graph.with_fields(workspace), field, &mut acc),
    }
    acc.finish(target.clone())
}

/// Lookups built once per analysis; linear in the size of the workspace.
struct Graph<'w> {
    product_index: HashMap<&'w str, usize>,
    /// Contract id → output ports bound to it, as (product index, port index).
    bound: HashMap<&'w str, Vec<(usize, usize)>>,
    /// (product id, port id) → products with an input port reading it.
    port_readers: HashMap<(&'w str, &'w str), Vec<usize>>,
    /// Contract id → products with an input port relying on it.
    contract_readers: HashMap<&'w str, Vec<usize>>,
    /// (product id, port id) → use cases consuming it.
    consumers: HashMap<(&'w str, &'w str), Vec<usize>>,
    /// Upstream field reference → fields that derive from or refer to it, as
    /// (`contract-id/object.path`, reason). A BTreeMap so children of a field are a range.
    dependents: BTreeMap<String, Vec<(String, &'static str)>>,
}

impl<'w> Graph<'w> {
    fn new(w: &'w Workspace) -> Self {
        let mut g = Graph {
            product_index: HashMap::new(),
            bound: HashMap::new(),
            port_readers: HashMap::new(),
            contract_readers: HashMap::new(),
            consumers: HashMap::new(),
            dependents: BTreeMap::new(),
        };
        for (i, p) in w.products.iter().enumerate() {
            g.product_index.entry(p.id.as_str()).or_insert(i);
            for (o, port) in p.output_ports.iter().enumerate() {
                if let Some(c) = &port.contract {
                    g.bound.entry(c.id.as_str()).or_default().push((i, o));
                }
            }
            for input in &p.input_ports {
                if let InputSource::Product { product, port } = &input.source {
                    g.port_readers.entry((product.as_str(), port.as_str())).or_default().push(i);
                }
                if let Some(c) = &input.contract {
                    g.contract_readers.entry(c.id.as_str()).or_default().push(i);
                }
            }
        }
        for (u, use_case) in w.context.use_cases.iter().enumerate() {
            for r in &use_case.consumes {
                g.consumers.entry((r.product.as_str(), r.port.as_str())).or_default().push(u);
            }
        }
        g
    }

    /// Adds the field lineage index, which only field targets need: it is the costly part
    /// (every property of every contract), so product and contract walks skip it.
    fn with_fields(mut self, w: &Workspace) -> Self {
        for c in &w.contracts {
            for object in &c.schema {
                let prefix = format!("{}/{}", c.id, object.name);
                index_fields(&prefix, &c.id, &object.properties, &mut self.dependents);
            }
        }
        self
    }

    /// Fields depending on `field`, on one of its parents (up to its whole object), or on one
    /// of its children.
    fn dependents_of(&self, field: &str) -> Vec<&(String, &'static str)> {
        let mut out = Vec::new();
        let slash = field.find('/').map_or(0, |i| i + 1);
        let mut current = field;
        loop {
            out.extend(self.dependents.get(current).into_iter().flatten());
            match current[slash..].rfind('.') {
                Some(dot) => current = &current[..slash + dot],
                None => break,
            }
        }
        let child_prefix = format!("{field}.");
        for (_, list) in self.dependents.range(child_prefix.clone()..).take_while(|(k, _)| k.starts_with(&child_prefix)) {
            out.extend(list);
        }
        out
    }
}

fn index_fields(prefix: &str, contract: &str, properties: &[Property], out: &mut BTreeMap<String, Vec<(String, &'static str)>>) {
    for p in properties {
        if p.transform_source_objects.is_empty() && p.relationships.is_empty() && p.properties.is_empty() {
            continue;
        }
        let here = format!("{prefix}.{}", p.name);
        for source in &p.transform_source_objects {
            out.entry(source.clone()).or_default().push((here.clone(), "derived from"));
        }
        for r in &p.relationships {
            // `object.property` in the same contract, or `contract-id/object.property`.
            let to = if r.to.contains('/') { r.to.clone() } else { format!("{contract}/{}", r.to) };
            out.entry(to).or_default().push((here.clone(), "refers to"));
        }
        index_fields(&here, contract, &p.properties, out);
    }
}

/// Breadth-first over products. A queue entry is (product, only this port or all, depth):
/// the start of a contract walk is limited to the ports bound to the contract.
fn walk_products(w: &Workspace, g: &Graph, starts: Vec<(usize, Option<usize>, usize)>, acc: &mut Acc) {
    let mut queue: VecDeque<(usize, Option<usize>, usize)> = starts.into();
    while let Some((p, only, depth)) = queue.pop_front() {
        let Some(product) = w.products.get(p) else { continue };
        for (o, port) in product.output_ports.iter().enumerate() {
            if only.is_some_and(|x| x != o) {
                continue;
            }
            let contract = port.contract.as_ref().map(|c| c.id.clone());
            let why = if depth == 0 { "an output of the target".to_owned() } else { format!("published by {}", product.id) };
            acc.port(&product.id, &port.id, contract.clone(), depth, &why);
            if let Some(c) = &contract {
                acc.contract(c, depth, &format!("bound to {}/{}", product.id, port.id));
            }
            let key = (product.id.as_str(), port.id.as_str());
            for &u in g.consumers.get(&key).map(Vec::as_slice).unwrap_or_default() {
                if let Some(use_case) = w.context.use_cases.get(u) {
                    acc.use_case(&use_case.id, depth + 1, &format!("consumes {}/{}", product.id, port.id));
                }
            }
            for &r in g.port_readers.get(&key).map(Vec::as_slice).unwrap_or_default() {
                if acc.product(&w.products[r].id, depth + 1, &format!("reads {}/{}", product.id, port.id)) {
                    queue.push_back((r, None, depth + 1));
                }
            }
        }
    }
}

/// Breadth-first over fields through lineage and foreign keys; then the ports, products and
/// use cases that carry an impacted field.
fn walk_fields(w: &Workspace, g: &Graph, field: &str, acc: &mut Acc) {
    let mut queue = VecDeque::from([(field.to_owned(), 0usize)]);
    acc.field(field, 0, "the target");
    while let Some((f, depth)) = queue.pop_front() {
        for (dependent, why) in g.dependents_of(&f) {
            if acc.field(dependent, depth + 1, &format!("{why} {f}")) {
                queue.push_back((dependent.clone(), depth + 1));
            }
        }
    }
    // Each contract holding an impacted field, at the smallest depth of its fields.
    let mut contracts: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for hit in &acc.fields {
        let Some((contract, _)) = hit.id.split_once('/') else { continue };
        let entry = contracts.entry(contract.to_owned()).or_insert((hit.depth, hit.id.clone()));
        if hit.depth < entry.0 {
            *entry = (hit.depth, hit.id.clone());
        }
    }
    for (contract, (depth, via)) in &contracts {
        acc.contract(contract, *depth, &format!("holds {via}"));
        for &(p, o) in g.bound.get(contract.as_str()).map(Vec::as_slice).unwrap_or_default() {
            let product = &w.products[p];
            let port = &product.output_ports[o];
            acc.port(&product.id, &port.id, Some(contract.clone()), *depth, &format!("bound to {contract}"));
            acc.product(&product.id, *depth, &format!("publishes {contract}"));
            let key = (product.id.as_str(), port.id.as_str());
            for &u in g.consumers.get(&key).map(Vec::as_slice).unwrap_or_default() {
                if let Some(use_case) = w.context.use_cases.get(u) {
                    acc.use_case(&use_case.id, depth + 1, &format!("consumes {}/{}", product.id, port.id));
                }
            }
            // Readers of the port read the field, whether or not they derive anything from it.
            for &r in g.port_readers.get(&key).map(Vec::as_slice).unwrap_or_default() {
                acc.product(&w.products[r].id, depth + 1, &format!("reads {}/{}", product.id, port.id));
            }
        }
    }
}

/// Collects hits, keeping the first (smallest-depth, since walks are breadth-first) per id.
#[derive(Default)]
struct Acc {
    products: Vec<Hit>,
    ports: Vec<PortHit>,
    contracts: Vec<Hit>,
    fields: Vec<Hit>,
    use_cases: Vec<Hit>,
    seen: std::collections::HashSet<(u8, String)>,
}

impl Acc {
    fn first(&mut self, kind: u8, id: &str) -> bool {
        self.seen.insert((kind, id.to_owned()))
    }

    /// Records a product; true when it was not seen before.
    fn product(&mut self, id: &str, depth: usize, via: &str) -> bool {
        let new = self.first(0, id);
        if new {
            self.products.push(Hit { id: id.to_owned(), depth, via: via.to_owned() });
        }
        new
    }

    fn contract(&mut self, id: &str, depth: usize, via: &str) {
        if self.first(1, id) {
            self.contracts.push(Hit { id: id.to_owned(), depth, via: via.to_owned() });
        }
    }

    fn field(&mut self, id: &str, depth: usize, via: &str) -> bool {
        let new = self.first(2, id);
        if new {
            self.fields.push(Hit { id: id.to_owned(), depth, via: via.to_owned() });
        }
        new
    }

    fn use_case(&mut self, id: &str, depth: usize, via: &str) {
        if self.first(3, id) {
            self.use_cases.push(Hit { id: id.to_owned(), depth, via: via.to_owned() });
        }
    }

    fn port(&mut self, product: &str, port: &str, contract: Option<String>, depth: usize, via: &str) {
        if self.first(4, &format!("{product}/{port}")) {
            let (product, port, via) = (product.to_owned(), port.to_owned(), via.to_owned());
            self.ports.push(PortHit { product, port, contract, depth, via });
        }
    }

    fn finish(mut self, target: Target) -> Impact {
        self.products.sort_by(|a, b| (a.depth, &a.id).cmp(&(b.depth, &b.id)));
        self.contracts.sort_by(|a, b| (a.depth, &a.id).cmp(&(b.depth, &b.id)));
        self.fields.sort_by(|a, b| (a.depth, &a.id).cmp(&(b.depth, &b.id)));
        self.use_cases.sort_by(|a, b| (a.depth, &a.id).cmp(&(b.depth, &b.id)));
        self.ports.sort_by(|a, b| (a.depth, &a.product, &a.port).cmp(&(b.depth, &b.product, &b.port)));
        Impact {
            target,
            products: self.products,
            ports: self.ports,
            contracts: self.contracts,
            fields: self.fields,
            use_cases: self.use_cases,
        }
    }
}

#[cfg(test)]
mod tests {
    use dpstudio_model::*;

    use super::*;

    fn field(name: &str, from: &[&str]) -> Property {
        Property {
            name: name.into(),
            logical_type: "string".into(),
            transform_source_objects: from.iter().map(|s| (*s).to_owned()).collect(),
            ..Default::default()
        }
    }

    fn contract(id: &str, properties: Vec<Property>) -> DataContract {
        DataContract {
            id: id.into(),
            name: id.into(),
            schema: vec![SchemaObject { name: "t".into(), properties, ..Default::default() }],
            ..Default::default()
        }
    }

    fn product(id: &str, reads: &[(&str, &str)], ports: &[(&str, &str)]) -> DataProduct {
        DataProduct {
            id: id.into(),
            name: id.into(),
            input_ports: reads
                .iter()
                .enumerate()
                .map(|(i, (p, o))| InputPort {
                    id: format!("in-{i}"),
                    name: "in".into(),
                    source: InputSource::Product { product: (*p).into(), port: (*o).into() },
                    ..Default::default()
                })
                .collect(),
            output_ports: ports
                .iter()
                .map(|(o, c)| OutputPort {
                    id: (*o).into(),
                    name: (*o).into(),
                    contract: Some(ContractRef { id: (*c).into(), version: "1.0.0".into() }),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    /// A → B → C → use case U; B's second port → D → use case U2; E stands apart.
    fn chain() -> Workspace {
        let mut cust = field("cust", &[]);
        cust.relationships = vec![Relationship { to: "ca/t.id".into(), ..Default::default() }];
        let mut address = field("address", &[]);
        address.properties = vec![field("city", &[])];
        Workspace {
            products: vec![
                product("A", &[], &[("a-out", "ca")]),
                product("B", &[("A", "a-out")], &[("b-out", "cb"), ("b-side", "cb2")]),
                product("C", &[("B", "b-out")], &[("c-out", "cc")]),
                product("D", &[("B", "b-side")], &[("d-out", "cd")]),
                product("E", &[], &[("e-out", "ce")]),
            ],
            contracts: vec![
                contract("ca", vec![field("id", &[]), field("amount", &[]), field("email", &[]), address]),
                contract("cb", vec![field("id", &["ca/t.id"]), field("total", &["ca/t.amount"]), field("town", &["ca/t.address.city"])]),
                contract("cb2", vec![field("n", &[])]),
                contract("cc", vec![field("total", &["cb/t.total"]), cust]),
                contract("cd", vec![field("n", &["cb2/t.n"])]),
                contract("ce", vec![field("x", &[])]),
            ],
            context: Context {
                use_cases: vec![
                    UseCase { id: "U".into(), consumes: vec![PortRef { product: "C".into(), port: "c-out".into() }], ..Default::default() },
                    UseCase { id: "U2".into(), consumes: vec![PortRef { product: "D".into(), port: "d-out".into() }], ..Default::default() },
                ],
                ..Default::default()
            },
            ..Default::default()
        }
    }

    fn ids(hits: &[Hit]) -> Vec<(&str, usize)> {
        hits.iter().map(|h| (h.id.as_str(), h.depth)).collect()
    }

    #[test]
    fn product_reaches_everything_downstream() {
        let i = impact_of(&chain(), "A").unwrap();
        assert_eq!(i.target, Target::Product("A".into()));
        assert_eq!(ids(&i.products), vec![("A", 0), ("B", 1), ("C", 2), ("D", 2)]);
        assert_eq!(ids(&i.use_cases), vec![("U", 3), ("U2", 3)]);
        assert_eq!(ids(&i.contracts), vec![("ca", 0), ("cb", 1), ("cb2", 1), ("cc", 2), ("cd", 2)]);
        assert_eq!(i.ports.len(), 5);
        assert!(!i.is_empty());
    }

    #[test]
    fn contract_walk_starts_from_its_own_ports_only() {
        let i = impact_of(&chain(), "cb").unwrap();
        assert_eq!(ids(&i.products), vec![("B", 0), ("C", 1)]);
        assert_eq!(ids(&i.use_cases), vec![("U", 2)]);
        let ports: Vec<String> = i.ports.iter().map(|p| format!("{}/{}", p.product, p.port)).collect();
        assert_eq!(ports, vec!["B/b-out", "C/c-out"]);
    }

    #[test]
    fn port_walk_follows_that_port_only() {
        let i = impact_of(&chain(), "B/b-side").unwrap();
        assert_eq!(i.target, Target::Port("B/b-side".into()));
        assert_eq!(ids(&i.products), vec![("B", 0), ("D", 1)]);
        assert_eq!(ids(&i.use_cases), vec![("U2", 2)]);
        assert_eq!(ids(&i.contracts), vec![("cb2", 0), ("cd", 1)]);
        assert!(impact_of(&chain(), "B/no-port").is_err());
    }

    #[test]
    fn field_follows_lineage_not_every_reader() {
        let i = impact_of(&chain(), "ca/t.amount").unwrap();
        assert_eq!(ids(&i.fields), vec![("ca/t.amount", 0), ("cb/t.total", 1), ("cc/t.total", 2)]);
        assert_eq!(ids(&i.contracts), vec![("ca", 0), ("cb", 1), ("cc", 2)]);
        assert_eq!(ids(&i.products), vec![("A", 0), ("B", 1), ("C", 2)]);
        assert_eq!(ids(&i.use_cases), vec![("U", 3)]);
        assert_eq!(i.fields[1].via, "derived from ca/t.amount");
    }

    #[test]
    fn a_field_nobody_derives_reaches_only_its_readers() {
        let i = impact_of(&chain(), "ca/t.email").unwrap();
        assert_eq!(ids(&i.fields), vec![("ca/t.email", 0)]);
        assert_eq!(ids(&i.products), vec![("A", 0), ("B", 1)]);
        assert!(i.use_cases.is_empty());
    }

    #[test]
    fn foreign_keys_and_nested_fields_propagate() {
        let i = impact_of(&chain(), "ca/t.id").unwrap();
        assert_eq!(ids(&i.fields), vec![("ca/t.id", 0), ("cb/t.id", 1), ("cc/t.cust", 1)]);
        assert_eq!(i.fields[2].via, "refers to ca/t.id");
        // Changing the parent object property reaches what derives from its child.
        let i = impact_of(&chain(), "ca/t.address").unwrap();
        assert_eq!(ids(&i.fields), vec![("ca/t.address", 0), ("cb/t.town", 1)]);
        let i = impact_of(&chain(), "ca/t.address.city").unwrap();
        assert_eq!(ids(&i.fields), vec![("ca/t.address.city", 0), ("cb/t.town", 1)]);
    }

    #[test]
    fn unknown_targets_are_errors_and_isolated_ones_are_empty() {
        let w = chain();
        for bad in ["nope", "ca/t.nope", "ca/other.id", "zz/t.id", "ca/t", ""] {
            assert_eq!(impact_of(&w, bad), Err(ImpactError::NotFound(bad.into())), "{bad}");
        }
        assert_eq!(resolve(&w, "ca"), Ok(Target::Contract("ca".into())));
        assert!(impact_of(&w, "E").unwrap().is_empty());
        // Analysing an id that is not there (e.g. after an edit) is empty, not a panic.
        assert!(analyse(&w, &Target::Product("gone".into())).products.is_empty());
    }

    #[test]
    fn lineage_cycles_terminate() {
        let mut w = chain();
        w.products[0].input_ports.push(InputPort {
            id: "loop".into(),
            name: "loop".into(),
            source: InputSource::Product { product: "C".into(), port: "c-out".into() },
            ..Default::default()
        });
        w.contracts[0].schema[0].properties[1].transform_source_objects = vec!["cc/t.total".into()];
        let i = impact_of(&w, "A").unwrap();
        assert_eq!(i.products.len(), 4);
        let i = impact_of(&w, "ca/t.amount").unwrap();
        assert_eq!(i.fields.len(), 3);
    }

    #[test]
    fn source_products_of_a_generated_mesh_reach_use_cases() {
        let w = generate(60, 5);
        let source = w.products.iter().find(|p| p.kind == ProductKind::SourceAligned).unwrap();
        let i = impact_of(&w, &source.id).unwrap();
        assert!(i.products.iter().map(|h| h.depth).max().unwrap_or(0) >= 2);
        for p in &w.products {
            let _ = impact_of(&w, &p.id).unwrap();
        }
    }
}
