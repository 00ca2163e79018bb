//! Copy and paste of canvas nodes. Copying takes a [`Fragment`]: the selected products (with
//! the contracts bound to their output ports), source systems and use cases, and where they
//! sat. Pasting turns a fragment into one [`Edit::Batch`] that inserts fresh copies with new,
//! unique ids and names, so one undo takes the whole paste back.
//!
//! References are remapped so the copies hang together the way the originals did: an input
//! port that read a copied product now reads the copy. A reference to something outside the
//! fragment is kept when the workspace pasted into has it, and dropped otherwise (an input
//! port stays, reading nothing), so pasting into another workspace never leaves dangling ids.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::{
    unique_id, CanvasNode, Collection, ContractRef, DataContract, DataProduct, Edit, Id, InputSource, Item, NodeKind,
    Point, PortRef, SourceSystem, UseCase, Workspace,
};

/// The version written into every fragment; a fragment from a newer studio is refused rather
/// than half understood.
pub const CLIPBOARD_VERSION: u32 = 1;
/// The key that marks clipboard text as ours.
pub const CLIPBOARD_KEY: &str = "dpstudio-clipboard";
/// How far each paste lands from the originals (canvas px, right and down).
const PASTE_STEP: f64 = 40.0;
/// Pastes stacked on one spot before giving up looking for a free one.
const MAX_CASCADE: u32 = 50;

/// Copied nodes, ready to paste into any workspace (this one, another tab, another workspace).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fragment {
    #[serde(rename = "dpstudio-clipboard")]
    pub version: u32,
    #[serde(default)]
    pub products: Vec<DataProduct>,
    #[serde(default)]
    pub contracts: Vec<DataContract>,
    #[serde(default)]
    pub source_systems: Vec<SourceSystem>,
    #[serde(default)]
    pub use_cases: Vec<UseCase>,
    /// Canvas positions of the copied nodes, by their layout key where they were copied.
    #[serde(default)]
    pub positions: BTreeMap<String, Point>,
}

/// Why clipboard text could not be pasted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClipboardError {
    /// Not a fragment at all (plain text, some other JSON): nothing to paste.
    NotOurs,
    /// Written by a newer version of the studio.
    Newer(u64),
    /// Marked as ours but unreadable.
    Damaged(String),
}

impl std::fmt::Display for ClipboardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClipboardError::NotOurs => write!(f, "the clipboard holds no Data Product Studio nodes"),
            ClipboardError::Newer(v) => write!(f, "the copied nodes come from a newer Data Product Studio (clipboard format {v})"),
            ClipboardError::Damaged(why) => write!(f, "the copied nodes could not be read: {why}"),
        }
    }
}

/// What a paste does: the edit to apply and the nodes it creates (to select them).
#[derive(Debug, Clone, PartialEq)]
pub struct Pasted {
    pub edit: Edit,
    pub nodes: Vec<CanvasNode>,
}

impl Fragment {
    /// The nodes of `selection` that `workspace` has, in workspace order, with the contracts
    /// bound to the copied products' output ports and the nodes' positions.
    pub fn collect(workspace: &Workspace, selection: &[CanvasNode]) -> Fragment {
        let picked = |kind: NodeKind, id: &Id| selection.iter().any(|n| n.kind == kind && &n.id == id);
        let products: Vec<DataProduct> =
            workspace.products.iter().filter(|p| picked(NodeKind::Product, &p.id)).cloned().collect();
        let bound: BTreeSet<&Id> =
            products.iter().flat_map(|p| &p.output_ports).filter_map(|o| o.contract.as_ref().map(|c| &c.id)).collect();
        let contracts = workspace.contracts.iter().filter(|c| bound.contains(&c.id)).cloned().collect();
        let context = &workspace.context;
        let source_systems = context.source_systems.iter().filter(|s| picked(NodeKind::System, &s.id)).cloned().collect();
        let use_cases = context.use_cases.iter().filter(|u| picked(NodeKind::UseCase, &u.id)).cloned().collect();
        let positions = selection
            .iter()
            .filter_map(|n| workspace.layout.nodes.get(&n.key()).map(|p| (n.key(), *p)))
            .collect();
        Fragment { version: CLIPBOARD_VERSION, products, contracts, source_systems, use_cases, positions }
    }

