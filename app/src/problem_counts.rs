//! Error and warning counts per product (and per contract), for the badges on the canvas. Computed once per change
//! for every product together: each badge scanning all diagnostics itself made a keystroke cost
//! products × diagnostics.

use std::collections::{HashMap, HashSet};

use dpstudio_check::{EntityKind, Severity};
use leptos::prelude::*;

use crate::state::Studio;

/// Provided as context by the app.
#[derive(Clone, Copy)]
pub struct ProblemCounts(Memo<HashMap<String, (usize, usize)>>);

impl ProblemCounts {
    /// Errors and warnings on the product itself and on the contracts its output ports are
    /// bound to (what its inspector lists).
    pub fn of(&self, product_id: &str) -> (usize, usize) {
        self.0.with(|counts| counts.get(product_id).copied().unwrap_or_default())
    }

    /// Errors and warnings on one contract (for contracts drawn as nodes of their own).
    pub fn of_contract(&self, contract_id: &str) -> (usize, usize) {
        self.0.with(|counts| counts.get(&contract_key(contract_id)).copied().unwrap_or_default())
    }
}

/// Contracts are counted under their own keys: a product and a contract may share an id.
fn contract_key(contract_id: &str) -> String {
    format!("contract:{contract_id}")
}

pub fn install(studio: Studio) {
    let memo = Memo::new(move |_| {
        studio.workspace.with(|ws| {
            // Which products publish each contract: a contract may be bound on several products.
            let mut publishers: HashMap<&str, HashSet<&str>> = HashMap::new();
            for product in &ws.products {
                for contract in product.output_ports.iter().filter_map(|port| port.contract.as_ref()) {
                    publishers.entry(contract.id.as_str()).or_default().insert(product.id.as_str());
                }
            }
            let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
            studio.diagnostics.with(|diagnostics| {
                for d in diagnostics {
                    let add = |counts: &mut HashMap<String, (usize, usize)>, product: &str| {
                        let entry = counts.entry(product.to_owned()).or_default();
                        match d.severity {
                            Severity::Error => entry.0 += 1,
                            Severity::Warning => entry.1 += 1,
                            Severity::Info => {}
                        }
                    };
                    match d.location.kind {
                        EntityKind::Product => add(&mut counts, &d.location.id),
                        EntityKind::Contract => {
                            add(&mut counts, &contract_key(&d.location.id));
                            for product in publishers.get(d.location.id.as_str()).into_iter().flatten() {
                                add(&mut counts, product);
                            }
                        }
                        _ => {}
                    }
                }
            });
            counts
        })
    });
    provide_context(ProblemCounts(memo));
}
