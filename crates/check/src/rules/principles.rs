//! The principles of data products over Medallion layers: every output is owned, has a purpose
//! and a contract, so quality is pushed from the source instead of pulled downstream.

use crate::diagnostic::{EntityKind, Location, Severity};
use crate::engine::{Family, Rule, Sink};
use crate::index::Index;

pub const OUTPUT_PORT_CONTRACT: Rule = Rule {
    id: "principles.output-port-contract",
    family: Family::Principles,
    severity: Severity::Error,
    summary: "An output port has no data contract.",
    rationale: "Without a contract consumers must discover schema and quality themselves — the 'pull' problem of layered lakes.",
    run: output_port_contract,
};

fn output_port_contract(index: &Index, sink: &mut Sink) {
    for product in &index.workspace.products {
        for (i, port) in product.output_ports.iter().enumerate() {
            if port.contract.is_none() {
                sink.emit(
                    Location::new(EntityKind::Product, &product.id, format!("outputPorts[{i}].contract")),
                    format!("output port '{}' of '{}' has no contract", port.name, product.name),
                    "Attach a data contract to the port (or create one from its schema).",
                );
            }
        }
    }
}

pub const PRODUCT_OWNER: Rule = Rule {
    id: "principles.product-owner",
    family: Family::Principles,
    severity: Severity::Warning,
    summary: "A data product has no owning team.",
    rationale: "A product nobody owns is a table nobody fixes; ownership is what makes it a product.",
    run: product_owner,
};

fn product_owner(index: &Index, sink: &mut Sink) {
    for product in &index.workspace.products {
        if product.owner_team.as_deref().is_none_or(|t| t.trim().is_empty()) {
            sink.emit(
                Location::new(EntityKind::Product, &product.id, "ownerTeam"),
                format!("'{}' has no owner team", product.name),
                "Choose the team accountable for this product.",
            );
        }
    }
}

pub const PRODUCT_PURPOSE: Rule = Rule {
    id: "principles.product-purpose",
    family: Family::Principles,
    severity: Severity::Warning,
    summary: "A data product does not state its purpose.",
    rationale: "Every product exists for a stated purpose and consumer; data copied 'just in case' is the Medallion habit this replaces.",
    run: product_purpose,
};

fn product_purpose(index: &Index, sink: &mut Sink) {
    for product in &index.workspace.products {
        if product.purpose.trim().is_empty() {
            sink.emit(
                Location::new(EntityKind::Product, &product.id, "purpose"),
                format!("'{}' has no purpose", product.name),
                "Write one or two sentences on why the product exists and for whom.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, sample};

    #[test]
    fn output_port_contract_fires_when_contract_removed() {
        let mut ws = sample();
        assert!(!fires(&ws, "principles.output-port-contract"));
        ws.products[0].output_ports[0].contract = None;
        assert!(fires(&ws, "principles.output-port-contract"));
    }

    #[test]
    fn product_owner_fires_without_team() {
        let mut ws = sample();
        assert!(!fires(&ws, "principles.product-owner"));
        ws.products[0].owner_team = None;
        assert!(fires(&ws, "principles.product-owner"));
    }

    #[test]
    fn product_purpose_fires_on_blank_purpose() {
        let mut ws = sample();
        assert!(!fires(&ws, "principles.product-purpose"));
        ws.products[0].purpose = String::new();
        assert!(fires(&ws, "principles.product-purpose"));
    }
}
