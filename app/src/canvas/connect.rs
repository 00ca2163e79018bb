//! Connecting on the canvas: a link dragged from an output port (or a source system) and
//! dropped on a product becomes that product's input — a new input port, or, dropped on an
//! existing input port, that port re-pointed. The input records the upstream port's contract,
//! as the forms do, so lineage and contract dependencies agree. One undoable edit.

use dpstudio_model::{unique_id, DataProduct, InputPort, InputSource, Workspace};
use leptos::prelude::*;

use crate::forms::Step;
use crate::state::{Selection, Studio};

/// Where a link was dropped: the product under the pointer and, if it was on one, its input
/// port's row.
pub fn drop_target(client_x: f64, client_y: f64) -> Option<(String, Option<usize>)> {
    let document = web_sys::window()?.document()?;
    let element = document.element_from_point(client_x as f32, client_y as f32)?;
    let product = element.closest("[data-product]").ok()??.get_attribute("data-product")?;
    let row = element
        .closest("[data-input]")
        .ok()
        .flatten()
        .and_then(|port| port.get_attribute("data-input"))
        .and_then(|row| row.parse().ok());
    Some((product, row))
}

/// What the new input reads: the upstream port's contract and a name after what it reads.
fn input_for(ws: &Workspace, source: &InputSource) -> (String, Option<dpstudio_model::ContractRef>) {
    match source {
        InputSource::Product { product, port } => {
            let upstream = ws.product(product);
            let output = upstream.and_then(|p| p.output_port(port));
            let name = match (upstream, output) {
                (Some(p), Some(o)) => format!("{} {}", p.name, o.name),
                _ => port.clone(),
            };
            (name, output.and_then(|o| o.contract.clone()))
        }
        InputSource::System { system } => {
            let name = ws.context.source_systems.iter().find(|s| &s.id == system).map_or_else(|| system.clone(), |s| s.name.clone());
            (name, None)
        }
    }
}

/// Connects `source` to `product_id`; a product cannot read its own output.
pub fn connect(studio: Studio, source: InputSource, product_id: &str, row: Option<usize>) {
    if matches!(&source, InputSource::Product { product, .. } if product == product_id) {
        return;
    }
    let (name, contract) = studio.workspace.with_untracked(|ws| input_for(ws, &source));
    studio.update::<DataProduct>(product_id, Step::New, |p| {
        if p.input_ports.iter().any(|i| i.source == source) {
            return;
        }
        match row.and_then(|r| p.input_ports.get_mut(r)) {
            Some(port) => {
                port.source = source;
                port.contract = contract;
            }
            None => {
                let id = unique_id(&name, p.input_ports.iter().map(|i| i.id.as_str()));
                p.input_ports.push(InputPort { id, name, source, contract, ..Default::default() });
            }
        }
    });
    studio.selection.set(Some(Selection::Product(product_id.to_owned())));
}
