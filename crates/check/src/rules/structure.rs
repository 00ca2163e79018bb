//! Structure and naming: the fields every entity needs, and ids that identify.

use std::collections::HashSet;

use crate::diagnostic::{EntityKind, Location, Severity};
use crate::engine::{Family, Rule, Sink};
use crate::index::Index;

pub const PRODUCT_NAME: Rule = Rule {
    id: "structure.product-name",
    family: Family::Structure,
    severity: Severity::Error,
    summary: "A data product has no name.",
    rationale: "The name is how people find and talk about a product; specs require it.",
    run: product_name,
};

fn product_name(index: &Index, sink: &mut Sink) {
    for product in &index.workspace.products {
        if product.name.trim().is_empty() {
            sink.emit(
                Location::new(EntityKind::Product, &product.id, "name"),
                format!("product '{}' has no name", product.id),
                "Give the product a short business name, e.g. 'Customer Orders'.",
            );
        }
    }
}

pub const DUPLICATE_PRODUCT_ID: Rule = Rule {
    id: "structure.duplicate-product-id",
    family: Family::Structure,
    severity: Severity::Error,
    summary: "Two data products share one id.",
    rationale: "Ports, lineage and exported file names refer to products by id; a shared id makes them ambiguous.",
    run: duplicate_product_id,
};

fn duplicate_product_id(index: &Index, sink: &mut Sink) {
    let mut seen = HashSet::new();
    for product in &index.workspace.products {
        if !seen.insert(product.id.as_str()) {
            sink.emit(
                Location::new(EntityKind::Product, &product.id, "id"),
                format!("product id '{}' is used more than once", product.id),
                "Rename one of the products' ids so each is unique.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{fires, sample};

    #[test]
    fn product_name_fires_on_blank_name_only() {
        let mut ws = sample();
        assert!(!fires(&ws, "structure.product-name"));
        ws.products[0].name = "  ".into();
        assert!(fires(&ws, "structure.product-name"));
    }

    #[test]
    fn duplicate_product_id_fires_on_second_use() {
        let mut ws = sample();
        assert!(!fires(&ws, "structure.duplicate-product-id"));
        let copy = ws.products[0].clone();
        ws.products.push(copy);
        assert!(fires(&ws, "structure.duplicate-product-id"));
    }
}
