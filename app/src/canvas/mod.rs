//! The canvas: an SVG view of the mesh — domains as frames, source systems, products with their
//! ports, use cases, contracts no port publishes yet, and lineage edges — with pan, zoom, fit-to-view and node dragging.

mod connect;
mod edges;
mod frames;
pub(crate) mod geometry;
mod minimap;
mod nodes;
mod notes;
pub mod picture;
mod select;
mod viewport;

use dpstudio_model::{node_key, Edit, NodeKind, Point};
use leptos::prelude::*;

use crate::state::Studio;
pub use notes::{add_note, delete_note};
pub use select::{copy_selection, delete_selection, duplicate_selection, paste_fragment, paste_later, select_all};
pub use viewport::Viewport;

/// The canvas's width and height on screen now, for code outside the canvas component (which
/// has its own node ref): placing new nodes, fitting after a change, present mode.
pub fn canvas_size() -> Option<(f64, f64)> {
    let svg = web_sys::window()?.document()?.query_selector(".canvas-svg").ok()??;
    let r = svg.get_bounding_client_rect();
    Some((r.width(), r.height()))
}

/// Above this many products the canvas drops per-node shadows: repainting a thousand filtered
/// shapes on every pan frame is what made large meshes stutter.
const MANY_PRODUCTS: usize = 150;

