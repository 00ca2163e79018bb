//! Business context: domains, teams and people, the glossary, the semantic model and the use
//! cases that consume data products. Products and contracts link to these by id.

use serde::{Deserialize, Serialize};

use crate::{Extra, Id};

/// Everything around the products that gives them meaning.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Context {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Domain>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<Team>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<GlossaryTerm>,
    #[serde(default)]
    pub semantic: SemanticModel,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub use_cases: Vec<UseCase>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_systems: Vec<SourceSystem>,
}

/// A business domain; `parent` makes it a subdomain.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Domain {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
}

/// A team that owns products or consumes them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Team {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Person>,
}

/// A person and the role they play in a team (owner, steward, engineer, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

/// A business glossary term that schema properties can link to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GlossaryTerm {
    pub id: Id,
    pub term: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub definition: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<String>,
    /// Team id of the term's owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Id>,
}

/// The semantic layer: business entities with their dimensions and measures, and metrics
/// computed from measures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SemanticModel {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<BusinessEntity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
}

impl SemanticModel {
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.metrics.is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BusinessEntity {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The contract whose schema object implements this entity, as `contract-id/object-name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implemented_by: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dimensions: Vec<Dimension>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dimension {
    pub id: Id,
    pub name: String,
    /// Schema property this dimension reads.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub property: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// `categorical` or `time`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Measure {
    pub id: Id,
    pub name: String,
    /// `sum`, `count`, `count_distinct`, `avg`, `min`, `max`, …
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub aggregation: String,
    /// Schema property (or SQL expression) aggregated.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expression: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A business metric: a named calculation over measures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metric {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// `simple`, `ratio`, `derived`, `cumulative`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// Measure ids this metric is computed from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expression: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Id>,
}

/// A use case or consumer of data products: who reads which output port and why.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UseCase {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The consuming team (id) or an external party's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub consumer: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consumes: Vec<PortRef>,
    #[serde(default, flatten)]
    pub extra: Extra,
}

/// A reference to one output port of one product.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PortRef {
    pub product: Id,
    pub port: Id,
}

/// An operational system that source-aligned products read from (an ERP, a web shop, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceSystem {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Technology, e.g. `postgres`, `kafka`, `salesforce`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub technology: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Id>,
}
