//! Incremental checking: keep each product's and contract's diagnostics, and after an edit
//! re-run only the entities the edit can have affected, plus the cheap workspace rules.
//!
//! Product and contract rules read only the entity, the entities whose ids it names and
//! whether context ids exist (see [`crate::engine::Check`]). So after an edit of entity X the
//! entities to re-run are: X; every entity that names X ("readers", kept as a reverse map);
//! every entity X named before or after the edit (their "is read / is used" facts may have
//! changed); and, for a context edit, the readers of every context id that appeared or vanished.
//!
//! Cost of an update: rebuilding the index and the workspace rules, O(products + ports +
//! contracts + context) with no schema property read, plus the re-run entities, plus a linear
//! merge into the sorted result. A context edit that removes a widely linked glossary term
//! re-checks every contract linking to it, which can approach a full check.

use dpstudio_model::{DataContract, DataProduct, Id, InputSource, Touched, Workspace};

use crate::diagnostic::Diagnostic;
use crate::engine::{diagnostic_order, run_contract_rules, run_product_rules, run_workspace_rules};
use crate::hash::{FastMap, FastSet};
use crate::index::{split_at_byte, Index};

/// What an edit touched. Give the ids before *and* after the edit when an id was renamed, and
/// both ids when a product and a contract changed together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    pub products: Vec<Id>,
    pub contracts: Vec<Id>,
    /// Domains, teams, glossary, semantic model, use cases or source systems changed.
    pub context: bool,
}

impl Change {
    pub fn product(id: impl Into<Id>) -> Self {
        Change { products: vec![id.into()], ..Default::default() }
    }

    pub fn contract(id: impl Into<Id>) -> Self {
        Change { contracts: vec![id.into()], ..Default::default() }
    }

    pub fn context() -> Self {
        Change { context: true, ..Default::default() }
    }
}

/// From what an [`dpstudio_model::Edit`] reports. For an edit that renames an id, merge the
/// edit's and its inverse's `Touched` so both ids are included. Name, description and layout
/// changes need no re-check (no rule reads them).
impl From<&Touched> for Change {
    fn from(touched: &Touched) -> Self {
        Change {
            products: touched.products.iter().cloned().collect(),
            contracts: touched.contracts.iter().cloned().collect(),
            context: !touched.context.is_empty(),
        }
    }
}

/// Something an entity's rules read: another entity, or the existence of a context id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Product(String),
    Contract(String),
    Domain(String),
    Team(String),
    Glossary(String),
    /// A metric or a measure id.
    Metric(String),
    System(String),
    /// "Some use case consumes this product id."
    Consumed(String),
}

impl Key {
    fn is_entity(&self) -> bool {
        matches!(self, Key::Product(_) | Key::Contract(_))
    }
}

/// Slot 0 owns the workspace rules' diagnostics; other slots are products and contracts.
const WORKSPACE_SLOT: u32 = 0;

/// Holds the last result and what each entity depends on; see the module docs.
pub struct Checker {
    /// Owner key → slot number, so ownership of each diagnostic is a cheap integer.
    slots: FastMap<Key, u32>,
    /// Slot → owner key (index 0, the workspace, has none).
    keys: Vec<Option<Key>>,
    deps: FastMap<u32, Vec<Key>>,
    readers: FastMap<Key, FastSet<u32>>,
    context: FastSet<Key>,
    /// The result, sorted as [`crate::check`] sorts, and each diagnostic's owning slot.
    sorted: Vec<Diagnostic>,
    owners: Vec<u32>,
}