    /// True when there is no node to paste (contracts alone are never copied).
    pub fn is_empty(&self) -> bool {
        self.products.is_empty() && self.source_systems.is_empty() && self.use_cases.is_empty()
    }

    /// The fragment as clipboard text.
    pub fn to_json(&self) -> String {
        // Plain data with string keys: serialising it cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads clipboard text; anything that is not a fragment is [`ClipboardError::NotOurs`].
    pub fn from_json(text: &str) -> Result<Fragment, ClipboardError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ClipboardError::NotOurs)?;
        let Some(version) = value.get(CLIPBOARD_KEY) else { return Err(ClipboardError::NotOurs) };
        match version.as_u64() {
            Some(v) if v > u64::from(CLIPBOARD_VERSION) => return Err(ClipboardError::Newer(v)),
            Some(_) => {}
            None => return Err(ClipboardError::Damaged(format!("'{CLIPBOARD_KEY}' is not a version number"))),
        }
        // From the text again, not from `value`: the model's deserialisers exist once, for text;
        // `from_value` compiled every one of them a second time (34 KB gzip in the app).
        serde_json::from_str(text).map_err(|e| ClipboardError::Damaged(e.to_string()))
    }

    /// The smallest step of [`PASTE_STEP`] right and down at which none of the pasted nodes
    /// lands exactly on a node already there: pasting again cascades instead of stacking.
    pub fn free_offset(&self, workspace: &Workspace) -> Point {
        let occupied = |p: Point| workspace.layout.nodes.values().any(|q| (q.x - p.x).abs() < 0.5 && (q.y - p.y).abs() < 0.5);
        let step = |k: u32| Point { x: PASTE_STEP * f64::from(k), y: PASTE_STEP * f64::from(k) };
        (1..=MAX_CASCADE)
            .map(step)
            .find(|d| !self.positions.values().any(|p| occupied(Point { x: p.x + d.x, y: p.y + d.y })))
            .unwrap_or(step(1))
    }

    /// The edit that pastes the fragment into `workspace`, every node moved by `offset`;
    /// `None` when there is nothing to paste.
    pub fn paste(&self, workspace: &Workspace, offset: Point) -> Option<Pasted> {
        if self.is_empty() {
            return None;
        }
        let mut fresh = Fresh::new(workspace);
        let products: BTreeMap<Id, Id> = self.products.iter().map(|p| (p.id.clone(), fresh.product(&p.name))).collect();
        let systems: BTreeMap<Id, Id> = self.source_systems.iter().map(|s| (s.id.clone(), fresh.system(&s.name))).collect();
        let use_cases: BTreeMap<Id, Id> = self.use_cases.iter().map(|u| (u.id.clone(), fresh.use_case(&u.name))).collect();
        let contracts: BTreeMap<Id, Id> = self.contracts.iter().map(|c| (c.id.clone(), fresh.contract(&c.name))).collect();
        let remap = Remap { workspace, products: &products, systems: &systems, use_cases: &use_cases, contracts: &contracts };

        let mut items = Vec::new();
        items.extend(self.source_systems.iter().map(|s| Item::SourceSystem(remap.system(s, &fresh))));
        items.extend(self.contracts.iter().map(|c| Item::Contract(remap.contract(c, &fresh))));
        items.extend(self.products.iter().map(|p| Item::Product(remap.product(p, &fresh))));
        items.extend(self.use_cases.iter().map(|u| Item::UseCase(remap.use_case(u, &fresh))));

        let mut appended = BTreeMap::<Collection, usize>::new();
        let mut edits: Vec<Edit> = items
            .into_iter()
            .map(|item| {
                let collection = item.collection();
                let slot = appended.entry(collection).or_default();
                let index = collection.len(workspace) + *slot;
                *slot += 1;
                Edit::Insert { index, item }
            })
            .collect();

        let copies = [(NodeKind::Product, &products), (NodeKind::System, &systems), (NodeKind::UseCase, &use_cases)];
        let nodes: Vec<CanvasNode> = copies
            .iter()
            .flat_map(|(kind, map)| map.values().map(|id| CanvasNode::new(*kind, id.clone())))
            .collect();
        let placed: Vec<(String, Option<Point>)> = copies
            .iter()
            .flat_map(|(kind, map)| map.iter().map(move |(old, new)| (CanvasNode::new(*kind, old.clone()), CanvasNode::new(*kind, new.clone()))))
            .filter_map(|(old, new)| {
                let at = self.positions.get(&old.key())?;
                Some((new.key(), Some(Point { x: at.x + offset.x, y: at.y + offset.y })))
            })
            .collect();
        if !placed.is_empty() {
            edits.push(Edit::SetNodes(placed));
        }
        Some(Pasted { edit: Edit::Batch(edits), nodes })
    }
}

