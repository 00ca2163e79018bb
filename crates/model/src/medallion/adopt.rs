//! Accepted proposals into the workspace as one undoable edit: their domains and source
//! systems (reusing ones the workspace already has by name), the products with input and output
//! ports, one contract per product whose schema holds its tables' columns as typed properties
//! with column lineage, and canvas positions laid out beside what is already drawn.

use std::collections::HashMap;

use super::inventory::{Inventory, Table};
use super::propose::Proposal;
use super::sql_types::logical_type;
use crate::{
    auto_layout, unique_id, Collection, ContractDescription, ContractRef, DataContract, DataProduct, Domain, Edit, Id,
    InputPort, InputSource, Item, NodeKind, OutputPort, PortKind, Property, SchemaObject, SourceSystem, Status, Workspace,
};

/// What adopting proposals adds, and the edit that adds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Adoption {
    /// One batch: undo takes all of it back.
    pub edit: Edit,
    pub products: Vec<Id>,
    pub contracts: Vec<Id>,
    /// Domains and source systems created (existing ones reused are not listed).
    pub domains: Vec<Id>,
    pub systems: Vec<Id>,
}

/// Horizontal room left between what the canvas already shows and the adopted products.
const BESIDE_GAP: f64 = 200.0;

/// Builds the edit that adds the proposals marked in `accepted` (same order as `proposals`).
/// A proposal that is not accepted is skipped over in lineage: what read it reads what it
/// would have read. `size` gives a node's width and height as the canvas draws it, from the
/// workspace that holds the node (the open one, or one holding only what is added).
pub fn adopt(
    ws: &Workspace,
    inventory: &Inventory,
    proposals: &[Proposal],
    accepted: &[bool],
    size: impl Fn(&Workspace, NodeKind, &str) -> (f64, f64),
) -> Adoption {
    let is_accepted = |i: usize| accepted.get(i).copied().unwrap_or(false);
    let mut taken = Taken::of(ws);
    let mut new = Workspace::default();

    // Domains by name, existing ones reused.
    let mut domain_ids: HashMap<String, Id> = HashMap::new();
    for p in proposals.iter().enumerate().filter(|(i, _)| is_accepted(*i)).map(|(_, p)| p) {
        let name = p.domain.trim();
        if name.is_empty() || domain_ids.contains_key(&name.to_lowercase()) {
            continue;
        }
        let id = match ws.context.domains.iter().find(|d| d.name.eq_ignore_ascii_case(name) || d.id == name) {
            Some(existing) => existing.id.clone(),
            None => {
                let id = unique_id(name, taken.domains.iter().map(String::as_str));
                taken.domains.push(id.clone());
                new.context.domains.push(Domain { id: id.clone(), name: name.to_owned(), ..Default::default() });
                id
            }
        };
        domain_ids.insert(name.to_lowercase(), id);
    }
    let domain_of = |p: &Proposal| domain_ids.get(&p.domain.trim().to_lowercase()).cloned();

    // Product and contract ids first, so ports can point at upstream products in any order.
    let mut ids: HashMap<usize, (Id, Id)> = HashMap::new();
    for (i, p) in proposals.iter().enumerate().filter(|(i, _)| is_accepted(*i)) {
        let product = unique_id(&p.name, taken.products.iter().map(String::as_str));
        taken.products.push(product.clone());
        let contract = unique_id(&p.name, taken.contracts.iter().map(String::as_str));
        taken.contracts.push(contract.clone());
        ids.insert(i, (product, contract));
    }

    let mut system_ids: HashMap<String, Id> = HashMap::new();
    for (i, p) in proposals.iter().enumerate() {
        let Some((product_id, contract_id)) = ids.get(&i).cloned() else { continue };
        let (upstream, systems) = upstream_of(i, proposals, &is_accepted);
        let mut input_ports = Vec::new();
        for system in systems {
            let id = match system_ids.get(&system.to_lowercase()) {
                Some(id) => id.clone(),
                None => {
                    let id = match ws.context.source_systems.iter().find(|s| s.name.eq_ignore_ascii_case(&system)) {
                        Some(existing) => existing.id.clone(),
                        None => {
                            let id = unique_id(&system, taken.systems.iter().map(String::as_str));
                            taken.systems.push(id.clone());
                            new.context.source_systems.push(SourceSystem {
                                id: id.clone(),
                                name: system.clone(),
                                description: "Inferred from the names of its bronze tables.".to_owned(),
                                domain: domain_of(p),
                                ..Default::default()
                            });
                            id
                        }
                    };
                    system_ids.insert(system.to_lowercase(), id.clone());
                    id
                }
            };
            input_ports.push(InputPort {
                id: format!("from-{id}"),
                name: format!("Reads {system}"),
                source: InputSource::System { system: id },
                ..Default::default()
            });
        }
        for &u in &upstream {
            let Some((up_product, up_contract)) = ids.get(&u) else { continue };
            input_ports.push(InputPort {
                id: format!("from-{up_product}"),
                name: format!("Reads {}", proposals[u].name),
                source: InputSource::Product { product: up_product.clone(), port: up_contract.clone() },
                contract: Some(ContractRef { id: up_contract.clone(), version: crate::product::default_version() }),
                ..Default::default()
            });
        }
        let upstream_tables: Vec<(&Id, &Table)> = upstream
            .iter()
            .filter_map(|u| ids.get(u).map(|(_, c)| (c, *u)))
            .flat_map(|(c, u)| proposals[u].tables.iter().filter_map(|&t| inventory.tables.get(t)).map(move |t| (c, t)))
            .collect();
        let tables: Vec<&Table> = p.tables.iter().filter_map(|&t| inventory.tables.get(t)).collect();
        let listed: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        new.contracts.push(DataContract {
            id: contract_id.clone(),
            name: p.name.clone(),
            status: Status::Proposed,
            domain: domain_of(p),
            data_product: Some(product_id.clone()),
            description: ContractDescription::default(),
            schema: schema(&tables, &upstream_tables),
            ..Default::default()
        });
        new.products.push(DataProduct {
            id: product_id.clone(),
            name: p.name.clone(),
            version: crate::product::default_version(),
            status: Status::Proposed,
            kind: p.kind,
            domain: domain_of(p),
            description: format!("Proposed from the Medallion tables {}.", listed.join(", ")),
            input_ports,
            output_ports: vec![OutputPort {
                id: contract_id.clone(),
                name: p.name.clone(),
                kind: PortKind::Table,
                contract: Some(ContractRef { id: contract_id.clone(), version: crate::product::default_version() }),
                ..Default::default()
            }],
            ..Default::default()
        });
    }

    let nodes = positions(ws, &new, size);
    let mut edits = Vec::new();
    let mut inserted: HashMap<Collection, usize> = HashMap::new();
    let mut insert_all = |items: Vec<Item>| {
        for item in items {
            let slot = inserted.entry(item.collection()).or_default();
            edits.push(Edit::Insert { index: item.collection().len(ws) + *slot, item });
            *slot += 1;
        }
    };
    insert_all(new.context.domains.iter().cloned().map(Item::Domain).collect());
    insert_all(new.context.source_systems.iter().cloned().map(Item::SourceSystem).collect());
    insert_all(new.contracts.iter().cloned().map(Item::Contract).collect());
    insert_all(new.products.iter().cloned().map(Item::Product).collect());
    if !nodes.is_empty() {
        edits.push(Edit::SetNodes(nodes));
    }
    Adoption {
        edit: Edit::Batch(edits),
        products: new.products.iter().map(|p| p.id.clone()).collect(),
        contracts: new.contracts.iter().map(|c| c.id.clone()).collect(),
        domains: new.context.domains.iter().map(|d| d.id.clone()).collect(),
        systems: new.context.source_systems.iter().map(|s| s.id.clone()).collect(),
    }
}

