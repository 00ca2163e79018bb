//! Export targets to a download: one text file as it is, several as one zip.

use dpstudio_formats::export_set::{self, Target};
use dpstudio_formats::{odcs, repo_bundle, sql};
use dpstudio_model::Workspace;
use dpstudio_protocol::{ExportTarget, Response};

use crate::{conform, Reply};

pub fn run(w: &Workspace, target: ExportTarget) -> Reply {
    let files = export_set::files(w, formats_target(target));
    let paths: Vec<String> = files.iter().map(|(path, _)| path.clone()).collect();
    let (findings, unchecked) = conform::check_all(files.iter().map(|(p, t)| (p.as_str(), t.as_str())), false);
    let slug = dpstudio_model::slugify(&w.name);
    let base = if slug.is_empty() { "workspace".to_owned() } else { slug };
    match files.as_slice() {
        [] => Reply::failed(format!("nothing to export as {}: the workspace has no {}", target.label(), what_it_needs(target))),
        [(path, text)] if target != ExportTarget::Bundle => {
            let file_name = path.rsplit('/').next().unwrap_or(path).to_owned();
            let mime = mime_of(path).to_owned();
            let response = Response::Exported { file_name, mime, text: Some(text.clone()), paths, findings, unchecked };
            Reply { response, bytes: None }
        }
        _ => match repo_bundle::to_zip(&files) {
            Ok(bytes) => {
                let file_name = format!("{base}-{}.zip", target.slug());
                let mime = "application/zip".to_owned();
                let response = Response::Exported { file_name, mime, text: None, paths, findings, unchecked };
                Reply { response, bytes: Some(bytes) }
            }
            Err(e) => Reply::failed(format!("the zip could not be built: {e}")),
        },
    }
}

fn formats_target(target: ExportTarget) -> Target {
    match target {
        ExportTarget::Odcs32 => Target::Odcs(odcs::OdcsVersion::V3_2_0),
        ExportTarget::Odcs31 => Target::Odcs(odcs::OdcsVersion::V3_1_0),
        ExportTarget::Odps => Target::Odps,
        ExportTarget::Dcs => Target::Dcs,
        ExportTarget::Dpds => Target::Dpds,
        ExportTarget::Dbt => Target::Dbt,
        ExportTarget::SqlPostgres => Target::Sql(sql::Dialect::Postgres),
        ExportTarget::SqlSnowflake => Target::Sql(sql::Dialect::Snowflake),
        ExportTarget::SqlBigQuery => Target::Sql(sql::Dialect::BigQuery),
        ExportTarget::JsonSchema => Target::JsonSchema,
        ExportTarget::Markdown => Target::Markdown,
        ExportTarget::Bundle => Target::Bundle,
    }
}

fn what_it_needs(target: ExportTarget) -> &'static str {
    match target {
        ExportTarget::Odps | ExportTarget::Dpds | ExportTarget::Markdown => "data products",
        ExportTarget::Dbt => "output ports bound to contracts",
        ExportTarget::JsonSchema => "contracts with schema objects",
        _ => "contracts",
    }
}

pub(crate) fn mime_of(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("yaml" | "yml") => "application/yaml",
        Some("json") => "application/json",
        Some("md") => "text/markdown",
        Some("sql") => "application/sql",
        _ => "text/plain",
    }
}
