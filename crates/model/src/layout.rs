//! Canvas layout: where each node sits, how the view is set, and the sticky notes. Kept apart
//! from the semantics so that exports never contain it and moving a node never changes a spec.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Id, Note};

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport { x: 0.0, y: 0.0, zoom: 1.0 }
    }
}

/// Node positions keyed by node id (`product:orders`, `system:erp`, `usecase:churn`,
/// `contract:orders`, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Layout {
    #[serde(default)]
    pub nodes: BTreeMap<String, Point>,
    #[serde(default)]
    pub viewport: Viewport,
    /// Sticky notes, in drawing order. Omitted when there are none, so files without notes
    /// are written exactly as before notes existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// The kinds of node the canvas draws; the layout key is `kind:id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    Product,
    System,
    UseCase,
    /// A contract no output port is bound to (bound ones are drawn on their port).
    Contract,
}

impl NodeKind {
    pub fn prefix(self) -> &'static str {
        match self {
            NodeKind::Product => "product",
            NodeKind::System => "system",
            NodeKind::UseCase => "usecase",
            NodeKind::Contract => "contract",
        }
    }
}

pub fn node_key(kind: NodeKind, id: &Id) -> String {
    format!("{}:{id}", kind.prefix())
}
