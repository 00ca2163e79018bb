//! Property tests over generated workspaces and random edit sequences: applying edits never
//! panics, a failed edit changes nothing, inverses restore the workspace exactly, undo/redo
//! walk back and forth, `touched()` tells the truth, and save → load gives the same workspace.

use dpstudio_model::*;
use proptest::prelude::*;

/// A recipe for one edit, read against the workspace it is applied to, so that most edits are
/// valid and some (out-of-range indexes, stale ids) are not.
#[derive(Debug, Clone)]
struct Recipe {
    op: u8,
    a: u64,
    b: u64,
    nested: Vec<(u8, u64, u64)>,
}

fn recipe() -> impl Strategy<Value = Recipe> {
    (any::<u8>(), any::<u64>(), any::<u64>(), prop::collection::vec((any::<u8>(), any::<u64>(), any::<u64>()), 0..4))
        .prop_map(|(op, a, b, nested)| Recipe { op, a, b, nested })
}

fn pick(len: usize, n: u64) -> usize {
    if len == 0 {
        0
    } else {
        (n % len as u64) as usize
    }
}

/// An index that is in range most of the time and one past (or far past) the end otherwise.
fn index(len: usize, n: u64) -> usize {
    match n % 8 {
        0 => len + 1 + (n as usize % 3),
        _ => pick(len + 1, n),
    }
}

fn item_at(w: &Workspace, collection: Collection, i: usize) -> Option<Item> {
    let c = &w.context;
    Some(match collection {
        Collection::Products => Item::Product(w.products.get(i)?.clone()),
        Collection::Contracts => Item::Contract(w.contracts.get(i)?.clone()),
        Collection::Domains => Item::Domain(c.domains.get(i)?.clone()),
        Collection::Teams => Item::Team(c.teams.get(i)?.clone()),
        Collection::Glossary => Item::GlossaryTerm(c.glossary.get(i)?.clone()),
        Collection::Entities => Item::Entity(c.semantic.entities.get(i)?.clone()),
        Collection::Metrics => Item::Metric(c.semantic.metrics.get(i)?.clone()),
        Collection::UseCases => Item::UseCase(c.use_cases.get(i)?.clone()),
        Collection::SourceSystems => Item::SourceSystem(c.source_systems.get(i)?.clone()),
    })
}

/// A fresh item of `collection`, built from `n`.
fn new_item(collection: Collection, n: u64) -> Item {
    let id = format!("new-{n}");
    match collection {
        Collection::Products => Item::Product(DataProduct { id, name: "New".into(), ..Default::default() }),
        Collection::Contracts => Item::Contract(DataContract { id, name: "New".into(), ..Default::default() }),
        Collection::Domains => Item::Domain(Domain { id, name: "New".into(), ..Default::default() }),
        Collection::Teams => Item::Team(Team { id, name: "New".into(), ..Default::default() }),
        Collection::Glossary => Item::GlossaryTerm(GlossaryTerm { id, term: "New".into(), ..Default::default() }),
        Collection::Entities => Item::Entity(BusinessEntity { id, name: "New".into(), ..Default::default() }),
        Collection::Metrics => Item::Metric(Metric { id, name: "New".into(), ..Default::default() }),
        Collection::UseCases => Item::UseCase(UseCase { id, name: "New".into(), ..Default::default() }),
        Collection::SourceSystems => Item::SourceSystem(SourceSystem { id, name: "New".into(), ..Default::default() }),
    }
}

