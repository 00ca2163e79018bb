//! The incremental `Checker` must always agree with a full `check`: after every edit below
//! (and random sequences of them) its diagnostics equal those of checking from scratch.

use dpstudio_check::{check, Change, Checker};
use dpstudio_model::*;

/// SplitMix64, enough to pick edits reproducibly.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n.max(1) as u64) as usize
    }
}

/// A product that reads another product (so edits ripple downstream).
fn downstream_product(ws: &Workspace) -> usize {
    ws.products
        .iter()
        .position(|p| p.input_ports.iter().any(|i| matches!(i.source, InputSource::Product { .. })))
        .unwrap_or(0)
}

fn upstream_of(ws: &Workspace, product: usize) -> Option<(String, String)> {
    ws.products.get(product)?.input_ports.iter().find_map(|i| match &i.source {
        InputSource::Product { product, port } => Some((product.clone(), port.clone())),
        InputSource::System { .. } => None,
    })
}

fn contract_position(ws: &Workspace, id: &str) -> usize {
    ws.contracts.iter().position(|c| c.id == id).unwrap_or(0)
}

/// Applies edit number `kind` somewhere in `ws` and says what it touched.
fn edit(ws: &mut Workspace, kind: usize, rng: &mut Rng) -> Change {
    let p = rng.below(ws.products.len());
    let c = rng.below(ws.contracts.len());
    match kind {
        // A broken glossary link in one property.
        0 => {
            let contract = &mut ws.contracts[c];
            if let Some(property) = contract.schema.first_mut().and_then(|o| o.properties.first_mut()) {
                property.glossary.push("no-such-term".into());
            }
            Change::contract(contract.id.clone())
        }
        // A contract version bump: ports bound to the old version now disagree.
        1 => {
            ws.contracts[c].version = "9.0.0".into();
            Change::contract(ws.contracts[c].id.clone())
        }
        // An upstream product loses its output ports: inputs, orphans, exposure change.
        2 => {
            let d = downstream_product(ws);
            let Some((up, _)) = upstream_of(ws, d) else { return Change::default() };
            let Some(upstream) = ws.products.iter_mut().find(|x| x.id == up) else { return Change::default() };
            upstream.output_ports.clear();
            Change::product(up)
        }
        // A rename: both ids are reported.
        3 => {
            let old = ws.products[p].id.clone();
            ws.products[p].id = format!("{old}-renamed");
            Change { products: vec![old, ws.products[p].id.clone()], ..Default::default() }
        }
        // A deleted product.
        4 => {
            let removed = ws.products.remove(p);
            Change::product(removed.id)
        }
        // A new product reading an existing port, with an over-strict freshness SLO.
        5 => {
            let upstream = ws.products[p].clone();
            let port = upstream.output_ports.first().map(|o| o.id.clone()).unwrap_or_default();
            let new = DataProduct {
                id: format!("new-{}", ws.products.len()),
                name: "New".into(),
                kind: ProductKind::Aggregate,
                input_ports: vec![InputPort {
                    id: "in".into(),
                    name: "In".into(),
                    source: InputSource::Product { product: upstream.id.clone(), port },
                    ..Default::default()
                }],
                slos: vec![Slo { property: "freshness".into(), value: 1.into(), unit: "s".into(), ..Default::default() }],
                ..Default::default()
            };
            let id = new.id.clone();
            ws.products.push(new);
            Change::product(id)
        }
        // A glossary term and a measure vanish from the context.
        6 => {
            if !ws.context.glossary.is_empty() {
                ws.context.glossary.remove(rng.below(ws.context.glossary.len()));
            }
            if let Some(entity) = ws.context.semantic.entities.first_mut() {
                entity.measures.pop();
            }
            Change::context()
        }
        // Use cases go away: consumer-aligned products lose their reason to exist.
        7 => {
            ws.context.use_cases.truncate(ws.context.use_cases.len() / 2);
            Change::context()
        }
        // A downstream contract drops every PII flag and classification.
        8 => {
            let d = downstream_product(ws);
            let Some(out) = ws.products[d].output_ports.first().and_then(|o| o.contract.clone()) else {
                return Change::default();
            };
            let at = contract_position(ws, &out.id);
            for object in &mut ws.contracts[at].schema {
                for property in &mut object.properties {
                    property.pii = false;
                    property.classification.clear();
                }
            }
            Change::contract(out.id)
        }
        // A deleted contract.
        9 => {
            let removed = ws.contracts.remove(c);
            Change::contract(removed.id)
        }
        // A duplicated product id.
        10 => {
            let copy = ws.products[p].clone();
            let id = copy.id.clone();
            ws.products.push(copy);
            Change::product(id)
        }
        // A contract deprecated under active readers, and renamed fields in it.
        11 => {
            ws.contracts[c].status = Status::Deprecated;
            if let Some(property) = ws.contracts[c].schema.first_mut().and_then(|o| o.properties.last_mut()) {
                property.name = "Renamed Field".into();
            }
            Change::contract(ws.contracts[c].id.clone())
        }
        // A product reads one of its downstream products: a cycle.
        12 => {
            let d = downstream_product(ws);
            let Some((up, _)) = upstream_of(ws, d) else { return Change::default() };
            let down_id = ws.products[d].id.clone();
            let port = ws.products[d].output_ports.first().map(|o| o.id.clone()).unwrap_or_default();
            let Some(upstream) = ws.products.iter_mut().find(|x| x.id == up) else { return Change::default() };
            upstream.input_ports.push(InputPort {
                id: "loop".into(),
                name: "Loop".into(),
                source: InputSource::Product { product: down_id, port },
                ..Default::default()
            });
            Change::product(up)
        }
        // Personal data flags flip in an upstream contract only: downstream readers must be
        // re-checked through the dependency map.
        13 => {
            let d = downstream_product(ws);
            let Some((up, port)) = upstream_of(ws, d) else { return Change::default() };
            let bound = ws.products.iter().find(|x| x.id == up).and_then(|x| x.output_port(&port)).and_then(|o| o.contract.clone());
            let Some(bound) = bound else { return Change::default() };
            let at = contract_position(ws, &bound.id);
            for object in &mut ws.contracts[at].schema {
                for property in &mut object.properties {
                    property.pii = !property.pii;
                }
            }
            Change::contract(bound.id)
        }
        // Nothing semantic changed.
        _ => Change::default(),
    }
}

