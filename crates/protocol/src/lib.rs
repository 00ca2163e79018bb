//! The messages between the app and its formats worker.
//!
//! The app's first-load module holds the model, the checks and the UI; everything that reads or
//! writes standard files (YAML, zip, SQL, JSON Schema conformance) lives in a second wasm module
//! that runs in a Web Worker and is fetched the first time it is needed. Both sides share these
//! types so a message is checked by the compiler on both ends; on the wire each message is one
//! JSON string plus, for zips, byte buffers sent beside it (bytes as a JSON array would be
//! four times their size).

use serde::{Deserialize, Serialize};

/// What the app asks the worker to do. The workspace travels as its save-format JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Request {
    /// Every file of one export target; one file comes back as text, several as a zip.
    Export { workspace: String, target: ExportTarget },
    /// The standard document of one product (ODPS) or contract (ODCS), checked against its
    /// official schema.
    Preview { workspace: String, subject: Subject },
    /// Files a person dropped or picked, read into the open `workspace` (domains and teams
    /// matched by name, ports linked to contracts already there). Zips come as bytes beside
    /// the message: the n-th file with `zip: true` is the n-th buffer.
    Import { workspace: String, files: Vec<InputFile> },
}

/// One file sent to the worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InputFile {
    pub name: String,
    /// The text of a text file; empty for a zip, whose bytes travel beside the message.
    #[serde(default)]
    pub text: String,
    /// True for a zip file: its bytes are the next buffer beside the message.
    #[serde(default)]
    pub zip: bool,
}

/// What a preview shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "camelCase")]
pub enum Subject {
    Product(String),
    Contract(String),
}

/// The export targets the app offers; each is one entry of the export dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ExportTarget {
    Odcs32,
    Odcs31,
    Odps,
    Dcs,
    Dpds,
    Dbt,
    SqlPostgres,
    SqlSnowflake,
    SqlBigQuery,
    JsonSchema,
    Markdown,
    Bundle,
}

impl ExportTarget {
    pub const ALL: [ExportTarget; 12] = [
        ExportTarget::Bundle,
        ExportTarget::Odcs32,
        ExportTarget::Odcs31,
        ExportTarget::Odps,
        ExportTarget::Dpds,
        ExportTarget::Dcs,
        ExportTarget::Dbt,
        ExportTarget::SqlPostgres,
        ExportTarget::SqlSnowflake,
        ExportTarget::SqlBigQuery,
        ExportTarget::JsonSchema,
        ExportTarget::Markdown,
    ];

    /// The name the export dialog shows.
    pub fn label(self) -> &'static str {
        match self {
            ExportTarget::Odcs32 => "ODCS 3.2.0 data contracts",
            ExportTarget::Odcs31 => "ODCS 3.1.0 data contracts",
            ExportTarget::Odps => "ODPS 1.1.0 data products",
            ExportTarget::Dcs => "Data Contract Specification 1.2",
            ExportTarget::Dpds => "Open Data Mesh DPDS 1.0.0",
            ExportTarget::Dbt => "dbt project",
            ExportTarget::SqlPostgres => "SQL DDL — PostgreSQL",
            ExportTarget::SqlSnowflake => "SQL DDL — Snowflake",
            ExportTarget::SqlBigQuery => "SQL DDL — BigQuery",
            ExportTarget::JsonSchema => "JSON Schema",
            ExportTarget::Markdown => "Markdown docs with lineage",
            ExportTarget::Bundle => "Repo bundle (everything)",
        }
    }

    /// One line under the label: what lands where.
    pub fn detail(self) -> &'static str {
        match self {
            ExportTarget::Odcs32 | ExportTarget::Odcs31 => "contracts/<id>.odcs.yaml, one per contract",
            ExportTarget::Odps => "products/<id>/<id>.odps.yaml, one per product",
            ExportTarget::Dcs => "contracts/<id>.datacontract.yaml, the older format many tools read",
            ExportTarget::Dpds => "products/<id>/<id>.dpds.json, ports promise the ODCS files",
            ExportTarget::Dbt => "dbt_project.yml, models with enforced contracts, tests, sources, metrics",
            ExportTarget::SqlPostgres | ExportTarget::SqlSnowflake | ExportTarget::SqlBigQuery => {
                "CREATE TABLE per schema object, one file per contract"
            }
            ExportTarget::JsonSchema => "one schema per schema object",
            ExportTarget::Markdown => "docs/<id>.md per product with a Mermaid lineage diagram",
            ExportTarget::Bundle => "all of the above, the workspace JSON, a README and a CI workflow",
        }
    }

    /// The stable name used in file names and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            ExportTarget::Odcs32 => "odcs-3.2.0",
            ExportTarget::Odcs31 => "odcs-3.1.0",
            ExportTarget::Odps => "odps",
            ExportTarget::Dcs => "dcs",
            ExportTarget::Dpds => "dpds",
            ExportTarget::Dbt => "dbt",
            ExportTarget::SqlPostgres => "sql-postgres",
            ExportTarget::SqlSnowflake => "sql-snowflake",
            ExportTarget::SqlBigQuery => "sql-bigquery",
            ExportTarget::JsonSchema => "jsonschema",
            ExportTarget::Markdown => "markdown",
            ExportTarget::Bundle => "bundle",
        }
    }
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Response {
    /// An export: `text` when it is one text file, else the zip in the message's buffer.
    /// `findings`: what the official schemas say about the standard files written; `unchecked`
    /// counts files past the check's limit.
    Exported { file_name: String, mime: String, text: Option<String>, paths: Vec<String>, findings: Vec<Finding>, unchecked: usize },
    /// A preview's document and what its official schema says about it.
    Preview { file_name: String, text: String, findings: Vec<Finding> },
    /// The open workspace with the files read into it, or (`summary.is_workspace`) the saved
    /// workspace the files held; save-format JSON. Schema findings per file beside it.
    Imported { workspace: String, summary: ImportSummary, findings: Vec<Finding>, unchecked: usize },
    /// The request failed; `message` says why, with file:line:column when there is one.
    Failed { message: String },
}

