//! Property tests of copy, paste and multi-delete over generated workspaces: whatever nodes
//! are picked and wherever they are pasted (the same workspace or another one), nothing
//! panics, ids stay unique, every reference of a copy resolves in the target, and undo
//! restores the workspace exactly.

use std::collections::BTreeSet;

use dpstudio_model::*;
use proptest::prelude::*;

/// Every node of `w`, so a bit mask can pick some.
fn all_nodes(w: &Workspace) -> Vec<CanvasNode> {
    let products = w.products.iter().map(|p| CanvasNode::new(NodeKind::Product, p.id.clone()));
    let systems = w.context.source_systems.iter().map(|s| CanvasNode::new(NodeKind::System, s.id.clone()));
    let use_cases = w.context.use_cases.iter().map(|u| CanvasNode::new(NodeKind::UseCase, u.id.clone()));
    products.chain(systems).chain(use_cases).collect()
}

fn picked(w: &Workspace, mask: u64) -> Vec<CanvasNode> {
    all_nodes(w).into_iter().enumerate().filter(|(i, _)| mask >> (i % 64) & 1 == 1).map(|(_, n)| n).collect()
}

fn unique<'a>(ids: impl Iterator<Item = &'a String>) -> bool {
    let mut seen = BTreeSet::new();
    ids.into_iter().all(|id| seen.insert(id))
}

/// Every product, port and contract a product or use case of `w` names exists in `w` (an
/// unbound input, reading the empty system id, names nothing).
fn references_resolve(w: &Workspace, products: &[&DataProduct], use_cases: &[&UseCase]) -> bool {
    let port = |product: &str, port: &str| w.product(product).is_some_and(|p| p.output_port(port).is_some());
    let contract = |c: &Option<ContractRef>| c.as_ref().is_none_or(|c| w.contract(&c.id).is_some());
    let inputs_ok = products.iter().flat_map(|p| &p.input_ports).all(|i| {
        contract(&i.contract)
            && match &i.source {
                InputSource::Product { product, port: out } => port(product, out),
                InputSource::System { system } => system.is_empty() || w.context.source_systems.iter().any(|s| &s.id == system),
            }
    });
    let outputs_ok = products.iter().flat_map(|p| &p.output_ports).all(|o| contract(&o.contract));
    let consumes_ok = use_cases.iter().flat_map(|u| &u.consumes).all(|r| port(&r.product, &r.port));
    inputs_ok && outputs_ok && consumes_ok
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn paste_is_consistent_and_undone_exactly(seed in 0u64..1000, mask in any::<u64>(), into_other in any::<bool>(), times in 1usize..3) {
        let source = generate(12, seed);
        let original = if into_other { generate(4, seed + 1) } else { source.clone() };
        let fragment = Fragment::collect(&source, &picked(&source, mask));
        let read_back = Fragment::from_json(&fragment.to_json());
        prop_assert_eq!(read_back.as_ref(), Ok(&fragment));

        let mut w = original.clone();
        let mut inverses = Vec::new();
        let mut pasted_nodes = Vec::new();
        for _ in 0..times {
            let offset = fragment.free_offset(&w);
            let Some(pasted) = fragment.paste(&w, offset) else {
                prop_assert!(fragment.is_empty());
                break;
            };
            inverses.push(pasted.edit.apply(&mut w).expect("a paste applies"));
            pasted_nodes.extend(pasted.nodes);
        }
        prop_assert!(unique(w.products.iter().map(|p| &p.id)));
        prop_assert!(unique(w.contracts.iter().map(|c| &c.id)));
        prop_assert!(unique(w.context.source_systems.iter().map(|s| &s.id)));
        prop_assert!(unique(w.context.use_cases.iter().map(|u| &u.id)));
        prop_assert!(pasted_nodes.iter().all(|n| n.exists_in(&w) && w.layout.nodes.contains_key(&n.key())));
        let copies: Vec<&DataProduct> = w.products.iter().filter(|p| pasted_nodes.iter().any(|n| n.kind == NodeKind::Product && n.id == p.id)).collect();
        let use_cases: Vec<&UseCase> = w.context.use_cases.iter().filter(|u| pasted_nodes.iter().any(|n| n.kind == NodeKind::UseCase && n.id == u.id)).collect();
        prop_assert!(references_resolve(&w, &copies, &use_cases));

        for inverse in inverses.into_iter().rev() {
            inverse.apply(&mut w).expect("undo applies");
        }
        prop_assert_eq!(w, original);
    }

    #[test]
    fn removing_picked_nodes_is_undone_exactly(seed in 0u64..1000, mask in any::<u64>()) {
        let original = generate(12, seed);
        let nodes = picked(&original, mask);
        let mut w = original.clone();
        match remove_nodes(&w, &nodes) {
            None => prop_assert!(nodes.is_empty()),
            Some(edit) => {
                let inverse = edit.apply(&mut w).expect("the removal applies");
                prop_assert!(nodes.iter().all(|n| !n.exists_in(&w) && !w.layout.nodes.contains_key(&n.key())));
                prop_assert_eq!(all_nodes(&w).len(), all_nodes(&original).len() - nodes.len());
                inverse.apply(&mut w).expect("undo applies");
                prop_assert_eq!(w, original);
            }
        }
    }
}
