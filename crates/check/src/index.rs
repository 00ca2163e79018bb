//! Lookups built once per check so that rules stay linear in the size of the workspace.
//!
//! Building the index costs O(products + ports + contracts + context) and never touches schema
//! properties, so it is cheap enough to rebuild after every edit. What rules need to know about
//! a contract's schema (field lookups for references, its PII fields, its shape) is computed per
//! contract, lazily, the first time a rule asks, and without copying any string.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};

use dpstudio_model::{DataContract, DataProduct, InputSource, Property, Workspace};

pub(crate) use crate::field_table::Field;
use crate::bytes::find_byte;
use crate::field_table::{FieldTable, TableBuilder, TableStore};
use crate::bytes::same;
use crate::id_map::IdMap;

/// A read-only view of a workspace with id lookups. When ids are duplicated, lookups return
/// the first entity with that id (the duplicate itself is reported by a structure rule).
pub struct Index<'w> {
    pub workspace: &'w Workspace,
    /// Id → position of the first product with that id.
    products: IdMap<'w>,
    /// Positions of products and contracts whose id an earlier one already has.
    duplicate_products: Vec<usize>,
    duplicate_contracts: Vec<usize>,
    contracts: IdMap<'w>,
    domains: IdMap<'w>,
    teams: IdMap<'w>,
    glossary: IdMap<'w>,
    metrics: IdMap<'w>,
    measures: IdMap<'w>,
    systems: IdMap<'w>,
    /// Product ids some use case consumes.
    consumed_by_use_cases: IdMap<'w>,
    /// Product ids some product's input port reads.
    read_by_products: IdMap<'w>,
    /// Contract ids some input or output port names.
    used_contracts: IdMap<'w>,
    /// Per contract position, built on first use.
    fields: Vec<OnceCell<FieldTable>>,
    pii_hashes: Vec<OnceCell<Span>>,
    unmarked_hashes: Vec<OnceCell<Span>>,
    /// The field tables' slots and names (see [`TableStore`]).
    tables: RefCell<TableStore<'w>>,
    /// The personal-data and unmarked name lists, back to back: one vector for the check
    /// instead of two per contract.
    hashes: RefCell<Vec<u64>>,
    /// Buffers the schema walk collects a contract's table and lists in, kept for the next
    /// contract.
    scratch: RefCell<Scratch<'w>>,
    shapes: Vec<OnceCell<Vec<(&'w str, &'w str)>>>,
    /// Per product position: (input port position, contract) of what it reads.
    inputs: Vec<OnceCell<Vec<(usize, &'w DataContract)>>>,
    /// The contract position the last lookup by id found: consecutive references (the fields
    /// of one contract derive from one upstream contract) skip the hash table.
    last_contract: Cell<usize>,
    /// The contract and object the last absolute field reference named: most references
    /// follow one that names the same upstream object (see [`Index::resolve`]).
    last_object: RefCell<LastObject>,
}

/// See [`Index::last_object`].
#[derive(Default)]
struct LastObject {
    /// `contract-id/object`, copied (references need not be the workspace's own strings);
    /// empty when there is none yet.
    prefix: String,
    /// The contract's position; its field table is built.
    position: usize,
    /// The object's position and the hash of its name, as the field table keys them.
    object: usize,
    object_hash: u64,
}

/// A contract with at most this many top-level properties is scanned rather than indexed when
/// nothing has built its tables yet (see [`Index::field`]).
const SMALL_CONTRACT: usize = 64;

/// The hash of a property name in the personal-data and unmarked lists (see
/// [`Index::may_pass_on_personal_data`]) and the field tables: names
/// are compared across contracts by hash first, without touching the (scattered) strings
/// again; equal hashes are confirmed by name before anything is reported.
#[inline(always)]
pub fn name_hash(name: &str) -> u64 {
    use std::hash::Hasher;
    // As `str::hash` writes a string (the bytes, then 0xff), written out so that it inlines.
    let mut hasher = crate::hash::FastHasher::default();
    hasher.write(name.as_bytes());
    hasher.write_u8(0xff);
    hasher.finish()
}



