//! Property tests over generated workspaces with random damage: checking never panics and is
//! deterministic, impact analysis agrees with a naive product-level walk, and the contract
//! diff finds nothing between equal contracts and a breaking change when a field goes.

use std::collections::{BTreeSet, VecDeque};

use dpstudio_check::diff::{diff, diff_workspaces};
use dpstudio_check::impact::{analyse, impact_of, Target};
use dpstudio_check::{check, Change, Checker};
use dpstudio_model::*;
use proptest::prelude::*;

fn pick(len: usize, n: u64) -> usize {
    if len == 0 {
        0
    } else {
        (n % len as u64) as usize
    }
}

/// One kind of damage a user can do while editing, applied at a position chosen by `n`.
fn damage(w: &mut Workspace, kind: u8, n: u64) {
    let np = w.products.len();
    let nc = w.contracts.len();
    match kind % 10 {
        0 if nc > 0 => {
            w.contracts.remove(pick(nc, n));
        }
        1 if np > 0 => w.products[pick(np, n)].name = "  ".into(),
        2 if np > 0 => {
            let p = &mut w.products[pick(np, n)];
            if let Some(input) = p.input_ports.first_mut() {
                input.source = InputSource::Product { product: "missing".into(), port: "x".into() };
            }
        }
        3 if np > 0 => {
            let copy = w.products[pick(np, n)].clone();
            w.products.push(copy);
        }
        4 if np > 1 => {
            // A lineage cycle: the first product reads a later one.
            let (from, to) = (pick(np, n), 0);
            let port = w.products[from].output_ports.first().map(|o| o.id.clone()).unwrap_or_default();
            let id = w.products[from].id.clone();
            w.products[to].input_ports.push(InputPort {
                id: "cycle".into(),
                name: "cycle".into(),
                source: InputSource::Product { product: id, port },
                ..Default::default()
            });
        }
        5 if np > 0 => w.products[pick(np, n)].owner_team = None,
        6 if nc > 0 => {
            let c = &mut w.contracts[pick(nc, n)];
            if let Some(p) = c.schema.first_mut().and_then(|o| o.properties.first_mut()) {
                p.transform_source_objects.push("nowhere/x.y".into());
                p.logical_type = "nonsense".into();
            }
        }
        7 if nc > 0 => w.contracts[pick(nc, n)].sla.clear(),
        8 => w.context.glossary.clear(),
        9 if np > 0 => {
            if let Some(port) = w.products[pick(np, n)].output_ports.first_mut() {
                port.contract = None;
            }
        }
        _ => {}
    }
}

fn damaged() -> impl Strategy<Value = Workspace> {
    (0usize..30, any::<u64>(), prop::collection::vec((any::<u8>(), any::<u64>()), 0..6)).prop_map(|(n, seed, harms)| {
        let mut w = generate(n, seed);
        for (kind, at) in harms {
            damage(&mut w, kind, at);
        }
        w
    })
}

/// Products reachable from `start` through input ports naming an existing output port.
fn naive_downstream(w: &Workspace, start: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::from([start.to_owned()]);
    let mut queue = VecDeque::from([start.to_owned()]);
    while let Some(id) = queue.pop_front() {
        let Some(upstream) = w.product(&id) else { continue };
        for reader in &w.products {
            let reads = reader.input_ports.iter().any(|i| {
                matches!(&i.source, InputSource::Product { product, port } if *product == id && upstream.output_port(port).is_some())
            });
            if reads && seen.insert(reader.id.clone()) {
                queue.push_back(reader.id.clone());
            }
        }
    }
    seen
}

