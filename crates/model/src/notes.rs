//! Sticky notes: remarks a workshop pins to the canvas. They belong to the canvas, not to the
//! design, so they live in `Workspace.layout` (which no exporter reads and no check looks at)
//! and change through edits of their own, so undo and autosave cover them like everything else.
//! A note is addressed by its index and carries its id, so a stale edit fails instead of
//! changing a neighbour (the same rule as the entity edits).

use serde::{Deserialize, Serialize};

use crate::{unique_id, Edit, EditError, Id, Point, Workspace};

/// The few colours a note can have: enough to tell questions from decisions on a wall, few
/// enough that the choice is quick.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteColour {
    #[default]
    Yellow,
    Pink,
    Blue,
    Green,
}

impl NoteColour {
    pub const ALL: [NoteColour; 4] = [NoteColour::Yellow, NoteColour::Pink, NoteColour::Blue, NoteColour::Green];

    pub fn as_str(self) -> &'static str {
        match self {
            NoteColour::Yellow => "yellow",
            NoteColour::Pink => "pink",
            NoteColour::Blue => "blue",
            NoteColour::Green => "green",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            NoteColour::Yellow => "Yellow",
            NoteColour::Pink => "Pink",
            NoteColour::Blue => "Blue",
            NoteColour::Green => "Green",
        }
    }
}

/// One sticky note: its text, where its top left corner sits on the canvas, and its colour.
/// Its height follows its text, so it has no size of its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    pub id: Id,
    #[serde(default)]
    pub text: String,
    pub position: Point,
    #[serde(default)]
    pub colour: NoteColour,
}

impl Workspace {
    pub fn note(&self, id: &str) -> Option<&Note> {
        self.layout.notes.iter().find(|n| n.id == id)
    }

    /// An id no note of this workspace has (`note`, `note-2`, …).
    pub fn new_note_id(&self) -> Id {
        unique_id("note", self.layout.notes.iter().map(|n| n.id.as_str()))
    }
}

impl Edit {
    /// Adds `note` after the existing ones (drawn on top of them).
    pub fn add_note(workspace: &Workspace, note: Note) -> Edit {
        Edit::InsertNote { index: workspace.layout.notes.len(), note }
    }

    /// Removes the note with `id`.
    pub fn remove_note(workspace: &Workspace, id: &str) -> Result<Edit, EditError> {
        let index = note_index(workspace, id)?;
        Ok(Edit::RemoveNote { index, id: id.to_owned() })
    }

    /// Puts `note` in place of the note with the same id (new text, place or colour).
    pub fn replace_note(workspace: &Workspace, note: Note) -> Result<Edit, EditError> {
        let index = note_index(workspace, &note.id)?;
        Ok(Edit::ReplaceNote { index, note })
    }
}

fn note_index(workspace: &Workspace, id: &str) -> Result<usize, EditError> {
    workspace
        .layout
        .notes
        .iter()
        .position(|n| n.id == id)
        .ok_or_else(|| EditError::NoNote { index: workspace.layout.notes.len(), id: id.to_owned() })
}

// The three operations `Edit::apply` runs for note edits; each returns what its inverse needs.

pub(crate) fn insert(workspace: &mut Workspace, index: usize, note: Note) -> Result<Id, EditError> {
    let notes = &mut workspace.layout.notes;
    if index > notes.len() {
        return Err(EditError::NoNote { index, id: note.id });
    }
    let id = note.id.clone();
    notes.insert(index, note);
    Ok(id)
}

pub(crate) fn remove(workspace: &mut Workspace, index: usize, id: &str) -> Result<Note, EditError> {
    let notes = &mut workspace.layout.notes;
    if notes.get(index).is_none_or(|n| n.id != id) {
        return Err(EditError::NoNote { index, id: id.to_owned() });
    }
    Ok(notes.remove(index))
}