/// Unique names and ids for the copies: unique against the workspace and each other.
struct Fresh {
    names: BTreeMap<Collection, BTreeSet<String>>,
    ids: BTreeMap<Collection, BTreeSet<Id>>,
    /// The name given to each new id.
    given: BTreeMap<(Collection, Id), String>,
}

impl Fresh {
    fn new(w: &Workspace) -> Fresh {
        let mut fresh = Fresh { names: BTreeMap::new(), ids: BTreeMap::new(), given: BTreeMap::new() };
        let c = &w.context;
        let existing = [
            (Collection::Products, w.products.iter().map(|x| (x.id.clone(), x.name.clone())).collect::<Vec<_>>()),
            (Collection::Contracts, w.contracts.iter().map(|x| (x.id.clone(), x.name.clone())).collect()),
            (Collection::SourceSystems, c.source_systems.iter().map(|x| (x.id.clone(), x.name.clone())).collect()),
            (Collection::UseCases, c.use_cases.iter().map(|x| (x.id.clone(), x.name.clone())).collect()),
        ];
        for (collection, entries) in existing {
            for (id, name) in entries {
                fresh.ids.entry(collection).or_default().insert(id);
                fresh.names.entry(collection).or_default().insert(name);
            }
        }
        fresh
    }

    fn product(&mut self, name: &str) -> Id {
        self.take(Collection::Products, name)
    }

    fn system(&mut self, name: &str) -> Id {
        self.take(Collection::SourceSystems, name)
    }

    fn use_case(&mut self, name: &str) -> Id {
        self.take(Collection::UseCases, name)
    }

    fn contract(&mut self, name: &str) -> Id {
        self.take(Collection::Contracts, name)
    }

    /// Reserves a copy name ("Orders (copy)", "Orders (copy 2)", …) and an id made from it.
    fn take(&mut self, collection: Collection, name: &str) -> Id {
        let names = self.names.entry(collection).or_default();
        let base = without_copy_suffix(name);
        let copy_name = std::iter::once(format!("{base} (copy)"))
            .chain((2u32..).map(|n| format!("{base} (copy {n})")))
            .find(|candidate| !names.contains(candidate))
            .unwrap_or_else(|| format!("{base} (copy)"));
        names.insert(copy_name.clone());
        let ids = self.ids.entry(collection).or_default();
        let id = unique_id(&copy_name, ids.iter().map(String::as_str));
        ids.insert(id.clone());
        self.given.insert((collection, id.clone()), copy_name);
        id
    }

    fn name(&self, collection: Collection, id: &Id) -> String {
        self.given.get(&(collection, id.clone())).cloned().unwrap_or_default()
    }
}

/// `Orders` for `Orders (copy)` or `Orders (copy 3)`, so a copy of a copy is not
/// "Orders (copy) (copy)".
fn without_copy_suffix(name: &str) -> &str {
    let Some(open) = name.rfind(" (copy") else { return name };
    let rest = &name[open + " (copy".len()..];
    let Some(inside) = rest.strip_suffix(')') else { return name };
    let numbered = inside.strip_prefix(' ').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if inside.is_empty() || numbered {
        &name[..open]
    } else {
        name
    }
}