/// An edit a user could make, chosen by `kind` and placed by `n`; `None` when the workspace has
/// nothing to apply it to.
fn user_edit(w: &Workspace, kind: u8, n: u64) -> Option<Edit> {
    let np = w.products.len();
    let nc = w.contracts.len();
    Some(match kind % 9 {
        0 if np > 0 => {
            let mut p = w.products[pick(np, n)].clone();
            p.owner_team = None;
            p.purpose.clear();
            if let Some(port) = p.output_ports.first_mut() {
                port.contract = None;
            }
            Edit::replace(w, &p.id.clone(), Item::Product(p)).ok()?
        }
        1 if nc > 0 => Edit::remove(w, Collection::Contracts, &w.contracts[pick(nc, n)].id).ok()?,
        2 if np > 0 => Edit::remove(w, Collection::Products, &w.products[pick(np, n)].id).ok()?,
        3 if nc > 0 => {
            let mut c = w.contracts[pick(nc, n)].clone();
            let old = c.id.clone();
            if n.is_multiple_of(2) {
                c.id = format!("{old}-renamed");
            }
            if let Some(o) = c.schema.first_mut() {
                o.properties.truncate(1);
            }
            c.sla.clear();
            Edit::replace(w, &old, Item::Contract(c)).ok()?
        }
        4 if np > 0 => {
            let up = &w.products[pick(np, n)];
            let port = up.output_ports.first()?;
            let reader = DataProduct {
                id: format!("reader-{n}"),
                name: "Reader".into(),
                input_ports: vec![InputPort {
                    id: "in".into(),
                    name: "in".into(),
                    source: InputSource::Product { product: up.id.clone(), port: port.id.clone() },
                    contract: port.contract.clone(),
                    ..Default::default()
                }],
                ..Default::default()
            };
            Edit::append(w, Item::Product(reader))
        }
        5 if !w.context.glossary.is_empty() => {
            let term = &w.context.glossary[pick(w.context.glossary.len(), n)];
            Edit::remove(w, Collection::Glossary, &term.id).ok()?
        }
        6 if !w.context.teams.is_empty() => {
            let team = &w.context.teams[pick(w.context.teams.len(), n)];
            Edit::remove(w, Collection::Teams, &team.id).ok()?
        }
        7 if !w.context.use_cases.is_empty() => {
            let u = &w.context.use_cases[pick(w.context.use_cases.len(), n)];
            Edit::remove(w, Collection::UseCases, &u.id).ok()?
        }
        8 => Edit::SetNodes(vec![(format!("product:p{n}"), Some(Point { x: 1.0, y: 2.0 }))]),
        _ => return None,
    })
}

