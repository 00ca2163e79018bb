//! Importing files into the open workspace: read them, let the formats module turn them into
//! a workspace, then apply the difference as one undoable edit. Nothing changes on failure.

use dpstudio_protocol::{Request, Response};
use leptos::prelude::*;

use crate::io::formats;
use crate::io::read_files;
use crate::plural::plural;
use crate::state::{Notice, Studio, Tone};

pub fn import_files(studio: Studio, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    studio.notify(Notice::new(Tone::Busy, format!("Importing {} file{}…", files.len(), plural(files.len()))));
    leptos::task::spawn_local(async move {
        let read = match read_files::read(files).await {
            Ok(read) => read,
            Err(message) => {
                studio.notify(failed(message));
                return;
            }
        };
        let workspace = studio.workspace.with_untracked(dpstudio_model::to_json);
        let request = Request::Import { workspace, files: read.files };
        formats::call(&request, read.buffers, move |answer| studio.notify(apply(studio, answer.response)));
    });
}

fn apply(studio: Studio, response: Response) -> Notice {
    let (json, summary, findings, unchecked) = match response {
        Response::Imported { workspace, summary, findings, unchecked } => (workspace, summary, findings, unchecked),
        Response::Failed { message } => return failed(message),
        _ => return failed("the formats module gave an answer that does not fit an import".to_owned()),
    };
    let incoming = match dpstudio_model::from_json(&json) {
        Ok(w) => w,
        Err(e) => return failed(format!("the imported workspace could not be read: {e}")),
    };
    let edit = studio.workspace.with_untracked(|current| {
        if summary.is_workspace {
            dpstudio_model::replace_edit(current, &incoming)
        } else {
            dpstudio_model::merge_edit(current, &incoming)
        }
    });
    if let Err(e) = studio.apply(edit) {
        return failed(format!("the import could not be applied: {e}"));
    }
    if summary.is_workspace {
        studio.selection.set(None);
    }
    let title = if summary.is_workspace {
        format!("Opened “{}”: {} products, {} contracts. Undo (Ctrl+Z) brings the previous workspace back.", incoming.name, summary.products, summary.contracts)
    } else {
        format!(
            "Imported {} file{}: {} new product{}, {} new contract{}.",
            summary.files,
            plural(summary.files),
            summary.products,
            plural(summary.products),
            summary.contracts,
            plural(summary.contracts)
        )
    };
    let mut details = crate::conformance::lines(&findings, unchecked);
    details.extend(summary.skipped.into_iter().map(|s| format!("Skipped {s}")));
    Notice::new(Tone::Done, title).with_details(details)
}

fn failed(message: String) -> Notice {
    Notice::new(Tone::Failed, "Nothing was imported.").with_details(vec![message])
}
