use super::*;
use crate::{from_json, Domain};

fn retail() -> Workspace {
    from_json(include_str!("../../../../examples/retail.workspace.json")).expect("example loads")
}

fn nodes(list: &[(NodeKind, &str)]) -> Vec<CanvasNode> {
    list.iter().map(|(kind, id)| CanvasNode::new(*kind, *id)).collect()
}

/// Pastes `fragment` into `w` at the free offset, returning the inverse edit.
fn paste_into(w: &mut Workspace, fragment: &Fragment) -> (Pasted, Edit) {
    let offset = fragment.free_offset(w);
    let pasted = fragment.paste(w, offset).expect("something to paste");
    let inverse = pasted.edit.clone().apply(w).expect("the paste applies");
    (pasted, inverse)
}

fn product<'a>(w: &'a Workspace, name: &str) -> &'a DataProduct {
    w.products.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no product named {name}"))
}

#[test]
fn collect_takes_the_nodes_their_bound_contracts_and_positions() {
    let w = retail();
    let fragment = Fragment::collect(
        &w,
        &nodes(&[(NodeKind::Product, "daily-revenue"), (NodeKind::System, "crm"), (NodeKind::UseCase, "churn-campaigns"), (NodeKind::Product, "gone")]),
    );
    assert_eq!(fragment.products.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["daily-revenue"]);
    // Two output ports share one contract: it is copied once.
    assert_eq!(fragment.contracts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["daily-revenue"]);
    assert_eq!(fragment.source_systems.len(), 1);
    assert_eq!(fragment.use_cases.len(), 1);
    assert_eq!(fragment.positions.len(), 3);
    assert!(!fragment.is_empty());
    assert!(Fragment::collect(&w, &[]).is_empty());
}

#[test]
fn references_inside_the_copied_set_point_at_the_copies() {
    let mut w = retail();
    let fragment = Fragment::collect(&w, &nodes(&[(NodeKind::Product, "web-orders"), (NodeKind::Product, "daily-revenue"), (NodeKind::System, "webshop")]));
    let (pasted, _) = paste_into(&mut w, &fragment);
    assert_eq!(pasted.nodes.len(), 3);

    let orders = product(&w, "Web Orders (copy)").clone();
    let revenue = product(&w, "Daily Revenue (copy)").clone();
    assert_eq!(orders.id, "web-orders-copy");
    assert_eq!(
        revenue.input_ports[0].source,
        InputSource::Product { product: orders.id.clone(), port: "orders-table".into() },
        "the copy reads the copied upstream"
    );
    let system = w.context.source_systems.last().expect("the system was pasted");
    assert!(system.name.ends_with(" (copy)"));
    assert_eq!(orders.input_ports[0].source, InputSource::System { system: system.id.clone() });
    // Each copy publishes its own copy of the contract, which names the copy as its product.
    let contract_id = &orders.output_ports[0].contract.as_ref().expect("bound").id;
    assert_eq!(contract_id, "orders-copy");
    let contract = w.contract(contract_id).expect("the contract was pasted");
    assert_eq!(contract.data_product.as_deref(), Some(orders.id.as_str()));
    assert_eq!(contract.name, format!("{} (copy)", retail().contract("orders").map(|c| c.name.clone()).unwrap_or_default()));
    // The input records the copied upstream contract, as connecting by hand does.
    assert_eq!(revenue.input_ports[0].contract.as_ref().map(|c| c.id.as_str()), Some("orders-copy"));
    // Both revenue ports stay bound to the one copied contract.
    assert!(revenue.output_ports.iter().all(|o| o.contract.as_ref().map(|c| c.id.as_str()) == Some("daily-revenue-copy")));
    assert!(w.layout.nodes.contains_key("product:daily-revenue-copy"));
    assert!(w.layout.nodes.contains_key(&format!("system:{}", system.id)));
}

#[test]
fn references_outside_the_set_are_kept_when_the_target_has_them() {
    let mut w = retail();
    let fragment =
        Fragment::collect(&w, &nodes(&[(NodeKind::Product, "daily-revenue"), (NodeKind::UseCase, "weekly-revenue-report")]));
    paste_into(&mut w, &fragment);
    let copy = product(&w, "Daily Revenue (copy)");
    assert_eq!(copy.input_ports[0].source, InputSource::Product { product: "web-orders".into(), port: "orders-table".into() });
    assert_eq!(copy.input_ports[0].contract.as_ref().map(|c| c.id.as_str()), Some("orders"));
    assert_eq!(copy.domain, retail().product("daily-revenue").and_then(|p| p.domain.clone()));
    let use_case = w.context.use_cases.iter().find(|u| u.name.ends_with("(copy)")).expect("use case pasted");
    assert_eq!(use_case.consumes, vec![PortRef { product: copy.id.clone(), port: "revenue-metrics".into() }]);
}

