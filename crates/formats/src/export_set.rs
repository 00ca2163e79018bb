//! One export target's files, laid out as in the repo bundle: what the app's export dialog
//! downloads (one target at a time, or the whole bundle). Targets that the bundle contains are
//! taken from it, so their paths and names never drift from the bundle's; the others (ODCS
//! 3.1, DCS, Snowflake and BigQuery DDL, JSON Schema) follow the same naming.

use dpstudio_model::Workspace;

use crate::dpds::file_stem;
use crate::{dcs, json_schema, odcs, repo_bundle, sql};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Odcs(odcs::OdcsVersion),
    Odps,
    Dcs,
    Dpds,
    Dbt,
    Sql(sql::Dialect),
    JsonSchema,
    Markdown,
    /// Everything, plus the workspace JSON, a README and a CI workflow.
    Bundle,
}

impl Target {
    /// Every export target, each SQL dialect on its own.
    pub fn all() -> Vec<Target> {
        let mut targets = vec![
            Target::Odcs(odcs::OdcsVersion::V3_2_0),
            Target::Odcs(odcs::OdcsVersion::V3_1_0),
            Target::Odps,
            Target::Dcs,
            Target::Dpds,
            Target::Dbt,
            Target::JsonSchema,
            Target::Markdown,
            Target::Bundle,
        ];
        targets.extend(sql::Dialect::ALL.into_iter().map(Target::Sql));
        targets
    }
}

/// The files of `target` as `(path, text)`, paths relative to a repository root, in a stable
/// order and never two with the same path.
pub fn files(w: &Workspace, target: Target) -> Vec<(String, String)> {
    match target {
        Target::Bundle => repo_bundle::export_bundle(w),
        Target::Odcs(odcs::OdcsVersion::V3_2_0) => from_bundle(w, |p| p.starts_with("contracts/")),
        Target::Odps => from_bundle(w, |p| p.starts_with("products/") && p.ends_with(".odps.yaml")),
        Target::Dpds => from_bundle(w, |p| p.starts_with("products/") && p.ends_with(".dpds.json")),
        Target::Markdown => from_bundle(w, |p| p.starts_with("docs/")),
        Target::Dbt => from_bundle(w, |p| p.starts_with("dbt/")),
        Target::Sql(sql::Dialect::Postgres) => from_bundle(w, |p| p.starts_with("sql/postgres/")),
        Target::Odcs(version) => {
            let options = odcs::ExportOptions { version };
            per_contract(w, |c| vec![(format!("contracts/{}.odcs.yaml", file_stem(&c.id)), odcs::export(c, w, &options))])
        }
        Target::Dcs => per_contract(w, |c| vec![(format!("contracts/{}.datacontract.yaml", file_stem(&c.id)), dcs::export(c, w))]),
        Target::Sql(dialect) => {
            let options = sql::ExportOptions { dialect };
            per_contract(w, |c| vec![(format!("sql/{}/{}.sql", dialect.as_str(), file_stem(&c.id)), sql::export(c, &options))])
        }
        Target::JsonSchema => per_contract(w, |c| {
            // Two objects whose names differ only in unsafe characters would share a file.
            let mut taken: Vec<String> = Vec::new();
            json_schema::export(c)
                .into_iter()
                .map(|(object, text)| {
                    let base = file_stem(&object);
                    let stem = (1..).map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") }).find(|s| !taken.contains(s)).unwrap_or(base);
                    let path = format!("jsonschema/{}/{stem}.schema.json", file_stem(&c.id));
                    taken.push(stem);
                    (path, text)
                })
                .collect()
        }),
    }
}

fn from_bundle(w: &Workspace, keep: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    repo_bundle::export_bundle(w).into_iter().filter(|(path, _)| keep(path)).collect()
}

/// Runs `export` for each contract; a path taken before gets `-2`, `-3`, … before its
/// extension (ids that differ only in characters a file name cannot hold).
fn per_contract(
    w: &Workspace,
    export: impl Fn(&dpstudio_model::DataContract) -> Vec<(String, String)>,
) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    for contract in &w.contracts {
        for (path, text) in export(contract) {
            let free = free_path(&path, |candidate| files.iter().any(|(p, _)| p == candidate));
            files.push((free, text));
        }
    }
    files
}

fn free_path(path: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(path) {
        return path.to_owned();
    }
    // The number goes before the first dot of the file name: `a.odcs.yaml` → `a-2.odcs.yaml`.
    let name_start = path.rfind('/').map_or(0, |slash| slash + 1);
    let (base, ext) = match path[name_start..].find('.') {
        Some(dot) => path.split_at(name_start + dot),
        None => (path, ""),
    };
    (2..).map(|n| format!("{base}-{n}{ext}")).find(|candidate| !taken(candidate)).unwrap_or_else(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpstudio_model::generate;

    #[test]
    fn every_target_writes_files_with_unique_paths() {
        let w = generate(5, 3);
        let targets = Target::all();
        for target in targets {
            let files = files(&w, target);
            assert!(!files.is_empty(), "{target:?} wrote nothing");
            let mut paths: Vec<_> = files.iter().map(|(p, _)| p.as_str()).collect();
            paths.sort();
            paths.dedup();
            assert_eq!(paths.len(), files.len(), "{target:?} wrote a path twice");
        }
    }

    #[test]
    fn targets_in_the_bundle_match_its_files() {
        let w = generate(4, 7);
        let bundle = files(&w, Target::Bundle);
        for (path, text) in files(&w, Target::Odcs(odcs::OdcsVersion::V3_2_0)) {
            assert!(path.starts_with("contracts/") && path.ends_with(".odcs.yaml"), "{path}");
            assert!(bundle.contains(&(path.clone(), text)), "{path} differs from the bundle's");
        }
        let odps = files(&w, Target::Odps);
        assert_eq!(odps.len(), w.products.len());
        let v31 = files(&w, Target::Odcs(odcs::OdcsVersion::V3_1_0));
        assert_eq!(v31.len(), w.contracts.len());
        assert!(v31.iter().all(|(_, text)| text.contains("apiVersion: v3.1.0")), "ODCS 3.1 files declare 3.1.0");
    }

    #[test]
    fn colliding_names_get_a_number_before_the_extension() {
        let taken = ["sql/postgres/a.sql".to_owned(), "sql/postgres/a-2.sql".to_owned()];
        assert_eq!(free_path("sql/postgres/a.sql", |p| taken.iter().any(|t| t == p)), "sql/postgres/a-3.sql");
        assert_eq!(free_path("x/b.odcs.yaml", |p| p == "x/b.odcs.yaml"), "x/b-2.odcs.yaml");
        assert_eq!(free_path("x/noext", |p| p == "x/noext"), "x/noext-2");
    }
}
