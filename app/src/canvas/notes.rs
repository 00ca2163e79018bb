//! Sticky notes on the canvas: cards with wrapped text, drawn above the nodes, pressed to select
//! and drag, double-clicked (or Enter) to write on. The text box that appears on the card and
//! the note's editor in the inspector are in the editors part (see `lazy`); this file only
//! draws, and adds, moves and deletes notes.

use std::collections::BTreeMap;

use dpstudio_model::{Edit, Note, Point, Workspace};
use leptos::prelude::*;

use super::geometry::{self, NOTE_LINE, NOTE_PADDING, NOTE_WIDTH};
use super::Viewport;
use crate::state::{Selection, Studio};

/// The drag key of a note: node keys are `kind:id`, and no node kind is called `note`.
const NOTE_KEY: &str = "note:";

#[component]
pub fn StickyNotes() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let ids = Memo::new(move |_| studio.workspace.with(|ws| ws.layout.notes.iter().map(|n| n.id.clone()).collect::<Vec<_>>()));
    view! {
        <g class="notes">
            <For each=move || ids.get() key=|id| id.clone() children=move |id| view! { <StickyNote id /> } />
        </g>
    }
}

#[component]
fn StickyNote(id: String) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let view = expect_context::<Viewport>();
    let note = {
        let id = id.clone();
        Memo::new(move |_| studio.workspace.with(|ws| ws.note(&id).cloned()))
    };
    let lines = Memo::new(move |_| note.with(|n| n.as_ref().map(|n| geometry::note_lines(&n.text)).unwrap_or_default()));
    let height = Memo::new(move |_| geometry::note_height(lines.with(Vec::len)));
    let colour = Memo::new(move |_| note.with(|n| n.as_ref().map(|n| n.colour).unwrap_or_default()));
    let key = StoredValue::new(format!("{NOTE_KEY}{id}"));
    let id = StoredValue::new(id);
    let position = Memo::new(move |_| {
        view.drag_position(&key.get_value()).or_else(|| note.with(|n| n.as_ref().map(|n| n.position))).unwrap_or_default()
    });
    let selected = Memo::new(move |_| studio.selection.with(|s| matches!(s, Some(Selection::Note(x)) if id.with_value(|id| x == id))));
    let editing = Memo::new(move |_| studio.editing_note.with(|e| id.with_value(|id| e.as_ref() == Some(id))));
    let press = move |ev: leptos::ev::PointerEvent| {
        if view.space_held_untracked() {
            return;
        }
        ev.stop_propagation();
        ev.prevent_default();
        crate::clipboard::clear_text_selection();
        let me = Some(Selection::Note(id.get_value()));
        if studio.selection.with_untracked(|s| *s != me) {
            studio.selection.set(me);
        }
        let origins = BTreeMap::from([(key.get_value(), position.get_untracked())]);
        view.start_drag(origins, f64::from(ev.client_x()), f64::from(ev.client_y()), None);
    };
    let write = move |_| studio.editing_note.set(Some(id.get_value()));
    let text = move || {
        if editing.get() {
            return ().into_any();
        }
        let shown = lines.get();
        if shown.iter().all(|l| l.is_empty()) {
            return view! { <text class="note-text placeholder" x=NOTE_PADDING y=NOTE_PADDING + 15.0>"Double-click to write"</text> }.into_any();
        }
        let rows = shown.into_iter().enumerate().map(|(row, line)| {
            view! { <tspan x=NOTE_PADDING y={NOTE_PADDING + 15.0 + row as f64 * NOTE_LINE}>{line}</tspan> }
        });
        view! { <text class="note-text">{rows.collect_view()}</text> }.into_any()
    };
    view! {
        <g
            class="note"
            class:selected=move || selected.get()
            data-note=id.get_value()
            transform=move || { let p = position.get(); format!("translate({} {})", p.x, p.y) }
            on:pointerdown=press
            on:dblclick=write
        >
            // The colour on a group of its own: a reactive class list would drop `selected`.
            <g class=move || format!("note-paper note-{}", colour.get().as_str())>
                <rect class="note-body" width=NOTE_WIDTH height=move || height.get() rx="3" />
                <path class="note-fold" d=move || format!("M{} {}l-18 0l18 -18z", NOTE_WIDTH, height.get()) />
                {text}
            </g>
        </g>
    }
}

