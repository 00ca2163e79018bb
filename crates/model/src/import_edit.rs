//! Bringing another workspace's entities into the open one as a single undoable [`Edit`]:
//! importing spec files merges them (same id → replaced, new id → appended), opening a saved
//! workspace replaces everything. Both are plain batches of the usual edits, so undo, the
//! incremental check and autosave need nothing special.

use crate::{Collection, Edit, Item, Workspace};

/// Every entity of `w` as an [`Item`], context first so references resolve in order.
pub fn items_of(w: &Workspace) -> Vec<Item> {
    let c = &w.context;
    let mut items = Vec::new();
    items.extend(c.domains.iter().cloned().map(Item::Domain));
    items.extend(c.teams.iter().cloned().map(Item::Team));
    items.extend(c.glossary.iter().cloned().map(Item::GlossaryTerm));
    items.extend(c.semantic.entities.iter().cloned().map(Item::Entity));
    items.extend(c.semantic.metrics.iter().cloned().map(Item::Metric));
    items.extend(c.use_cases.iter().cloned().map(Item::UseCase));
    items.extend(c.source_systems.iter().cloned().map(Item::SourceSystem));
    items.extend(w.contracts.iter().cloned().map(Item::Contract));
    items.extend(w.products.iter().cloned().map(Item::Product));
    items
}

/// The edit that merges `incoming` into `current`: an entity whose id `current` already has
/// in the same collection replaces it (only when it differs), any other is appended. Node
/// positions `incoming` has for nodes `current` has not placed are taken; existing positions,
/// the name and the viewport stay.
pub fn merge_edit(current: &Workspace, incoming: &Workspace) -> Edit {
    let mut appended = [0usize; Collection::ALL.len()];
    let mut edits = Vec::new();
    for item in items_of(incoming) {
        let collection = item.collection();
        match collection.position(current, item.id()) {
            Some(index) => {
                if !same_as(current, index, &item) {
                    edits.push(Edit::Replace { index, item });
                }
            }
            None => {
                let slot = &mut appended[collection_index(collection)];
                edits.push(Edit::Insert { index: collection.len(current) + *slot, item });
                *slot += 1;
            }
        }
    }
    let nodes: Vec<_> = incoming
        .layout
        .nodes
        .iter()
        .filter(|(key, _)| !current.layout.nodes.contains_key(*key))
        .map(|(key, point)| (key.clone(), Some(*point)))
        .collect();
    if !nodes.is_empty() {
        edits.push(Edit::SetNodes(nodes));
    }
    // Notes the open workspace does not have yet come along; its own stay as they are.
    let arriving = incoming.layout.notes.iter().filter(|n| current.note(&n.id).is_none());
    for (index, note) in (current.layout.notes.len()..).zip(arriving) {
        edits.push(Edit::InsertNote { index, note: note.clone() });
    }
    Edit::Batch(edits)
}

/// The edit that turns `current` into `replacement` (entities, name, description, layout);
/// the workspace keeps its id so it stays the same saved document.
pub fn replace_edit(current: &Workspace, replacement: &Workspace) -> Edit {
    let mut edits = Vec::new();
    // Remove from the back so every index stays valid while the batch runs.
    for item in items_of(current).into_iter().rev() {
        let collection = item.collection();
        if let Some(index) = collection.position(current, item.id()) {
            edits.push(Edit::Remove { collection, index, id: item.id().to_owned() });
        }
    }
    let mut counts = [0usize; Collection::ALL.len()];
    for item in items_of(replacement) {
        let slot = &mut counts[collection_index(item.collection())];
        edits.push(Edit::Insert { index: *slot, item });
        *slot += 1;
    }
    edits.push(Edit::SetName(replacement.name.clone()));
    edits.push(Edit::SetDescription(replacement.description.clone()));
    let mut nodes: Vec<_> = current
        .layout
        .nodes
        .keys()
        .filter(|key| !replacement.layout.nodes.contains_key(*key))
        .map(|key| (key.clone(), None))
        .collect();
    nodes.extend(replacement.layout.nodes.iter().map(|(key, point)| (key.clone(), Some(*point))));
    edits.push(Edit::SetNodes(nodes));
    edits.push(Edit::SetViewport(replacement.layout.viewport.clone()));
    for (index, note) in current.layout.notes.iter().enumerate().rev() {
        edits.push(Edit::RemoveNote { index, id: note.id.clone() });
    }
    edits.extend(replacement.layout.notes.iter().enumerate().map(|(index, note)| Edit::InsertNote { index, note: note.clone() }));
    Edit::Batch(edits)
}