/// Rewrites the references of copied entities: to the copies where the target was copied too,
/// kept where the workspace has the target, dropped otherwise.
struct Remap<'a> {
    workspace: &'a Workspace,
    products: &'a BTreeMap<Id, Id>,
    systems: &'a BTreeMap<Id, Id>,
    use_cases: &'a BTreeMap<Id, Id>,
    contracts: &'a BTreeMap<Id, Id>,
}

impl Remap<'_> {
    fn domain(&self, id: &Option<Id>) -> Option<Id> {
        id.clone().filter(|d| self.workspace.context.domains.iter().any(|x| &x.id == d))
    }

    fn team(&self, id: &Option<Id>) -> Option<Id> {
        id.clone().filter(|t| self.workspace.context.teams.iter().any(|x| &x.id == t))
    }

    fn product_id(&self, id: &Id) -> Option<Id> {
        match self.products.get(id) {
            Some(copy) => Some(copy.clone()),
            None => self.workspace.product(id).map(|p| p.id.clone()),
        }
    }

    /// A reference to one output port, or `None` when neither a copy nor the workspace has it.
    fn port(&self, product: &Id, port: &Id) -> Option<PortRef> {
        if let Some(copy) = self.products.get(product) {
            return Some(PortRef { product: copy.clone(), port: port.clone() });
        }
        let exists = self.workspace.product(product).is_some_and(|p| p.output_port(port).is_some());
        exists.then(|| PortRef { product: product.clone(), port: port.clone() })
    }

    fn contract_ref(&self, reference: &Option<ContractRef>) -> Option<ContractRef> {
        let reference = reference.as_ref()?;
        match self.contracts.get(&reference.id) {
            Some(copy) => Some(ContractRef { id: copy.clone(), version: reference.version.clone() }),
            None => self.workspace.contract(&reference.id).map(|_| reference.clone()),
        }
    }

    fn source(&self, source: &InputSource) -> InputSource {
        let unbound = InputSource::default();
        match source {
            InputSource::Product { product, port } => match self.port(product, port) {
                Some(PortRef { product, port }) => InputSource::Product { product, port },
                None => unbound,
            },
            InputSource::System { system } => match self.systems.get(system) {
                Some(copy) => InputSource::System { system: copy.clone() },
                None if self.workspace.context.source_systems.iter().any(|s| &s.id == system) => source.clone(),
                None => unbound,
            },
        }
    }

    fn product(&self, original: &DataProduct, fresh: &Fresh) -> DataProduct {
        let mut p = original.clone();
        p.id = self.products.get(&original.id).cloned().unwrap_or_default();
        p.name = fresh.name(Collection::Products, &p.id);
        p.domain = self.domain(&p.domain);
        p.owner_team = self.team(&p.owner_team);
        for input in &mut p.input_ports {
            input.source = self.source(&input.source);
            input.contract = self.contract_ref(&input.contract);
        }
        for output in &mut p.output_ports {
            output.contract = self.contract_ref(&output.contract);
        }
        p
    }

    fn contract(&self, original: &DataContract, fresh: &Fresh) -> DataContract {
        let mut c = original.clone();
        c.id = self.contracts.get(&original.id).cloned().unwrap_or_default();
        c.name = fresh.name(Collection::Contracts, &c.id);
        c.data_product = c.data_product.as_ref().and_then(|p| self.product_id(p));
        c.domain = self.domain(&c.domain);
        c.team = self.team(&c.team);
        c
    }

    fn system(&self, original: &SourceSystem, fresh: &Fresh) -> SourceSystem {
        let mut s = original.clone();
        s.id = self.systems.get(&original.id).cloned().unwrap_or_default();
        s.name = fresh.name(Collection::SourceSystems, &s.id);
        s.domain = self.domain(&s.domain);
        s
    }

    fn use_case(&self, original: &UseCase, fresh: &Fresh) -> UseCase {
        let mut u = original.clone();
        u.id = self.use_cases.get(&original.id).cloned().unwrap_or_default();
        u.name = fresh.name(Collection::UseCases, &u.id);
        u.consumes = u.consumes.iter().filter_map(|r| self.port(&r.product, &r.port)).collect();
        u
    }
}

#[cfg(test)]
mod tests;
