//! The spec preview: the standard document of one product or contract, as it would be
//! exported.

use dpstudio_formats::dpds::file_stem;
use dpstudio_formats::{odcs, odps};
use dpstudio_model::Workspace;
use dpstudio_protocol::{Response, Subject};

use crate::{conform, Reply};

pub fn run(w: &Workspace, subject: &Subject) -> Reply {
    let (file_name, text) = match subject {
        Subject::Product(id) => match w.product(id) {
            Some(p) => (format!("{}.odps.yaml", file_stem(&p.id)), odps::export(p, w)),
            None => return Reply::failed(format!("there is no product '{id}' any more")),
        },
        Subject::Contract(id) => match w.contract(id) {
            Some(c) => (format!("{}.odcs.yaml", file_stem(&c.id)), odcs::export(c, w, &odcs::ExportOptions::default())),
            None => return Reply::failed(format!("there is no contract '{id}' any more")),
        },
    };
    let findings = conform::check(&file_name, &text);
    Reply { response: Response::Preview { file_name, text, findings }, bytes: None }
}