/// Changes one visible thing in an item (keeps it a different value).
fn tweak(item: Item, n: u64) -> Item {
    match item {
        Item::Product(mut p) => {
            p.purpose = format!("changed {n}");
            p.output_ports.truncate(pick(p.output_ports.len() + 1, n));
            Item::Product(p)
        }
        Item::Contract(mut c) => {
            if let Some(o) = c.schema.first_mut() {
                o.properties.truncate(pick(o.properties.len() + 1, n));
            }
            c.version = format!("9.{}.0", n % 10);
            Item::Contract(c)
        }
        Item::Domain(mut x) => {
            x.name = format!("changed {n}");
            Item::Domain(x)
        }
        Item::Team(mut x) => {
            x.members.clear();
            x.name = format!("changed {n}");
            Item::Team(x)
        }
        Item::GlossaryTerm(mut x) => {
            x.definition = format!("changed {n}");
            Item::GlossaryTerm(x)
        }
        Item::Entity(mut x) => {
            x.measures.clear();
            x.name = format!("changed {n}");
            Item::Entity(x)
        }
        Item::Metric(mut x) => {
            x.measures.clear();
            x.name = format!("changed {n}");
            Item::Metric(x)
        }
        Item::UseCase(mut x) => {
            x.consumes.clear();
            x.name = format!("changed {n}");
            Item::UseCase(x)
        }
        Item::SourceSystem(mut x) => {
            x.technology = format!("changed {n}");
            Item::SourceSystem(x)
        }
    }
}

fn build(w: &Workspace, op: u8, a: u64, b: u64) -> Edit {
    let collection = Collection::ALL[pick(Collection::ALL.len(), a)];
    let len = collection.len(w);
    match op % 9 {
        0 => Edit::Insert { index: index(len, b), item: new_item(collection, b) },
        1 => {
            let i = index(len, b);
            // Usually the right id; sometimes a stale one.
            let id = match collection.id_at(w, i) {
                Some(id) if !b.is_multiple_of(5) => id.to_owned(),
                _ => "stale".to_owned(),
            };
            Edit::Remove { collection, index: i, id }
        }
        2 | 3 => {
            let i = index(len, b);
            let item = item_at(w, collection, pick(len, b)).map(|x| tweak(x, a)).unwrap_or_else(|| new_item(collection, a));
            Edit::Replace { index: i, item }
        }
        4 => Edit::SetName(format!("name {a}")),
        5 => Edit::SetDescription(if a.is_multiple_of(2) { String::new() } else { format!("description {a}") }),
        6 => {
            let keys: Vec<String> = w.layout.nodes.keys().cloned().collect();
            let key = |n: u64| keys.get(pick(keys.len(), n)).cloned().unwrap_or_else(|| format!("product:p{n}"));
            // Integer-valued coordinates: exact in JSON, so save → load can compare with ==.
            let point = |n: u64| (!n.is_multiple_of(3)).then_some(Point { x: (n % 997) as f64, y: (n % 331) as f64 - 100.0 });
            Edit::SetNodes(vec![(key(a), point(b)), (key(b), point(a)), (format!("usecase:u{}", a % 4), point(a ^ b))])
        }
        7 => Edit::SetViewport(Viewport { x: (a % 500) as f64, y: (b % 500) as f64, zoom: 1.0 + (a % 4) as f64 / 4.0 }),
        _ => note_edit(w, a, b),
    }
}

/// A sticky-note edit (sometimes a stale one), or now and then an empty batch.
fn note_edit(w: &Workspace, a: u64, b: u64) -> Edit {
    let notes = &w.layout.notes;
    let i = index(notes.len(), b);
    let id = match notes.get(i) {
        Some(n) if !b.is_multiple_of(5) => n.id.clone(),
        _ => "stale".to_owned(),
    };
    let colour = NoteColour::ALL[pick(NoteColour::ALL.len(), a)];
    let note = Note { id: id.clone(), text: format!("note {a}"), position: Point { x: (a % 700) as f64, y: (b % 300) as f64 }, colour };
    match a % 4 {
        0 => Edit::InsertNote { index: index(notes.len(), a), note: Note { id: w.new_note_id(), ..note } },
        1 => Edit::RemoveNote { index: i, id },
        2 => Edit::ReplaceNote { index: i, note },
        _ => Edit::Batch(Vec::new()),
    }
}

fn edit_for(w: &Workspace, r: &Recipe) -> Edit {
    if r.op % 10 == 9 {
        Edit::Batch(r.nested.iter().map(|&(op, a, b)| build(w, op, a, b)).collect())
    } else {
        build(w, r.op, r.a, r.b)
    }
}

/// True when everything but the layout is the same.
fn same_semantics(a: &Workspace, b: &Workspace) -> bool {
    a.name == b.name && a.description == b.description && a.products == b.products && a.contracts == b.contracts && a.context == b.context
}

