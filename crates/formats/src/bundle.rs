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
        f.write_str(&self.error.in_file(&self.file))
    }
}

/// Imports every source into a new workspace named `name`.
pub fn import_all(name: &str, sources: &[Source<'_>]) -> Result<Workspace, FileError> {
    let files = sources.iter().map(parse_file).collect::<Result<Vec<_>, _>>()?;
    Ok(import_parsed(name, files))
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
    let files = sources.iter().map(parse_file).collect::<Result<Vec<_>, _>>()?;
    join(w, files);
    Ok(())
}

/// One file read and recognised, not yet part of a workspace: what [`parse_file`] returns.
/// Parsing is most of an import's time and needs nothing but the file, so callers with
/// threads (the CLI) parse files in parallel and join them with [`import_parsed`].
pub struct ParsedFile {
    standard: Standard,
    item: Item,
}

impl ParsedFile {
    pub fn standard(&self) -> Standard {
        self.standard
    }
}

/// Parses and imports one file on its own (the first half of [`import_into`]): the file is
/// parsed once, detection and import read the same document.
pub fn parse_file(source: &Source<'_>) -> Result<ParsedFile, FileError> {
    let fail = |error| FileError { file: source.name.to_owned(), error };
    let doc = yaml::parse(source.text).map_err(fail)?;
    let standard = standard_of(&doc).map_err(fail)?;
    let item = match standard {
        Standard::Odcs => odcs::read(&doc).map(|i| Item::Contract(i.contract, i.context)),
        Standard::Dcs => dcs::read(&doc).map(|i| Item::Contract(i.contract, i.context)),
        Standard::Odps => odps::read(&doc).map(|i| Item::Product(i.product, i.context)),
    }
    .map_err(fail)?;
    Ok(ParsedFile { standard, item })
}

/// Files parsed by [`parse_file`] (in the order their contracts and products should be
/// added) as a new workspace named `name`, like [`import_all`].
pub fn import_parsed(name: &str, files: Vec<ParsedFile>) -> Workspace {
    let mut w = Workspace { format_version: FORMAT_VERSION, id: dpstudio_model::slugify(name), name: name.to_owned(), ..Default::default() };
    join(&mut w, files);
    w
}

/// Adds parsed files to `w`: domains and teams matched by name, input ports linked.
fn join(w: &mut Workspace, files: Vec<ParsedFile>) {
    for item in files.into_iter().map(|f| f.item) {
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
