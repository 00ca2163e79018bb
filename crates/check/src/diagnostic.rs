//! What a rule reports.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The kind of entity a diagnostic points at; with the id it selects the entity in the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EntityKind {
    Workspace,
    Product,
    Contract,
    Domain,
    Team,
    GlossaryTerm,
    Entity,
    Metric,
    UseCase,
    SourceSystem,
}

/// Where a problem is: an entity and a field path inside it (`outputPorts[0].contract`,
/// `schema.orders.properties.customer_id`). An empty path means the entity as a whole.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub kind: EntityKind,
    pub id: String,
    pub path: String,
}

impl Location {
    pub fn new(kind: EntityKind, id: impl Into<String>, path: impl Into<String>) -> Self {
        Location { kind, id: id.into(), path: path.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub location: Location,
    pub message: String,
    pub hint: String,
}
