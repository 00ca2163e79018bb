//! Several canvas nodes at once: what a multi-selection names, and the one edit that removes
//! them all. Removing follows what deleting one node does: the entity and its position go,
//! references to it stay (the checks report them) so undo brings everything back as it was.

use crate::{node_key, Collection, Edit, Id, NodeKind, Workspace};

/// One node on the canvas: a product, a source system, a use case, or a contract no output
/// port publishes (bound contracts are drawn on their ports, not as nodes).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CanvasNode {
    pub kind: NodeKind,
    pub id: Id,
}

impl CanvasNode {
    pub fn new(kind: NodeKind, id: impl Into<Id>) -> CanvasNode {
        CanvasNode { kind, id: id.into() }
    }

    /// Its layout key (`product:orders`).
    pub fn key(&self) -> String {
        node_key(self.kind, &self.id)
    }

    pub fn collection(&self) -> Collection {
        match self.kind {
            NodeKind::Product => Collection::Products,
            NodeKind::System => Collection::SourceSystems,
            NodeKind::UseCase => Collection::UseCases,
            NodeKind::Contract => Collection::Contracts,
        }
    }

    /// Whether `workspace` has this node's entity.
    pub fn exists_in(&self, workspace: &Workspace) -> bool {
        self.collection().position(workspace, &self.id).is_some()
    }
}

/// The edit that removes every node of `nodes` that `workspace` has, with its canvas
/// position, as one undo step; `None` when none of them is there.
pub fn remove_nodes(workspace: &Workspace, nodes: &[CanvasNode]) -> Option<Edit> {
    let mut edits = Vec::new();
    for collection in [Collection::Products, Collection::SourceSystems, Collection::UseCases, Collection::Contracts] {
        let mut doomed: Vec<(usize, &Id)> = nodes
            .iter()
            .filter(|n| n.collection() == collection)
            .filter_map(|n| collection.position(workspace, &n.id).map(|index| (index, &n.id)))
            .collect();
        // From the end backwards, so removing one never shifts the index of the next.
        doomed.sort_unstable_by_key(|d| std::cmp::Reverse(d.0));
        doomed.dedup_by_key(|(index, _)| *index);
        edits.extend(doomed.into_iter().map(|(index, id)| Edit::Remove { collection, index, id: id.clone() }));
    }
    if edits.is_empty() {
        return None;
    }
    let placed: Vec<_> = nodes
        .iter()
        .map(CanvasNode::key)
        .filter(|key| workspace.layout.nodes.contains_key(key))
        .map(|key| (key, None))
        .collect();
    if !placed.is_empty() {
        edits.push(Edit::SetNodes(placed));
    }
    Some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::from_json;

    fn retail() -> Workspace {
        from_json(include_str!("../../../examples/retail.workspace.json")).expect("example loads")
    }

    #[test]
    fn removes_every_named_node_in_one_step_and_undo_restores_it() {
        let original = retail();
        let mut w = original.clone();
        let nodes = [
            CanvasNode::new(NodeKind::Product, "web-orders"),
            CanvasNode::new(NodeKind::Product, "customer-360"),
            CanvasNode::new(NodeKind::System, "crm"),
            CanvasNode::new(NodeKind::UseCase, "churn-campaigns"),
            CanvasNode::new(NodeKind::Product, "web-orders"),
            CanvasNode::new(NodeKind::Product, "not-there"),
        ];
        let edit = remove_nodes(&w, &nodes).expect("something to remove");
        let inverse = edit.apply(&mut w).expect("applies");
        assert_eq!(w.products.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["customers", "daily-revenue"]);
        assert!(w.context.source_systems.iter().all(|s| s.id != "crm"));
        assert!(w.context.use_cases.iter().all(|u| u.id != "churn-campaigns"));
        assert!(!w.layout.nodes.contains_key("product:web-orders"));
        assert!(!w.layout.nodes.contains_key("usecase:churn-campaigns"));
        // Contracts stay, as when one product is deleted.
        assert_eq!(w.contracts.len(), original.contracts.len());
        inverse.apply(&mut w).expect("undo applies");
        assert_eq!(w, original);
    }

    #[test]
    fn nothing_to_remove_is_no_edit() {
        let w = retail();
        assert_eq!(remove_nodes(&w, &[]), None);
        assert_eq!(remove_nodes(&w, &[CanvasNode::new(NodeKind::System, "gone")]), None);
    }
}