#[component]
pub fn Canvas() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let view = expect_context::<Viewport>();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();

    let fit = move || {
        let Some(svg) = svg_ref.get_untracked() else { return };
        let rect = svg.get_bounding_client_rect();
        studio.workspace.with_untracked(|ws| view.fit(ws, rect.width(), rect.height()));
    };
    // Show the whole workspace on first paint, once the SVG has a size, and again whenever
    // another workspace is opened (switched to, or started from a template). The id is a memo
    // so edits to the workspace do not re-fit.
    let workspace_id = Memo::new(move |_| studio.workspace.with(|ws| ws.id.clone()));
    Effect::new(move |_| {
        // Read, not only tracked: a memo that is never read never computes, never subscribes to
        // the workspace, and so never changes (`track()` alone left the fit at first paint).
        workspace_id.with(|_| ());
        if svg_ref.get().is_some() {
            // After the frame's layout: the inspector beside the canvas changes width with the
            // workspace that opens, and a fit measured before that cut the right of the mesh.
            request_animation_frame(fit);
        }
    });

    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let Some(svg) = svg_ref.get_untracked() else { return };
        let rect = svg.get_bounding_client_rect();
        let factor = (-ev.delta_y() * 0.0015).exp();
        view.zoom_at(f64::from(ev.client_x()) - rect.left(), f64::from(ev.client_y()) - rect.top(), factor);
    };
    // Touch points on the canvas: two of them pinch-zoom around their midpoint.
    let touches = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let pinch = move |ev: &leptos::ev::PointerEvent| -> bool {
        let (id, x, y) = (ev.pointer_id(), f64::from(ev.client_x()), f64::from(ev.client_y()));
        let mut before = None;
        touches.update_value(|t| {
            if let Some(index) = t.iter().position(|e| e.0 == id) {
                if t.len() == 2 {
                    before = Some(t.clone());
                }
                t[index] = (id, x, y);
            }
        });
        let (Some(before), Some(svg)) = (before, svg_ref.get_untracked()) else { return false };
        let after = touches.get_value();
        let distance = |t: &[(i32, f64, f64)]| (t[0].1 - t[1].1).hypot(t[0].2 - t[1].2);
        let (old, new) = (distance(&before), distance(&after));
        if old > 1.0 {
            let rect = svg.get_bounding_client_rect();
            let mid = ((after[0].1 + after[1].1) / 2.0 - rect.left(), (after[0].2 + after[1].2) / 2.0 - rect.top());
            view.zoom_at(mid.0, mid.1, new / old);
        }
        true
    };
    let on_pointer_down = move |ev: leptos::ev::PointerEvent| {
        if ev.pointer_type() == "touch" {
            touches.update_value(|t| t.push((ev.pointer_id(), f64::from(ev.client_x()), f64::from(ev.client_y()))));
            if touches.with_value(Vec::len) == 2 {
                // The second finger turns the pan into a pinch.
                let _ = view.finish();
                return;
            }
        }
        let Some(svg) = svg_ref.get_untracked() else { return };
        // Only the background gets here (nodes stop propagation): Shift draws a selection
        // box, anything else pans.
        crate::clipboard::clear_text_selection();
        if ev.shift_key() && !view.space_held_untracked() {
            // No text selection: Shift would extend one across the page.
            ev.prevent_default();
            let rect = svg.get_bounding_client_rect();
            view.start_marquee(f64::from(ev.client_x()) - rect.left(), f64::from(ev.client_y()) - rect.top());
        } else {
            view.start_pan(f64::from(ev.client_x()), f64::from(ev.client_y()));
        }
        let _ = svg.set_pointer_capture(ev.pointer_id());
    };
    let on_pointer_move = move |ev: leptos::ev::PointerEvent| {
        if ev.pointer_type() == "touch" && pinch(&ev) {
            return;
        }
        if view.is_linking() || view.is_boxing() {
            if let Some(svg) = svg_ref.get_untracked() {
                let rect = svg.get_bounding_client_rect();
                let (sx, sy) = (f64::from(ev.client_x()) - rect.left(), f64::from(ev.client_y()) - rect.top());
                if view.is_boxing() {
                    view.marquee_to(sx, sy);
                } else {
                    view.link_to(sx, sy);
                }
            }
            return;
        }
        view.pointer_moved(f64::from(ev.client_x()), f64::from(ev.client_y()));
    };
    let on_pointer_up = move |ev: leptos::ev::PointerEvent| {
        let was_pinch = touches.with_value(|t| t.len() == 2);
        touches.update_value(|t| t.retain(|e| e.0 != ev.pointer_id()));
        if was_pinch {
            return;
        }
        if let Some(link) = view.take_link() {
            if let Some((product, row)) = connect::drop_target(f64::from(ev.client_x()), f64::from(ev.client_y())) {
                connect::connect(studio, link.source, &product, row);
            }
            return;
        }
        if let Some(marquee) = view.take_marquee() {
            if marquee.moved {
                select::add_boxed(studio, marquee.rect());
            }
            return;
        }
        if let Some(drag) = view.finish() {
            if drag.moved && !drag.origins.is_empty() {
                // The keys came from nodes and notes on the canvas, so this edit cannot fail.
                if let Some(edit) = studio.workspace.with_untracked(|ws| notes::drag_edit(ws, drag.positions())) {
                    let _ = studio.apply(edit);
                }
            } else if let Some(selection) = drag.on_click {
                studio.selection.set(Some(selection));
            }
        } else if !view.last_pan_moved() {
            studio.selection.set(None);
        }
    };

    view! {
        <section class="canvas" aria-label="Canvas">
            <svg
                node_ref=svg_ref
                class="canvas-svg"
                class:panning=move || view.is_panning()
                class:space-pan=move || view.space_held()
                class:many=move || studio.workspace.with(|ws| ws.products.len() > MANY_PRODUCTS)
                style:transform=move || view.shift_css()
                role="application"
                aria-label="Data product lineage canvas"
                on:wheel=on_wheel
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up
                on:pointercancel=move |ev| {
                    touches.update_value(|t| t.retain(|e| e.0 != ev.pointer_id()));
                    let _ = view.finish();
                    let _ = view.take_link();
                    let _ = view.take_marquee();
                }
            >
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
                    </marker>
                </defs>
                <g transform=move || view.transform()>
                    <frames::DomainFrames />
                    <edges::Edges />
                    <nodes::Nodes />
                    <notes::StickyNotes />
                    {move || view.link().map(|link| view! {
                        <line class="link-preview" x1=link.from.x y1=link.from.y x2=link.to.x y2=link.to.y />
                    })}
                    {move || view.marquee().map(|m| {
                        let r = m.rect();
                        view! { <rect class="marquee" data-testid="marquee" x=r.x y=r.y width=r.width height=r.height /> }
                    })}
                </g>
            </svg>
            <minimap::Minimap svg_ref />
            <notes::NoteWriter />
            <div class="visually-hidden" role="status" data-testid="canvas-announcement">{move || studio.announcement.get()}</div>
            <div class="canvas-tools" role="toolbar" aria-label="Zoom">
                <button class="tool" title="Zoom in" aria-label="Zoom in" on:click=move |_| view.zoom_centered(svg_ref, 1.2)>"+"</button>
                <button class="tool" title="Zoom out" aria-label="Zoom out" on:click=move |_| view.zoom_centered(svg_ref, 1.0 / 1.2)>"−"</button>
                <button class="tool wide" title="Add a sticky note for the discussion; never exported (S)" data-testid="add-note"
                    on:click=move |_| add_note(studio, view)>"+ Note"</button>
                <button class="tool wide" title="Fit to view" on:click=move |_| fit()>"Fit"</button>
                <button class="tool wide" title="Arrange left to right by lineage (undo restores the old positions)" data-testid="auto-layout"
                    on:click=move |_| { arrange(studio); fit(); }>"Auto-layout"</button>
                <span class="zoom-level" aria-live="polite">{move || format!("{:.0} %", view.zoom() * 100.0)}</span>
            </div>
        </section>
    }
}

/// Lays every node out left to right by lineage, as one undoable layout change.
fn arrange(studio: Studio) {
    let nodes = studio.workspace.with_untracked(|ws| {
        dpstudio_model::auto_layout(ws, |kind, id| match kind {
            NodeKind::Product => (geometry::PRODUCT_WIDTH, ws.product(id).map_or(geometry::SMALL_HEIGHT, geometry::product_height)),
            NodeKind::System | NodeKind::UseCase | NodeKind::Contract => (geometry::SMALL_WIDTH, geometry::SMALL_HEIGHT),
        })
    });
    let _ = studio.apply(Edit::SetNodes(nodes.into_iter().map(|(key, at)| (key, Some(at))).collect()));
}

/// Where a node is drawn: its dragged position while it is being dragged, else its layout one.
pub fn node_position(studio: Studio, view: Viewport, kind: NodeKind, id: &String) -> Point {
    let key = node_key(kind, id);
    if let Some(p) = view.drag_position(&key) {
        return p;
    }
    studio.workspace.with(|ws| geometry::position(ws, kind, id))
}