/// The result of resolving a field reference such as `orders/orders.customer_id`.
#[derive(Debug, Clone, Copy)]
pub enum FieldLookup<'w> {
    /// The reference names no contract (the contract part is unknown).
    NoContract,
    /// The contract exists but has no such object or property.
    NoField,
    Found(&'w DataContract, &'w Property),
}

/// [`FieldLookup`] with what the field table knows about a found field.
pub(crate) enum Resolved<'w> {
    NoContract,
    NoField,
    Found(&'w DataContract, Field<'w>),
}

impl<'w> Index<'w> {
    pub fn new(workspace: &'w Workspace) -> Self {
        let context = &workspace.context;
        // Sized up front: growing hash tables costs more than filling them.
        let mut products = IdMap::with_capacity(workspace.products.len());
        let mut duplicate_products = Vec::new();
        for (i, product) in workspace.products.iter().enumerate() {
            if !products.insert_first(&product.id, i) {
                duplicate_products.push(i);
            }
        }
        let mut contracts = IdMap::with_capacity(workspace.contracts.len());
        let mut duplicate_contracts = Vec::new();
        for (i, contract) in workspace.contracts.iter().enumerate() {
            if !contracts.insert_first(&contract.id, i) {
                duplicate_contracts.push(i);
            }
        }
        let mut read_by_products = IdMap::with_capacity(workspace.products.len());
        // Ports name the workspace's contracts, mostly: sized for those, grown if need be.
        let mut used_contracts = IdMap::with_capacity(workspace.contracts.len());
        for product in &workspace.products {
            for port in &product.input_ports {
                if let InputSource::Product { product, .. } = &port.source {
                    read_by_products.insert_first(product, 0);
                }
                if let Some(c) = &port.contract {
                    used_contracts.insert_first(&c.id, 0);
                }
            }
            for port in &product.output_ports {
                if let Some(c) = &port.contract {
                    used_contracts.insert_first(&c.id, 0);
                }
            }
        }
        let semantic = &context.semantic;
        Index {
            workspace,
            products,
            duplicate_products,
            duplicate_contracts,
            contracts,
            domains: IdMap::set_of(context.domains.iter().map(|d| d.id.as_str())),
            teams: IdMap::set_of(context.teams.iter().map(|t| t.id.as_str())),
            glossary: IdMap::set_of(context.glossary.iter().map(|g| g.id.as_str())),
            metrics: IdMap::set_of(semantic.metrics.iter().map(|m| m.id.as_str())),
            measures: IdMap::set_of(semantic.entities.iter().flat_map(|e| e.measures.iter().map(|m| m.id.as_str()))),
            systems: IdMap::set_of(context.source_systems.iter().map(|s| s.id.as_str())),
            consumed_by_use_cases: IdMap::set_of(context.use_cases.iter().flat_map(|u| u.consumes.iter().map(|r| r.product.as_str()))),
            read_by_products,
            used_contracts,
            ..Index::without_lookups(workspace)
        }
    }

