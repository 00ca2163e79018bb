//! Bitol Open Data Product Standard (ODPS): export a [`DataProduct`] to v1.1.0 YAML (output
//! ports reference contracts by `contractId` + `version`; `inputContracts` list what the
//! product reads), import v1.0.0 / v1.1.0 documents (and the v0.9.0 ones the official examples
//! still declare). Lossless in the same way as ODCS: `extra` bags plus round-trip hints.

mod ports;
mod product;

use dpstudio_model::{Context, DataProduct, InputSource, Workspace};
use serde_json::Value;

use crate::common::Fmt;
use crate::error::FormatError;
use crate::yaml;

pub(crate) const FMT: Fmt = Fmt { hint_key: "_odps" };

/// The `apiVersion`s this importer reads.
pub const IMPORT_VERSIONS: [&str; 3] = ["v0.9.0", "v1.0.0", "v1.1.0"];
/// The `apiVersion` exports declare.
pub const EXPORT_VERSION: &str = "v1.1.0";

/// What one ODPS document brings into a workspace.
#[derive(Debug, Clone, Default)]
pub struct ImportedProduct {
    pub product: DataProduct,
    /// The domain and team the product names, as context entities (ids are slugs of names).
    pub context: Context,
    pub api_version: String,
}

/// Reads an ODPS document (YAML or JSON). Input ports read from an unknown source until
/// [`link_inputs`] finds the products whose output ports serve their contracts.
pub fn import(text: &str) -> Result<ImportedProduct, FormatError> {
    read(&yaml::parse(text)?)
}

/// [`import`] of a document parsed already (the bundle import parses each file once).
pub(crate) fn read(doc: &yaml::Document) -> Result<ImportedProduct, FormatError> {
    product::read(doc)
}

/// The ODPS v1.1.0 document for `product`; `workspace` resolves domain and team names.
pub fn to_value(product: &DataProduct, workspace: &Workspace) -> Value {
    product::render(product, &workspace.context)
}

pub fn export(product: &DataProduct, workspace: &Workspace) -> String {
    yaml::to_yaml(&to_value(product, workspace), KEY_ORDER)
}

/// Points each input port whose source is not yet known at the product and output port that
/// serve the same contract id (ODPS says only which contract a port reads, not from whom).
pub fn link_inputs(workspace: &mut Workspace) {
    let serving: Vec<(String, String, String)> = workspace
        .products
        .iter()
        .flat_map(|p| {
            p.output_ports
                .iter()
                .filter_map(move |o| o.contract.as_ref().map(|c| (c.id.clone(), p.id.clone(), o.id.clone())))
        })
        .collect();
    for product in &mut workspace.products {
        let own = product.id.clone();
        for input in &mut product.input_ports {
            let unknown = matches!(&input.source, InputSource::System { system } if system.is_empty());
            let Some(contract) = &input.contract else { continue };
            if !unknown {
                continue;
            }
            if let Some((_, p, o)) = serving.iter().find(|(c, p, _)| c == &contract.id && p != &own) {
                input.source = InputSource::Product { product: p.clone(), port: o.clone() };
            }
        }
    }
}

const KEY_ORDER: &[&str] = &[
    "apiVersion", "kind", "id", "name", "version", "status", "type", "domain", "tenant",
    "description", "purpose", "usage", "limitations", "contractId", "content", "channel", "url",
    "property", "value", "username", "role", "inputPorts", "outputPorts", "managementPorts",
    "support", "team", "members", "tags", "customProperties", "authoritativeDefinitions",
];
