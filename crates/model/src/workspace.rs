//! The workspace: the one document a user designs, saves and shares.

use serde::{Deserialize, Serialize};

use crate::{Context, DataContract, DataProduct, Extra, Id, Layout};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Workspace {
    /// Save-format version; see [`crate::FORMAT_VERSION`].
    pub format_version: u32,
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub context: Context,
    #[serde(default)]
    pub products: Vec<DataProduct>,
    #[serde(default)]
    pub contracts: Vec<DataContract>,
    #[serde(default)]
    pub layout: Layout,
    #[serde(default, flatten)]
    pub extra: Extra,
}

impl Workspace {
    pub fn product(&self, id: &str) -> Option<&DataProduct> {
        self.products.iter().find(|p| p.id == id)
    }

    pub fn contract(&self, id: &str) -> Option<&DataContract> {
        self.contracts.iter().find(|c| c.id == id)
    }

    pub fn domain_name(&self, id: &str) -> Option<&str> {
        self.context.domains.iter().find(|d| d.id == id).map(|d| d.name.as_str())
    }

    pub fn team_name(&self, id: &str) -> Option<&str> {
        self.context.teams.iter().find(|t| t.id == id).map(|t| t.name.as_str())
    }

    /// Contracts no output port is bound to (typically just imported): the canvas draws them
    /// as nodes of their own so they can be found and published.
    pub fn unbound_contracts(&self) -> impl Iterator<Item = &DataContract> {
        let bound: std::collections::HashSet<&str> = self
            .products
            .iter()
            .flat_map(|p| p.output_ports.iter().filter_map(|o| o.contract.as_ref().map(|c| c.id.as_str())))
            .collect();
        self.contracts.iter().filter(move |c| !bound.contains(c.id.as_str()))
    }
}
