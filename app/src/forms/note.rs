//! Writing on a sticky note: the text box that opens on the card itself (double-click, or Enter
//! while it is selected) and the note's editor in the inspector (text, colour, delete). Typing
//! in either is one undo step per stretch of typing, as in every form.

use dpstudio_model::{Edit, Note, NoteColour};
use leptos::prelude::*;

use crate::state::Studio;

/// Changes the note `id` as one edit; `typing` joins the keystrokes of one stretch of typing
/// into one undo step. A change that changes nothing makes no step.
fn change_note(studio: Studio, id: &str, typing: bool, change: impl FnOnce(&mut Note)) {
    let edit = studio.workspace.with_untracked(|ws| {
        let before = ws.note(id)?;
        let mut note = before.clone();
        change(&mut note);
        (note != *before).then(|| Edit::replace_note(ws, note).ok()).flatten()
    });
    let Some(edit) = edit else { return };
    let _ = if typing { studio.apply_typed(&format!("note:{id}"), edit) } else { studio.apply(edit) };
}

fn note_text(studio: Studio, id: &str) -> Memo<String> {
    let id = id.to_owned();
    Memo::new(move |_| studio.workspace.with(|ws| ws.note(&id).map(|n| n.text.clone()).unwrap_or_default()))
}

/// The text box on the card. It takes the focus with the caret at the end; Escape or
/// Ctrl/⌘ Enter or a press elsewhere puts the card back.
pub fn in_place_editor(id: String) -> AnyView {
    let studio = expect_context::<Studio>();
    let text = note_text(studio, &id);
    let area = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(area) = area.get() {
            let _ = area.focus();
            let end = area.value().encode_utf16().count() as u32;
            let _ = area.set_selection_range(end, end);
        }
    });
    let id = StoredValue::new(id);
    let close = move || {
        // Also called by the blur of the box being removed (after Escape, say), when `id` is
        // already gone with it: then there is nothing left to close.
        let writing = id.try_with_value(|id| studio.editing_note.with_untracked(|e| e.as_ref() == Some(id)));
        if writing == Some(true) {
            studio.editing_note.set(None);
        }
    };
    view! {
        <textarea node_ref=area class="note-input" aria-label="Sticky note text" data-testid="note-input" spellcheck="false"
            prop:value=move || text.get()
            on:input=move |ev| id.with_value(|id| change_note(studio, id, true, |n| n.text = event_target_value(&ev)))
            // The card under the box would take these for a drag or another double-click.
            on:pointerdown=|ev| ev.stop_propagation()
            on:dblclick=|ev| ev.stop_propagation()
            on:wheel=|ev| ev.stop_propagation()
            on:keydown=move |ev| {
                if ev.key() == "Escape" || (ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key())) {
                    ev.prevent_default();
                    close();
                }
            }
            on:blur=move |_| close()
        ></textarea>
    }
    .into_any()
}

/// The inspector's editor of a selected note.
pub fn note_panel(id: String) -> AnyView {
    let studio = expect_context::<Studio>();
    let text = note_text(studio, &id);
    let colour = {
        let id = id.clone();
        Memo::new(move |_| studio.workspace.with(|ws| ws.note(&id).map(|n| n.colour).unwrap_or_default()))
    };
    let id = StoredValue::new(id);
    let swatches = NoteColour::ALL.into_iter().map(|c| {
        view! {
            <button class=format!("swatch note-{}", c.as_str()) title=c.label() aria-label=c.label()
                aria-pressed=move || (colour.get() == c).to_string() data-testid=format!("note-colour-{}", c.as_str())
                on:click=move |_| id.with_value(|id| change_note(studio, id, false, |n| n.colour = c))></button>
        }
    });
    view! {
        <section class="note-panel" data-testid="note-panel" aria-labelledby="note-panel-title">
            <div class="eyebrow">"Sticky note"</div>
            <h2 class="panel-title" id="note-panel-title">"Workshop note"</h2>
            <label class="field">
                <span class="field-label">"Text"</span>
                <textarea rows="7" data-testid="note-panel-text" prop:value=move || text.get()
                    on:input=move |ev| id.with_value(|id| change_note(studio, id, true, |n| n.text = event_target_value(&ev)))></textarea>
            </label>
            <div class="field">
                <span class="field-label" id="note-colour-label">"Colour"</span>
                <div class="swatches" role="group" aria-labelledby="note-colour-label">{swatches.collect_view()}</div>
            </div>
            <div class="button-row">
                <button class="button small" data-testid="write-note" title="Write on the card (double-click it, or Enter)"
                    on:click=move |_| studio.editing_note.set(Some(id.get_value()))>"Write on the card"</button>
                <button class="button small danger" data-testid="delete-note" title="Delete the note (Delete)"
                    on:click=move |_| id.with_value(|id| crate::canvas::delete_note(studio, id))>"Delete note"</button>
            </div>
            <p class="hint">"Notes stay in this workspace for the discussion: exports, the repo bundle and the checks never see them. Drag the card to move it."</p>
        </section>
    }
    .into_any()
}
