//! Bitol Open Data Contract Standard (ODCS): import 3.0.x / 3.1.0 / 3.2.0 documents into a
//! [`DataContract`] (plus the domain and team they imply), export to 3.2.0 or 3.1.0 YAML.
//!
//! Lossless: fields the model does not type stay in `extra` bags; where the typed model cannot
//! say exactly what the file said, round-trip hints (see `hints`) restore it on export.

mod contract;
mod downgrade;
mod parts;
pub(crate) mod quality;
mod schema;

use dpstudio_model::{Context, DataContract, Workspace};
use serde_json::Value;

use crate::common::Fmt;
use crate::error::FormatError;
use crate::yaml;

pub(crate) const FMT: Fmt = Fmt { hint_key: "_odcs" };

/// The `apiVersion`s this importer reads.
pub const IMPORT_VERSIONS: [&str; 5] = ["v3.0.0", "v3.0.1", "v3.0.2", "v3.1.0", "v3.2.0"];

/// The ODCS version an export declares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OdcsVersion {
    V3_1_0,
    #[default]
    V3_2_0,
}

impl OdcsVersion {
    pub fn api_version(self) -> &'static str {
        match self {
            OdcsVersion::V3_1_0 => "v3.1.0",
            OdcsVersion::V3_2_0 => "v3.2.0",
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ExportOptions {
    pub version: OdcsVersion,
}

/// What one ODCS document brings into a workspace.
#[derive(Debug, Clone, Default)]
pub struct ImportedContract {
    pub contract: DataContract,
    /// The domain and team the contract names, as context entities (ids are slugs of names).
    pub context: Context,
    /// The document's own `apiVersion`.
    pub api_version: String,
}

/// Reads an ODCS document (YAML or JSON).
pub fn import(text: &str) -> Result<ImportedContract, FormatError> {
    read(&yaml::parse(text)?)
}

/// [`import`] of a document parsed already (the bundle import parses each file once).
pub(crate) fn read(doc: &yaml::Document) -> Result<ImportedContract, FormatError> {
    contract::read(doc)
}

/// The ODCS document for `contract` as a value; `workspace` resolves domain, team and product
/// ids to the names ODCS carries.
pub fn to_value(contract: &DataContract, workspace: &Workspace, options: &ExportOptions) -> Value {
    let mut value = contract::render(contract, &contract::Lookup::of(workspace), options.version);
    if options.version == OdcsVersion::V3_1_0 {
        downgrade::to_3_1(&mut value);
    }
    value
}

/// The ODCS document for `contract` as YAML.
pub fn export(contract: &DataContract, workspace: &Workspace, options: &ExportOptions) -> String {
    yaml::to_yaml(&to_value(contract, workspace, options), KEY_ORDER)
}

/// Key order of exported documents: identity first, then description, schema, the rest.
const KEY_ORDER: &[&str] = &[
    "apiVersion", "kind", "id", "name", "version", "status", "domain", "dataProduct", "tenant",
    "description", "purpose", "usage", "limitations", "property", "value", "server", "type",
    "channel", "role", "username", "logicalType", "physicalType", "physicalName", "businessName",
    "required", "unique", "primaryKey", "primaryKeyPosition", "partitioned", "partitionKeyPosition",
    "classification", "examples", "metric", "rule", "schema", "properties", "items", "quality",
    "servers", "support", "team", "roles", "slaDefaultElement", "slaProperties", "price", "tags",
    "customProperties", "authoritativeDefinitions",
];
