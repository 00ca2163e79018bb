//! References: every id a product or contract mentions must name something that exists.

use crate::diagnostic::{EntityKind, Location, Severity};
use crate::engine::{Family, Rule, Sink};
use crate::index::Index;

pub const PORT_CONTRACT_EXISTS: Rule = Rule {
    id: "references.port-contract",
    family: Family::References,
    severity: Severity::Error,
    summary: "An output port is bound to a contract that does not exist.",
    rationale: "Consumers rely on the contract a port names; a dangling reference promises nothing.",
    run: port_contract_exists,
};

fn port_contract_exists(index: &Index, sink: &mut Sink) {
    for product in &index.workspace.products {
        for (i, port) in product.output_ports.iter().enumerate() {
            let Some(contract) = &port.contract else { continue };
            if !index.contracts.contains_key(contract.id.as_str()) {
                sink.emit(
                    Location::new(EntityKind::Product, &product.id, format!("outputPorts[{i}].contract")),
                    format!("output port '{}' names contract '{}', which does not exist", port.name, contract.id),
                    "Pick an existing contract for the port, or create the contract.",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, sample};

    #[test]
    fn port_contract_fires_on_unknown_contract_only() {
        let mut ws = sample();
        assert!(!fires(&ws, "references.port-contract"));
        ws.products[0].output_ports[0].contract.as_mut().unwrap().id = "nope".into();
        assert!(fires(&ws, "references.port-contract"));
    }
}