/// Ids already used in the workspace, and those handed out so far.
struct Taken {
    products: Vec<Id>,
    contracts: Vec<Id>,
    domains: Vec<Id>,
    systems: Vec<Id>,
}

impl Taken {
    fn of(ws: &Workspace) -> Taken {
        let ids = |c: Collection| (0..c.len(ws)).filter_map(|i| c.id_at(ws, i).map(str::to_owned)).collect();
        Taken { products: ids(Collection::Products), contracts: ids(Collection::Contracts), domains: ids(Collection::Domains), systems: ids(Collection::SourceSystems) }
    }
}

/// The accepted proposals `i` reads, and the source systems it reads, looking through
/// proposals that are not accepted to what they read.
fn upstream_of(i: usize, proposals: &[Proposal], is_accepted: &impl Fn(usize) -> bool) -> (Vec<usize>, Vec<String>) {
    let mut products = Vec::new();
    let mut systems = Vec::new();
    if let Some(system) = proposals.get(i).and_then(|p| p.source_system.clone()) {
        systems.push(system);
    }
    let mut seen = vec![i];
    let mut queue: Vec<usize> = proposals.get(i).map(|p| p.reads.clone()).unwrap_or_default();
    while let Some(u) = queue.pop() {
        if seen.contains(&u) || u >= proposals.len() {
            continue;
        }
        seen.push(u);
        if is_accepted(u) {
            products.push(u);
        } else {
            if let Some(system) = proposals[u].source_system.clone() {
                if !systems.contains(&system) {
                    systems.push(system);
                }
            }
            queue.extend(proposals[u].reads.iter().copied());
        }
    }
    products.sort_unstable();
    (products, systems)
}

