//! Edit commands: every change to a workspace is an [`Edit`] value. Applying one returns its
//! inverse, so undo/redo ([`crate::History`]), autosave and incremental checks all hang on one
//! small vocabulary instead of ad-hoc mutation.
//!
//! Edits work on whole entities (a product, a contract, a glossary term, …) because that keeps
//! every inverse trivially exact: the inverse of a replace is a replace with the old value. The
//! app edits a field by cloning the entity, changing the field and replacing the entity.
//!
//! Applying never panics: an index out of range or a stale id is an [`EditError`], and a
//! [`Edit::Batch`] that fails half-way is rolled back before the error is returned.
//!
//! ```
//! use dpstudio_model::{generate, Edit, Item};
//!
//! let mut workspace = generate(3, 1);
//! let before = workspace.clone();
//! let mut product = workspace.products[0].clone();
//! product.purpose = "Orders as finance books them.".into();
//! let edit = Edit::replace(&workspace, &product.id.clone(), Item::Product(product)).unwrap();
//! let touched = edit.touched(); // which products, contracts, context entities, or layout only
//! let inverse = edit.apply(&mut workspace).unwrap();
//! assert!(touched.products.contains(&workspace.products[0].id));
//! inverse.apply(&mut workspace).unwrap();
//! assert_eq!(workspace, before);
//! ```

use std::collections::BTreeSet;
use std::fmt;

use crate::{
    notes, BusinessEntity, DataContract, DataProduct, Domain, GlossaryTerm, Id, Metric, Note, Point,
    SourceSystem, Team, UseCase, Viewport, Workspace,
};

/// The lists of entities in a workspace that edits insert into, remove from and replace in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Collection {
    Products,
    Contracts,
    Domains,
    Teams,
    Glossary,
    Entities,
    Metrics,
    UseCases,
    SourceSystems,
}

impl Collection {
    pub const ALL: [Collection; 9] = [
        Collection::Products,
        Collection::Contracts,
        Collection::Domains,
        Collection::Teams,
        Collection::Glossary,
        Collection::Entities,
        Collection::Metrics,
        Collection::UseCases,
        Collection::SourceSystems,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Collection::Products => "products",
            Collection::Contracts => "contracts",
            Collection::Domains => "domains",
            Collection::Teams => "teams",
            Collection::Glossary => "glossary",
            Collection::Entities => "entities",
            Collection::Metrics => "metrics",
            Collection::UseCases => "useCases",
            Collection::SourceSystems => "sourceSystems",
        }
    }

    /// Number of entities in this collection of `workspace`.
    pub fn len(self, workspace: &Workspace) -> usize {
        let c = &workspace.context;
        match self {
            Collection::Products => workspace.products.len(),
            Collection::Contracts => workspace.contracts.len(),
            Collection::Domains => c.domains.len(),
            Collection::Teams => c.teams.len(),
            Collection::Glossary => c.glossary.len(),
            Collection::Entities => c.semantic.entities.len(),
            Collection::Metrics => c.semantic.metrics.len(),
            Collection::UseCases => c.use_cases.len(),
            Collection::SourceSystems => c.source_systems.len(),
        }
    }

    /// The id of the entity at `index`, if there is one.
    pub fn id_at(self, workspace: &Workspace, index: usize) -> Option<&str> {
        let c = &workspace.context;
        let id = match self {
            Collection::Products => &workspace.products.get(index)?.id,
            Collection::Contracts => &workspace.contracts.get(index)?.id,
            Collection::Domains => &c.domains.get(index)?.id,
            Collection::Teams => &c.teams.get(index)?.id,
            Collection::Glossary => &c.glossary.get(index)?.id,
            Collection::Entities => &c.semantic.entities.get(index)?.id,
            Collection::Metrics => &c.semantic.metrics.get(index)?.id,
            Collection::UseCases => &c.use_cases.get(index)?.id,
            Collection::SourceSystems => &c.source_systems.get(index)?.id,
        };
        Some(id)
    }

    /// The index of the first entity with `id`.
    pub fn position(self, workspace: &Workspace, id: &str) -> Option<usize> {
        (0..self.len(workspace)).find(|&i| self.id_at(workspace, i) == Some(id))
    }
}