fn config() -> ProptestConfig {
    // No failure files: shrunk inputs are printed in the test output instead.
    ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn edits_invert_exactly_and_failures_change_nothing(
        products in 0usize..25,
        seed in any::<u64>(),
        recipes in prop::collection::vec(recipe(), 1..30),
    ) {
        let original = generate(products, seed);
        let mut w = original.clone();
        let mut inverses = Vec::new();
        for r in &recipes {
            let edit = edit_for(&w, r);
            let before = w.clone();
            let mut touched = edit.touched();
            match edit.apply(&mut w) {
                Ok(inverse) => {
                    touched.merge(inverse.touched());
                    if w != before {
                        prop_assert!(!touched.is_empty(), "a change must be reported");
                    }
                    if touched.is_layout_only() {
                        prop_assert!(same_semantics(&w, &before), "layout-only edits keep the semantics");
                    }
                    // Undo right away and redo: each step is exact.
                    let mut probe = w.clone();
                    let redo = inverse.clone().apply(&mut probe).expect("inverse applies");
                    prop_assert_eq!(&probe, &before);
                    redo.apply(&mut probe).expect("redo applies");
                    prop_assert_eq!(&probe, &w);
                    inverses.push(inverse);
                }
                Err(_) => prop_assert_eq!(&w, &before, "a failed edit changes nothing"),
            }
        }
        for inverse in inverses.into_iter().rev() {
            inverse.apply(&mut w).expect("inverses apply in reverse order");
        }
        prop_assert_eq!(w, original);
    }

    #[test]
    fn history_undo_all_restores_and_redo_all_replays(
        products in 0usize..15,
        seed in any::<u64>(),
        recipes in prop::collection::vec(recipe(), 1..20),
        undo_first in 0usize..5,
    ) {
        let original = generate(products, seed);
        let mut w = original.clone();
        let mut history = History::default();
        for (n, r) in recipes.iter().enumerate() {
            if n == recipes.len() / 2 {
                // Undo a few in the middle; the next edit clears redo.
                for _ in 0..undo_first {
                    let _ = history.undo(&mut w);
                }
            }
            let edit = edit_for(&w, r);
            // Some edits join the previous step, as drags and typing do in the app.
            let _ = if r.a.is_multiple_of(3) { history.apply_merged(&mut w, edit) } else { history.apply(&mut w, edit) };
        }
        let end = w.clone();
        let steps = history.undo_len();
        // Failed edits do not clear redo, so some undone steps may still wait there.
        let waiting = history.redo_len();
        while let Some(result) = history.undo(&mut w) {
            prop_assert!(result.is_ok());
        }
        prop_assert_eq!(history.redo_len(), steps + waiting);
        for _ in 0..steps {
            prop_assert!(matches!(history.redo(&mut w), Some(Ok(_))));
        }
        prop_assert_eq!(&w, &end);
        // The very first state is reached by undoing everything when no undo was discarded.
        if undo_first == 0 {
            while history.undo(&mut w).is_some() {}
            prop_assert_eq!(w, original);
        }
    }

    #[test]
    fn save_then_load_gives_the_same_workspace(
        products in 0usize..40,
        seed in any::<u64>(),
        recipes in prop::collection::vec(recipe(), 0..10),
    ) {
        let mut w = generate(products, seed);
        for r in &recipes {
            let edit = edit_for(&w, r);
            let _ = edit.apply(&mut w);
        }
        let text = to_json_pretty(&w);
        let loaded = from_json(&text).expect("a saved workspace loads");
        prop_assert_eq!(loaded, w);
    }

    #[test]
    fn loading_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = from_json(&text);
    }

    #[test]
    fn loading_mangled_saves_never_panics(seed in any::<u64>(), cut in any::<usize>(), byte in any::<u8>()) {
        let text = to_json_pretty(&generate(3, seed));
        let mut bytes = text.into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        let _ = from_json(&String::from_utf8_lossy(&bytes));
        let _ = from_json(&String::from_utf8_lossy(&bytes[..at]));
    }
}

#[test]
fn generate_is_the_same_for_the_same_arguments() {
    for (n, seed) in [(0, 0), (1, 1), (17, 99), (120, 4)] {
        assert_eq!(generate(n, seed), generate(n, seed));
    }
}
