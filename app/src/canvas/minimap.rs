//! The minimap: the whole workspace in a small overview with the visible part outlined. Press
//! or drag on it to move the view there — the quick way around a large mesh.

use dpstudio_model::{NodeKind, Point};
use leptos::prelude::*;

use super::geometry::{self, Rect};
use super::Viewport;
use crate::state::Studio;

const WIDTH: f64 = 180.0;
const HEIGHT: f64 = 120.0;

/// Every node's rectangle as one path: a thousand nodes cost one element, not a thousand.
fn node_path(rects: impl Iterator<Item = Rect>) -> String {
    let mut d = String::new();
    for r in rects {
        d.push_str(&format!("M{:.0} {:.0}h{:.0}v{:.0}h{:.0}Z", r.x, r.y, r.width, r.height, -r.width));
    }
    d
}

#[component]
pub fn Minimap(svg_ref: NodeRef<leptos::svg::Svg>) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let view = expect_context::<Viewport>();
    let shape = Memo::new(move |_| {
        studio.workspace.with(|ws| {
            let bounds = geometry::content_bounds(ws)?.grow(40.0);
            let products = ws.products.iter().map(|p| geometry::product_rect(ws, p));
            let others = ws
                .context
                .source_systems
                .iter()
                .map(|s| geometry::small_rect(ws, NodeKind::System, &s.id))
                .chain(ws.context.use_cases.iter().map(|u| geometry::small_rect(ws, NodeKind::UseCase, &u.id)))
                .chain(ws.unbound_contracts().map(|c| geometry::small_rect(ws, NodeKind::Contract, &c.id)));
            Some((bounds, node_path(products), node_path(others)))
        })
    });
    let canvas_size = move || svg_ref.get_untracked().map(|svg| {
        let r = svg.get_bounding_client_rect();
        (r.width(), r.height())
    });
    // The visible part of the canvas, in canvas coordinates.
    let visible = move || {
        let (x, y, zoom) = view.offset();
        let (w, h) = canvas_size()?;
        Some(Rect { x: -x / zoom, y: -y / zoom, width: w / zoom, height: h / zoom })
    };
    let move_view = move |ev: &leptos::ev::PointerEvent| {
        let Some((bounds, _, _)) = shape.get_untracked() else { return };
        let Some(target) = ev.current_target() else { return };
        let element: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(target);
        let rect = element.get_bounding_client_rect();
        // The map keeps the content's aspect ratio (xMidYMid meet): undo that scaling.
        let scale = (bounds.width / rect.width()).max(bounds.height / rect.height());
        let (cx, cy) = (rect.left() + rect.width() / 2.0, rect.top() + rect.height() / 2.0);
        let p = Point {
            x: bounds.x + bounds.width / 2.0 + (f64::from(ev.client_x()) - cx) * scale,
            y: bounds.y + bounds.height / 2.0 + (f64::from(ev.client_y()) - cy) * scale,
        };
        if let Some((w, h)) = canvas_size() {
            view.center_on(p, w, h);
        }
    };
    view! {
        {move || shape.get().map(|(bounds, products, others)| {
            let view_box = format!("{:.0} {:.0} {:.0} {:.0}", bounds.x, bounds.y, bounds.width, bounds.height);
            view! {
                <svg class="minimap" width=WIDTH height=HEIGHT viewBox=view_box role="img" aria-label="Minimap: press to move the view"
                    data-testid="minimap"
                    on:pointerdown=move |ev| {
                        ev.stop_propagation();
                        move_view(&ev);
                    }
                    on:pointermove=move |ev| {
                        if ev.buttons() == 1 {
                            ev.stop_propagation();
                            move_view(&ev);
                        }
                    }>
                    <path class="minimap-products" d=products />
                    <path class="minimap-others" d=others />
                    {move || visible().map(|r| view! {
                        <rect class="minimap-view" x=r.x y=r.y width=r.width height=r.height />
                    })}
                </svg>
            }
        })}
    }
}