impl Checker {
    /// Checks the whole workspace and remembers what each entity depends on.
    pub fn new(workspace: &Workspace) -> Self {
        // Sized up front: growing the tables while filling them costs more than the filling.
        let entities = workspace.products.len() + workspace.contracts.len();
        let mut keys = Vec::with_capacity(entities + 1);
        keys.push(None);
        let mut checker = Checker {
            slots: FastMap::with_capacity_and_hasher(entities, Default::default()),
            keys,
            deps: FastMap::with_capacity_and_hasher(entities, Default::default()),
            readers: FastMap::with_capacity_and_hasher(entities, Default::default()),
            context: context_keys(workspace),
            sorted: Vec::new(),
            owners: Vec::new(),
        };
        let index = Index::new(workspace);
        let mut fresh = Vec::new();
        run_workspace_rules(&index, &mut fresh);
        let mut owned: Vec<(u32, Diagnostic)> = fresh.into_iter().map(|d| (WORKSPACE_SLOT, d)).collect();
        let mut new_deps: FastMap<u32, Vec<Key>> = FastMap::with_capacity_and_hasher(entities, Default::default());
        // Contracts first, as `check` does: their schema walks fill the index's tables that
        // the product rules then read, instead of the products building them lazily.
        for contract in &workspace.contracts {
            let slot = checker.slot(Key::Contract(contract.id.clone()));
            checker.run_contract(&index, contract, slot, &mut owned, &mut new_deps);
        }
        for product in &workspace.products {
            let slot = checker.slot(Key::Product(product.id.clone()));
            checker.run_product(&index, product, slot, &mut owned, &mut new_deps);
        }
        for (slot, keys) in new_deps {
            checker.set_deps(slot, keys);
        }
        owned.sort_by(|a, b| diagnostic_order(&a.1, &b.1));
        (checker.owners, checker.sorted) = owned.into_iter().unzip();
        checker
    }

