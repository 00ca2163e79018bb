//! The Data Contract Specification (DCS, datacontract.com) 0.9.3–1.2.x, the predecessor of
//! ODCS that many repositories still hold: import into a [`DataContract`], and export back to
//! DCS so imported files round-trip.
//!
//! Unlike ODCS/ODPS, fields the model does not type are not put into the `extra` bags (they
//! would be written into ODCS exports, where most are invalid): they live only in the `_dcs`
//! round-trip hints, which only the DCS exporter applies. Two exceptions keep what ODCS spells
//! the same way: server connection details and quality-rule fields.

mod contract;
mod models;

use dpstudio_model::{Context, DataContract, Workspace};
use serde_json::Value;

use crate::common::Fmt;
use crate::error::FormatError;
use crate::yaml;

pub(crate) const FMT: Fmt = Fmt { hint_key: "_dcs" };

/// The `dataContractSpecification` version exports declare (an imported file keeps its own).
pub const EXPORT_VERSION: &str = "1.2.1";

#[derive(Debug, Clone, Default)]
pub struct ImportedContract {
    pub contract: DataContract,
    /// The owner team named by `info.owner`.
    pub context: Context,
    /// The document's `dataContractSpecification` version.
    pub spec_version: String,
}

pub fn import(text: &str) -> Result<ImportedContract, FormatError> {
    read(&yaml::parse(text)?)
}

/// [`import`] of a document parsed already (the bundle import parses each file once).
pub(crate) fn read(doc: &yaml::Document) -> Result<ImportedContract, FormatError> {
    contract::read(doc)
}

pub fn to_value(contract: &DataContract, workspace: &Workspace) -> Value {
    contract::render(contract, &workspace.context)
}

pub fn export(contract: &DataContract, workspace: &Workspace) -> String {
    yaml::to_yaml(&to_value(contract, workspace), KEY_ORDER)
}

const KEY_ORDER: &[&str] = &[
    "dataContractSpecification", "id", "info", "title", "version", "status", "description", "owner",
    "contact", "servers", "terms", "models", "type", "required", "unique", "primaryKey", "fields",
    "definitions", "servicelevels", "quality", "tags", "links",
];
