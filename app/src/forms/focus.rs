//! Focusing the field a diagnostic points at. Controls carry the diagnostic's field path in
//! `data-path` (`outputPorts[0].contract`, `schema[0].properties[2].logicalType`); the
//! control whose path is the longest prefix of the diagnostic's wins, so a problem with a
//! field that has no control of its own lands on its row or section.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{Selection, Studio};

/// After the inspector renders the newly selected entity, focuses and reveals the control for
/// `studio.focus_path`, then forgets the path.
pub fn install(studio: Studio) {
    Effect::new(move |_| {
        let Some(path) = studio.focus_path.get() else { return };
        // Context entities share field names, so look only inside the chosen one's card.
        let scope = match studio.selection.get_untracked() {
            Some(Selection::Context(_, Some(id))) => format!(".inspector [data-entity=\"{id}\"]"),
            _ => ".inspector".to_owned(),
        };
        // Once the editors are in (they load on first use), wait one frame: the form for the
        // new selection renders in this same turn.
        crate::panels::editors().when_ready(move || {
            request_animation_frame(move || {
                focus_best_match(&scope, &path);
                studio.focus_path.set(None);
            })
        });
    });
}

fn focus_best_match(scope: &str, path: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if path.is_empty() {
        focus_first_in(scope.to_owned());
        return;
    }
    let Ok(candidates) = document.query_selector_all(&format!("{scope} [data-path]")) else { return };
    let mut best: Option<(usize, web_sys::Element)> = None;
    for i in 0..candidates.length() {
        let Some(element) = candidates.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        let Some(candidate) = element.get_attribute("data-path") else { continue };
        if candidate.is_empty() || !is_prefix(&candidate, path) {
            continue;
        }
        if best.as_ref().is_none_or(|(len, _)| candidate.len() > *len) {
            best = Some((candidate.len(), element));
        }
    }
    let Some((_, element)) = best else { return };
    element.scroll_into_view_with_bool(false);
    let target = if is_control(&element) {
        Some(element)
    } else {
        element.query_selector("input, select, textarea, button").ok().flatten()
    };
    if let Some(html) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = html.focus();
    }
}

fn is_control(element: &web_sys::Element) -> bool {
    matches!(element.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON")
}

/// `outputPorts[0]` is a prefix of `outputPorts[0].contract` but `outputPorts[1]` is not a
/// prefix of `outputPorts[10]`: a prefix must end where a path segment ends.
pub fn is_prefix(candidate: &str, path: &str) -> bool {
    path.strip_prefix(candidate).is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// Focuses the first text control inside the element `selector` finds, once it has rendered:
/// a newly added entity's name, ready to type over. An id that makes the selector invalid
/// (imports can bring any text) just focuses nothing.
pub fn focus_first_in(selector: String) {
    request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Ok(Some(control)) = document.query_selector(&format!("{selector} input, {selector} textarea")) else { return };
        control.scroll_into_view_with_bool(false);
        if let Ok(input) = control.dyn_into::<web_sys::HtmlInputElement>() {
            let _ = input.focus();
            input.select();
        }
    });
}