    /// The current diagnostics, equal to what [`crate::check`] returns for the workspace last
    /// passed in.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.sorted
    }

    /// Brings the result up to date after an edit of `workspace` described by `change`.
    pub fn update(&mut self, workspace: &Workspace, change: &Change) {
        let index = Index::new(workspace);
        let mut dirty: FastSet<u32> = FastSet::default();
        let changed = change
            .products
            .iter()
            .map(|id| Key::Product(id.clone()))
            .chain(change.contracts.iter().map(|id| Key::Contract(id.clone())));
        for key in changed {
            let slot = self.slot(key.clone());
            dirty.insert(slot);
            self.mark_readers(&key, &mut dirty);
            // The entities it named before the edit; those it names after are added below.
            let named: Vec<Key> = self.deps.get(&slot).into_iter().flatten().filter(|k| k.is_entity()).cloned().collect();
            for k in named {
                dirty.insert(self.slot(k));
            }
            match &key {
                Key::Product(id) => {
                    for p in index.products_with_id(id) {
                        for k in product_deps(&index, p).into_iter().filter(Key::is_entity) {
                            dirty.insert(self.slot(k));
                        }
                    }
                }
                Key::Contract(id) => {
                    for c in index.contracts_with_id(id) {
                        for k in contract_deps(c).into_iter().filter(Key::is_entity) {
                            dirty.insert(self.slot(k));
                        }
                    }
                }
                _ => {}
            }
        }
        if change.context {
            let context = context_keys(workspace);
            let appeared_or_vanished: Vec<Key> =
                context.symmetric_difference(&self.context).cloned().collect();
            for key in &appeared_or_vanished {
                self.mark_readers(key, &mut dirty);
            }
            self.context = context;
        }

        let mut fresh = Vec::new();
        run_workspace_rules(&index, &mut fresh);
        let mut owned: Vec<(u32, Diagnostic)> = fresh.into_iter().map(|d| (WORKSPACE_SLOT, d)).collect();
        let mut new_deps: FastMap<u32, Vec<Key>> = FastMap::default();
        for &slot in &dirty {
            match self.keys.get(slot as usize).and_then(Option::as_ref) {
                Some(Key::Product(id)) => {
                    for product in index.products_with_id(id) {
                        self.run_product(&index, product, slot, &mut owned, &mut new_deps);
                    }
                }
                Some(Key::Contract(id)) => {
                    for contract in index.contracts_with_id(id) {
                        self.run_contract(&index, contract, slot, &mut owned, &mut new_deps);
                    }
                }
                _ => {}
            }
        }
        for &slot in &dirty {
            let keys = new_deps.remove(&slot).unwrap_or_default();
            self.set_deps(slot, keys);
        }
        owned.sort_by(|a, b| diagnostic_order(&a.1, &b.1));
        self.merge(&dirty, owned);
    }

    fn run_product(
        &self,
        index: &Index,
        product: &DataProduct,
        slot: u32,
        owned: &mut Vec<(u32, Diagnostic)>,
        new_deps: &mut FastMap<u32, Vec<Key>>,
    ) {
        let mut out = Vec::new();
        run_product_rules(index, product, &mut out);
        owned.extend(out.into_iter().map(|d| (slot, d)));
        new_deps.entry(slot).or_default().extend(product_deps(index, product));
    }

    fn run_contract<'w>(
        &self,
        index: &Index<'w>,
        contract: &'w DataContract,
        slot: u32,
        owned: &mut Vec<(u32, Diagnostic)>,
        new_deps: &mut FastMap<u32, Vec<Key>>,
    ) {
        let mut out = Vec::new();
        run_contract_rules(index, contract, &mut out);
        owned.extend(out.into_iter().map(|d| (slot, d)));
        new_deps.entry(slot).or_default().extend(contract_deps(contract));
    }

    fn slot(&mut self, key: Key) -> u32 {
        if let Some(&slot) = self.slots.get(&key) {
            return slot;
        }
        let slot = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.keys.push(Some(key.clone()));
        self.slots.insert(key, slot);
        slot
    }

    fn mark_readers(&self, key: &Key, dirty: &mut FastSet<u32>) {
        if let Some(readers) = self.readers.get(key) {
            dirty.extend(readers.iter().copied());
        }
    }

    /// Replaces `slot`'s dependencies and keeps the reverse map in step.
    fn set_deps(&mut self, slot: u32, mut keys: Vec<Key>) {
        keys.sort_unstable();
        keys.dedup();
        if let Some(old) = self.deps.remove(&slot) {
            for key in old {
                if let Some(set) = self.readers.get_mut(&key) {
                    set.remove(&slot);
                    if set.is_empty() {
                        self.readers.remove(&key);
                    }
                }
            }
        }
        for key in &keys {
            // Most keys (shared glossary terms, upstream contracts) already have readers:
            // look up by reference first and copy the key only when it is new.
            match self.readers.get_mut(key) {
                Some(readers) => {
                    readers.insert(slot);
                }
                None => {
                    self.readers.insert(key.clone(), FastSet::from_iter([slot]));
                }
            }
        }
        if !keys.is_empty() {
            self.deps.insert(slot, keys);
        }
    }

    /// Drops the workspace's and the dirty entities' old diagnostics and merges in the new,
    /// already sorted ones, keeping the whole list sorted without sorting it again.
    fn merge(&mut self, dirty: &FastSet<u32>, fresh: Vec<(u32, Diagnostic)>) {
        let old_sorted = std::mem::take(&mut self.sorted);
        let old_owners = std::mem::take(&mut self.owners);
        let mut kept = old_owners
            .into_iter()
            .zip(old_sorted)
            .filter(|(slot, _)| *slot != WORKSPACE_SLOT && !dirty.contains(slot))
            .peekable();
        let mut fresh = fresh.into_iter().peekable();
        let mut owners = Vec::with_capacity(self.owners.capacity());
        let mut sorted = Vec::new();
        loop {
            let take_kept = match (kept.peek(), fresh.peek()) {
                (Some(a), Some(b)) => diagnostic_order(&a.1, &b.1).is_le(),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let next = if take_kept { kept.next() } else { fresh.next() };
            if let Some((slot, d)) = next {
                owners.push(slot);
                sorted.push(d);
            }
        }
        self.owners = owners;
        self.sorted = sorted;
    }
}