    /// A new index of the same workspace, for another thread (the caches are cells, which
    /// threads cannot share): the id tables copied, which costs less than building them
    /// again, and every cache empty.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub(crate) fn sibling(&self) -> Index<'w> {
        Index {
            products: self.products.clone(),
            duplicate_products: self.duplicate_products.clone(),
            duplicate_contracts: self.duplicate_contracts.clone(),
            contracts: self.contracts.clone(),
            domains: self.domains.clone(),
            teams: self.teams.clone(),
            glossary: self.glossary.clone(),
            metrics: self.metrics.clone(),
            measures: self.measures.clone(),
            systems: self.systems.clone(),
            consumed_by_use_cases: self.consumed_by_use_cases.clone(),
            read_by_products: self.read_by_products.clone(),
            used_contracts: self.used_contracts.clone(),
            ..Index::without_lookups(self.workspace)
        }
    }

    /// Empty id tables (no allocation) and empty caches, one cell per entity.
    fn without_lookups(workspace: &'w Workspace) -> Self {
        Index {
            workspace,
            products: IdMap::default(),
            duplicate_products: Vec::new(),
            duplicate_contracts: Vec::new(),
            contracts: IdMap::default(),
            domains: IdMap::default(),
            teams: IdMap::default(),
            glossary: IdMap::default(),
            metrics: IdMap::default(),
            measures: IdMap::default(),
            systems: IdMap::default(),
            consumed_by_use_cases: IdMap::default(),
            read_by_products: IdMap::default(),
            used_contracts: IdMap::default(),
            fields: workspace.contracts.iter().map(|_| OnceCell::new()).collect(),
            pii_hashes: workspace.contracts.iter().map(|_| OnceCell::new()).collect(),
            unmarked_hashes: workspace.contracts.iter().map(|_| OnceCell::new()).collect(),
            tables: RefCell::new(TableStore::default()),
            hashes: RefCell::new(Vec::new()),
            scratch: RefCell::new(Scratch::default()),
            shapes: workspace.contracts.iter().map(|_| OnceCell::new()).collect(),
            last_contract: Cell::new(usize::MAX),
            last_object: RefCell::new(LastObject::default()),
            inputs: workspace.products.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// Allocates ahead the memory the field tables and personal-data name lists of about
    /// `fields` top-level properties take. For an index another thread fills: memory that
    /// thread allocated itself would come from a fresh allocator arena of its own, which
    /// the system gives back when it is freed and faults in page by page for the next
    /// check (a thousand page faults per check of the L workspace), while memory the
    /// calling thread allocates is reused from one check to the next.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub(crate) fn reserve(&self, fields: usize) {
        self.tables.borrow_mut().reserve(fields);
        // Personal-data and unmarked names: about one of the two lists per property.
        self.hashes.borrow_mut().reserve(fields);
    }

    pub fn product(&self, id: &str) -> Option<&'w DataProduct> {
        let i = self.products.get(id)?;
        self.workspace.products.get(i)
    }

    pub fn contract(&self, id: &str) -> Option<&'w DataContract> {
        self.position(id).map(|(_, contract)| contract)
    }

    /// Every product with this id: one, unless ids are duplicated (then a scan, a rare case).
    pub fn products_with_id<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'w DataProduct> + 'a {
        let unique = self.products.len() == self.workspace.products.len();
        let first = if unique { self.product(id) } else { None };
        let scan = if unique { &[][..] } else { self.workspace.products.as_slice() };
        first.into_iter().chain(scan.iter().filter(move |p| p.id == id))
    }

    /// Every contract with this id; see [`Index::products_with_id`].
    pub fn contracts_with_id<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'w DataContract> + 'a {
        let unique = self.contracts.len() == self.workspace.contracts.len();
        let first = if unique { self.contract(id) } else { None };
        let scan = if unique { &[][..] } else { self.workspace.contracts.as_slice() };
        first.into_iter().chain(scan.iter().filter(move |c| c.id == id))
    }

    /// The contracts a product reads, with the input port's position: the contract the port
    /// says it relies on, or else the one the upstream output port is bound to. Computed once
    /// per product and check (several principles ask) and lent out, not copied.
    pub fn input_contracts(&self, product: &DataProduct) -> Cow<'_, [(usize, &'w DataContract)]> {
        let position = self.products.get(&product.id);
        let cached = position
            .filter(|&p| self.workspace.products.get(p).is_some_and(|first| std::ptr::eq(first, product)))
            .and_then(|p| self.inputs.get(p));
        let resolve = || {
            let mut out = Vec::new();
            for (i, port) in product.input_ports.iter().enumerate() {
                let declared = port.contract.as_ref().map(|c| c.id.as_str());
                let bound = match &port.source {
                    InputSource::Product { product: up, port: up_port } => self
                        .product(up)
                        .and_then(|p| p.output_port(up_port))
                        .and_then(|p| p.contract.as_ref())
                        .map(|c| c.id.as_str()),
                    InputSource::System { .. } => None,
                };
                if let Some((_, contract)) = declared.or(bound).and_then(|id| self.position(id)) {
                    out.push((i, contract));
                }
            }
            out
        };
        match cached {
            Some(cell) => Cow::Borrowed(cell.get_or_init(resolve).as_slice()),
            None => Cow::Owned(resolve()),
        }
    }

    /// Products whose id an earlier product already has, in workspace order.
    pub fn duplicate_products(&self) -> impl Iterator<Item = &'w DataProduct> + '_ {
        self.duplicate_products.iter().filter_map(|&i| self.workspace.products.get(i))
    }

    /// Contracts whose id an earlier contract already has, in workspace order.
    pub fn duplicate_contracts(&self) -> impl Iterator<Item = &'w DataContract> + '_ {
        self.duplicate_contracts.iter().filter_map(|&i| self.workspace.contracts.get(i))
    }

    /// Id → workspace position of the first product with that id (for graph building).
    pub(crate) fn product_positions(&self) -> &IdMap<'w> {
        &self.products
    }

    pub fn has_domain(&self, id: &str) -> bool {
        self.domains.contains(id)
    }

    pub fn has_team(&self, id: &str) -> bool {
        self.teams.contains(id)
    }

    pub fn has_glossary_term(&self, id: &str) -> bool {
        self.glossary.contains(id)
    }

    /// A property's `metrics` may name a metric or a measure.
    pub fn has_metric_or_measure(&self, id: &str) -> bool {
        self.metrics.contains(id) || self.measures.contains(id)
    }

    pub fn has_measure(&self, id: &str) -> bool {
        self.measures.contains(id)
    }

    pub fn has_source_system(&self, id: &str) -> bool {
        self.systems.contains(id)
    }

    pub fn is_consumed_by_use_case(&self, product_id: &str) -> bool {
        self.consumed_by_use_cases.contains(product_id)
    }

    pub fn is_read_by_a_product(&self, product_id: &str) -> bool {
        self.read_by_products.contains(product_id)
    }

    pub fn is_contract_used(&self, contract_id: &str) -> bool {
        self.used_contracts.contains(contract_id)
    }

    /// Resolves `contract-id/object.property[.child…]`, or `object.property` inside `home`.
    /// Nested segments name child properties or the properties of an array's items.
    pub fn field(&self, home: &str, reference: &str) -> FieldLookup<'w> {
        match self.resolve(home, reference) {
            Resolved::NoContract => FieldLookup::NoContract,
            Resolved::NoField => FieldLookup::NoField,
            Resolved::Found(contract, field) => FieldLookup::Found(contract, field.property),
        }
    }

    /// [`Index::field`], with whether the field is personal data (known without reading it
    /// for top-level fields).
    pub(crate) fn resolve(&self, home: &str, reference: &str) -> Resolved<'w> {
        let top = match self.in_last_object(reference) {
            Some(found) => found,
            None => match self.resolve_top(home, reference) {
                Ok(found) => found,
                Err(missing) => return missing,
            },
        };
        let (contract, top, nested) = top;
        let Some(nested) = nested else { return Resolved::Found(contract, top) };
        let found = nested.split('.').try_fold(top.property, |at, name| {
            let child = at.properties.iter().find(|p| p.name == name);
            child.or_else(|| at.items.as_ref().and_then(|i| i.properties.iter().find(|p| p.name == name)))
        });
        match found {
            Some(property) => Resolved::Found(contract, Field { property, personal: property.pii }),
            None => Resolved::NoField,
        }
    }

    /// The top-level field a reference names (with the nested segments after it, if any), or
    /// what is missing.
    #[allow(clippy::type_complexity)]
    fn resolve_top<'r>(&self, home: &str, reference: &'r str) -> Result<(&'w DataContract, Field<'w>, Option<&'r str>), Resolved<'w>> {
        let absolute = split_at_byte(reference, b'/');
        let (contract_id, path) = absolute.unwrap_or((home, reference));
        let Some((position, contract)) = self.position(contract_id) else {
            return Err(Resolved::NoContract);
        };
        // `object.property`, then the nested segments, if any.
        let Some(dot) = find_byte(path.as_bytes(), b'.') else { return Err(Resolved::NoField) };
        let after = path.as_bytes().get(dot + 1..).unwrap_or_default();
        let second_dot = find_byte(after, b'.').map(|i| dot + 1 + i);
        let (key, nested) = match second_dot {
            Some(at) => (path.get(..at).unwrap_or_default(), path.get(at + 1..)),
            None => (path, None),
        };
        let (object_name, name) = key.split_at(dot);
        let name = name.get(1..).unwrap_or_default();
        let built = self.fields.get(position).and_then(OnceCell::get);
        let top = if built.is_none() && contract.schema.iter().map(|o| o.properties.len()).sum::<usize>() <= SMALL_CONTRACT {
            // A few lookups into a small contract (after an edit) are cheaper as scans than
            // building its table.
            let object = contract.schema.iter().find(|o| o.name == object_name);
            object.and_then(|o| o.properties.iter().find(|p| p.name == name)).map(|p| Field { property: p, personal: p.pii })
        } else {
            let table = self.field_table(position, contract);
            let found = table.and_then(|table| table.get(&self.tables.borrow(), object_name, name));
            if let (Some((field, object, object_hash)), Some(_)) = (found, absolute) {
                // Remember `contract-id/object` for the references that follow.
                let mut last = self.last_object.borrow_mut();
                last.prefix.clear();
                last.prefix.push_str(reference.get(..contract_id.len() + 1 + dot).unwrap_or_default());
                (last.position, last.object, last.object_hash) = (position, object, object_hash);
                return Ok((contract, field, nested));
            }
            found.map(|(field, _, _)| field)
        };
        top.map(|top| (contract, top, nested)).ok_or(Resolved::NoField)
    }

    /// A reference that starts with the `contract-id/object` of the last one resolved:
    /// resolved with that object's table position and name hash, without splitting the
    /// reference, finding the contract or hashing the object's name again. `None` when the
    /// reference names another object (or the property is not there: the full path says why).
    #[allow(clippy::type_complexity)]
    fn in_last_object<'r>(&self, reference: &'r str) -> Option<(&'w DataContract, Field<'w>, Option<&'r str>)> {
        let last = self.last_object.borrow();
        let n = last.prefix.len();
        let bytes = reference.as_bytes();
        if n == 0 || bytes.get(n) != Some(&b'.') || !same(reference.get(..n)?, &last.prefix) {
            return None;
        }
        // The prefix holds the reference's first '/' and no '.' after it, so the reference
        // splits where the one the prefix came from did.
        let rest = reference.get(n + 1..)?;
        let (name, nested) = match split_at_byte(rest, b'.') {
            Some((name, nested)) => (name, Some(nested)),
            None => (rest, None),
        };
        let contract = self.workspace.contracts.get(last.position)?;
        let table = self.fields.get(last.position)?.get()?;
        let field = table.get_in(&self.tables.borrow(), last.object, last.object_hash, name)?;
        Some((contract, field, nested))
    }

    /// Whether `contract-id/object` (or `object` inside `home`) names an existing schema object.
    pub fn object_exists(&self, home: &str, reference: &str) -> bool {
        let (contract_id, object) = split_at_byte(reference, b'/').unwrap_or((home, reference));
        self.contract(contract_id).is_some_and(|c| c.schema.iter().any(|o| o.name == object))
    }

    /// Starts collecting what other entities' rules ask about `contract` (its field table,
    /// its personal-data and unmarked names) while the schema walk reads it anyway: later
    /// lookups from downstream contracts and products then find small ready-made tables
    /// instead of walking the contract again after it has left the cache. `None` when nothing
    /// is to be collected: the contract is a later one of its id (only the first is ever
    /// looked up), or a lookup already built its table.
    pub(crate) fn begin_prepare(&self, contract: &'w DataContract) -> Option<Preparation<'w>> {
        let position = self.first_of_its_id(contract)?;
        let cells = (self.fields.get(position)?, self.pii_hashes.get(position)?, self.unmarked_hashes.get(position)?);
        if cells.0.get().is_some() || cells.1.get().is_some() || cells.2.get().is_some() {
            return None;
        }
        let mut scratch = std::mem::take(&mut *self.scratch.borrow_mut());
        scratch.table.start(contract);
        scratch.pii.clear();
        scratch.unmarked.clear();
        Some(Preparation { position, scratch })
    }

    /// The position of `contract` in the workspace when it is the workspace's own and the
    /// first with its id — found from its address, without hashing the id: the schema walk
    /// asks for every contract, and an id lookup costs more than the rest of starting one.
    fn first_of_its_id(&self, contract: &DataContract) -> Option<usize> {
        let contracts = &self.workspace.contracts;
        let size = std::mem::size_of::<DataContract>().max(1);
        let offset = (contract as *const DataContract as usize).checked_sub(contracts.as_ptr() as usize)?;
        let position = offset / size;
        // The address arithmetic only proposes a position; the pointer compare proves it.
        let own = contracts.get(position).is_some_and(|c| std::ptr::eq(c, contract));
        // Duplicates are listed in workspace order (and are rare): a binary search.
        (own && self.duplicate_contracts.binary_search(&position).is_err()).then_some(position)
    }

    /// The position of the first contract with `contract`'s id, and that contract: found from
    /// `contract`'s address when it is that contract (as every contract the index hands out
    /// is), without hashing the id.
    fn located(&self, contract: &DataContract) -> Option<(usize, &'w DataContract)> {
        match self.first_of_its_id(contract) {
            Some(position) => Some((position, self.workspace.contracts.get(position)?)),
            None => self.position(&contract.id),
        }
    }

    /// Stores what the walk collected (see [`Index::begin_prepare`]).
    pub(crate) fn finish_prepare(&self, preparation: Preparation<'w>) {
        let Preparation { position, mut scratch } = preparation;
        if let Some(cell) = self.fields.get(position) {
            // A lookup during the walk (a reference into the contract itself) may have built
            // the same table already.
            if cell.get().is_none() {
                let _ = cell.set(scratch.table.finish(&mut self.tables.borrow_mut()));
            }
        }
        if let Some(cell) = self.pii_hashes.get(position) {
            let _ = cell.set(store_sorted(&self.hashes, &mut scratch.pii));
        }
        if let Some(cell) = self.unmarked_hashes.get(position) {
            let _ = cell.set(store_sorted(&self.hashes, &mut scratch.unmarked));
        }
        *self.scratch.borrow_mut() = scratch;
    }

    /// Whether a contract (the first with `contract`'s id) has a property (at any depth)
    /// marked as personal data.
    pub fn has_personal_data(&self, contract: &DataContract) -> bool {
        self.pii_hashes(contract).is_some_and(|span| span.len > 0)
    }

    /// Whether a personal-data property of `input` has the name of a property of `output`
    /// that is neither marked PII nor classified — by name hash: equal hashes are to be
    /// confirmed by name before anything is reported. Contracts stand for the first
    /// contract with their id.
    pub fn may_pass_on_personal_data(&self, input: &DataContract, output: &DataContract) -> bool {
        let (Some(pii), Some(unmarked)) = (self.pii_hashes(input), self.unmarked_hashes(output)) else {
            return false;
        };
        let hashes = self.hashes.borrow();
        let list = |span: Span| hashes.get(span.start..span.start + span.len).unwrap_or_default();
        let unmarked = list(unmarked);
        list(pii).iter().any(|h| unmarked.binary_search(h).is_ok())
    }

    /// Sorted name hashes of a contract's personal-data properties (any depth); computed once
    /// per check.
    fn pii_hashes(&self, contract: &DataContract) -> Option<Span> {
        self.hashes(contract, &self.pii_hashes, |p| p.pii)
    }

    /// Sorted name hashes of the properties neither marked PII nor classified (any depth).
    fn unmarked_hashes(&self, contract: &DataContract) -> Option<Span> {
        self.hashes(contract, &self.unmarked_hashes, |p| {
            !crate::rules::classifies_personal_data(p.pii, &p.classification)
        })
    }

    fn hashes(&self, contract: &DataContract, cells: &[OnceCell<Span>], keep: impl Fn(&Property) -> bool) -> Option<Span> {
        let (position, contract) = self.located(contract)?;
        let cell = cells.get(position)?;
        Some(*cell.get_or_init(|| {
            // Collected in a buffer kept for the next list: a thread of a full check makes
            // these lists for the hundreds of other threads' contracts its products read.
            let mut hashes = std::mem::take(&mut self.scratch.borrow_mut().lazy);
            hashes.clear();
            each_named(contract, |_, property, hash| {
                if keep(property) {
                    hashes.push(hash);
                }
            });
            let span = store_sorted(&self.hashes, &mut hashes);
            self.scratch.borrow_mut().lazy = hashes;
            span
        }))
    }

    /// `(name, logical type)` of every object's top-level properties, sorted: what a copy of
    /// the contract would have in common with it. Computed once per check.
    pub fn shape(&self, contract_id: &str) -> &[(&'w str, &'w str)] {
        let Some((position, contract)) = self.position(contract_id) else { return &[] };
        let Some(cell) = self.shapes.get(position) else { return &[] };
        cell.get_or_init(|| {
            let mut shape: Vec<(&str, &str)> = contract
                .schema
                .iter()
                .flat_map(|o| o.properties.iter().map(|p| (p.name.as_str(), p.logical_type.as_str())))
                .collect();
            shape.sort_unstable();
            shape
        })
    }

    fn position(&self, contract_id: &str) -> Option<(usize, &'w DataContract)> {
        let last = self.last_contract.get();
        if let Some(contract) = self.workspace.contracts.get(last) {
            // `last` came from the table, so it is the first contract with its id.
            if same(&contract.id, contract_id) {
                return Some((last, contract));
            }
        }
        let position = self.contracts.get(contract_id)?;
        self.last_contract.set(position);
        Some((position, self.workspace.contracts.get(position)?))
    }

    fn field_table(&self, position: usize, contract: &'w DataContract) -> Option<&FieldTable> {
        Some(self.fields.get(position)?.get_or_init(|| {
            // Built in the kept buffers (during a schema walk, which holds them, in new ones).
            let mut scratch = self.scratch.borrow_mut();
            FieldTable::new(&mut scratch.table, &mut self.tables.borrow_mut(), contract)
        }))
    }
}