/// One whole entity, as carried by insert and replace edits.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Product(DataProduct),
    Contract(DataContract),
    Domain(Domain),
    Team(Team),
    GlossaryTerm(GlossaryTerm),
    Entity(BusinessEntity),
    Metric(Metric),
    UseCase(UseCase),
    SourceSystem(SourceSystem),
}

impl Item {
    pub fn collection(&self) -> Collection {
        match self {
            Item::Product(_) => Collection::Products,
            Item::Contract(_) => Collection::Contracts,
            Item::Domain(_) => Collection::Domains,
            Item::Team(_) => Collection::Teams,
            Item::GlossaryTerm(_) => Collection::Glossary,
            Item::Entity(_) => Collection::Entities,
            Item::Metric(_) => Collection::Metrics,
            Item::UseCase(_) => Collection::UseCases,
            Item::SourceSystem(_) => Collection::SourceSystems,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Item::Product(x) => &x.id,
            Item::Contract(x) => &x.id,
            Item::Domain(x) => &x.id,
            Item::Team(x) => &x.id,
            Item::GlossaryTerm(x) => &x.id,
            Item::Entity(x) => &x.id,
            Item::Metric(x) => &x.id,
            Item::UseCase(x) => &x.id,
            Item::SourceSystem(x) => &x.id,
        }
    }
}

/// A change to a workspace. Build one directly (index-based, exact) or with the id-based
/// constructors ([`Edit::append`], [`Edit::remove`], [`Edit::replace`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Inserts `item` at `index` of its collection (`index == len` appends).
    Insert { index: usize, item: Item },
    /// Removes the entity at `index`; `id` must be its id, so a stale edit fails instead of
    /// removing a neighbour.
    Remove { collection: Collection, index: usize, id: Id },
    /// Replaces the entity at `index` of the item's collection (the id may change).
    Replace { index: usize, item: Item },
    SetName(String),
    SetDescription(String),
    /// Sets canvas node positions by layout key (`product:orders`); `None` removes the node's
    /// position. Layout only: never changes a spec.
    SetNodes(Vec<(String, Option<Point>)>),
    SetViewport(Viewport),
    /// Inserts a sticky note at `index` of the notes (`index == len` appends). Layout only, like
    /// the two note edits after it (see [`crate::Note`]).
    InsertNote { index: usize, note: Note },
    /// Removes the note at `index`; `id` must be its id.
    RemoveNote { index: usize, id: Id },
    /// Replaces the note at `index` by `note`, which must have the same id.
    ReplaceNote { index: usize, note: Note },
    /// Several edits as one step (one undo). Applied in order; all or nothing.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied. The workspace is unchanged when one is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    IndexOutOfRange { collection: Collection, index: usize, len: usize },
    /// The entity at `index` is not the one the edit names (the edit is stale).
    IdMismatch { collection: Collection, index: usize, expected: Id, found: Id },
    NotFound { collection: Collection, id: Id },
    /// No sticky note with `id` at `index` (the edit is stale, or the note was deleted).
    NoNote { index: usize, id: Id },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::IndexOutOfRange { collection, index, len } => {
                write!(f, "no {} at position {index} (there are {len})", collection.as_str())
            }
            EditError::IdMismatch { collection, index, expected, found } => write!(
                f,
                "{} at position {index} is '{found}', not '{expected}'; the edit is stale",
                collection.as_str()
            ),
            EditError::NotFound { collection, id } => write!(f, "no '{id}' in {}", collection.as_str()),
            EditError::NoNote { index, id } => write!(f, "no sticky note '{id}' at position {index}; the edit is stale"),
        }
    }
}

impl std::error::Error for EditError {}