/// What a product's rules may read (see `engine::Check`): its context ids, the products and
/// contracts its ports name, and the contracts bound to the upstream ports it reads.
fn product_deps(index: &Index, product: &DataProduct) -> Vec<Key> {
    let mut keys = vec![Key::Consumed(product.id.clone())];
    keys.extend(product.domain.iter().map(|d| Key::Domain(d.clone())));
    keys.extend(product.owner_team.iter().map(|t| Key::Team(t.clone())));
    for port in &product.input_ports {
        match &port.source {
            InputSource::System { system } => keys.push(Key::System(system.clone())),
            InputSource::Product { product: upstream, port: upstream_port } => {
                keys.push(Key::Product(upstream.clone()));
                let bound = index
                    .product(upstream)
                    .and_then(|p| p.output_port(upstream_port))
                    .and_then(|p| p.contract.as_ref());
                keys.extend(bound.map(|c| Key::Contract(c.id.clone())));
            }
        }
        keys.extend(port.contract.iter().map(|c| Key::Contract(c.id.clone())));
    }
    for port in &product.output_ports {
        keys.extend(port.contract.iter().map(|c| Key::Contract(c.id.clone())));
    }
    keys
}

/// What a contract's rules may read: its product, domain and team, and per property the
/// glossary terms, metrics and the contracts its relationships and lineage name.
///
/// Properties repeat the same few terms and upstream contracts, so the ids are collected
/// borrowed, sorted and deduplicated first, and only the distinct ones are copied.
fn contract_deps(contract: &DataContract) -> Vec<Key> {
    let mut refs: Vec<(KeyKind, &str)> = Vec::new();
    refs.extend(contract.data_product.iter().map(|p| (KeyKind::Product, p.as_str())));
    refs.extend(contract.domain.iter().map(|d| (KeyKind::Domain, d.as_str())));
    refs.extend(contract.team.iter().map(|t| (KeyKind::Team, t.as_str())));
    for object in &contract.schema {
        property_deps(&object.properties, &mut refs);
    }
    refs.sort_unstable();
    refs.dedup();
    refs.into_iter().map(|(kind, id)| kind.key(id)).collect()
}

/// The kinds of ids a contract's rules read, in [`Key`]'s order, so borrowed pairs sort as
/// the owned keys do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum KeyKind {
    Product,
    Contract,
    Domain,
    Team,
    Glossary,
    Metric,
}

impl KeyKind {
    fn key(self, id: &str) -> Key {
        let id = id.to_owned();
        match self {
            KeyKind::Product => Key::Product(id),
            KeyKind::Contract => Key::Contract(id),
            KeyKind::Domain => Key::Domain(id),
            KeyKind::Team => Key::Team(id),
            KeyKind::Glossary => Key::Glossary(id),
            KeyKind::Metric => Key::Metric(id),
        }
    }
}

fn property_deps<'c>(properties: &'c [dpstudio_model::Property], refs: &mut Vec<(KeyKind, &'c str)>) {
    for property in properties {
        refs.extend(property.glossary.iter().map(|g| (KeyKind::Glossary, g.as_str())));
        refs.extend(property.metrics.iter().map(|m| (KeyKind::Metric, m.as_str())));
        let references = property
            .relationships
            .iter()
            .map(|r| r.to.as_str())
            .chain(property.transform_source_objects.iter().map(String::as_str));
        for reference in references {
            if let Some((contract, _)) = split_at_byte(reference, b'/') {
                refs.push((KeyKind::Contract, contract));
            }
        }
        property_deps(&property.properties, refs);
        if let Some(items) = &property.items {
            property_deps(&items.properties, refs);
        }
    }
}

/// Every context id product and contract rules can ask about.
fn context_keys(workspace: &Workspace) -> FastSet<Key> {
    let context = &workspace.context;
    let semantic = &context.semantic;
    let mut keys = FastSet::default();
    keys.extend(context.domains.iter().map(|d| Key::Domain(d.id.clone())));
    keys.extend(context.teams.iter().map(|t| Key::Team(t.id.clone())));
    keys.extend(context.glossary.iter().map(|g| Key::Glossary(g.id.clone())));
    keys.extend(semantic.metrics.iter().map(|m| Key::Metric(m.id.clone())));
    keys.extend(semantic.entities.iter().flat_map(|e| e.measures.iter().map(|m| Key::Metric(m.id.clone()))));
    keys.extend(context.source_systems.iter().map(|s| Key::System(s.id.clone())));
    keys.extend(
        context.use_cases.iter().flat_map(|u| u.consumes.iter().map(|r| Key::Consumed(r.product.clone()))),
    );
    keys
}