/// Fields reached from `start` through lineage and foreign keys, by brute force: a property
/// depends on `f` when one of its sources is `f`, a part of `f` (`f.child`) or a whole that
/// holds `f` (its parent property or its object).
fn naive_field_walk(w: &Workspace, start: &str) -> BTreeSet<String> {
    let mut fields: Vec<(String, Vec<String>)> = Vec::new();
    for c in &w.contracts {
        for (path, p) in c.all_properties() {
            let mut sources = p.transform_source_objects.clone();
            for r in &p.relationships {
                sources.push(if r.to.contains('/') { r.to.clone() } else { format!("{}/{}", c.id, r.to) });
            }
            fields.push((format!("{}/{path}", c.id), sources));
        }
    }
    let related = |s: &str, f: &str| s == f || s.starts_with(&format!("{f}.")) || f.starts_with(&format!("{s}."));
    let mut seen = BTreeSet::from([start.to_owned()]);
    let mut queue = VecDeque::from([start.to_owned()]);
    while let Some(f) = queue.pop_front() {
        for (id, sources) in &fields {
            if sources.iter().any(|s| related(s, &f)) && seen.insert(id.clone()) {
                queue.push_back(id.clone());
            }
        }
    }
    seen
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn check_is_deterministic_and_never_panics(w in damaged()) {
        let first = check(&w);
        prop_assert_eq!(&first, &check(&w.clone()));
        for d in &first {
            prop_assert!(!d.message.is_empty() && !d.hint.is_empty(), "{:?}", d);
        }
    }

    #[test]
    fn product_impact_matches_a_naive_walk(w in damaged(), at in any::<u64>()) {
        if w.products.is_empty() {
            return Ok(());
        }
        let id = w.products[pick(w.products.len(), at)].id.clone();
        let impact = impact_of(&w, &id).expect("a product id resolves");
        let got: BTreeSet<String> = impact.products.iter().map(|h| h.id.clone()).collect();
        prop_assert_eq!(got, naive_downstream(&w, &id));
        prop_assert!(impact.products.iter().any(|h| h.id == id && h.depth == 0));
    }

    #[test]
    fn field_impact_matches_a_brute_force_walk(
        n in 1usize..25, seed in any::<u64>(), at in any::<u64>(), pick_field in any::<u64>(),
        links in prop::collection::vec((any::<u64>(), any::<u64>(), any::<u64>(), any::<u64>()), 0..6),
    ) {
        let mut w = generate(n, seed);
        // Foreign keys without lineage, some within one contract (`object.property` form).
        for (from_c, from_p, to_c, to_p) in links {
            let target = &w.contracts[pick(w.contracts.len(), to_c)];
            let paths = target.all_properties();
            let (path, _) = &paths[pick(paths.len(), to_p)];
            let to = if from_c.is_multiple_of(2) { format!("{}/{path}", target.id) } else { path.clone() };
            let source = if from_c.is_multiple_of(2) { pick(w.contracts.len(), from_c) } else { pick(w.contracts.len(), to_c) };
            let props = &mut w.contracts[source].schema[0].properties;
            let at = pick(props.len(), from_p);
            props[at].relationships.push(Relationship { to, ..Default::default() });
        }
        let c = &w.contracts[pick(w.contracts.len(), at)];
        let properties = c.all_properties();
        let (path, _) = &properties[pick(properties.len(), pick_field)];
        let field = format!("{}/{path}", c.id);
        let impact = impact_of(&w, &field).expect("an existing field resolves");
        let got: BTreeSet<String> = impact.fields.iter().map(|h| h.id.clone()).collect();
        prop_assert_eq!(got, naive_field_walk(&w, &field));
    }

    #[test]
    fn every_field_and_contract_analyses_without_panic(w in damaged(), at in any::<u64>()) {
        if let Some(c) = w.contracts.get(pick(w.contracts.len(), at)) {
            let _ = analyse(&w, &Target::Contract(c.id.clone()));
            for (path, _) in c.all_properties() {
                let field = format!("{}/{path}", c.id);
                let impact = impact_of(&w, &field).expect("an existing field resolves");
                prop_assert_eq!(impact.fields.first().map(|h| h.id.as_str()), Some(field.as_str()));
            }
        }
    }

    #[test]
    fn diff_is_empty_on_equal_and_breaking_on_a_removed_field(
        n in 1usize..20, seed in any::<u64>(), at in any::<u64>(), other in any::<u64>(),
    ) {
        let w = generate(n, seed);
        prop_assert!(diff_workspaces(&w, &w.clone()).is_empty());
        let c = &w.contracts[pick(w.contracts.len(), at)];
        prop_assert!(diff(c, c).changes.is_empty());
        let mut changed = c.clone();
        let properties = &mut changed.schema[0].properties;
        let gone = properties.remove(pick(properties.len(), other));
        let d = diff(c, &changed);
        prop_assert!(d.is_breaking(), "{:?}", d);
        prop_assert!(d.changes.iter().any(|ch| ch.path.ends_with(&gone.name)));
        // Any two contracts compare without panic.
        let _ = diff(c, &w.contracts[pick(w.contracts.len(), other)]);
    }

    #[test]
    fn incremental_check_after_edits_equals_a_full_check(
        n in 0usize..25, seed in any::<u64>(), edits in prop::collection::vec((any::<u8>(), any::<u64>()), 1..12),
    ) {
        let mut w = generate(n, seed);
        let mut checker = Checker::new(&w);
        for (kind, at) in edits {
            let Some(edit) = user_edit(&w, kind, at) else { continue };
            let mut touched = edit.touched();
            let inverse = edit.apply(&mut w).expect("a user edit applies");
            touched.merge(inverse.touched());
            if !touched.is_layout_only() {
                checker.update(&w, &Change::from(&touched));
            }
            let full = check(&w);
            prop_assert_eq!(checker.diagnostics(), full.as_slice());
        }
    }
}

/// A workspace large enough for `check` to share its entities out over threads (natively, on
/// more than one core) reports what `Checker::new`, which checks them on one thread, reports.
#[test]
fn a_check_shared_over_threads_equals_one_on_a_single_thread() {
    for seed in 0..3u64 {
        let mut w = generate(90, seed);
        assert!(w.contracts.len() >= 200, "the workspace is too small to be shared out");
        for i in 0..60u64 {
            damage(&mut w, (i % 10) as u8, seed.wrapping_mul(7919).wrapping_add(i * 104_729));
        }
        let shared = check(&w);
        assert!(shared.len() > 20, "the damage should show: {}", shared.len());
        assert_eq!(Checker::new(&w).diagnostics(), shared.as_slice(), "seed {seed}");
    }
}
