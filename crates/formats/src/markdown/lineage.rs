//! The product's neighbourhood as a Mermaid `flowchart LR`: upstream source systems and
//! products → this product → downstream products and use cases. Node ids are generated
//! (`n0`, `n1`, …), never taken from names, and every label is quoted and escaped, so Mermaid
//! accepts any name.

use dpstudio_model::{DataProduct, InputSource, Workspace};

use super::escape::mermaid_label;

/// Node shapes, by what the node is.
#[derive(Clone, Copy)]
enum Shape {
    ThisProduct,
    Product,
    System,
    UseCase,
}

#[derive(Default)]
struct Graph {
    /// `(key, label, shape)`; the index is the node id.
    nodes: Vec<(String, String, Shape)>,
    /// `(from, to, label)`.
    edges: Vec<(usize, usize, String)>,
}

impl Graph {
    fn node(&mut self, key: String, label: &str, shape: Shape) -> usize {
        if let Some(i) = self.nodes.iter().position(|(k, _, _)| *k == key) {
            return i;
        }
        self.nodes.push((key, label.to_owned(), shape));
        self.nodes.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize, label: &str) {
        if !self.edges.iter().any(|(f, t, l)| *f == from && *t == to && l == label) {
            self.edges.push((from, to, label.to_owned()));
        }
    }
}

pub fn flowchart(product: &DataProduct, w: &Workspace) -> String {
    let mut g = Graph::default();
    let this = g.node(format!("p:{}", product.id), &product.name, Shape::ThisProduct);
    for input in &product.input_ports {
        let from = match &input.source {
            InputSource::Product { product: id, .. } => {
                let name = w.product(id).map_or(id.as_str(), |p| p.name.as_str());
                g.node(format!("p:{id}"), name, Shape::Product)
            }
            InputSource::System { system } => {
                let name = w.context.source_systems.iter().find(|s| s.id == *system).map_or(system.as_str(), |s| s.name.as_str());
                g.node(format!("s:{system}"), name, Shape::System)
            }
        };
        g.edge(from, this, &input.name);
    }
    for other in &w.products {
        for input in &other.input_ports {
            if let InputSource::Product { product: id, port } = &input.source {
                if *id == product.id {
                    let to = g.node(format!("p:{}", other.id), &other.name, Shape::Product);
                    let label = product.output_port(port).map_or(port.as_str(), |p| p.name.as_str());
                    g.edge(this, to, label);
                }
            }
        }
    }
    for use_case in &w.context.use_cases {
        for consumed in use_case.consumes.iter().filter(|c| c.product == product.id) {
            let to = g.node(format!("u:{}", use_case.id), &use_case.name, Shape::UseCase);
            let label = product.output_port(&consumed.port).map_or(consumed.port.as_str(), |p| p.name.as_str());
            g.edge(this, to, label);
        }
    }
    render(&g)
}

fn render(g: &Graph) -> String {
    let mut out = String::from("flowchart LR\n");
    for (i, (_, label, shape)) in g.nodes.iter().enumerate() {
        let label = mermaid_label(label);
        let node = match shape {
            Shape::ThisProduct => format!("n{i}[[\"{label}\"]]"),
            Shape::Product => format!("n{i}[\"{label}\"]"),
            Shape::System => format!("n{i}[(\"{label}\")]"),
            Shape::UseCase => format!("n{i}([\"{label}\"])"),
        };
        out.push_str(&format!("  {node}\n"));
    }
    for (from, to, label) in &g.edges {
        if label.trim().is_empty() {
            out.push_str(&format!("  n{from} --> n{to}\n"));
        } else {
            out.push_str(&format!("  n{from} -->|\"{}\"| n{to}\n", mermaid_label(label)));
        }
    }
    out
}
