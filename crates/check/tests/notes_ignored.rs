//! Sticky notes are remarks on the canvas, not part of the design: no rule reads them, and a
//! note edit leaves the diagnostics exactly as they were.

use dpstudio_check::{check, Change, Checker};
use dpstudio_model::{from_json, Edit, History, Note, NoteColour, Point, Workspace};

fn retail() -> Workspace {
    from_json(include_str!("../../../examples/retail.workspace.json")).expect("the example loads")
}

/// Notes that would trip rules if anything read them: an id that is also a product's, empty
/// text, text naming a product that does not exist.
fn troublesome_notes(w: &Workspace) -> Vec<Note> {
    vec![
        Note { id: w.products[0].id.clone(), text: "Duplicate of web-orders? Rename to ghost-product".into(), position: Point { x: -1e6, y: 3.0 }, colour: NoteColour::Pink },
        Note { id: "note".into(), text: String::new(), position: Point::default(), colour: NoteColour::Blue },
    ]
}

#[test]
fn a_workspace_with_notes_checks_like_one_without() {
    let plain = retail();
    let mut noted = plain.clone();
    noted.layout.notes = troublesome_notes(&plain);
    let before = check(&plain);
    assert!(!before.is_empty(), "the example has diagnostics, so the comparison means something");
    assert_eq!(check(&noted), before);
}

#[test]
fn note_edits_are_layout_only_and_leave_the_incremental_check_unchanged() {
    let mut w = retail();
    let expected = check(&w);
    let mut checker = Checker::new(&w);
    let mut history = History::default();
    let mut edits = troublesome_notes(&w).into_iter().map(|n| Edit::add_note(&w, n)).collect::<Vec<_>>();
    edits.push(Edit::InsertNote { index: 0, note: Note { id: "front".into(), text: "first".into(), ..Note::default() } });
    for edit in edits {
        let touched = history.apply(&mut w, edit).expect("applies");
        assert!(touched.is_layout_only(), "{touched:?}");
        checker.update(&w, &Change::from(&touched));
        assert_eq!(checker.diagnostics(), expected.as_slice());
    }
    let removed = Edit::remove_note(&w, "note").expect("the note is there");
    let touched = history.apply(&mut w, removed).expect("applies");
    checker.update(&w, &Change::from(&touched));
    assert_eq!(checker.diagnostics(), expected.as_slice());
    assert_eq!(check(&w), expected);
}
