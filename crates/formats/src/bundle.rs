//! Several standard files into one workspace: each file is recognised by its header
//! (`kind: DataContract`, `kind: DataProduct`, `dataContractSpecification`), the domains and
//! teams they imply are merged by id, and input ports are linked to the products that serve
//! their contracts. Any file that fails stops the whole import: nothing is half-imported.

use dpstudio_model::{Context, Workspace, FORMAT_VERSION};
use serde_json::Value;

use crate::error::{ErrorKind, FormatError};
use crate::{dcs, odcs, odps, yaml};

/// Which standard a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    Odcs,
    Odps,
    Dcs,
}

/// Recognises a document's standard from its header fields.
pub fn detect(text: &str) -> Result<Standard, FormatError> {
    let doc = yaml::parse(text)?;
    let kind = doc.value.get("kind").and_then(Value::as_str);
    match kind {
        Some("DataContract") => Ok(Standard::Odcs),
        Some("DataProduct") => Ok(Standard::Odps),
        _ if doc.value.get("dataContractSpecification").is_some() => Ok(Standard::Dcs),
        _ => Err(doc.error(
            ErrorKind::WrongDocument,
            "",
            "not a recognised document: expected `kind: DataContract` (ODCS), `kind: DataProduct` (ODPS) \
             or `dataContractSpecification` (DCS)",
        )),
    }
}

/// A file's name and text.
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// An error in one of several files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub error: FormatError,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.error.line > 0 {
            write!(f, "{}:{}:{}: {}", self.file, self.error.line, self.error.column, self.error.message)
        } else {
            write!(f, "{}: {}", self.file, self.error.message)
        }
    }
}

/// Imports every source into a new workspace named `name`.
pub fn import_all(name: &str, sources: &[Source<'_>]) -> Result<Workspace, FileError> {
    let mut w = Workspace {
        format_version: FORMAT_VERSION,
        id: dpstudio_model::slugify(name),
        name: name.to_owned(),
        ..Default::default()
    };
    for source in sources {
        let fail = |error| FileError { file: source.name.to_owned(), error };
        match detect(source.text).map_err(fail)? {
            Standard::Odcs => {
                let i = odcs::import(source.text).map_err(fail)?;
                merge(&mut w.context, i.context);
                w.contracts.push(i.contract);
            }
            Standard::Dcs => {
                let i = dcs::import(source.text).map_err(fail)?;
                merge(&mut w.context, i.context);
                w.contracts.push(i.contract);
            }
            Standard::Odps => {
                let i = odps::import(source.text).map_err(fail)?;
                merge(&mut w.context, i.context);
                w.products.push(i.product);
            }
        }
    }
    odps::link_inputs(&mut w);
    Ok(w)
}

/// Adds domains and teams not yet present (by id).
fn merge(into: &mut Context, from: Context) {
    for d in from.domains {
        if !into.domains.iter().any(|x| x.id == d.id) {
            into.domains.push(d);
        }
    }
    for t in from.teams {
        if !into.teams.iter().any(|x| x.id == t.id) {
            into.teams.push(t);
        }
    }
}
