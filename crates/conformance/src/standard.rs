//! The standards a document can be checked against, how a document says which one it is
//! written in, and where each standard's official schema lies in the shared reference folder
//! (`../shared/reference` from the repo root; the app and the CLI read it from there).

use serde_json::Value;

use crate::document;
use crate::finding::{Error, ErrorKind};

/// A standard and version with an official JSON Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Standard {
    /// Bitol Open Data Contract Standard 3.0.x.
    Odcs30,
    /// Bitol ODCS 3.1.x.
    Odcs31,
    /// Bitol ODCS 3.2.x.
    Odcs32,
    /// Bitol Open Data Product Standard 1.0.x (and the v0.9.0 drafts it accepts).
    Odps10,
    /// Bitol ODPS 1.1.x.
    Odps11,
    /// Data Contract Specification 1.2 (datacontract-specification; accepts 0.9.x-1.2.x files).
    Dcs12,
    /// Open Data Mesh Data Product Descriptor Specification 1.0.
    Dpds10,
    /// opendataproducts.org Open Data Product Specification 4.1 (not Bitol ODPS).
    OpenDataProducts41,
}

/// A schema that the main schema of a standard references by a relative file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Companion {
    /// The name `$ref`s use (resolved against the main schema's own name).
    pub reference: &'static str,
    /// Its file inside the reference folder.
    pub file: &'static str,
}

impl Standard {
    pub const ALL: [Standard; 8] = [
        Standard::Odcs30,
        Standard::Odcs31,
        Standard::Odcs32,
        Standard::Odps10,
        Standard::Odps11,
        Standard::Dcs12,
        Standard::Dpds10,
        Standard::OpenDataProducts41,
    ];

    /// A short name for messages and the UI.
    pub fn label(self) -> &'static str {
        match self {
            Standard::Odcs30 => "ODCS 3.0",
            Standard::Odcs31 => "ODCS 3.1",
            Standard::Odcs32 => "ODCS 3.2",
            Standard::Odps10 => "ODPS 1.0",
            Standard::Odps11 => "ODPS 1.1",
            Standard::Dcs12 => "DCS 1.2",
            Standard::Dpds10 => "DPDS 1.0",
            Standard::OpenDataProducts41 => "opendataproducts.org ODPS 4.1",
        }
    }

    /// The official schema's path inside the reference folder: the released file of the
    /// newest patch version, never a draft.
    pub fn schema_file(self) -> &'static str {
        match self {
            // No 3.0.x schema is in the reference folder. 3.1.0 is a minor, backward-compatible
            // release whose `apiVersion` enum still lists v3.0.0-v3.0.2, so 3.0 documents are
            // checked against it.
            Standard::Odcs30 | Standard::Odcs31 => "odcs/schema/odcs-json-schema-v3.1.0.json",
            Standard::Odcs32 => "odcs/schema/odcs-json-schema-v3.2.0.json",
            Standard::Odps10 => "odps/schema/odps-json-schema-v1.0.0.json",
            Standard::Odps11 => "odps/schema/odps-json-schema-v1.1.0.json",
            Standard::Dcs12 => "datacontract-specification/schema/datacontract.schema.v1.2.1.json",
            Standard::Dpds10 => "odm-dpds/schema/dpds-v1.0.0.schema.json",
            Standard::OpenDataProducts41 => "opendataproducts-odps-v4/schema/odps-v4.1.schema.json",
        }
    }

    /// Schemas the main one may reference by file name; register them with
    /// [`crate::Validator::with_companions`] so no `$ref` needs the network.
    pub fn companions(self) -> &'static [Companion] {
        match self {
            // Upstream publishes business definitions beside the contract schema; contracts
            // may point at that file by its upstream name.
            Standard::Dcs12 => &[Companion {
                reference: "definition.schema.json",
                file: "datacontract-specification/schema/definition.schema.v1.2.1.json",
            }],
            _ => &[],
        }
    }

    /// Recognises a document's standard from its header: `kind` + `apiVersion` (ODCS, ODPS),
    /// `dataContractSpecification` (DCS), `dataProductDescriptor` (DPDS), or an
    /// opendataproducts.org `schema` URL / `product` + `version`. An unknown or missing
    /// version picks the newest schema, whose findings then say what is wrong with it.
    pub fn detect(text: &str) -> Result<Standard, Error> {
        Standard::detect_value(&document::parse(text)?)
    }

    /// [`Standard::detect`] on a parsed document.
    pub fn detect_value(doc: &Value) -> Result<Standard, Error> {
        let text = |key: &str| doc.get(key).and_then(Value::as_str);
        let api = text("apiVersion").unwrap_or_default();
        match text("kind") {
            Some("DataContract") if api.starts_with("v3.0.") => return Ok(Standard::Odcs30),
            Some("DataContract") if api.starts_with("v3.1.") => return Ok(Standard::Odcs31),
            Some("DataContract") => return Ok(Standard::Odcs32),
            Some("DataProduct") if api.starts_with("v1.0.") || api.starts_with("v0.9.") => return Ok(Standard::Odps10),
            Some("DataProduct") => return Ok(Standard::Odps11),
            _ => {}
        }
        if doc.get("dataContractSpecification").is_some() {
            Ok(Standard::Dcs12)
        } else if doc.get("dataProductDescriptor").is_some() {
            Ok(Standard::Dpds10)
        } else if text("schema").is_some_and(|s| s.contains("opendataproducts.org"))
            || (doc.get("product").is_some_and(Value::is_object) && doc.get("version").is_some())
        {
            Ok(Standard::OpenDataProducts41)
        } else {
            Err(Error::new(
                ErrorKind::Unrecognised,
                "not a recognised standard document: expected `kind: DataContract` (ODCS), \
                 `kind: DataProduct` (ODPS), `dataContractSpecification` (DCS), \
                 `dataProductDescriptor` (DPDS) or an opendataproducts.org `schema` (ODPS 4)",
            ))
        }
    }
}
