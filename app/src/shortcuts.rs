//! Keyboard shortcuts that work anywhere on the page, and the `?` overlay that lists them.
//! Inside text fields the browser's own keys win (text undo, typing letters), so single-letter
//! shortcuts only act when no field has focus.

use dpstudio_model::Collection;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::canvas::Viewport;
use crate::modal::Modal;
use crate::state::{Selection, Studio};

/// Every shortcut as the overlay shows it: keys and what they do.
const SHORTCUTS: [(&str, &str); 22] = [
    ("Ctrl/⌘ Z", "Undo"),
    ("Ctrl/⌘ Shift Z, Ctrl Y", "Redo"),
    ("N", "New data product"),
    ("C", "Business context (domains, teams, glossary, metrics, use cases, sources)"),
    ("P", "Show or hide the problems panel"),
    ("E", "Export…"),
    ("V", "Canvas view of the selected data product (the 10-block Data Product Canvas)"),
    ("S", "New sticky note in the middle of the view (kept in the workspace, never exported)"),
    ("Double-click a note, Enter", "Write on the note; Escape or Ctrl/⌘ Enter when done"),
    ("F", "Present: full screen, step through products (→ ← Space, Home, End), D for domains, Escape leaves"),
    ("Delete", "Delete the selected products, source systems and use cases, the selected note, or the open contract"),
    ("Shift/Ctrl/⌘ click", "Add a node to the selection, or take it out"),
    ("Shift + drag background", "Select the nodes in a box"),
    ("Drag a selected node", "Move all selected nodes"),
    ("Drag a note", "Move the note"),
    ("Ctrl/⌘ A", "Select every node on the canvas"),
    ("Ctrl/⌘ C, X, V", "Copy or cut the selected nodes (with their products' contracts), paste them as copies"),
    ("Ctrl/⌘ D", "Duplicate the selected nodes"),
    ("Escape", "Close this overlay, a dialog or the canvas view, or clear the selection"),
    ("Wheel, pinch", "Zoom the canvas (buttons at its bottom right)"),
    ("Drag background, Space + drag", "Pan the canvas"),
    ("?", "Show these shortcuts"),
];

/// Whether the shortcuts overlay is open; provided as context by [`install`].
#[derive(Clone, Copy)]
pub struct HelpOpen(pub RwSignal<bool>);

pub fn install(studio: Studio, view: Viewport) {
    let help = RwSignal::new(false);
    provide_context(HelpOpen(help));
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        // The canvas view covers the page: only undo, redo, help and closing act there, not the
        // keys for the canvas behind it.
        let sheet_open = studio.canvas_view.with_untracked(Option::is_some);
        // Present mode has keys of its own (the presenter, `present`); nothing here may add,
        // delete or undo behind the audience's back.
        if studio.presenting.get_untracked() {
            return;
        }
        if ev.ctrl_key() || ev.meta_key() {
            if in_text_field(&ev) {
                return;
            }
            match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
                ("z", false) => studio.undo(),
                ("z", true) | ("y", false) => studio.redo(),
                _ if sheet_open => return,
                // Copy and paste come as the page's copy and paste events (crate::clipboard).
                ("d", false) => crate::canvas::duplicate_selection(studio, view),
                ("a", false) => crate::canvas::select_all(studio),
                _ => return,
            }
            ev.prevent_default();
            return;
        }
        if ev.alt_key() || in_text_field(&ev) {
            return;
        }
        match ev.key().as_str() {
            "?" => help.update(|open| *open = !*open),
            "Escape" if help.get_untracked() => help.set(false),
            "Escape" if sheet_open => studio.canvas_view.set(None),
            _ if sheet_open => return,
            // Space on a focused button presses it; elsewhere it turns drags into pans.
            " " if !on_button(&ev) => view.set_space(true),
            "Escape" if !studio.export_open.get_untracked() => studio.selection.set(None),
            "n" | "N" => crate::create::add_product(studio, view),
            "c" | "C" => studio.selection.set(Some(Selection::Context(Collection::Domains, None))),
            "p" | "P" => studio.problems_open.update(|open| *open = !*open),
            "e" | "E" => studio.export_open.set(true),
            "v" | "V" => crate::product_canvas::open_for_selection(studio),
            "s" | "S" => crate::canvas::add_note(studio, view),
            "f" | "F" => crate::present::enter(studio),
            "Enter" if !on_button(&ev) && write_selected_note(studio) => {}
            "Delete" | "Backspace" => delete_selected(studio),
            _ => return,
        }
        ev.prevent_default();
    });
    let release = window_event_listener(leptos::ev::keyup, move |ev| {
        if ev.key() == " " {
            view.set_space(false);
        }
    });
    // A window that loses focus never sees the key go up.
    let blur = window_event_listener(leptos::ev::blur, move |_| view.set_space(false));
    on_cleanup(move || {
        handle.remove();
        release.remove();
        blur.remove();
    });
}

/// Deletes what is selected (Delete, Backspace, and the second half of a cut).
pub fn delete_selected(studio: Studio) {
    match studio.selection.get_untracked() {
        Some(Selection::Product(id)) => crate::panels::delete_product(studio, &id),
        Some(Selection::Contract(id)) => crate::panels::delete_contract(studio, &id),
        Some(Selection::System(id)) => {
            crate::forms::context::remove(studio, Collection::SourceSystems, &id);
            studio.selection.set(None);
        }
        Some(Selection::UseCase(id)) => {
            crate::forms::context::remove(studio, Collection::UseCases, &id);
            studio.selection.set(None);
        }
        Some(Selection::Nodes(_)) => crate::canvas::delete_selection(studio),
        Some(Selection::Note(id)) => crate::canvas::delete_note(studio, &id),
        Some(Selection::Context(..)) | None => {}
    }
}

/// Opens the selected note for writing; false when no note is selected.
fn write_selected_note(studio: Studio) -> bool {
    let Some(Selection::Note(id)) = studio.selection.get_untracked() else { return false };
    studio.editing_note.set(Some(id));
    true
}

fn on_button(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    matches!(element.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY")
}

fn in_text_field(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
}

/// The `?` overlay: a dialog listing every shortcut.
#[component]
pub fn ShortcutHelp() -> impl IntoView {
    let HelpOpen(open) = expect_context::<HelpOpen>();
    let rows = || SHORTCUTS.into_iter().map(|(keys, what)| view! { <tr><th scope="row"><kbd>{keys}</kbd></th><td>{what}</td></tr> }).collect_view();
    view! {
        <Modal open class="shortcuts" title="Keyboard shortcuts" testid="shortcuts" close_label="Close shortcuts">
            <table class="shortcut-table"><tbody>{rows}</tbody></table>
        </Modal>
    }
}
