//! Data contracts, shaped after what ODCS 3.2 can express: schema objects with nested
//! properties, quality rules, SLA properties, servers, support, team, roles, pricing and custom
//! properties. Anything else met on import lives in the `extra` bags and is written back.

use serde::{Deserialize, Serialize};

use crate::product::{CustomProperty, Status, SupportChannel};
use crate::{Extra, Id};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataContract {
    pub id: Id,
    pub name: String,
    #[serde(default = "crate::product::default_version")]
    pub version: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Id>,
    /// The product that publishes data under this contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_product: Option<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tenant: String,
    #[serde(default)]
    pub description: ContractDescription,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schema: Vec<SchemaObject>,
    /// Contract-level quality rules (schema objects and properties carry their own too).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quality: Vec<QualityRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sla: Vec<SlaProperty>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub servers: Vec<Server>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support: Vec<SupportChannel>,
    /// Team id of the contract's owning team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<AccessRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Price>,
    /// Terms of use, as ODCS `description.limitations` and licensing text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub terms: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_properties: Vec<CustomProperty>,
    #[serde(default, flatten)]
    pub extra: Extra,
}

impl DataContract {
    /// Every property of every schema object, nested ones included, with its dotted path
    /// (`orders.customer.id`).
    pub fn all_properties(&self) -> Vec<(String, &Property)> {
        let mut out = Vec::new();
        for object in &self.schema {
            collect_properties(&object.name, &object.properties, &mut out);
        }
        out
    }

    pub fn object(&self, name: &str) -> Option<&SchemaObject> {
        self.schema.iter().find(|o| o.name == name)
    }
}

fn collect_properties<'a>(prefix: &str, properties: &'a [Property], out: &mut Vec<(String, &'a Property)>) {
    for property in properties {
        let path = format!("{prefix}.{}", property.name);
        collect_properties(&path, &property.properties, out);
        out.push((path, property));
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContractDescription {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub usage: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub limitations: String,
}

/// A table, view, topic or document type described by the contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaObject {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub physical_name: String,
    /// `table`, `view`, `topic`, `file`, …
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub physical_type: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub business_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data_granularity: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub properties: Vec<Property>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quality: Vec<QualityRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_properties: Vec<CustomProperty>,
    #[serde(default, flatten)]
    pub extra: Extra,
}

/// The logical types ODCS knows.
pub const LOGICAL_TYPES: [&str; 9] = [
    "string", "date", "timestamp", "time", "number", "integer", "boolean", "object", "array",
];

/// One column or field; nested fields live in `properties` (objects) or `items` (arrays).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Property {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub logical_type: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub physical_type: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub physical_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub business_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub unique: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub primary_key: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_key_position: Option<i64>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub partitioned: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_key_position: Option<i64>,
    /// `public`, `internal`, `confidential`, `restricted`, …
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub classification: String,
    /// Personal data: drives the PII principle checks.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pii: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub critical_data_element: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<serde_json::Value>,
    /// Allowed values, as ODCS 3.2 `enum` objects (save format 2; format 1 had plain values).
    #[serde(default, rename = "enum", skip_serializing_if = "Vec::is_empty")]
    pub enum_values: Vec<EnumValue>,
    /// `dimension`, `measure`, `identifier`, … (ODCS 3.2 `semanticType`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub semantic_type: String,
    /// Glossary term ids this property means.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<Id>,
    /// Metric or measure ids this property feeds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relationships: Vec<Relationship>,
    /// Lineage: upstream fields as `contract-id/object.property`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transform_source_objects: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub transform_logic: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub properties: Vec<Property>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<Property>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quality: Vec<QualityRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_properties: Vec<CustomProperty>,
    #[serde(default, flatten)]
    pub extra: Extra,
}

/// One allowed value of a property (ODCS 3.2 `EnumValue`): the value itself plus the label and
/// description a UI or a doc shows next to it. Other ODCS fields (`id`, `tags`, …) stay in `extra`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnumValue {
    pub value: serde_json::Value,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, flatten)]
    pub extra: Extra,
}

impl EnumValue {
    /// An enum entry with only its value.
    pub fn new(value: impl Into<serde_json::Value>) -> Self {
        EnumValue { value: value.into(), ..Default::default() }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A foreign key: this property references `to` (`object.property` in this contract, or
/// `contract-id/object.property` in another).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Relationship {
    pub to: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Fields a standard has here that the model does not type, kept for export.
    #[serde(default, flatten)]
    pub extra: Extra,
}

/// How a quality rule is expressed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum QualityKind {
    /// A library metric with an operator (`nullValues mustBe 0`).
    #[default]
    Library,
    Sql,
    Custom,
    Text,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QualityRule {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, rename = "type")]
    pub kind: QualityKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Library metric: `nullValues`, `missingValues`, `invalidValues`, `duplicateValues`, `rowCount`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub metric: String,
    /// Operator and threshold, e.g. `mustBe` / `0`, `mustBeLessThan` / `5`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub operator: String,
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub threshold: serde_json::Value,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub query: String,
    /// Custom engine name (`great-expectations`, `soda`, …) and its definition.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub engine: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub implementation: String,
    /// `accuracy`, `completeness`, `conformity`, `consistency`, `coverage`, `timeliness`, `uniqueness`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dimension: String,
    /// `error`, `warning`, `info`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub severity: String,
    #[serde(default, flatten)]
    pub extra: Extra,
}

/// One SLA property: `latency 4 h`, `availability 99.9 %`, `retention 3 y`, …
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SlaProperty {
    pub property: String,
    pub value: serde_json::Value,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// The property the SLA is measured on, e.g. `orders.updated_at`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub element: String,
    /// `regulatory`, `analytics`, `operational`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub driver: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Fields a standard has here that the model does not type, kept for export.
    #[serde(default, flatten)]
    pub extra: Extra,
}

/// Where the data physically lives.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Server {
    pub server: String,
    /// `postgres`, `snowflake`, `bigquery`, `s3`, `kafka`, …
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub environment: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Connection details (`host`, `database`, `schema`, `project`, …), kept as given.
    #[serde(default, flatten)]
    pub extra: Extra,
}

/// An access role consumers can request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessRole {
    pub role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub access: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub first_level_approvers: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub second_level_approvers: String,
    /// Fields a standard has here that the model does not type, kept for export.
    #[serde(default, flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Price {
    pub amount: f64,
    pub currency: String,
    pub unit: String,
}