/// How much an import brought in, for the message the app shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub files: usize,
    pub products: usize,
    pub contracts: usize,
    /// True when the files held a whole workspace (our save format) rather than specs.
    pub is_workspace: bool,
    /// Files skipped and why (a README in a zip, an unknown extension).
    pub skipped: Vec<String>,
}

/// A standard-conformance finding: a document that its official JSON Schema rejects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// JSON pointer of the rejected value inside the document.
    pub pointer: String,
    pub message: String,
}

impl std::fmt::Display for Finding {
    /// `file:line:column: message`, or `file: message` when the position is unknown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

/// Encodes a message for `postMessage`. Serialising these plain types cannot fail; the
/// fallback keeps that a message instead of a panic.
pub fn encode<T: Serialize>(message: &T) -> String {
    serde_json::to_string(message).unwrap_or_else(|e| format!("{{\"op\":\"failed\",\"message\":\"cannot encode: {e}\"}}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_round_trip_through_json() {
        let requests = vec![
            Request::Export { workspace: "{}".into(), target: ExportTarget::SqlBigQuery },
            Request::Preview { workspace: "{}".into(), subject: Subject::Contract("orders".into()) },
            Request::Import { workspace: "{}".into(), files: vec![InputFile { name: "a.zip".into(), text: String::new(), zip: true }] },
        ];
        for request in requests {
            let back: Request = serde_json::from_str(&encode(&request)).unwrap();
            assert_eq!(back, request);
        }
    }

    #[test]
    fn responses_round_trip_through_json() {
        let response = Response::Preview {
            file_name: "orders.odcs.yaml".into(),
            text: "kind: DataContract\n".into(),
            findings: vec![Finding { file: "orders.odcs.yaml".into(), line: 3, column: 1, pointer: "/status".into(), message: "bad".into() }],
        };
        let back: Response = serde_json::from_str(&encode(&response)).unwrap();
        assert_eq!(back, response);
    }

    #[test]
    fn findings_read_as_file_line_column() {
        let mut finding = Finding { file: "a.odcs.yaml".into(), line: 3, column: 5, pointer: "/x".into(), message: "bad".into() };
        assert_eq!(finding.to_string(), "a.odcs.yaml:3:5: bad");
        finding.line = 0;
        assert_eq!(finding.to_string(), "a.odcs.yaml: bad");
    }

    #[test]
    fn every_target_has_a_distinct_slug_and_label() {
        let mut slugs: Vec<_> = ExportTarget::ALL.iter().map(|t| t.slug()).collect();
        let mut labels: Vec<_> = ExportTarget::ALL.iter().map(|t| t.label()).collect();
        slugs.sort();
        slugs.dedup();
        labels.sort();
        labels.dedup();
        assert_eq!(slugs.len(), ExportTarget::ALL.len());
        assert_eq!(labels.len(), ExportTarget::ALL.len());
    }
}