fn collection_index(collection: Collection) -> usize {
    Collection::ALL.iter().position(|c| *c == collection).unwrap_or(0)
}

/// True when the entity at `index` of the item's collection equals `item`.
fn same_as(w: &Workspace, index: usize, item: &Item) -> bool {
    let c = &w.context;
    match item {
        Item::Product(x) => w.products.get(index) == Some(x),
        Item::Contract(x) => w.contracts.get(index) == Some(x),
        Item::Domain(x) => c.domains.get(index) == Some(x),
        Item::Team(x) => c.teams.get(index) == Some(x),
        Item::GlossaryTerm(x) => c.glossary.get(index) == Some(x),
        Item::Entity(x) => c.semantic.entities.get(index) == Some(x),
        Item::Metric(x) => c.semantic.metrics.get(index) == Some(x),
        Item::UseCase(x) => c.use_cases.get(index) == Some(x),
        Item::SourceSystem(x) => c.source_systems.get(index) == Some(x),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;

    #[test]
    fn replacing_gives_the_replacement_and_undo_gives_the_original() {
        let mut original = generate(6, 1);
        let mut replacement = generate(4, 2);
        let note = |id: &str, text: &str| crate::Note { id: id.into(), text: text.into(), ..Default::default() };
        original.layout.notes = vec![note("note", "old one"), note("note-2", "old two")];
        replacement.layout.notes = vec![note("note", "new one")];
        let mut w = original.clone();
        let inverse = replace_edit(&w, &replacement).apply(&mut w).unwrap();
        let mut expected = replacement.clone();
        expected.id = original.id.clone();
        assert_eq!(w.products, expected.products);
        assert_eq!(w.contracts, expected.contracts);
        assert_eq!(w.context, expected.context);
        assert_eq!(w.layout, expected.layout);
        assert_eq!(w.name, expected.name);
        inverse.apply(&mut w).unwrap();
        assert_eq!(w, original);
    }

    #[test]
    fn merging_appends_new_entities_and_replaces_changed_ones() {
        let original = generate(3, 1);
        let mut incoming = generate(3, 1);
        incoming.products[0].purpose = "Changed by the import.".into();
        let extra = generate(5, 9);
        let mut new_contract = extra.contracts[0].clone();
        new_contract.id = "brand-new-contract".into();
        incoming.contracts.push(new_contract.clone());
        let mut w = original.clone();
        let edit = merge_edit(&w, &incoming);
        let Edit::Batch(edits) = &edit else { panic!("merge is a batch") };
        // One replace (the changed product) and one insert (the new contract); equal ones skipped.
        assert_eq!(edits.len(), 2, "{edits:?}");
        let inverse = edit.apply(&mut w).unwrap();
        assert_eq!(w.products[0].purpose, "Changed by the import.");
        assert_eq!(w.contracts.last(), Some(&new_contract));
        assert_eq!(w.contracts.len(), original.contracts.len() + 1);
        inverse.apply(&mut w).unwrap();
        assert_eq!(w, original);
    }

    #[test]
    fn merging_keeps_positions_already_placed() {
        let mut current = generate(2, 1);
        let incoming = generate(2, 1);
        let key = current.layout.nodes.keys().next().cloned().expect("generated layout has nodes");
        current.layout.nodes.insert(key.clone(), crate::Point { x: -5.0, y: -5.0 });
        let mut w = current.clone();
        merge_edit(&w, &incoming).apply(&mut w).unwrap();
        assert_eq!(w.layout.nodes[&key], crate::Point { x: -5.0, y: -5.0 });
    }

    #[test]
    fn merging_adds_only_the_notes_the_workspace_lacks() {
        let note = |id: &str, text: &str| crate::Note { id: id.into(), text: text.into(), ..Default::default() };
        let mut current = generate(2, 1);
        current.layout.notes = vec![note("note", "mine")];
        let mut incoming = generate(2, 1);
        incoming.layout.notes = vec![note("note", "theirs"), note("note-2", "new")];
        let mut w = current.clone();
        let inverse = merge_edit(&w, &incoming).apply(&mut w).unwrap();
        assert_eq!(w.layout.notes, vec![note("note", "mine"), note("note-2", "new")]);
        inverse.apply(&mut w).unwrap();
        assert_eq!(w, current);
    }
}