/// What an edit changed, so callers re-check, re-render or save only that.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Touched {
    /// Workspace name or description.
    pub meta: bool,
    pub products: BTreeSet<Id>,
    pub contracts: BTreeSet<Id>,
    /// Context entities (domains, teams, glossary, semantic model, use cases, source systems).
    pub context: BTreeSet<(Collection, Id)>,
    /// Node positions, viewport or sticky notes.
    pub layout: bool,
}

impl Touched {
    /// True when only the canvas layout changed: nothing to re-check.
    pub fn is_layout_only(&self) -> bool {
        !self.meta && self.products.is_empty() && self.contracts.is_empty() && self.context.is_empty()
    }

    pub fn is_empty(&self) -> bool {
        self.is_layout_only() && !self.layout
    }

    pub fn merge(&mut self, other: Touched) {
        self.meta |= other.meta;
        self.layout |= other.layout;
        self.products.extend(other.products);
        self.contracts.extend(other.contracts);
        self.context.extend(other.context);
    }

    fn add(&mut self, collection: Collection, id: &str) {
        match collection {
            Collection::Products => {
                self.products.insert(id.to_owned());
            }
            Collection::Contracts => {
                self.contracts.insert(id.to_owned());
            }
            _ => {
                self.context.insert((collection, id.to_owned()));
            }
        }
    }
}

impl Edit {
    /// Appends `item` to the end of its collection.
    pub fn append(workspace: &Workspace, item: Item) -> Edit {
        Edit::Insert { index: item.collection().len(workspace), item }
    }

    /// Removes the first entity of `collection` with `id`.
    pub fn remove(workspace: &Workspace, collection: Collection, id: &str) -> Result<Edit, EditError> {
        let index = collection
            .position(workspace, id)
            .ok_or_else(|| EditError::NotFound { collection, id: id.to_owned() })?;
        Ok(Edit::Remove { collection, index, id: id.to_owned() })
    }

    /// Replaces the first entity with `id` in the item's collection by `item`.
    pub fn replace(workspace: &Workspace, id: &str, item: Item) -> Result<Edit, EditError> {
        let collection = item.collection();
        let index = collection
            .position(workspace, id)
            .ok_or_else(|| EditError::NotFound { collection, id: id.to_owned() })?;
        Ok(Edit::Replace { index, item })
    }

