//! `dpstudio export` and `dpstudio import`: workspaces to standard files and back. The
//! conversions live in `dpstudio-formats`; this file only reads and writes files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dpstudio_formats::bundle::{self, Source};
use crate::sample_input;

use dpstudio_formats::export_set::{self, Target};
use dpstudio_formats::{odcs, repo_bundle, sql, sql_import, ErrorKind};

/// Which standard files `export` writes.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Bitol ODCS data contracts: `contracts/<id>.odcs.yaml`.
    Odcs,
    /// Bitol ODPS data products: `products/<id>/<id>.odps.yaml`.
    Odps,
    /// Data Contract Specification (legacy): `contracts/<id>.datacontract.yaml`.
    Dcs,
    /// SQL DDL (`CREATE TABLE`) per contract: `sql/<dialect>/<contract-id>.sql`.
    Sql,
    /// JSON Schema per schema object: `jsonschema/<contract-id>/<object>.schema.json`.
    Jsonschema,
    /// Markdown documentation per product: `docs/<product-id>.md`.
    Markdown,
    /// A dbt project (models with enforced contracts, tests, sources, semantic models): `dbt/…`.
    Dbt,
    /// Open Data Mesh DPDS 1.0.0 descriptors: `products/<id>/<id>.dpds.json`.
    Dpds,
    /// The repo bundle: all of the above (ODCS 3.2.0, PostgreSQL DDL), the workspace JSON, a
    /// README and a CI workflow, as one zip; `--out` names the zip file.
    Bundle,
}

/// The ODCS version to write.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum OdcsVersionArg {
    #[value(name = "3.2.0")]
    V320,
    #[value(name = "3.1.0")]
    V310,
}

/// The SQL dialect `--format sql` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DialectArg {
    Postgres,
    Snowflake,
    Bigquery,
}

impl DialectArg {
    fn dialect(self) -> sql::Dialect {
        match self {
            DialectArg::Postgres => sql::Dialect::Postgres,
            DialectArg::Snowflake => sql::Dialect::Snowflake,
            DialectArg::Bigquery => sql::Dialect::BigQuery,
        }
    }
}