#[test]
fn references_the_target_lacks_are_dropped_and_ports_kept() {
    let source = retail();
    let fragment = Fragment::collect(&source, &nodes(&[(NodeKind::Product, "daily-revenue"), (NodeKind::Product, "customers")]));
    let mut empty = Workspace::default();
    empty.context.domains.push(Domain { id: "elsewhere".into(), name: "Elsewhere".into(), ..Default::default() });
    let (pasted, _) = paste_into(&mut empty, &fragment);
    assert_eq!(pasted.nodes.len(), 2);
    let revenue = product(&empty, "Daily Revenue (copy)");
    assert_eq!(revenue.input_ports.len(), 1, "the port stays");
    assert_eq!(revenue.input_ports[0].source, InputSource::default(), "reading nothing");
    assert_eq!(revenue.input_ports[0].contract, None);
    assert_eq!(revenue.domain, None);
    assert_eq!(revenue.owner_team, None);
    let customers = product(&empty, "Customers (copy)");
    assert_eq!(customers.input_ports[0].source, InputSource::default(), "the CRM system was not copied");
    assert_eq!(empty.contracts.len(), 2);
    assert!(empty.contracts.iter().all(|c| c.domain.is_none() && c.team.is_none()));
}

#[test]
fn repeated_pastes_get_unique_names_ids_and_cascade() {
    let mut w = retail();
    let fragment = Fragment::collect(&w, &nodes(&[(NodeKind::Product, "web-orders")]));
    let (first, _) = paste_into(&mut w, &fragment);
    let (second, _) = paste_into(&mut w, &fragment);
    assert_eq!(first.nodes, nodes(&[(NodeKind::Product, "web-orders-copy")]));
    assert_eq!(second.nodes, nodes(&[(NodeKind::Product, "web-orders-copy-2")]));
    assert_eq!(product(&w, "Web Orders (copy 2)").id, "web-orders-copy-2");
    let at = |key: &str| w.layout.nodes.get(key).copied().expect("placed");
    let original = at("product:web-orders");
    assert_eq!(at("product:web-orders-copy"), Point { x: original.x + 40.0, y: original.y + 40.0 });
    assert_eq!(at("product:web-orders-copy-2"), Point { x: original.x + 80.0, y: original.y + 80.0 });

    // A copy of a copy is named after the original, not "(copy) (copy)".
    let again = Fragment::collect(&w, &nodes(&[(NodeKind::Product, "web-orders-copy")]));
    paste_into(&mut w, &again);
    assert!(w.products.iter().any(|p| p.name == "Web Orders (copy 3)"));
    let ids: BTreeSet<&str> = w.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), w.products.len(), "product ids stay unique");
    let contract_ids: BTreeSet<&str> = w.contracts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(contract_ids.len(), w.contracts.len(), "contract ids stay unique");
}

#[test]
fn undo_of_a_paste_restores_the_workspace_exactly() {
    let original = retail();
    let mut w = original.clone();
    let all = nodes(&[
        (NodeKind::Product, "web-orders"),
        (NodeKind::Product, "customer-360"),
        (NodeKind::System, "crm"),
        (NodeKind::UseCase, "churn-campaigns"),
    ]);
    let (_, inverse) = paste_into(&mut w, &Fragment::collect(&original, &all));
    assert_eq!(w.products.len(), original.products.len() + 2);
    inverse.apply(&mut w).expect("undo applies");
    assert_eq!(w, original);
}

#[test]
fn a_fragment_round_trips_through_clipboard_text() {
    let w = retail();
    let fragment = Fragment::collect(&w, &nodes(&[(NodeKind::Product, "customer-360"), (NodeKind::System, "crm")]));
    let text = fragment.to_json();
    assert!(text.starts_with("{\"dpstudio-clipboard\":1"));
    assert_eq!(Fragment::from_json(&text), Ok(fragment));
}

#[test]
fn other_clipboard_text_is_refused_without_panicking() {
    assert_eq!(Fragment::from_json("Orders"), Err(ClipboardError::NotOurs));
    assert_eq!(Fragment::from_json(""), Err(ClipboardError::NotOurs));
    assert_eq!(Fragment::from_json("{\"products\": []}"), Err(ClipboardError::NotOurs));
    assert_eq!(Fragment::from_json("[1, 2]"), Err(ClipboardError::NotOurs));
    assert_eq!(Fragment::from_json("{\"dpstudio-clipboard\": 7}"), Err(ClipboardError::Newer(7)));
    assert!(matches!(Fragment::from_json("{\"dpstudio-clipboard\": \"x\"}"), Err(ClipboardError::Damaged(_))));
    assert!(matches!(Fragment::from_json("{\"dpstudio-clipboard\": 1, \"products\": 3}"), Err(ClipboardError::Damaged(_))));
    let empty = Fragment::from_json("{\"dpstudio-clipboard\": 1}").expect("an empty fragment reads");
    assert_eq!(empty.paste(&retail(), Point::default()), None);
}

#[test]
fn copy_suffixes_are_recognised_exactly() {
    assert_eq!(without_copy_suffix("Orders (copy)"), "Orders");
    assert_eq!(without_copy_suffix("Orders (copy 12)"), "Orders");
    assert_eq!(without_copy_suffix("Orders (copy x)"), "Orders (copy x)");
    assert_eq!(without_copy_suffix("Orders (copy "), "Orders (copy ");
    assert_eq!(without_copy_suffix(" (copy)"), "");
    assert_eq!(without_copy_suffix("Orders"), "Orders");
}