    /// Applies the edit and returns its inverse: applying the inverse right after restores the
    /// workspace exactly.
    pub fn apply(self, workspace: &mut Workspace) -> Result<Edit, EditError> {
        match self {
            Edit::Insert { index, item } => {
                let collection = item.collection();
                let id = item.id().to_owned();
                insert(workspace, index, item)?;
                Ok(Edit::Remove { collection, index, id })
            }
            Edit::Remove { collection, index, id } => {
                let item = remove(workspace, collection, index, &id)?;
                Ok(Edit::Insert { index, item })
            }
            Edit::Replace { index, item } => {
                let old = replace(workspace, index, item)?;
                Ok(Edit::Replace { index, item: old })
            }
            Edit::SetName(name) => Ok(Edit::SetName(std::mem::replace(&mut workspace.name, name))),
            Edit::SetDescription(text) => {
                Ok(Edit::SetDescription(std::mem::replace(&mut workspace.description, text)))
            }
            Edit::SetNodes(nodes) => {
                let nodes_map = &mut workspace.layout.nodes;
                let mut previous = Vec::with_capacity(nodes.len());
                for (key, point) in nodes {
                    let old = match point {
                        Some(p) => nodes_map.insert(key.clone(), p),
                        None => nodes_map.remove(&key),
                    };
                    previous.push((key, old));
                }
                // Restore in reverse so a key set twice in one edit gets its first old value.
                previous.reverse();
                Ok(Edit::SetNodes(previous))
            }
            Edit::SetViewport(viewport) => {
                Ok(Edit::SetViewport(std::mem::replace(&mut workspace.layout.viewport, viewport)))
            }
            Edit::InsertNote { index, note } => {
                let id = notes::insert(workspace, index, note)?;
                Ok(Edit::RemoveNote { index, id })
            }
            Edit::RemoveNote { index, id } => {
                let note = notes::remove(workspace, index, &id)?;
                Ok(Edit::InsertNote { index, note })
            }
            Edit::ReplaceNote { index, note } => {
                let old = notes::replace(workspace, index, note)?;
                Ok(Edit::ReplaceNote { index, note: old })
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(workspace) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Roll back what was applied; inverses of just-applied edits succeed.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(workspace);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }

    /// What this edit changes. Ids come from the edit itself, so for an applied edit the union
    /// of `edit.touched()` and `inverse.touched()` names every entity before and after (a
    /// replace that renames an id touches both ids).
    pub fn touched(&self) -> Touched {
        let mut touched = Touched::default();
        self.collect_touched(&mut touched);
        touched
    }

    fn collect_touched(&self, touched: &mut Touched) {
        match self {
            Edit::Insert { item, .. } | Edit::Replace { item, .. } => touched.add(item.collection(), item.id()),
            Edit::Remove { collection, id, .. } => touched.add(*collection, id),
            Edit::SetName(_) | Edit::SetDescription(_) => touched.meta = true,
            Edit::SetNodes(_)
            | Edit::SetViewport(_)
            | Edit::InsertNote { .. }
            | Edit::RemoveNote { .. }
            | Edit::ReplaceNote { .. } => touched.layout = true,
            Edit::Batch(edits) => edits.iter().for_each(|e| e.collect_touched(touched)),
        }
    }
}

fn check_index(collection: Collection, index: usize, len: usize) -> Result<(), EditError> {
    if index < len {
        Ok(())
    } else {
        Err(EditError::IndexOutOfRange { collection, index, len })
    }
}

// The three primitive operations on one typed list; `insert`, `remove` and `replace` below
// pick the list that matches the item's kind.

fn insert_at<T>(list: &mut Vec<T>, collection: Collection, index: usize, value: T) -> Result<(), EditError> {
    if index > list.len() {
        return Err(EditError::IndexOutOfRange { collection, index, len: list.len() });
    }
    list.insert(index, value);
    Ok(())
}

fn remove_at<T: HasId>(list: &mut Vec<T>, collection: Collection, index: usize, expected: &str) -> Result<T, EditError> {
    check_index(collection, index, list.len())?;
    let found = list[index].id();
    if found != expected {
        return Err(EditError::IdMismatch {
            collection,
            index,
            expected: expected.to_owned(),
            found: found.to_owned(),
        });
    }
    Ok(list.remove(index))
}

fn replace_at<T>(list: &mut [T], collection: Collection, index: usize, value: T) -> Result<T, EditError> {
    check_index(collection, index, list.len())?;
    Ok(std::mem::replace(&mut list[index], value))
}

/// Entities that edits address by id.
trait HasId {
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &str { &self.id } })* };
}
has_id!(DataProduct, DataContract, Domain, Team, GlossaryTerm, BusinessEntity, Metric, UseCase, SourceSystem);

fn insert(w: &mut Workspace, index: usize, item: Item) -> Result<(), EditError> {
    let c = item.collection();
    let ctx = &mut w.context;
    match item {
        Item::Product(x) => insert_at(&mut w.products, c, index, x),
        Item::Contract(x) => insert_at(&mut w.contracts, c, index, x),
        Item::Domain(x) => insert_at(&mut ctx.domains, c, index, x),
        Item::Team(x) => insert_at(&mut ctx.teams, c, index, x),
        Item::GlossaryTerm(x) => insert_at(&mut ctx.glossary, c, index, x),
        Item::Entity(x) => insert_at(&mut ctx.semantic.entities, c, index, x),
        Item::Metric(x) => insert_at(&mut ctx.semantic.metrics, c, index, x),
        Item::UseCase(x) => insert_at(&mut ctx.use_cases, c, index, x),
        Item::SourceSystem(x) => insert_at(&mut ctx.source_systems, c, index, x),
    }
}

