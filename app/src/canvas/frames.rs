//! Domain frames: a labelled box around the products and source systems of each domain, so the
//! canvas reads as a map of who owns what.

use dpstudio_model::NodeKind;
use leptos::prelude::*;

use super::geometry::{product_height, Rect, FRAME_LABEL as LABEL_SPACE, FRAME_PADDING as PADDING, PRODUCT_WIDTH, SMALL_HEIGHT, SMALL_WIDTH};
use super::{node_position, Viewport};
use crate::state::Studio;

#[component]
pub fn DomainFrames() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let view = expect_context::<Viewport>();
    // A memo: an edit that moves no frame (typing a name) redraws none.
    let frames = Memo::new(move |_| {
        studio.workspace.with(|ws| {
            ws.context
                .domains
                .iter()
                .enumerate()
                .filter_map(|(i, domain)| {
                    let in_domain = |d: &Option<String>| d.as_ref() == Some(&domain.id);
                    let products = ws.products.iter().filter(|p| in_domain(&p.domain)).map(|p| {
                        let pos = node_position(studio, view, NodeKind::Product, &p.id);
                        Rect { x: pos.x, y: pos.y, width: PRODUCT_WIDTH, height: product_height(p) }
                    });
                    let systems = ws.context.source_systems.iter().filter(|s| in_domain(&s.domain)).map(|s| {
                        let pos = node_position(studio, view, NodeKind::System, &s.id);
                        Rect { x: pos.x, y: pos.y, width: SMALL_WIDTH, height: SMALL_HEIGHT }
                    });
                    let bounds = products.chain(systems).reduce(Rect::union)?.grow(PADDING);
                    Some((i, domain.name.clone(), bounds))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <g class="frames">
            {move || frames.get().into_iter().map(|(i, name, r)| view! {
                <g class=format!("frame domain-{}", i % 6)>
                    <rect x=r.x y=r.y - LABEL_SPACE width=r.width height=r.height + LABEL_SPACE rx="16" />
                    <text x=r.x + 16.0 y=r.y - 4.0>{name}</text>
                </g>
            }).collect_view()}
        </g>
    }
}
