//! Layout figures survive a save exactly: node and note positions and the view, as drags and
//! zoom steps make them (many significant digits), read back to the same workspace, so a share
//! link or a reload reproduces what was saved. Written in full, some of these figures come back
//! one unit in the last place off from serde_json without its `float_roundtrip` feature, as the
//! app is built; a workspace-wide test build may have that feature switched on by another
//! crate's dependencies, so what is asserted here is the rounding, which holds either way.

use dpstudio_model::{from_json, to_json, Note, Point, Workspace};

/// Positions as a drag under a zoom makes them: a pointer move divided by the zoom.
fn dragged_positions() -> Vec<Point> {
    let zoom = 1.2_f64.powi(3);
    (1..400)
        .map(|i| {
            let moved = f64::from(i) * 7.3 + 0.1;
            Point { x: moved / zoom + 120.0 / 3.0, y: -moved / (zoom * 1.1) + 0.2 }
        })
        .collect()
}

fn workspace_with(points: &[Point]) -> Workspace {
    let mut ws = Workspace { name: "Layout".to_owned(), ..Workspace::default() };
    for (i, p) in points.iter().enumerate() {
        ws.layout.nodes.insert(format!("product:p{i}"), *p);
    }
    ws.layout.notes.push(Note { id: "note-1".to_owned(), text: "why".to_owned(), position: points[7], ..Note::default() });
    ws.layout.viewport.x = points[3].x;
    ws.layout.viewport.y = points[5].y;
    ws.layout.viewport.zoom = 1.1_f64.powi(7);
    ws
}

#[test]
fn a_saved_layout_reads_back_to_the_same_workspace() {
    let ws = workspace_with(&dragged_positions());
    let saved = to_json(&ws);
    let back = from_json(&saved).expect("the saved workspace reads back");
    assert_eq!(to_json(&back), saved, "saving what was read writes the same text");
    let again = from_json(&to_json(&back)).expect("reads back again");
    assert_eq!(again, back, "a second round trip changes nothing");
}

#[test]
fn saved_positions_are_within_a_hundredth_of_a_pixel() {
    let points = dragged_positions();
    let back = from_json(&to_json(&workspace_with(&points))).expect("reads back");
    for (i, p) in points.iter().enumerate() {
        let at = back.layout.nodes[&format!("product:p{i}")];
        assert!((at.x - p.x).abs() <= 0.005 + 1e-9 && (at.y - p.y).abs() <= 0.005 + 1e-9, "{p:?} came back as {at:?}");
    }
    assert!((back.layout.viewport.zoom - 1.1_f64.powi(7)).abs() <= 0.00005);
    assert_eq!(back.layout.viewport.zoom, 1.9487, "the zoom is kept to four decimals");
}
