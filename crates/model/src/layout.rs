//! Canvas layout: where each node sits, how the view is set, and the sticky notes. Kept apart
//! from the semantics so that exports never contain it and moving a node never changes a spec.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use crate::{Id, Note};

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    #[serde(serialize_with = "hundredths")]
    pub x: f64,
    #[serde(serialize_with = "hundredths")]
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Viewport {
    #[serde(serialize_with = "hundredths")]
    pub x: f64,
    #[serde(serialize_with = "hundredths")]
    pub y: f64,
    #[serde(serialize_with = "ten_thousandths")]
    pub zoom: f64,
}

impl Point {
    /// The point to a hundredth of a pixel, as it is saved: where the canvas puts a node it
    /// puts it at a saved position, so what is shown is what a reload or a share link shows.
    pub fn rounded(self) -> Point {
        Point { x: rounded(self.x, 100.0), y: rounded(self.y, 100.0) }
    }
}

/// Positions are written to a hundredth of a pixel and the zoom to four decimals. Finer figures
/// show nothing, make noisy diffs in a repo, and a drag or a zoom step easily makes numbers of 17
/// significant digits, which the app's JSON reader (serde_json without its large exact-float
/// parser) may read back one unit in the last place off: a share link or a reload would then
/// not reproduce the workspace exactly. Short decimals read back exactly.
fn hundredths<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(rounded(*value, 100.0))
}

fn ten_thousandths<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(rounded(*value, 10_000.0))
}

/// `value` to the nearest 1/`scale`; values too large to scale (or not finite) stay as they are.
pub(crate) fn rounded(value: f64, scale: f64) -> f64 {
    let scaled = (value * scale).round() / scale;
    if scaled.is_finite() { scaled } else { value }
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
