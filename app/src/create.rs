//! Creating a data product from scratch: a named, owned-looking starting point in the middle
//! of the visible canvas (or the nearest free place there), selected with its name ready to
//! type over.

use dpstudio_model::{node_key, unique_id, DataProduct, Edit, Item, NodeKind, Point};
use leptos::prelude::*;
use crate::canvas::{geometry, Viewport};
use crate::state::{Selection, Studio};

pub fn add_product(studio: Studio, view: Viewport) {
    let at = visible_center(view);
    let edit = studio.workspace.with_untracked(|ws| {
        let id = unique_id("new-product", ws.products.iter().map(|p| p.id.as_str()));
        // The domain of the only domain, or none: choosing is the user's first step.
        let domain = match ws.context.domains.as_slice() {
            [only] => Some(only.id.clone()),
            _ => None,
        };
        let product = DataProduct { id: id.clone(), name: "New product".into(), version: "0.1.0".into(), domain, ..Default::default() };
        let at = geometry::free_spot(ws, at, geometry::PRODUCT_WIDTH, geometry::product_height(&product));
        let key = node_key(NodeKind::Product, &id);
        (id, Edit::Batch(vec![Edit::append(ws, Item::Product(product)), Edit::SetNodes(vec![(key, Some(at))])]))
    });
    let (id, edit) = edit;
    if studio.apply(edit).is_ok() {
        studio.selection.set(Some(Selection::Product(id)));
        crate::panels::editors().when_ready(|| crate::forms::focus::focus_first_in("[data-testid=\"product-form\"]".to_owned()));
    }
}

/// The canvas point at the centre of the canvas on screen, nudged so the new node's middle
/// (not its corner) lands there.
pub fn visible_center(view: Viewport) -> Point {
    let size = crate::canvas::canvas_size().unwrap_or((800.0, 600.0));
    let center = view.center(size.0, size.1);
    Point { x: (center.x - 130.0).round(), y: (center.y - 40.0).round() }
}
