//! Copy, cut and paste of canvas nodes through the page's `copy` and `paste` events: the browser
//! hands those a `clipboardData` without asking for clipboard permissions, and the text they
//! carry (a versioned JSON fragment) pastes into another tab or workspace as well. Copying
//! and pasting in text fields, dialogs or selected page text stays the browser's own.

use dpstudio_model::{ClipboardError, Fragment};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::canvas::{copy_selection, paste_later, Viewport};
use crate::state::{Notice, Studio, Tone};

/// Our own clipboard type, beside `text/plain` (which carries the same JSON).
const MIME: &str = "application/x-dpstudio+json";

pub fn install(studio: Studio, view: Viewport) {
    let copy = window_event_listener(leptos::ev::copy, move |ev| {
        put_selection(&ev, studio);
    });
    // A cut is a copy, then Delete, as one more undo step; nothing is deleted unless copied.
    let cut = window_event_listener(leptos::ev::cut, move |ev| {
        if put_selection(&ev, studio) {
            crate::shortcuts::delete_selected(studio);
        }
    });
    let paste = window_event_listener(leptos::ev::paste, move |ev| {
        if !for_the_canvas(ev.target()) {
            return;
        }
        let Some(data) = ev.clipboard_data() else { return };
        let text = data.get_data(MIME).ok().filter(|t| !t.is_empty()).or_else(|| data.get_data("text/plain").ok());
        match Fragment::from_json(text.as_deref().unwrap_or_default()) {
            Ok(fragment) => {
                ev.prevent_default();
                paste_later(studio, view, fragment);
            }
            // Other text pasted on the page is none of our business.
            Err(ClipboardError::NotOurs) => {}
            Err(error) => {
                ev.prevent_default();
                studio.notify(Notice::new(Tone::Failed, "Nothing was pasted").with_details(vec![error.to_string()]));
            }
        }
    });
    on_cleanup(move || {
        copy.remove();
        cut.remove();
        paste.remove();
    });
}

/// Puts the selected nodes on the clipboard of a copy or cut aimed at the canvas; false when
/// the event is not for the canvas or nothing copyable is selected.
fn put_selection(ev: &web_sys::ClipboardEvent, studio: Studio) -> bool {
    if !for_the_canvas(ev.target()) || page_text_selected() {
        return false;
    }
    let (Some(data), Some(text)) = (ev.clipboard_data(), copy_selection(studio)) else { return false };
    let _ = data.set_data(MIME, &text);
    let _ = data.set_data("text/plain", &text);
    ev.prevent_default();
    true
}

/// Copies the selected nodes as Ctrl/⌘ C would, for a button: the browser fires the same
/// `copy` event the listener above fills in.
pub fn copy_from_button() {
    let document = web_sys::window().and_then(|w| w.document()).and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
    if let Some(document) = document {
        let _ = document.exec_command("copy");
    }
}

/// Whether a copy or paste aimed at `target` is meant for the canvas: not typed into a field,
/// not inside a dialog.
fn for_the_canvas(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return true };
    let editable = element.dyn_ref::<web_sys::HtmlElement>().is_some_and(|e| e.is_content_editable());
    let field = matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT");
    let in_dialog = element.closest("dialog, [role=dialog]").ok().flatten().is_some();
    !(editable || field || in_dialog)
}

/// Drops any text selected on the page: pressing on the canvas moves the user's attention
/// there, so Ctrl/⌘ C should copy nodes, not text chosen earlier (or extended by a Shift press).
pub fn clear_text_selection() {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
}

/// Whether the user has selected text on the page: then Ctrl/⌘ C copies that text.
fn page_text_selected() -> bool {
    web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed())
}
