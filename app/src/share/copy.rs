//! "Make a copy": the shared workspace becomes the user's own open workspace, editable and
//! saved; the workspace that was open before is put away in the library, as switching
//! workspaces does.

use dpstudio_model::unique_id;
use leptos::prelude::*;

use crate::io::{autosave, library};
use crate::state::{Notice, Studio, Tone};

pub fn make_copy(studio: Studio) {
    let failed = |title: &str, reason: String| {
        studio.notify(Notice::new(Tone::Failed, title).with_details(vec![reason, "Nothing changed; the shared workspace is still open.".to_owned()]));
    };
    // The user's own workspace is stored as the open one; the copy takes that place, so the
    // own one moves to the library first. (Unreadable stored text is moved aside by `stored`.)
    let mut before = None;
    if let Ok(Some(own)) = autosave::stored() {
        if let Err(reason) = library::put(&own) {
            return failed("The copy was not made: your own workspace could not be put away.", reason);
        }
        before = Some(own.name);
    }
    let mut copy = studio.workspace.get_untracked();
    let taken: Vec<String> = library::list().into_iter().map(|e| e.id).collect();
    if taken.contains(&copy.id) {
        copy.id = unique_id(&copy.id, taken.iter().map(String::as_str));
    }
    // Stored at once, not after changes settle: a reload right away must open the copy.
    if let Err(reason) = autosave::save_now(&copy) {
        return failed("The copy could not be stored in this browser.", reason);
    }
    let name = copy.name.clone();
    studio.read_only.set(false);
    studio.open(copy);
    super::open::forget_link();
    let title = match before {
        Some(own) => format!("“{name}” is now your own copy: change it freely. “{own}” is kept under Workspaces."),
        None => format!("“{name}” is now your own copy: change it freely."),
    };
    studio.notify(Notice::new(Tone::Done, title));
}