const KINDS: usize = 15;

#[test]
fn each_kind_of_edit_gives_the_full_result() {
    for kind in 0..KINDS {
        let mut ws = generate(40, 3);
        let mut rng = Rng(kind as u64);
        if kind == 13 {
            // Flipping upstream flags shows only where downstream fields are unclassified.
            edit(&mut ws, 8, &mut rng);
        }
        let mut checker = Checker::new(&ws);
        assert_eq!(checker.diagnostics(), check(&ws).as_slice());
        let before = checker.diagnostics().to_vec();
        let change = edit(&mut ws, kind, &mut rng);
        checker.update(&ws, &change);
        let full = check(&ws);
        assert_eq!(checker.diagnostics(), full.as_slice(), "edit kind {kind}");
        if kind != KINDS - 1 {
            assert_ne!(before, full, "edit kind {kind} should change the diagnostics");
        }
    }
}

#[test]
fn random_edit_sequences_give_the_full_result() {
    for seed in 0..6 {
        let mut ws = generate(30, seed);
        let mut checker = Checker::new(&ws);
        let mut rng = Rng(seed);
        for step in 0..25 {
            if ws.products.len() < 3 || ws.contracts.len() < 3 {
                break;
            }
            let kind = rng.below(KINDS);
            let change = edit(&mut ws, kind, &mut rng);
            checker.update(&ws, &change);
            assert_eq!(checker.diagnostics(), check(&ws).as_slice(), "seed {seed}, step {step}, kind {kind}");
        }
    }
}

#[test]
fn change_from_touched_carries_products_contracts_and_context() {
    let mut touched = Touched::default();
    touched.products.insert("a".into());
    touched.contracts.insert("c".into());
    let change = Change::from(&touched);
    assert_eq!((change.products, change.contracts, change.context), (vec!["a".to_owned()], vec!["c".to_owned()], false));
    touched.context.insert((Collection::Glossary, "term".into()));
    assert!(Change::from(&touched).context);
}

#[test]
fn renaming_ids_through_history_gives_the_full_result() {
    let mut ws = generate(30, 4);
    let mut checker = Checker::new(&ws);
    let mut history = History::with_limit(10);
    let read = ws.products.iter().find_map(|p| {
        p.input_ports.iter().find_map(|i| match &i.source {
            InputSource::Product { product, .. } => Some(product.clone()),
            InputSource::System { .. } => None,
        })
    });
    let product = read.expect("the generated lineage has a product read by another");
    let domain = ws.context.domains[0].id.clone();
    let team = ws.context.teams[0].id.clone();
    for (collection, old, new) in [(Collection::Products, product, "renamed"), (Collection::Domains, domain, "renamed"), (Collection::Teams, team, "renamed")] {
        let edit = rename_id(&ws, collection, &old, new).expect("a valid rename");
        let touched = history.apply(&mut ws, edit).expect("the rename applies");
        checker.update(&ws, &Change::from(&touched));
        assert_eq!(checker.diagnostics(), check(&ws).as_slice(), "after renaming {old} in {}", collection.as_str());
    }
    let touched = history.undo(&mut ws).expect("something to undo").expect("the undo applies");
    checker.update(&ws, &Change::from(&touched));
    assert_eq!(checker.diagnostics(), check(&ws).as_slice(), "after undoing the team rename");
}
