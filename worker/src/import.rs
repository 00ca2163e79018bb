//! Dropped or picked files into the open workspace: standard files (ODCS, ODPS, DCS), SQL
//! `CREATE TABLE` scripts, JSON sample data (a schema is inferred), zips of any of these, or a
//! saved workspace. All or nothing: the
//! first file that cannot be read stops the import with its file, line and column.

use dpstudio_formats::bundle::{self, Source};
use dpstudio_formats::{json_sample, sql, sql_import, ErrorKind};
use dpstudio_model::Workspace;
use dpstudio_protocol::{ImportSummary, InputFile, Response};

use crate::unzip::{self, Entry};
use crate::{conform, Reply};

/// What one file turned out to be.
enum Kind {
    Spec,
    Sql,
    /// A JSON document or JSON Lines of records: a contract is inferred from the data.
    Sample,
    Workspace(Box<Workspace>),
    /// Not something an import reads (a README, a dbt project file): skipped with a note.
    Other(String),
}

pub fn run(current: &Workspace, files: Vec<InputFile>, buffers: Vec<Vec<u8>>) -> Reply {
    let mut summary = ImportSummary::default();
    let entries = match expand(files, buffers, &mut summary) {
        Ok(entries) => entries,
        Err(message) => return Reply::failed(message),
    };
    let (mut specs, mut scripts, mut samples, mut saved) = (Vec::new(), Vec::new(), Vec::new(), None::<Workspace>);
    for entry in &entries {
        match kind_of(entry) {
            Ok(Kind::Spec) => specs.push(entry),
            Ok(Kind::Sql) => scripts.push(entry),
            Ok(Kind::Sample) => samples.push(entry),
            Ok(Kind::Workspace(w)) if saved.is_none() => saved = Some(*w),
            Ok(Kind::Workspace(_)) => summary.skipped.push(format!("{}: a second saved workspace; the first one is opened", entry.name)),
            Ok(Kind::Other(why)) => summary.skipped.push(format!("{}: {why}", entry.name)),
            Err(message) => return Reply::failed(message),
        }
    }
    if let Some(w) = saved {
        // A repo bundle holds its workspace and the standard files exported from it: the
        // workspace says everything the files say and more (layout, glossary, metrics).
        if !specs.is_empty() || !scripts.is_empty() || !samples.is_empty() {
            summary.skipped.push(format!(
                "{} standard file(s) beside the saved workspace: the workspace is opened as saved",
                specs.len() + scripts.len() + samples.len()
            ));
        }
        summary.files = 1;
        summary.is_workspace = true;
        summary.products = w.products.len();
        summary.contracts = w.contracts.len();
        return imported(&w, summary, (Vec::new(), 0));
    }
    if specs.is_empty() && scripts.is_empty() && samples.is_empty() {
        let why = if summary.skipped.is_empty() { String::new() } else { format!(" ({})", summary.skipped.join("; ")) };
        return Reply::failed(format!("nothing to import: no workspace, ODCS, ODPS, DCS, SQL or JSON sample file{why}"));
    }
    let conformance = conform::check_all(specs.iter().map(|e| (e.name.as_str(), e.text.as_str())), true);
    let mut w = current.clone();
    let sources: Vec<Source<'_>> = specs.iter().map(|e| Source { name: &e.name, text: &e.text }).collect();
    if let Err(e) = bundle::import_into(&mut w, &sources) {
        return Reply::failed(e.to_string());
    }
    let inferred = scripts
        .iter()
        .map(|e| (e, sql_import::import(file_stem(&e.name), &e.text, sql::Dialect::Postgres)))
        .chain(samples.iter().map(|e| (e, json_sample::import(file_stem(&e.name), &e.text))));
    for (entry, contract) in inferred {
        match contract {
            Ok(mut contract) => {
                contract.id = dpstudio_model::unique_id(&contract.id, w.contracts.iter().map(|c| c.id.as_str()));
                w.contracts.push(contract);
            }
            Err(e) => return Reply::failed(e.in_file(&entry.name)),
        }
    }
    summary.files = specs.len() + scripts.len() + samples.len();
    summary.products = w.products.len().saturating_sub(current.products.len());
    summary.contracts = w.contracts.len().saturating_sub(current.contracts.len());
    imported(&w, summary, conformance)
}

fn imported(w: &Workspace, summary: ImportSummary, (findings, unchecked): (Vec<dpstudio_protocol::Finding>, usize)) -> Reply {
    let response = Response::Imported { workspace: dpstudio_model::to_json(w), summary, findings, unchecked };
    Reply { response, bytes: None }
}

/// Recognises a file by its extension and header. A file that claims to be a standard
/// document but cannot be read is an error (with its position), not a skip.
fn kind_of(entry: &Entry) -> Result<Kind, String> {
    let extension = entry.name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match extension.as_str() {
        "sql" | "ddl" => Ok(Kind::Sql),
        "yaml" | "yml" => match bundle::detect(&entry.text) {
            Ok(_) => Ok(Kind::Spec),
            Err(e) if e.kind == ErrorKind::WrongDocument => Ok(Kind::Other("YAML of another kind".to_owned())),
            Err(e) => Err(e.in_file(&entry.name)),
        },
        "ndjson" | "jsonl" => Ok(Kind::Sample),
        "json" => match bundle::detect(&entry.text) {
            Ok(_) => Ok(Kind::Spec),
            Err(e) if e.kind == ErrorKind::WrongDocument => match dpstudio_model::from_json(&entry.text) {
                Ok(w) => Ok(Kind::Workspace(Box::new(w))),
                // Inside a zip a JSON file of another kind (a dbt manifest, a schema) is not
                // data someone meant to import; a picked one is.
                Err(_) if entry.from_zip => Ok(Kind::Other("JSON of another kind".to_owned())),
                Err(_) if looks_like_a_saved_workspace(&entry.text) => {
                    Err(format!("{}: looks like a saved workspace but cannot be read", entry.name))
                }
                Err(_) => Ok(Kind::Sample),
            },
            Err(e) => Err(e.in_file(&entry.name)),
        },
        _ => Ok(Kind::Other("not a file kind an import reads".to_owned())),
    }
}

/// A file that names our save format but does not load is a damaged workspace, not sample data.
fn looks_like_a_saved_workspace(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| v.get("formatVersion").is_some())
}

/// `name` without folders and extensions: `sql/orders.ddl.sql` → `orders`.
fn file_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.split('.').next().filter(|s| !s.is_empty()).unwrap_or(base)
}

/// The files as entries: zips unpacked (what cannot be text is skipped with a note).
fn expand(files: Vec<InputFile>, buffers: Vec<Vec<u8>>, summary: &mut ImportSummary) -> Result<Vec<Entry>, String> {
    let mut buffers = buffers.into_iter();
    let mut entries = Vec::new();
    for file in files {
        if file.zip {
            let data = buffers.next().ok_or_else(|| format!("{}: the zip's bytes did not arrive", file.name))?;
            entries.extend(unzip::text_entries(&file.name, &data, &mut summary.skipped)?);
        } else {
            entries.push(Entry { name: file.name, text: file.text, from_zip: false });
        }
    }
    if entries.is_empty() {
        return Err("nothing to import: no files".to_owned());
    }
    Ok(entries)
}