/// The text box for writing on a note, laid over its card (an HTML text box inside the SVG,
/// in a foreignObject, is not shown reliably). It is scaled with the view and grows with the
/// card, so writing looks like writing on the card; the box itself is in the editors part.
#[component]
pub fn NoteWriter() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let view = expect_context::<Viewport>();
    move || {
        let id = studio.editing_note.get()?;
        let note = {
            let id = id.clone();
            Memo::new(move |_| studio.workspace.with(|ws| ws.note(&id).map(|n| (n.position, n.colour, geometry::note_lines(&n.text).len()))))
        };
        let place = move || {
            let (at, _, _) = note.get().unwrap_or_default();
            let (x, y, zoom) = view.offset();
            format!("translate({:.1}px, {:.1}px) scale({zoom:.4})", x + at.x * zoom, y + at.y * zoom)
        };
        let height = move || format!("{}px", geometry::note_height(note.get().map_or(1, |(_, _, lines)| lines)));
        let colour = move || format!("note-writer note-{}", note.get().map(|(_, c, _)| c).unwrap_or_default().as_str());
        let editors = crate::panels::editors();
        let id = StoredValue::new(id);
        Some(view! {
            <div class=colour style:transform=place style:width=format!("{NOTE_WIDTH}px") style:height=height>
                {editors.view(move |table| (table.note_text)(id.get_value()))}
            </div>
        })
    }
}

/// Adds an empty note in the middle of the view, selects it and opens it for writing (the
/// canvas toolbar's "+ Note" and the S key).
pub fn add_note(studio: Studio, view: Viewport) {
    let centre = crate::create::visible_center(view);
    let edit = studio.workspace.with_untracked(|ws| {
        let id = ws.new_note_id();
        // Centred like a new product, in the nearest free place: a new note never hides a
        // node or an earlier note.
        let at = geometry::free_spot(ws, Point { x: centre.x + 30.0, y: centre.y }, NOTE_WIDTH, geometry::note_height(0));
        let note = Note { id: id.clone(), position: at, ..Note::default() };
        (id, Edit::add_note(ws, note))
    });
    let (id, edit) = edit;
    if studio.apply(edit).is_ok() {
        studio.selection.set(Some(Selection::Note(id.clone())));
        studio.editing_note.set(Some(id));
        studio.announce("Added a sticky note.".to_owned());
    }
}

/// Deletes the note `id` (Delete when it is selected, or its editor's button); undo restores it.
pub fn delete_note(studio: Studio, id: &str) {
    let Some(edit) = studio.workspace.with_untracked(|ws| Edit::remove_note(ws, id).ok()) else { return };
    if studio.apply(edit).is_ok() {
        studio.editing_note.set(None);
        studio.selection.set(None);
        studio.announce("Deleted a sticky note.".to_owned());
    }
}

/// The edit a finished drag makes: nodes get their new layout positions, dragged notes their
/// new places; `None` when nothing that was dragged is still there.
pub(super) fn drag_edit(ws: &Workspace, positions: Vec<(String, Option<Point>)>) -> Option<Edit> {
    let (notes, nodes): (Vec<_>, Vec<_>) = positions.into_iter().partition(|(key, _)| key.starts_with(NOTE_KEY));
    let mut edits = Vec::new();
    if !nodes.is_empty() {
        edits.push(Edit::SetNodes(nodes));
    }
    for (key, at) in notes {
        let (Some(id), Some(at)) = (key.strip_prefix(NOTE_KEY), at) else { continue };
        let Some(mut note) = ws.note(id).cloned() else { continue };
        note.position = at;
        edits.extend(Edit::replace_note(ws, note).ok());
    }
    match edits.len() {
        0 => None,
        1 => edits.pop(),
        _ => Some(Edit::Batch(edits)),
    }
}
