//! The workspace as text: the whole saved document as JSON, editable in place. Applying it
//! replaces the workspace in one undoable step; a text that does not read as a workspace is
//! not applied, and the error names its line and column and can put the caret there.

use dpstudio_model::LoadError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{Notice, Studio, Tone};

/// Whether the text editor is open; provided as context by [`TextEditor`]'s owner.
#[derive(Clone, Copy)]
pub struct TextOpen(pub RwSignal<bool>);

#[component]
pub fn TextEditor() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let TextOpen(open) = expect_context::<TextOpen>();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(String, Option<(usize, usize)>)>);
    let area = NodeRef::<leptos::html::Textarea>::new();
    // Fresh text each time the editor opens: what the workspace is now.
    Effect::new(move |_| {
        if open.get() {
            text.set(studio.workspace.with_untracked(dpstudio_model::to_json_pretty));
            error.set(None);
        }
    });
    let apply = move |_| {
        let typed = area.get_untracked().map(|a| a.value()).unwrap_or_else(|| text.get_untracked());
        match dpstudio_model::from_json(&typed) {
            Ok(incoming) => {
                let edit = studio.workspace.with_untracked(|current| dpstudio_model::replace_edit(current, &incoming));
                match studio.apply(edit) {
                    Ok(()) => {
                        open.set(false);
                        studio.notify(Notice::new(Tone::Done, "The workspace now matches the text. Undo (Ctrl+Z) brings back what it was."));
                    }
                    Err(e) => error.set(Some((format!("The text could not be applied: {e}"), None))),
                }
            }
            Err(e) => error.set(Some((e.to_string(), position(&e)))),
        }
    };
    let go_to = move |_| {
        let (Some(area), Some((_, Some((line, column))))) = (area.get_untracked(), error.get_untracked()) else { return };
        let offset = utf16_offset(&area.value(), line, column);
        let _ = area.focus();
        let _ = area.set_selection_range(offset, offset);
        // Bring the caret's line into view: textareas scroll to the caret only on input.
        let line_height = 18.0;
        let element: &web_sys::Element = area.unchecked_ref();
        element.set_scroll_top(((line.saturating_sub(5)) as f64 * line_height) as i32);
    };
    view! {
        <Show when=move || open.get()>
            <div class="dialog-backdrop">
                <div class="dialog text-editor" role="dialog" aria-modal="true" aria-labelledby="text-editor-title" data-testid="text-editor">
                    <header class="dialog-header">
                        <h2 id="text-editor-title">"Workspace as JSON"</h2>
                        <button class="button icon" aria-label="Close without applying" on:click=move |_| open.set(false)>"×"</button>
                    </header>
                    <p class="hint">"The saved form of the whole workspace. Edit it and apply: the workspace is replaced in one step that Undo takes back."</p>
                    <label class="visually-hidden" for="workspace-text">"Workspace JSON"</label>
                    <textarea id="workspace-text" node_ref=area class="code-area" spellcheck="false" data-testid="workspace-text"
                        prop:value=move || text.get()></textarea>
                    {move || error.get().map(|(message, at)| view! {
                        <div class="text-error" role="alert" data-testid="text-error">
                            <span>{message}</span>
                            {at.map(|_| view! { <button class="button small" on:click=go_to>"Go to line"</button> })}
                        </div>
                    })}
                    <div class="dialog-actions">
                        <button class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                        <button class="button primary" data-testid="apply-text" on:click=apply>"Apply"</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}

fn position(error: &LoadError) -> Option<(usize, usize)> {
    match error {
        LoadError::Syntax { line, column, .. } | LoadError::Shape { line, column, .. } => Some((*line, *column)),
        LoadError::MissingVersion | LoadError::TooNew { .. } => None,
    }
}

/// The caret offset (UTF-16 units, as the DOM counts) of 1-based `line`, `column` (characters).
fn utf16_offset(text: &str, line: usize, column: usize) -> u32 {
    let mut offset = 0usize;
    for (n, content) in text.split('\n').enumerate() {
        if n + 1 == line {
            let before: usize = content.chars().take(column.saturating_sub(1)).map(char::len_utf16).sum();
            return (offset + before) as u32;
        }
        offset += content.encode_utf16().count() + 1;
    }
    offset as u32
}