fn remove(w: &mut Workspace, c: Collection, index: usize, id: &str) -> Result<Item, EditError> {
    let ctx = &mut w.context;
    match c {
        Collection::Products => remove_at(&mut w.products, c, index, id).map(Item::Product),
        Collection::Contracts => remove_at(&mut w.contracts, c, index, id).map(Item::Contract),
        Collection::Domains => remove_at(&mut ctx.domains, c, index, id).map(Item::Domain),
        Collection::Teams => remove_at(&mut ctx.teams, c, index, id).map(Item::Team),
        Collection::Glossary => remove_at(&mut ctx.glossary, c, index, id).map(Item::GlossaryTerm),
        Collection::Entities => remove_at(&mut ctx.semantic.entities, c, index, id).map(Item::Entity),
        Collection::Metrics => remove_at(&mut ctx.semantic.metrics, c, index, id).map(Item::Metric),
        Collection::UseCases => remove_at(&mut ctx.use_cases, c, index, id).map(Item::UseCase),
        Collection::SourceSystems => remove_at(&mut ctx.source_systems, c, index, id).map(Item::SourceSystem),
    }
}

fn replace(w: &mut Workspace, index: usize, item: Item) -> Result<Item, EditError> {
    let c = item.collection();
    let ctx = &mut w.context;
    match item {
        Item::Product(x) => replace_at(&mut w.products, c, index, x).map(Item::Product),
        Item::Contract(x) => replace_at(&mut w.contracts, c, index, x).map(Item::Contract),
        Item::Domain(x) => replace_at(&mut ctx.domains, c, index, x).map(Item::Domain),
        Item::Team(x) => replace_at(&mut ctx.teams, c, index, x).map(Item::Team),
        Item::GlossaryTerm(x) => replace_at(&mut ctx.glossary, c, index, x).map(Item::GlossaryTerm),
        Item::Entity(x) => replace_at(&mut ctx.semantic.entities, c, index, x).map(Item::Entity),
        Item::Metric(x) => replace_at(&mut ctx.semantic.metrics, c, index, x).map(Item::Metric),
        Item::UseCase(x) => replace_at(&mut ctx.use_cases, c, index, x).map(Item::UseCase),
        Item::SourceSystem(x) => replace_at(&mut ctx.source_systems, c, index, x).map(Item::SourceSystem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{from_json, Point};

    fn retail() -> Workspace {
        from_json(include_str!("../../../examples/retail.workspace.json")).expect("example loads")
    }

    fn roundtrip(edit: Edit) -> (Workspace, Workspace) {
        let original = retail();
        let mut w = original.clone();
        let inverse = edit.apply(&mut w).expect("applies");
        let changed = w.clone();
        inverse.apply(&mut w).expect("inverse applies");
        assert_eq!(w, original, "inverse restores the workspace");
        (original, changed)
    }

    #[test]
    fn insert_remove_and_replace_are_undone_exactly() {
        let w = retail();
        let product = DataProduct { id: "new".into(), name: "New".into(), ..Default::default() };
        let (_, changed) = roundtrip(Edit::append(&w, Item::Product(product)));
        assert_eq!(changed.products.last().map(|p| p.id.as_str()), Some("new"));

        let first = w.contracts[0].id.clone();
        let (_, changed) = roundtrip(Edit::remove(&w, Collection::Contracts, &first).unwrap());
        assert!(changed.contract(&first).is_none());

        let mut term = w.context.glossary[0].clone();
        term.definition = "changed".into();
        let id = term.id.clone();
        let (_, changed) = roundtrip(Edit::replace(&w, &id, Item::GlossaryTerm(term)).unwrap());
        assert_eq!(changed.context.glossary[0].definition, "changed");
    }

    #[test]
    fn meta_and_layout_edits_are_undone_exactly() {
        roundtrip(Edit::SetName("Other".into()));
        roundtrip(Edit::SetDescription(String::new()));
        roundtrip(Edit::SetViewport(Viewport { x: 5.0, y: -3.0, zoom: 2.0 }));
        let w = retail();
        let existing = w.layout.nodes.keys().next().cloned().expect("example has a layout");
        let (_, changed) = roundtrip(Edit::SetNodes(vec![
            (existing.clone(), Some(Point { x: 1.0, y: 2.0 })),
            ("product:ghost".into(), Some(Point { x: 3.0, y: 4.0 })),
            (existing.clone(), None),
        ]));
        assert!(!changed.layout.nodes.contains_key(&existing));
        assert!(changed.layout.nodes.contains_key("product:ghost"));
    }

    #[test]
    fn bad_indexes_and_stale_ids_are_errors_and_change_nothing() {
        let original = retail();
        let mut w = original.clone();
        let len = w.products.len();
        let cases = [
            Edit::Insert { index: len + 1, item: Item::Product(DataProduct::default()) },
            Edit::Remove { collection: Collection::Products, index: len, id: "x".into() },
            Edit::Remove { collection: Collection::Products, index: 0, id: "not-the-first".into() },
            Edit::Replace { index: 999, item: Item::Metric(Metric::default()) },
        ];
        for edit in cases {
            assert!(edit.clone().apply(&mut w).is_err(), "{edit:?}");
            assert_eq!(w, original);
        }
        assert_eq!(
            Edit::remove(&w, Collection::Teams, "nobody"),
            Err(EditError::NotFound { collection: Collection::Teams, id: "nobody".into() })
        );
    }

    #[test]
    fn a_failing_batch_is_rolled_back() {
        let original = retail();
        let mut w = original.clone();
        let batch = Edit::Batch(vec![
            Edit::SetName("half-way".into()),
            Edit::remove(&w, Collection::Products, &w.products[0].id.clone()).unwrap(),
            Edit::Replace { index: 10_000, item: Item::Product(DataProduct::default()) },
        ]);
        assert!(matches!(batch.apply(&mut w), Err(EditError::IndexOutOfRange { index: 10_000, .. })));
        assert_eq!(w, original);
    }

    #[test]
    fn batch_inverse_undoes_steps_in_reverse() {
        let w = retail();
        let id = w.products[0].id.clone();
        // Remove the first product, then insert a copy at the end: order matters for undo.
        let copy = w.products[0].clone();
        let batch = Edit::Batch(vec![
            Edit::remove(&w, Collection::Products, &id).unwrap(),
            Edit::Insert { index: w.products.len() - 1, item: Item::Product(copy) },
        ]);
        let (original, changed) = roundtrip(batch);
        assert_eq!(changed.products.last(), original.products.first());
    }

    #[test]
    fn touched_names_what_changed() {
        let w = retail();
        let mut product = w.products[0].clone();
        let old_id = product.id.clone();
        product.id = "renamed".into();
        let edit = Edit::Batch(vec![
            Edit::replace(&w, &old_id, Item::Product(product)).unwrap(),
            Edit::SetNodes(vec![("product:renamed".into(), Some(Point::default()))]),
        ]);
        let mut copy = w.clone();
        let inverse = edit.clone().apply(&mut copy).unwrap();
        let mut touched = edit.touched();
        touched.merge(inverse.touched());
        assert_eq!(touched.products, BTreeSet::from([old_id, "renamed".to_owned()]));
        assert!(touched.contracts.is_empty() && touched.layout && !touched.is_layout_only());

        let layout = Edit::SetViewport(Viewport::default()).touched();
        assert!(layout.is_layout_only() && !layout.is_empty());
        let team = Edit::remove(&w, Collection::Teams, &w.context.teams[0].id).unwrap().touched();
        assert_eq!(team.context.len(), 1);
        assert!(!team.is_layout_only());
    }
}