/// One schema object per table; a column named as a column of an upstream table records that
/// table's field as its source (`contract/object.column`). Object names repeat only when one
/// product holds two tables of the same name in different schemas: the first keeps the name,
/// and lineage points at it.
fn schema(tables: &[&Table], upstream: &[(&Id, &Table)]) -> Vec<SchemaObject> {
    let mut objects: Vec<SchemaObject> = Vec::new();
    for table in tables {
        let name = unique_object_name(&objects, table.table_name());
        let properties = table
            .columns
            .iter()
            .map(|column| Property {
                name: column.name.clone(),
                logical_type: logical_type(&column.sql_type).to_owned(),
                physical_type: column.sql_type.clone(),
                required: column.required,
                primary_key: column.primary_key,
                primary_key_position: None,
                transform_source_objects: upstream
                    .iter()
                    .filter(|(_, up)| up.columns.iter().any(|c| c.name == column.name))
                    .map(|(contract, up)| format!("{contract}/{}.{}", up.table_name(), column.name))
                    .collect(),
                ..Default::default()
            })
            .collect();
        objects.push(SchemaObject {
            name,
            physical_name: table.name.clone(),
            physical_type: "table".to_owned(),
            properties,
            ..Default::default()
        });
    }
    objects
}

fn unique_object_name(objects: &[SchemaObject], wanted: &str) -> String {
    let mut name = wanted.to_owned();
    let mut n = 2;
    while objects.iter().any(|o| o.name == name) {
        name = format!("{wanted}_{n}");
        n += 1;
    }
    name
}

/// Positions for the new nodes: laid out by lineage on their own, then moved right of
/// everything the canvas already shows. Nodes that are already placed keep their place.
fn positions(ws: &Workspace, new: &Workspace, size: impl Fn(&Workspace, NodeKind, &str) -> (f64, f64)) -> Vec<(String, Option<crate::Point>)> {
    // The layout groups a column's nodes by domain in the declared order: declaring the
    // workspace's domains first stacks the new products' domains in the order the canvas
    // already shows them, so each domain's frame stays one band.
    let mut scratch = new.clone();
    scratch.context.domains = ws.context.domains.iter().chain(&new.context.domains).cloned().collect();
    let laid = auto_layout(&scratch, |kind, id| size(new, kind, id));
    let mut right = f64::NEG_INFINITY;
    let mut top = f64::INFINITY;
    for (key, point) in &ws.layout.nodes {
        let width = key.split_once(':').and_then(|(kind, id)| kind_of(kind).map(|k| size(ws, k, id).0)).unwrap_or(0.0);
        right = right.max(point.x + width);
        top = top.min(point.y);
    }
    let (dx, dy) = if right.is_finite() && top.is_finite() { (right + BESIDE_GAP, top) } else { (0.0, 0.0) };
    laid.into_iter()
        .filter(|(key, _)| !ws.layout.nodes.contains_key(key))
        .map(|(key, p)| (key, Some(crate::Point { x: p.x + dx, y: p.y + dy })))
        .collect()
}

fn kind_of(prefix: &str) -> Option<NodeKind> {
    [NodeKind::Product, NodeKind::System, NodeKind::UseCase, NodeKind::Contract].into_iter().find(|k| k.prefix() == prefix)
}
