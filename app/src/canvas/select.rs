//! What the canvas does with the selected nodes as a whole: box selection, delete, copy,
//! paste and duplicate. Every change is one undo step, and what it did is announced for
//! screen readers.

use dpstudio_model::{remove_nodes, CanvasNode, Fragment, NodeKind, Point};
use leptos::prelude::*;

use super::geometry::{self, Rect};
use super::Viewport;
use crate::selected_nodes::{describe, nodes_of};
use crate::state::{Selection, Studio};

/// Adds every node the box `area` (canvas coordinates) touches to the selection.
pub(super) fn add_boxed(studio: Studio, area: Rect) {
    let hits = studio.workspace.with_untracked(|ws| geometry::nodes_in(ws, area));
    if hits.is_empty() {
        return;
    }
    let mut nodes = nodes_of(studio.selection.get_untracked().as_ref());
    nodes.extend(hits);
    let selection = Selection::of_nodes(nodes);
    announce_selection(studio, selection.as_ref());
    studio.selection.set(selection);
}

/// Says how many nodes are selected now, for screen readers.
pub(super) fn announce_selection(studio: Studio, selection: Option<&Selection>) {
    let nodes = nodes_of(selection);
    let what = studio.workspace.with_untracked(|ws| describe(ws, &nodes));
    studio.announce(format!("{what} selected."));
}

/// Removes every selected node, with its canvas position, as one undo step. References to
/// them stay, as when one is deleted: the checks report them and undo restores everything.
/// Selects every node on the canvas (Ctrl/⌘ A).
pub fn select_all(studio: Studio) {
    let nodes = studio.workspace.with_untracked(|ws| {
        let context = &ws.context;
        let products = ws.products.iter().map(|p| CanvasNode::new(NodeKind::Product, p.id.clone()));
        let systems = context.source_systems.iter().map(|s| CanvasNode::new(NodeKind::System, s.id.clone()));
        let use_cases = context.use_cases.iter().map(|u| CanvasNode::new(NodeKind::UseCase, u.id.clone()));
        let contracts = ws.unbound_contracts().map(|c| CanvasNode::new(NodeKind::Contract, c.id.clone()));
        products.chain(systems).chain(use_cases).chain(contracts).collect::<Vec<_>>()
    });
    studio.selection.set(Selection::of_nodes(nodes));
}

pub fn delete_selection(studio: Studio) {
    let nodes = nodes_of(studio.selection.get_untracked().as_ref());
    let Some((edit, what)) = studio.workspace.with_untracked(|ws| remove_nodes(ws, &nodes).map(|e| (e, describe(ws, &nodes))))
    else {
        return;
    };
    if studio.apply(edit).is_ok() {
        studio.selection.set(None);
        studio.announce(format!("Deleted {what}."));
    }
}

/// The selected nodes as clipboard text, or `None` when no node is selected.
pub fn copy_selection(studio: Studio) -> Option<String> {
    let nodes = nodes_of(studio.selection.get_untracked().as_ref());
    let (fragment, what) = studio.workspace.with_untracked(|ws| (Fragment::collect(ws, &nodes), describe(ws, &nodes)));
    if fragment.is_empty() {
        return None;
    }
    studio.announce(format!("Copied {what}."));
    Some(fragment.to_json())
}

/// Pastes `fragment` as new nodes, one undo step, and selects them. They land a step right
/// and down from where they were copied, further on each paste; in the middle of the view
/// instead when that spot is out of sight (pasting into another workspace, say).
pub fn paste_fragment(studio: Studio, view: Viewport, fragment: &Fragment) {
    let pasted = studio.workspace.with_untracked(|ws| {
        let offset = placement(fragment, fragment.free_offset(ws), view);
        fragment.paste(ws, offset).map(|p| (describe_pasted(fragment), p))
    });
    let Some((what, pasted)) = pasted else { return };
    if studio.apply(pasted.edit).is_ok() {
        studio.selection.set(Selection::of_nodes(pasted.nodes));
        studio.announce(format!("Pasted {what}."));
    }
}

/// Copies the selection and pastes it straight away, without the clipboard.
pub fn duplicate_selection(studio: Studio, view: Viewport) {
    let nodes = nodes_of(studio.selection.get_untracked().as_ref());
    let fragment = studio.workspace.with_untracked(|ws| Fragment::collect(ws, &nodes));
    if !fragment.is_empty() {
        paste_later(studio, view, fragment);
    }
}

/// Pastes `fragment` once the editors part is in: pasting lives there, beside the editors
/// that show the pasted selection.
pub fn paste_later(studio: Studio, view: Viewport, fragment: Fragment) {
    crate::panels::editors().then(
        move |editors| (editors.paste)(studio, view, &fragment),
        move || crate::notice::part_unavailable(studio, "Pasting"),
    );
}

fn describe_pasted(fragment: &Fragment) -> String {
    let n = fragment.products.len() + fragment.source_systems.len() + fragment.use_cases.len();
    format!("{n} node{}", crate::plural::plural(n))
}

/// `offset`, unless the nodes would land out of sight: then the offset that centres them in
/// the visible canvas.
fn placement(fragment: &Fragment, offset: Point, view: Viewport) -> Point {
    let Some(visible) = visible_area(view) else { return offset };
    let shifted = fragment.positions.values().map(|p| Rect { x: p.x + offset.x, y: p.y + offset.y, width: 1.0, height: 1.0 });
    let Some(bounds) = shifted.reduce(Rect::union) else { return offset };
    if bounds.intersects(visible) {
        return offset;
    }
    let centre = |r: Rect| Point { x: r.x + r.width / 2.0, y: r.y + r.height / 2.0 };
    let (want, have) = (centre(visible), centre(bounds));
    Point { x: (offset.x + want.x - have.x).round(), y: (offset.y + want.y - have.y).round() }
}

/// The part of the canvas on screen, in canvas coordinates.
fn visible_area(view: Viewport) -> Option<Rect> {
    let (width, height) = super::canvas_size()?;
    Some(view.visible(width, height))
}