/// What the schema walk of a full check collects about one contract for the index; fed one
/// property at a time, in walk order, with the hash of its name.
pub(crate) struct Preparation<'w> {
    position: usize,
    scratch: Scratch<'w>,
}

/// The buffers a [`Preparation`] fills.
#[derive(Default)]
struct Scratch<'w> {
    table: TableBuilder<'w>,
    pii: Vec<u64>,
    unmarked: Vec<u64>,
    /// For the lists made on demand (see [`Index::hashes`]).
    lazy: Vec<u64>,
}

impl<'w> Preparation<'w> {
    /// `object` is the position of the property's schema object when the property is a
    /// top-level one (only those are in the field table). Always inlined into the walk, which
    /// calls it for every property.
    #[inline(always)]
    pub(crate) fn add(&mut self, object: Option<usize>, property: &'w Property, hash: u64) {
        let scratch = &mut self.scratch;
        if property.pii {
            scratch.pii.push(hash);
        }
        if !crate::rules::classifies_personal_data(property.pii, &property.classification) {
            scratch.unmarked.push(hash);
        }
        if let Some(o) = object {
            scratch.table.add(o, property, hash);
        }
    }
}

/// `s` split around the first `delimiter` (an ASCII byte), found eight bytes at a time (see
/// [`find_byte`]); cheaper than `str::split_once`'s searcher, once per reference.
pub(crate) fn split_at_byte(s: &str, delimiter: u8) -> Option<(&str, &str)> {
    let at = find_byte(s.as_bytes(), delimiter)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// Calls `visit` for every property of every schema object (nested ones and array items'
/// included) with its name's hash and, for a top-level property, its object's position.
fn each_named<'c>(contract: &'c DataContract, mut visit: impl FnMut(Option<usize>, &'c Property, u64)) {
    fn nested<'c>(properties: &'c [Property], visit: &mut impl FnMut(Option<usize>, &'c Property, u64)) {
        for property in properties {
            visit(None, property, name_hash(&property.name));
            nested(&property.properties, visit);
            if let Some(items) = &property.items {
                nested(&items.properties, visit);
            }
        }
    }
    for (o, object) in contract.schema.iter().enumerate() {
        for property in &object.properties {
            visit(Some(o), property, name_hash(&property.name));
            nested(&property.properties, &mut visit);
            if let Some(items) = &property.items {
                nested(&items.properties, &mut visit);
            }
        }
    }
}

/// Sorts and dedups `hashes`, appends them to `store` and says where they are.
fn store_sorted(store: &RefCell<Vec<u64>>, hashes: &mut Vec<u64>) -> Span {
    hashes.sort_unstable();
    hashes.dedup();
    let mut store = store.borrow_mut();
    let start = store.len();
    store.extend_from_slice(hashes);
    Span { start, len: hashes.len() }
}

/// A contract's list in [`Index::hashes`].
#[derive(Clone, Copy)]
struct Span {
    start: usize,
    len: usize,
}

#[cfg(test)]
mod tests {
    use dpstudio_model::{Property, SchemaObject};

    use super::{FieldLookup, Index};
    use crate::rules::testing::sample;

    fn found<'w>(lookup: FieldLookup<'w>) -> Option<&'w str> {
        match lookup {
            FieldLookup::Found(contract, property) => Some(if property.name.is_empty() { &contract.id } else { &property.name }),
            FieldLookup::NoField => Some("no field"),
            FieldLookup::NoContract => None,
        }
    }

    /// Lookups in a row (which reuse the last reference's contract and object) answer as a
    /// fresh index answers each one alone: same object, other objects, a second object of the
    /// same name, nested fields, missing fields, prefixes that only look alike.
    #[test]
    fn lookups_in_a_row_answer_as_lookups_alone() {
        let mut ws = sample();
        let orders = &mut ws.contracts[0].schema;
        orders[0].properties[4].properties = vec![Property { name: "zip".into(), ..Default::default() }];
        let mut shadow = orders[0].clone();
        shadow.properties.truncate(1);
        shadow.properties[0].name = "only_in_shadow".into();
        orders.push(shadow);
        orders.push(SchemaObject { name: "orders_2".into(), properties: vec![Property { name: "x".into(), ..Default::default() }], ..Default::default() });
        let references = [
            "orders-contract/orders.amount",
            "orders-contract/orders.order_id",
            "orders-contract/orders.nope",
            "orders-contract/orders.email.zip",
            "orders-contract/orders.email.nope",
            "orders-contract/orders.only_in_shadow",
            "orders-contract/orders_2.x",
            "orders-contract/orders.x",
            "orders-contract/orders_2.amount",
            "orders-contract/orders",
            "orders-contract/orders.",
            "orders-contract/ordersamount",
            "orders.amount",
            "no-contract/orders.amount",
            "daily-sales-contract/daily_sales.revenue",
            "orders-contract/orders.amount",
        ];
        // With every field table built, as in a full check (small contracts are otherwise
        // scanned).
        let with_tables = |index: &Index<'_>| {
            for (i, contract) in index.workspace.contracts.iter().enumerate() {
                assert!(index.field_table(i, contract).is_some());
            }
        };
        let index = Index::new(&ws);
        with_tables(&index);
        for _ in 0..2 {
            for reference in references {
                let alone = Index::new(&ws);
                with_tables(&alone);
                assert!(alone.last_object.borrow().prefix.is_empty());
                let home = "orders-contract";
                assert_eq!(found(index.field(home, reference)), found(alone.field(home, reference)), "{reference}");
            }
        }
        assert_eq!(index.last_object.borrow().prefix, "orders-contract/orders", "the row went through the last object");
    }
}
