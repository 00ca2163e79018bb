//! Lineage edges: source system → input port, upstream output port → input port, and output
//! port → use case. Drawn as curves that follow nodes while they are dragged.

use dpstudio_model::{InputSource, NodeKind, Point};
use leptos::prelude::*;

use super::geometry::{port_row_y, PRODUCT_WIDTH, SMALL_HEIGHT, SMALL_WIDTH};
use super::{node_position, Viewport};
use crate::state::Studio;

#[derive(Clone, PartialEq)]
struct Edge {
    from: Point,
    to: Point,
    /// Either end belongs to the selected node.
    highlighted: bool,
    kind: &'static str,
}

fn offset(p: Point, dx: f64, dy: f64) -> Point {
    Point { x: p.x + dx, y: p.y + dy }
}

fn curve(from: Point, to: Point) -> String {
    let dx = ((to.x - from.x).abs() / 2.0).max(40.0);
    format!(
        "M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
        from.x, from.y, from.x + dx, from.y, to.x - dx, to.y, to.x, to.y
    )
}

#[component]
pub fn Edges() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let view = expect_context::<Viewport>();
    // A memo: an edit that moves no edge (typing a name) redraws none.
    let edges = Memo::new(move |_| {
        let selection = studio.selection.get();
        let is_selected = |kind: NodeKind, id: &str| selection.as_ref().is_some_and(|s| s.has_node(kind, id));
        studio.workspace.with(|ws| {
            let mut out = Vec::new();
            for product in &ws.products {
                let here = node_position(studio, view, NodeKind::Product, &product.id);
                for (row, input) in product.input_ports.iter().enumerate() {
                    let to = offset(here, 0.0, port_row_y(row));
                    let (from, upstream_selected, kind) = match &input.source {
                        InputSource::System { system } => {
                            if !ws.context.source_systems.iter().any(|s| &s.id == system) {
                                continue;
                            }
                            let p = node_position(studio, view, NodeKind::System, system);
                            (offset(p, SMALL_WIDTH, SMALL_HEIGHT / 2.0), is_selected(NodeKind::System, system), "edge source")
                        }
                        InputSource::Product { product: upstream, port } => {
                            let Some(up) = ws.product(upstream) else { continue };
                            let Some(row) = up.output_ports.iter().position(|o| &o.id == port) else { continue };
                            let p = node_position(studio, view, NodeKind::Product, upstream);
                            (offset(p, PRODUCT_WIDTH, port_row_y(row)), is_selected(NodeKind::Product, upstream), "edge lineage")
                        }
                    };
                    let highlighted = upstream_selected || is_selected(NodeKind::Product, &product.id);
                    out.push(Edge { from, to, highlighted, kind });
                }
            }
            for use_case in &ws.context.use_cases {
                let here = node_position(studio, view, NodeKind::UseCase, &use_case.id);
                for consumed in &use_case.consumes {
                    let Some(up) = ws.product(&consumed.product) else { continue };
                    let Some(row) = up.output_ports.iter().position(|o| o.id == consumed.port) else { continue };
                    let p = node_position(studio, view, NodeKind::Product, &up.id);
                    out.push(Edge {
                        from: offset(p, PRODUCT_WIDTH, port_row_y(row)),
                        to: offset(here, 0.0, SMALL_HEIGHT / 2.0),
                        highlighted: is_selected(NodeKind::Product, &up.id) || is_selected(NodeKind::UseCase, &use_case.id),
                        kind: "edge consumption",
                    });
                }
            }
            out
        })
    });
    view! {
        <g class="edges">
            {move || edges.get().into_iter().map(|e| view! {
                <path class=e.kind class:highlighted=e.highlighted d=curve(e.from, e.to) marker-end="url(#arrow)" />
            }).collect_view()}
        </g>
    }
}
