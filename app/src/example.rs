//! The example workspace the app opens with, embedded so it works offline.

use dpstudio_model::{from_json, Workspace, FORMAT_VERSION};

const RETAIL: &str = include_str!("../../examples/retail.workspace.json");

/// The built-in retail example. The file is checked by tests; should it ever fail to load, the
/// app starts with an empty workspace named after the problem instead of a blank page.
pub fn example_workspace() -> Workspace {
    from_json(RETAIL).unwrap_or_else(|error| Workspace {
        format_version: FORMAT_VERSION,
        id: "untitled".into(),
        name: format!("Untitled (example failed to load: {error})"),
        ..Default::default()
    })
}