pub(crate) fn replace(workspace: &mut Workspace, index: usize, note: Note) -> Result<Note, EditError> {
    match workspace.layout.notes.get_mut(index) {
        Some(slot) if slot.id == note.id => Ok(std::mem::replace(slot, note)),
        _ => Err(EditError::NoNote { index, id: note.id }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{from_json, to_json, to_json_pretty, History};

    fn retail() -> Workspace {
        from_json(include_str!("../../../examples/retail.workspace.json")).expect("example loads")
    }

    fn with_notes() -> Workspace {
        let mut w = retail();
        w.layout.notes = vec![
            Note { id: "note".into(), text: "Who owns refunds?\nAsk finance.".into(), position: Point { x: 12.5, y: -40.0 }, colour: NoteColour::Pink },
            Note { id: "note-2".into(), text: "Déjà vu: \"quotes\" & <tags>".into(), position: Point { x: 900.0, y: 20.25 }, colour: NoteColour::Yellow },
        ];
        w
    }

    #[test]
    fn notes_round_trip_through_save_and_load() {
        let w = with_notes();
        for text in [to_json(&w), to_json_pretty(&w)] {
            let loaded = from_json(&text).expect("saved workspace loads");
            assert_eq!(loaded, w);
            assert_eq!(loaded.layout.notes, w.layout.notes);
        }
        let text = to_json(&w);
        assert!(text.contains("\"notes\":[{\"id\":\"note\",\"text\":\"Who owns refunds?\\nAsk finance.\""), "{text}");
        assert!(text.contains("\"colour\":\"pink\""));
    }

    #[test]
    fn files_without_notes_load_and_save_as_before() {
        let text = include_str!("../../../examples/retail.workspace.json");
        assert!(!text.contains("\"notes\""), "the example predates notes");
        let w = from_json(text).expect("loads");
        assert!(w.layout.notes.is_empty());
        assert!(!to_json(&w).contains("\"notes\""), "no empty notes list is written");
        // A note written by hand without text or colour gets the defaults.
        let minimal = r#"{"formatVersion": 2, "id": "w", "name": "W",
            "layout": {"nodes": {}, "notes": [{"id": "n", "position": {"x": 1, "y": 2}}]}}"#;
        let w = from_json(minimal).expect("minimal note loads");
        assert_eq!(w.layout.notes, vec![Note { id: "n".into(), text: String::new(), position: Point { x: 1.0, y: 2.0 }, colour: NoteColour::Yellow }]);
    }

    /// Applies `edit` through a history, checks what it did with `changed`, then undoes and
    /// redoes it: undo must restore the workspace exactly, redo must give the edited one.
    fn undoes_exactly(edit: Edit, changed: impl Fn(&Workspace)) {
        let original = with_notes();
        let mut w = original.clone();
        let mut history = History::default();
        let touched = history.apply(&mut w, edit).expect("applies");
        assert!(touched.layout && touched.is_layout_only(), "a note edit is layout only: {touched:?}");
        changed(&w);
        let edited = w.clone();
        history.undo(&mut w).expect("a step").expect("undo applies");
        assert_eq!(w, original);
        history.redo(&mut w).expect("a step").expect("redo applies");
        assert_eq!(w, edited);
    }

    #[test]
    fn each_note_edit_is_undone_exactly() {
        let w = with_notes();
        let id = w.new_note_id();
        assert_eq!(id, "note-3");
        let added = Note { id: id.clone(), text: String::new(), position: Point { x: 5.0, y: 6.0 }, colour: NoteColour::Blue };
        undoes_exactly(Edit::add_note(&w, added.clone()), |w| assert_eq!(w.layout.notes.last(), Some(&added)));

        let mut typed = w.layout.notes[0].clone();
        typed.text = "Finance owns refunds.".into();
        undoes_exactly(Edit::replace_note(&w, typed).unwrap(), |w| assert_eq!(w.layout.notes[0].text, "Finance owns refunds."));

        let mut moved = w.layout.notes[1].clone();
        moved.position = Point { x: -3.0, y: 400.0 };
        undoes_exactly(Edit::replace_note(&w, moved).unwrap(), |w| assert_eq!(w.layout.notes[1].position, Point { x: -3.0, y: 400.0 }));

        let mut recoloured = w.layout.notes[1].clone();
        recoloured.colour = NoteColour::Green;
        undoes_exactly(Edit::replace_note(&w, recoloured).unwrap(), |w| assert_eq!(w.layout.notes[1].colour, NoteColour::Green));

        // Removing the first note and undoing puts it back first, not last.
        undoes_exactly(Edit::remove_note(&w, "note").unwrap(), |w| {
            assert_eq!(w.layout.notes.len(), 1);
            assert!(w.note("note").is_none());
        });
    }

    #[test]
    fn typing_into_a_note_is_one_undo_step() {
        let original = with_notes();
        let mut w = original.clone();
        let mut history = History::default();
        let mut note = w.layout.notes[0].clone();
        for (i, text) in ["F", "Fi", "Fin", "Fina"].into_iter().enumerate() {
            note.text = text.into();
            let edit = Edit::replace_note(&w, note.clone()).unwrap();
            if i == 0 {
                history.apply(&mut w, edit).unwrap();
            } else {
                history.apply_merged(&mut w, edit).unwrap();
            }
        }
        assert_eq!(history.undo_len(), 1);
        assert_eq!(w.layout.notes[0].text, "Fina");
        history.undo(&mut w).unwrap().unwrap();
        assert_eq!(w, original);
    }

    #[test]
    fn stale_note_edits_fail_and_change_nothing() {
        let original = with_notes();
        let mut w = original.clone();
        let cases = [
            Edit::InsertNote { index: 3, note: Note::default() },
            Edit::RemoveNote { index: 0, id: "note-2".into() },
            Edit::RemoveNote { index: 7, id: "note".into() },
            Edit::ReplaceNote { index: 1, note: Note { id: "note".into(), ..Note::default() } },
            Edit::Batch(vec![Edit::SetName("half-way".into()), Edit::RemoveNote { index: 9, id: "x".into() }]),
        ];
        for edit in cases {
            assert!(edit.clone().apply(&mut w).is_err(), "{edit:?}");
            assert_eq!(w, original);
        }
        assert!(matches!(Edit::remove_note(&w, "nobody"), Err(EditError::NoNote { .. })));
        assert!(Edit::replace_note(&w, Note { id: "nobody".into(), ..Note::default() }).is_err());
    }
}
