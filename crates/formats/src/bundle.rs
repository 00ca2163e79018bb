//! Several standard files into one workspace: each file is recognised by its header
//! (`kind: DataContract`, `kind: DataProduct`, `dataContractSpecification`), the domains and
//! teams they imply are merged by id, and input ports are linked to the products that serve
//! their contracts. Any file that fails stops the whole import: nothing is half-imported.

use dpstudio_model::{unique_id, Context, DataContract, DataProduct, Workspace, FORMAT_VERSION};
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
    standard_of(&yaml::parse(text)?)
}

fn standard_of(doc: &yaml::Document) -> Result<Standard, FormatError> {
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
    import_all_with_standards(name, sources).map(|(w, _)| w)
}

/// [`import_all`], also saying which standard each source was written in (in source order),
/// so a caller can tell which file each contract and product came from without parsing again.
pub fn import_all_with_standards(name: &str, sources: &[Source<'_>]) -> Result<(Workspace, Vec<Standard>), FileError> {
    let mut w = Workspace {
        format_version: FORMAT_VERSION,
        id: dpstudio_model::slugify(name),
        name: name.to_owned(),
        ..Default::default()
    };
    let standards = import_sources(&mut w, sources)?;
    Ok((w, standards))
}

/// One imported file, before it joins a workspace.
enum Item {
    Contract(DataContract, Context),
    Product(DataProduct, Context),
}

/// Imports every source into an existing workspace: domains and teams the files name are
/// matched to the workspace's by name (case-insensitive) and added when new. All files are
/// read before anything is added, so an error leaves the workspace unchanged.
pub fn import_into(w: &mut Workspace, sources: &[Source<'_>]) -> Result<(), FileError> {
    import_sources(w, sources).map(|_| ())
}

/// [`import_into`], returning each source's standard. Each file is parsed once: detection
/// and import read the same parsed document (parsing dominates `check` on a folder).
fn import_sources(w: &mut Workspace, sources: &[Source<'_>]) -> Result<Vec<Standard>, FileError> {
    let mut items = Vec::with_capacity(sources.len());
    let mut standards = Vec::with_capacity(sources.len());
    for source in sources {
        let fail = |error| FileError { file: source.name.to_owned(), error };
        let doc = yaml::parse(source.text).map_err(fail)?;
        let standard = standard_of(&doc).map_err(fail)?;
        standards.push(standard);
        items.push(match standard {
            Standard::Odcs => odcs::read(&doc).map(|i| Item::Contract(i.contract, i.context)),
            Standard::Dcs => dcs::read(&doc).map(|i| Item::Contract(i.contract, i.context)),
            Standard::Odps => odps::read(&doc).map(|i| Item::Product(i.product, i.context)),
        }
        .map_err(fail)?);
    }
    for item in items {
        match item {
            Item::Contract(mut c, context) => {
                c.domain = c.domain.map(|id| adopt_domain(&mut w.context, &context, id));
                c.team = c.team.map(|id| adopt_team(&mut w.context, &context, id));
                w.contracts.push(c);
            }
            Item::Product(mut p, context) => {
                p.domain = p.domain.map(|id| adopt_domain(&mut w.context, &context, id));
                p.owner_team = p.owner_team.map(|id| adopt_team(&mut w.context, &context, id));
                w.products.push(p);
            }
        }
    }
    odps::link_inputs(w);
    Ok(standards)
}

/// The workspace id for the imported domain `id`: an existing domain of the same name, or
/// the imported one, added (its id made unique).
fn adopt_domain(into: &mut Context, from: &Context, id: String) -> String {
    let Some(domain) = from.domains.iter().find(|d| d.id == id) else { return id };
    if let Some(existing) = into.domains.iter().find(|d| d.name.eq_ignore_ascii_case(&domain.name)) {
        return existing.id.clone();
    }
    let mut domain = domain.clone();
    domain.id = unique_id(&domain.id, into.domains.iter().map(|d| d.id.as_str()));
    let new_id = domain.id.clone();
    into.domains.push(domain);
    new_id
}

fn adopt_team(into: &mut Context, from: &Context, id: String) -> String {
    let Some(team) = from.teams.iter().find(|t| t.id == id) else { return id };
    if let Some(existing) = into.teams.iter().find(|t| t.name.eq_ignore_ascii_case(&team.name)) {
        return existing.id.clone();
    }
    let mut team = team.clone();
    team.id = unique_id(&team.id, into.teams.iter().map(|t| t.id.as_str()));
    let new_id = team.id.clone();
    into.teams.push(team);
    new_id
}
