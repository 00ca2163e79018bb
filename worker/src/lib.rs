//! The formats worker's work, free of any browser type so it is tested natively: a
//! [`Request`] and the byte buffers beside it in, a [`Reply`] out. `main.rs` is the Web Worker glue.
//!
//! This module is the app's on-demand part: YAML, zip, SQL parsing and JSON Schema
//! conformance are large, and a person designing products needs none of them to see the first
//! canvas, so they load the first time an export, preview or import asks for them.

mod conform;
mod export;
mod import;
mod preview;
mod unzip;

use dpstudio_protocol::{Request, Response};

/// What goes back to the app: the response and, for zips, their bytes.
pub struct Reply {
    pub response: Response,
    pub bytes: Option<Vec<u8>>,
}

impl Reply {
    fn failed(message: impl Into<String>) -> Reply {
        Reply { response: Response::Failed { message: message.into() }, bytes: None }
    }
}

/// Answers one request. Never panics: every failure is a [`Response::Failed`] with a message
/// a person can act on.
pub fn handle(request: Request, buffers: Vec<Vec<u8>>) -> Reply {
    match request {
        Request::Export { workspace, target } => with_workspace(&workspace, |w| export::run(w, target)),
        Request::Preview { workspace, subject } => with_workspace(&workspace, |w| preview::run(w, &subject)),
        Request::Import { workspace, files } => with_workspace(&workspace, |w| import::run(w, files, buffers)),
    }
}

/// Handles a message as it arrives: JSON text that may not even be a request.
pub fn handle_text(text: &str, buffers: Vec<Vec<u8>>) -> Reply {
    match serde_json::from_str::<Request>(text) {
        Ok(request) => handle(request, buffers),
        Err(e) => Reply::failed(format!("the formats module did not understand the request: {e}")),
    }
}

fn with_workspace(json: &str, run: impl FnOnce(&dpstudio_model::Workspace) -> Reply) -> Reply {
    match dpstudio_model::from_json(json) {
        Ok(w) => run(&w),
        Err(e) => Reply::failed(format!("the workspace could not be read: {e}")),
    }
}
