//! Adding the accepted proposals: one undoable edit (domains, source systems, products,
//! contracts and their canvas positions), then the canvas fits the mesh and the assistant
//! closes with a notice that says what was added and how to take it back.

use dpstudio_model::{medallion, NodeKind, Workspace};
use leptos::prelude::*;

use super::assistant::{Assistant, Decision};
use super::MedallionOpen;
use crate::canvas::geometry::{product_height, PRODUCT_WIDTH, SMALL_HEIGHT, SMALL_WIDTH};
use crate::plural::plural;
use crate::state::{Notice, Studio, Tone};

#[component]
pub fn AddButtons() -> impl IntoView {
    let state = expect_context::<Assistant>();
    let studio = expect_context::<Studio>();
    let view = expect_context::<crate::canvas::Viewport>();
    let MedallionOpen(open) = expect_context::<MedallionOpen>();
    let counts = Memo::new(move |_| {
        state.decisions.with(|d| {
            (d.iter().filter(|d| **d == Decision::Accepted).count(), d.iter().filter(|d| **d == Decision::Open).count())
        })
    });
    let accept_rest = move |_| {
        state.decisions.update(|d| d.iter_mut().filter(|d| **d == Decision::Open).for_each(|d| *d = Decision::Accepted));
    };
    let add = move |_| {
        let accepted: Vec<bool> = state.decisions.with_untracked(|d| d.iter().map(|d| *d == Decision::Accepted).collect());
        let adoption = state.inventory.with_untracked(|inv| {
            let inv = inv.as_ref()?;
            let proposals = state.proposals.get_untracked();
            Some(studio.workspace.with_untracked(|ws| medallion::adopt(ws, inv, &proposals, &accepted, node_size)))
        });
        let Some(adoption) = adoption else { return };
        if let Err(e) = studio.apply(adoption.edit) {
            studio.notify(Notice::new(Tone::Failed, "Nothing was added.").with_details(vec![e.to_string()]));
            return;
        }
        open.set(false);
        fit_canvas(studio, view);
        let (products, domains, systems) = (adoption.products.len(), adoption.domains.len(), adoption.systems.len());
        studio.notify(Notice::new(
            Tone::Done,
            format!(
                "Added {products} data product{} with {products} contract{}, {domains} new domain{} and {systems} new source system{}. Undo (Ctrl+Z) removes them all.",
                plural(products),
                plural(products),
                plural(domains),
                plural(systems)
            ),
        )
        .with_details(vec!["Owners, purposes, quality rules and SLOs are still to be filled in: the problems panel lists each.".to_owned()]));
    };
    view! {
        <button class="button" data-testid="medallion-accept-rest" disabled=move || counts.get().1 == 0 on:click=accept_rest>
            {move || format!("Accept the {} open", counts.get().1)}
        </button>
        <button class="button primary" data-testid="medallion-add" disabled=move || counts.get().0 == 0 on:click=add>
            {move || { let n = counts.get().0; format!("Add {n} accepted product{}", plural(n)) }}
        </button>
    }
}

/// A node's size as the canvas draws it.
fn node_size(ws: &Workspace, kind: NodeKind, id: &str) -> (f64, f64) {
    match kind {
        NodeKind::Product => (PRODUCT_WIDTH, ws.product(id).map_or(SMALL_HEIGHT, product_height)),
        NodeKind::System | NodeKind::UseCase | NodeKind::Contract => (SMALL_WIDTH, SMALL_HEIGHT),
    }
}

/// Fits the canvas to everything, the added products included.
fn fit_canvas(studio: Studio, view: crate::canvas::Viewport) {
    let Some((width, height)) = crate::canvas::canvas_size() else { return };
    studio.workspace.with_untracked(|ws| view.fit(ws, width, height));
}
