//! Lookups built once per check so that rules stay linear in the size of the workspace.

use std::collections::{HashMap, HashSet};

use dpstudio_model::{DataContract, DataProduct, Workspace};

/// A read-only view of a workspace with id lookups.
pub struct Index<'w> {
    pub workspace: &'w Workspace,
    pub products: HashMap<&'w str, &'w DataProduct>,
    pub contracts: HashMap<&'w str, &'w DataContract>,
    pub domains: HashSet<&'w str>,
    pub teams: HashSet<&'w str>,
}

impl<'w> Index<'w> {
    pub fn new(workspace: &'w Workspace) -> Self {
        let context = &workspace.context;
        Index {
            workspace,
            products: workspace.products.iter().map(|p| (p.id.as_str(), p)).collect(),
            contracts: workspace.contracts.iter().map(|c| (c.id.as_str(), c)).collect(),
            domains: context.domains.iter().map(|d| d.id.as_str()).collect(),
            teams: context.teams.iter().map(|t| t.id.as_str()).collect(),
        }
    }
}
