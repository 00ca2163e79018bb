//! The canvas nodes a [`Selection`] names. One node is selected as its own kind (so the
//! inspector shows its form); two or more as [`Selection::Nodes`] (the inspector sums them
//! up). Building selections only through [`Selection::of_nodes`] keeps that rule in one place.

use dpstudio_model::{CanvasNode, NodeKind, Workspace};

use crate::plural::plural;
use crate::state::Selection;

impl Selection {
    /// One node's own selection.
    pub fn of_node(node: CanvasNode) -> Selection {
        match node.kind {
            NodeKind::Product => Selection::Product(node.id),
            NodeKind::System => Selection::System(node.id),
            NodeKind::UseCase => Selection::UseCase(node.id),
            NodeKind::Contract => Selection::Contract(node.id),
        }
    }

    /// Nothing, one node's own selection, or several nodes; repeats are dropped.
    pub fn of_nodes(nodes: Vec<CanvasNode>) -> Option<Selection> {
        let mut unique: Vec<CanvasNode> = Vec::with_capacity(nodes.len());
        for node in nodes {
            if !unique.contains(&node) {
                unique.push(node);
            }
        }
        match unique.len() {
            0 => None,
            1 => unique.pop().map(Selection::of_node),
            _ => Some(Selection::Nodes(unique)),
        }
    }

    /// The canvas nodes selected: none for the context editor, none for an open contract
    /// (it may be one drawn on a port, which Delete must not remove), and none for a sticky
    /// note (notes are not nodes: box selection and Ctrl/⌘ A leave them alone).
    pub fn nodes(&self) -> Vec<CanvasNode> {
        match self {
            Selection::Product(id) => vec![CanvasNode::new(NodeKind::Product, id.clone())],
            Selection::System(id) => vec![CanvasNode::new(NodeKind::System, id.clone())],
            Selection::UseCase(id) => vec![CanvasNode::new(NodeKind::UseCase, id.clone())],
            Selection::Nodes(nodes) => nodes.clone(),
            Selection::Contract(_) | Selection::Context(..) | Selection::Note(_) => Vec::new(),
        }
    }

    pub fn has_node(&self, kind: NodeKind, id: &str) -> bool {
        match self {
            Selection::Product(x) => kind == NodeKind::Product && x == id,
            Selection::System(x) => kind == NodeKind::System && x == id,
            Selection::UseCase(x) => kind == NodeKind::UseCase && x == id,
            Selection::Contract(x) => kind == NodeKind::Contract && x == id,
            Selection::Nodes(nodes) => nodes.iter().any(|n| n.kind == kind && n.id == id),
            Selection::Context(..) | Selection::Note(_) => false,
        }
    }
}

/// The canvas nodes of an optional selection.
pub fn nodes_of(selection: Option<&Selection>) -> Vec<CanvasNode> {
    selection.map(Selection::nodes).unwrap_or_default()
}

/// `selection` with `node` added, or taken out when it was in.
pub fn toggled(selection: Option<&Selection>, node: CanvasNode) -> Option<Selection> {
    let mut nodes = nodes_of(selection);
    match nodes.iter().position(|n| *n == node) {
        Some(index) => {
            nodes.remove(index);
        }
        None => nodes.push(node),
    }
    Selection::of_nodes(nodes)
}

/// "2 products, 1 source system" — what `nodes` are, counted by kind; only nodes `workspace`
/// still has are counted.
pub fn describe(workspace: &Workspace, nodes: &[CanvasNode]) -> String {
    let count = |kind: NodeKind| nodes.iter().filter(|n| n.kind == kind && n.exists_in(workspace)).count();
    let parts: Vec<String> = [(NodeKind::Product, "product"), (NodeKind::System, "source system"), (NodeKind::UseCase, "use case"), (NodeKind::Contract, "contract")]
        .into_iter()
        .filter_map(|(kind, noun)| match count(kind) {
            0 => None,
            n => Some(format!("{n} {noun}{}", plural(n))),
        })
        .collect();
    if parts.is_empty() {
        "nothing".to_owned()
    } else {
        parts.join(", ")
    }
}

/// The display name of a node, if `workspace` has it.
pub fn node_name(workspace: &Workspace, node: &CanvasNode) -> Option<String> {
    let context = &workspace.context;
    match node.kind {
        NodeKind::Product => workspace.product(&node.id).map(|p| p.name.clone()),
        NodeKind::System => context.source_systems.iter().find(|s| s.id == node.id).map(|s| s.name.clone()),
        NodeKind::UseCase => context.use_cases.iter().find(|u| u.id == node.id).map(|u| u.name.clone()),
        NodeKind::Contract => workspace.contract(&node.id).map(|c| c.name.clone()),
    }
}
