//! The Data Product Canvas view of one product: the ten-block canvas design workshops fill in,
//! filled from the model, editable in place, printable and exportable as SVG or PNG.
//!
//! The view is a part of its own (see `lazy`), fetched the first time a canvas view opens;
//! this file is the always-loaded glue: where the view mounts and how it opens.

mod content;
mod controls;
mod picture;
mod print_fit;
mod sheet;

use leptos::prelude::*;

use crate::lazy::{part_entry, Part};
use crate::state::{Notice, Selection, Studio, Tone};

/// The views the part builds.
pub struct Views {
    sheet: fn(String) -> AnyView,
}

part_entry!(product_canvas, fn load_views() -> Views {
    static TABLE: Views = Views { sheet: |id| view! { <sheet::ProductSheet id /> }.into_any() };
    &TABLE
});

thread_local! {
    static VIEWS: Part<Views> = Part::new(|| Box::pin(load_views()));
}

/// The canvas view over the whole page while one is open.
#[component]
pub fn ProductCanvasLayer() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let part = VIEWS.with(Part::clone);
    // A memo: re-opening the same product keeps the view (and the caret) as it is.
    let open = Memo::new(move |_| studio.canvas_view.get());
    move || open.get().map(|id| part.view(move |table| (table.sheet)(id.clone())))
}

/// Opens the canvas view of the selected product, or of the product that publishes the open
/// contract; says what to select otherwise.
pub fn open_for_selection(studio: Studio) {
    let product = match studio.selection.get_untracked() {
        Some(Selection::Product(id)) => Some(id),
        Some(Selection::Contract(id)) => studio.workspace.with_untracked(|ws| {
            ws.products
                .iter()
                .find(|p| p.output_ports.iter().any(|o| o.contract.as_ref().is_some_and(|c| c.id == id)))
                .map(|p| p.id.clone())
        }),
        _ => None,
    };
    match product {
        Some(id) => studio.canvas_view.set(Some(id)),
        None => studio.notify(Notice::new(Tone::Failed, "Select a data product first: the canvas view shows one product.")),
    }
}
