//! The repo bundle: every standard file a workspace exports, laid out as a repository a team
//! can commit as is (products, contracts, dbt project, docs, DDL, the workspace itself, a
//! README and a CI workflow). This module only arranges what the other exporters write; the
//! import side of a folder of files is [`crate::bundle`].

mod readme;
mod workflow;
mod zip;

use dpstudio_model::Workspace;

use crate::dpds::file_stem;
use crate::{dbt, dpds, markdown, odcs, odps, sql};

pub use self::zip::to_zip;

/// The file of the workspace itself; `dpstudio check` in the CI workflow reads it.
pub const WORKSPACE_FILE: &str = "workspace.dpstudio.json";

/// The CI workflow's path in the bundle.
pub const WORKFLOW_FILE: &str = ".github/workflows/dpstudio.yml";

/// Every file of the bundle as `(path, text)`, paths relative to the bundle's root with `/`
/// separators, in a stable order. Ids become file names through [`file_stem`]; two ids that
/// would share a name (they differ only in unsafe characters) get `-2`, `-3`, … so no file
/// overwrites another.
pub fn export_bundle(w: &Workspace) -> Vec<(String, String)> {
    let mut files = Files::default();
    let odcs_options = odcs::ExportOptions::default();
    for c in &w.contracts {
        let stem = file_stem(&c.id);
        files.add(|n| format!("contracts/{}.odcs.yaml", n.apply(&stem)), odcs::export(c, w, &odcs_options));
    }
    for p in &w.products {
        let stem = file_stem(&p.id);
        files.add(|n| { let s = n.apply(&stem); format!("products/{s}/{s}.odps.yaml") }, odps::export(p, w));
        // DPDS names its ODCS files by the plain stem, which is what the contracts above use
        // unless two contract ids collide.
        files.add(|n| n.suffix_path(&dpds::path(&p.id), ".dpds.json"), dpds::export(p, w));
        files.add(|n| format!("docs/{}.md", n.apply(&stem)), markdown::export(p, w));
    }
    let sql_options = sql::ExportOptions { dialect: sql::Dialect::Postgres };
    for c in &w.contracts {
        let stem = file_stem(&c.id);
        files.add(|n| format!("sql/postgres/{}.sql", n.apply(&stem)), sql::export(c, &sql_options));
    }
    for (path, text) in dbt::export(w) {
        files.add(|n| n.suffix_path(&format!("dbt/{path}"), ""), text);
    }
    files.add(|_| WORKSPACE_FILE.to_owned(), workspace_file(w));
    files.add(|_| "README.md".to_owned(), readme::text(w));
    files.add(|_| WORKFLOW_FILE.to_owned(), workflow::text());
    files.0
}

/// The workspace as the bundle carries it: as saved, less the sticky notes. Notes are a
/// workshop's remarks on the canvas, not part of the design a team commits and publishes.
fn workspace_file(w: &Workspace) -> String {
    if w.layout.notes.is_empty() {
        return dpstudio_model::to_json_pretty(w);
    }
    let mut published = w.clone();
    published.layout.notes.clear();
    dpstudio_model::to_json_pretty(&published)
}

/// The bundle's files so far; keeps paths unique.
#[derive(Default)]
struct Files(Vec<(String, String)>);

/// Which attempt at a free path this is: the first uses the name as given.
#[derive(Clone, Copy)]
struct Attempt(usize);

impl Attempt {
    fn apply(self, stem: &str) -> String {
        if self.0 == 1 { stem.to_owned() } else { format!("{stem}-{}", self.0) }
    }

    /// `path` with `-n` inserted before `ext` (or appended when the path does not end in it).
    fn suffix_path(self, path: &str, ext: &str) -> String {
        if self.0 == 1 {
            return path.to_owned();
        }
        match path.strip_suffix(ext).filter(|_| !ext.is_empty()) {
            Some(base) => format!("{base}-{}{ext}", self.0),
            None => format!("{path}-{}", self.0),
        }
    }
}

impl Files {
    fn add(&mut self, path: impl Fn(Attempt) -> String, text: String) {
        // Bounded: at most one attempt per file already present, plus one.
        let free = (1..=self.0.len() + 1).map(|n| path(Attempt(n))).find(|p| !self.0.iter().any(|(q, _)| q == p));
        if let Some(p) = free {
            self.0.push((p, text));
        }
    }
}
