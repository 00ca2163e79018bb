//! Sticky notes are workshop remarks kept in the workspace: no export target may carry them,
//! not the specs, not the docs, not the bundle's copy of the workspace.

use dpstudio_formats::export_set::{files, Target};
use dpstudio_formats::repo_bundle;
use dpstudio_model::{from_json, to_json, Note, NoteColour, Point, Workspace};

const NOTE_TEXTS: [&str; 3] = ["Ask finance who signs off refunds", "Parking lot: GDPR erasure SLA", "Mystery-column-zq7"];

fn retail_with_notes() -> Workspace {
    let mut w = from_json(include_str!("../../../examples/retail.workspace.json")).expect("example loads");
    w.layout.notes = NOTE_TEXTS
        .iter()
        .enumerate()
        .map(|(i, text)| Note {
            id: format!("note-{i}"),
            text: (*text).to_owned(),
            position: Point { x: 100.0 * i as f64, y: -200.0 },
            colour: NoteColour::ALL[i % NoteColour::ALL.len()],
        })
        .collect();
    w
}


#[test]
fn no_export_target_contains_note_text() {
    let w = retail_with_notes();
    // The notes are really in the workspace: the saved file has them.
    let saved = to_json(&w);
    for text in NOTE_TEXTS {
        assert!(saved.contains(text), "the save keeps {text:?}");
    }
    for target in Target::all() {
        let written = files(&w, target);
        assert!(!written.is_empty(), "{target:?} wrote nothing");
        for (path, content) in &written {
            for text in NOTE_TEXTS {
                assert!(!content.contains(text), "{target:?} put note text {text:?} into {path}");
                assert!(!path.contains(text), "{target:?} named a file after a note: {path}");
            }
            assert!(!content.contains("\"notes\""), "{target:?} wrote a notes list into {path}");
        }
    }
}

#[test]
fn the_bundles_workspace_file_is_the_workspace_without_its_notes() {
    let w = retail_with_notes();
    let bundle = files(&w, Target::Bundle);
    let (_, text) = bundle.iter().find(|(path, _)| path == repo_bundle::WORKSPACE_FILE).expect("the bundle has the workspace file");
    let published = from_json(text).expect("the bundled workspace loads");
    assert!(published.layout.notes.is_empty());
    let mut expected = w.clone();
    expected.layout.notes.clear();
    assert_eq!(published, expected, "everything but the notes is kept");
    let plain = files(&expected, Target::Bundle);
    assert_eq!(bundle, plain, "notes change nothing else in the bundle");
}
