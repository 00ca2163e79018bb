//! Data products: the unit of ownership, with input ports (what they read), output ports (what
//! they serve, each bound to a contract) and the promises they make (SLOs, support).

use serde::{Deserialize, Serialize};

use crate::{Extra, Id};

/// Where a product is in its life. The order is the lifecycle order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Proposed,
    Draft,
    Active,
    Deprecated,
    Retired,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Proposed,
        Status::Draft,
        Status::Active,
        Status::Deprecated,
        Status::Retired,
    ];

    /// The status spelled `text` (as [`Status::as_str`] writes it), if any.
    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Draft => "draft",
            Status::Active => "active",
            Status::Deprecated => "deprecated",
            Status::Retired => "retired",
        }
    }
}

/// The role a product plays in the mesh.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ProductKind {
    /// Close to an operational source; publishes its facts in business terms.
    #[default]
    SourceAligned,
    /// Combines several products into a new, reusable view.
    Aggregate,
    /// Built for one set of consumers and their use cases.
    ConsumerAligned,
}

impl ProductKind {
    pub const ALL: [ProductKind; 3] = [
        ProductKind::SourceAligned,
        ProductKind::Aggregate,
        ProductKind::ConsumerAligned,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ProductKind::SourceAligned => "Source-aligned",
            ProductKind::Aggregate => "Aggregate",
            ProductKind::ConsumerAligned => "Consumer-aligned",
        }
    }
}

/// How an output port serves its data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PortKind {
    #[default]
    Table,
    View,
    File,
    Stream,
    Api,
    Metrics,
}

impl PortKind {
    pub const ALL: [PortKind; 6] = [
        PortKind::Table,
        PortKind::View,
        PortKind::File,
        PortKind::Stream,
        PortKind::Api,
        PortKind::Metrics,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PortKind::Table => "table",
            PortKind::View => "view",
            PortKind::File => "file",
            PortKind::Stream => "stream",
            PortKind::Api => "api",
            PortKind::Metrics => "metrics",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataProduct {
    pub id: Id,
    pub name: String,
    #[serde(default = "default_version")]
    pub version: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub kind: ProductKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Id>,
    /// Team id of the owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_team: Option<Id>,
    /// Why this product exists, in one or two sentences.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub input_ports: Vec<InputPort>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub output_ports: Vec<OutputPort>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub management_ports: Vec<ManagementPort>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<SupportChannel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slos: Vec<Slo>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_properties: Vec<CustomProperty>,
    #[serde(default, flatten)]
    pub extra: Extra,
}

pub(crate) fn default_version() -> String {
    "0.1.0".to_owned()
}

impl DataProduct {
    pub fn output_port(&self, port_id: &str) -> Option<&OutputPort> {
        self.output_ports.iter().find(|p| p.id == port_id)
    }
}

/// What an input port reads: another product's output port, or a source system.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum InputSource {
    Product { product: Id, port: Id },
    System { system: Id },
}

impl Default for InputSource {
    fn default() -> Self {
        InputSource::System { system: String::new() }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InputPort {
    pub id: Id,
    pub name: String,
    pub source: InputSource,
    /// The contract this input relies on (for product inputs, normally the upstream port's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<ContractRef>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutputPort {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub kind: PortKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<ContractRef>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, flatten)]
    pub extra: Extra,
}

/// A contract id and the version a port is bound to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContractRef {
    pub id: Id,
    pub version: String,
}

/// An endpoint for observing or operating the product (metadata, logs, quality results, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ManagementPort {
    pub id: Id,
    pub name: String,
    /// `rest`, `topic`, `dashboard`, …
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Fields a standard has here that the model does not type, kept for export.
    #[serde(default, flatten)]
    pub extra: Extra,
}

/// Where consumers get help: a chat channel, a ticket queue, an email address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportChannel {
    pub channel: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tool: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Fields a standard has here that the model does not type, kept for export.
    #[serde(default, flatten)]
    pub extra: Extra,
}

/// A service-level objective a product promises on its outputs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Slo {
    /// `freshness`, `latency`, `availability`, `retention`, `frequency`, …
    pub property: String,
    pub value: serde_json::Value,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A free key/value pair, as ODCS and ODPS `customProperties`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomProperty {
    pub property: String,
    pub value: serde_json::Value,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Fields a standard has here that the model does not type, kept for export.
    #[serde(default, flatten)]
    pub extra: Extra,
}
