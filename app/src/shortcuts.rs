//! Keyboard shortcuts that work anywhere on the page: undo and redo. Inside text fields the
//! browser's own text undo wins, so typing feels normal.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::Studio;

pub fn install(studio: Studio) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || in_text_field(&ev) {
            return;
        }
        match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => studio.undo(),
            ("z", true) | ("y", false) => studio.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

fn in_text_field(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
}