/// Writes one file per contract or product under `out`, in the repo bundle's layout.
pub fn export(workspace: &Path, format: ExportFormat, out: &Path, odcs_version: OdcsVersionArg, dialect: DialectArg) -> Result<ExitCode, String> {
    let text = std::fs::read_to_string(workspace).map_err(|e| format!("cannot read {}: {e}", workspace.display()))?;
    let w = dpstudio_model::from_json(&text).map_err(|e| format!("{}: {e}", workspace.display()))?;
    let target = match format {
        ExportFormat::Bundle => return export_zip(&w, out),
        ExportFormat::Odcs => Target::Odcs(match odcs_version {
            OdcsVersionArg::V320 => odcs::OdcsVersion::V3_2_0,
            OdcsVersionArg::V310 => odcs::OdcsVersion::V3_1_0,
        }),
        ExportFormat::Odps => Target::Odps,
        ExportFormat::Dcs => Target::Dcs,
        ExportFormat::Sql => Target::Sql(dialect.dialect()),
        ExportFormat::Jsonschema => Target::JsonSchema,
        ExportFormat::Markdown => Target::Markdown,
        ExportFormat::Dbt => Target::Dbt,
        ExportFormat::Dpds => Target::Dpds,
    };
    // The bundle's layout, one target at a time (the app's export dialog writes the same files).
    let files: Vec<(PathBuf, String)> =
        export_set::files(&w, target).into_iter().map(|(path, text)| (out.join(path), text)).collect();
    for (path, content) in &files {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(path, content).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    println!("{} file(s)", files.len());
    Ok(ExitCode::SUCCESS)
}

/// The repo bundle as one zip file at `out` (the bundle's own layout and options: its
/// README and CI workflow describe exactly those files).
fn export_zip(w: &dpstudio_model::Workspace, out: &Path) -> Result<ExitCode, String> {
    let files = repo_bundle::export_bundle(w);
    let bytes = repo_bundle::to_zip(&files).map_err(|e| format!("cannot build the zip: {e}"))?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(out, bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("wrote {} ({} file(s))", out.display(), files.len());
    Ok(ExitCode::SUCCESS)
}

/// Reads ODCS, ODPS and DCS files (folders are searched for `*.yaml`, `*.yml` and `*.json`
/// files of those standards), SQL scripts and JSON samples (see [`sample_input`]) into one
/// workspace JSON. Any error stops the import and nothing is written.
pub fn import(inputs: &[PathBuf], out: &Path, name: Option<&str>, dialect: DialectArg, sample: bool) -> Result<ExitCode, String> {
    // SQL scripts and samples only when named: a bundle folder's `sql/` holds DDL exported
    // from the very contracts its ODCS files describe, and its JSON files are specs.
    let (sql_inputs, other_inputs): (Vec<PathBuf>, Vec<PathBuf>) =
        inputs.iter().cloned().partition(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("sql")));
    let mut samples: Vec<(PathBuf, String)> = Vec::new();
    let mut spec_inputs: Vec<PathBuf> = Vec::new();
    for path in other_inputs {
        if path.is_file() && sample_input::json_like(&path) {
            let text = read(&path)?;
            if sample_input::is_sample(&path, &text, sample) {
                samples.push((path, text));
                continue;
            }
        }
        spec_inputs.push(path);
    }
    let files = if spec_inputs.is_empty() { Vec::new() } else { read_spec_files(&spec_inputs)? };
    let sources = sources(&files);
    let workspace_name = name.map(str::to_owned).unwrap_or_else(|| {
        out.file_stem().map(|s| s.to_string_lossy().trim_end_matches(".workspace").to_owned()).unwrap_or_else(|| "Imported".to_owned())
    });
    let mut workspace = bundle::import_all(&workspace_name, &sources).map_err(|e| e.to_string())?;
    for path in &sql_inputs {
        let text = read(path)?;
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "tables".to_owned());
        let mut contract = sql_import::import(&stem, &text, dialect.dialect()).map_err(|e| e.in_file(&path.display().to_string()))?;
        contract.id = dpstudio_model::unique_id(&contract.id, workspace.contracts.iter().map(|c| c.id.as_str()));
        workspace.contracts.push(contract);
    }
    for (path, text) in &samples {
        let mut contract = sample_input::import(path, text)?;
        contract.id = dpstudio_model::unique_id(&contract.id, workspace.contracts.iter().map(|c| c.id.as_str()));
        workspace.contracts.push(contract);
    }
    let files_len = files.len() + sql_inputs.len() + samples.len();
    std::fs::write(out, dpstudio_model::to_json_pretty(&workspace)).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "imported {} file(s): {} product(s), {} contract(s) → {}",
        files_len,
        workspace.products.len(),
        workspace.contracts.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The ODCS, ODPS and DCS files named by `inputs` as `(file name, text)`, in a stable order:
/// a file is taken as given (its import reports what is wrong with it); a folder is searched
/// for `*.yaml`, `*.yml` and `*.json` files, skipping those of other kinds (dbt, CI, …).
/// Shared by `import` and `check`.
pub fn read_spec_files(inputs: &[PathBuf]) -> Result<Vec<(String, String)>, String> {
    let mut files: Vec<(String, String)> = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found).map_err(|e| format!("cannot list {}: {e}", input.display()))?;
            found.sort();
            for path in found {
                let text = read(&path)?;
                // Named as a standard file: taken without a separate detection parse (its
                // import says what is wrong with it). Other YAML/JSON is looked at first.
                if has_standard_suffix(&path) {
                    files.push((path.display().to_string(), text));
                    continue;
                }
                match bundle::detect(&text) {
                    Ok(_) => files.push((path.display().to_string(), text)),
                    Err(e) if e.kind == ErrorKind::WrongDocument => {}
                    Err(e) => return Err(e.in_file(&path.display().to_string())),
                }
            }
        } else {
            files.push((input.display().to_string(), read(input)?));
        }
    }
    if files.is_empty() {
        return Err("no ODCS, ODPS or DCS files found".to_owned());
    }
    Ok(files)
}

/// `*.odcs.yaml`, `*.odps.yml`, `*.datacontract.yaml`, … (the names the standards and our
/// export use).
fn has_standard_suffix(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    [".odcs.", ".odps.", ".datacontract."].iter().any(|infix| {
        name.rsplit_once('.').is_some_and(|(stem, ext)| matches!(ext, "yaml" | "yml" | "json") && format!("{stem}.").ends_with(infix))
    })
}

/// The files [`read_spec_files`] returned, as the bundle importer takes them.
pub fn sources(files: &[(String, String)]) -> Vec<Source<'_>> {
    files.iter().map(|(name, text)| Source { name, text }).collect()
}

fn read(path: &Path) -> Result<String, String> {
    let size = std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?.len();
    if size > dpstudio_formats::MAX_INPUT_BYTES as u64 {
        return Err(format!("{}: {size} bytes is larger than the {} MB an import accepts", path.display(), dpstudio_formats::MAX_INPUT_BYTES >> 20));
    }
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if [".yaml", ".yml", ".json"].iter().any(|ext| name.ends_with(ext)) {
            out.push(path);
        }
    }
    Ok(())
}
