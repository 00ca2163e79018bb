//! Markdown documentation: one page per data product — identity, purpose, a Mermaid lineage
//! diagram, input and output ports, each output contract's schema as tables with quality
//! rules and SLA, service levels, support and consumers. All user text is escaped (see
//! `escape`); ids of other entities are resolved to their names.

mod contract;
mod escape;
mod lineage;

use dpstudio_model::{DataProduct, InputSource, Workspace};

use escape::{cell, escape_words, inline};

/// The Markdown page for `product`; `workspace` resolves domains, teams, contracts, glossary
/// terms, upstream and downstream products and use cases.
pub fn export(product: &DataProduct, w: &Workspace) -> String {
    let mut out = format!("# {}\n\n", escape_words(&product.name));
    if !product.purpose.is_empty() {
        out.push_str(&format!("> {}\n\n", inline(&product.purpose)));
    }
    if !product.description.is_empty() {
        out.push_str(&format!("{}\n\n", inline(&product.description)));
    }
    out.push_str(&facts(product, w));
    out.push_str("## Lineage\n\n```mermaid\n");
    out.push_str(&lineage::flowchart(product, w));
    out.push_str("```\n\n");
    out.push_str(&input_ports(product, w));
    out.push_str(&output_ports(product, w));
    out.push_str(&service_levels(product));
    out.push_str(&consumers(product, w));
    out
}

/// A two-column table of the product's identity.
fn facts(p: &DataProduct, w: &Workspace) -> String {
    let name_of = |id: &Option<String>, find: &dyn Fn(&str) -> Option<String>| {
        id.as_deref().map(|id| find(id).unwrap_or_else(|| id.to_owned())).unwrap_or_default()
    };
    let domain = name_of(&p.domain, &|id| w.domain_name(id).map(str::to_owned));
    let owner = name_of(&p.owner_team, &|id| w.team_name(id).map(str::to_owned));
    let rows = [
        ("Id", p.id.clone()),
        ("Version", p.version.clone()),
        ("Status", p.status.as_str().to_owned()),
        ("Kind", p.kind.label().to_owned()),
        ("Domain", domain),
        ("Owner", owner),
        ("Tags", p.tags.join(", ")),
    ];
    let mut out = String::from("| | |\n|---|---|\n");
    for (label, value) in rows.iter().filter(|(_, v)| !v.is_empty()) {
        out.push_str(&format!("| {label} | {} |\n", cell(value)));
    }
    out.push('\n');
    out
}

fn input_ports(p: &DataProduct, w: &Workspace) -> String {
    if p.input_ports.is_empty() {
        return String::new();
    }
    let mut out = String::from("## Input ports\n\n| Port | Reads from | Contract | Description |\n|---|---|---|---|\n");
    for input in &p.input_ports {
        let source = match &input.source {
            InputSource::Product { product, port } => {
                let upstream = w.product(product);
                let product_name = upstream.map_or(product.as_str(), |u| u.name.as_str());
                let port_name = upstream.and_then(|u| u.output_port(port)).map_or(port.as_str(), |o| o.name.as_str());
                format!("product {} / port {}", cell(product_name), cell(port_name))
            }
            InputSource::System { system } => match w.context.source_systems.iter().find(|s| s.id == *system) {
                Some(s) if !s.technology.is_empty() => format!("system {} ({})", cell(&s.name), cell(&s.technology)),
                Some(s) => format!("system {}", cell(&s.name)),
                None => format!("system {}", cell(system)),
            },
        };
        let contract = input.contract.as_ref().map(|c| contract_label(w, &c.id, &c.version)).unwrap_or_default();
        out.push_str(&format!("| {} | {source} | {contract} | {} |\n", cell(&input.name), cell(&input.description)));
    }
    out.push('\n');
    out
}

/// A contract's name and version, escaped for a cell.
fn contract_label(w: &Workspace, id: &str, version: &str) -> String {
    let name = w.contract(id).map_or(id, |c| c.name.as_str());
    let name = if name.is_empty() { id } else { name };
    format!("{} {}", cell(name), cell(version))
}

fn output_ports(p: &DataProduct, w: &Workspace) -> String {
    if p.output_ports.is_empty() {
        return String::new();
    }
    let mut out = String::from("## Output ports\n\n| Port | Kind | Contract | Description |\n|---|---|---|---|\n");
    for port in &p.output_ports {
        let contract = port.contract.as_ref().map(|c| contract_label(w, &c.id, &c.version)).unwrap_or_else(|| "none".to_owned());
        out.push_str(&format!("| {} | {} | {contract} | {} |\n", cell(&port.name), port.kind.as_str(), cell(&port.description)));
    }
    out.push('\n');
    let mut shown: Vec<&str> = Vec::new();
    for port in &p.output_ports {
        let Some(reference) = &port.contract else { continue };
        if shown.contains(&reference.id.as_str()) {
            continue;
        }
        shown.push(&reference.id);
        match w.contract(&reference.id) {
            Some(c) => out.push_str(&contract::section(c, w)),
            None => out.push_str(&format!("### Contract {}\n\nNot in this workspace.\n\n", cell(&reference.id))),
        }
    }
    out
}

fn service_levels(p: &DataProduct) -> String {
    let mut out = String::new();
    if !p.slos.is_empty() {
        out.push_str("## Service levels\n\n| Objective | Value | Unit | Description |\n|---|---|---|---|\n");
        for s in &p.slos {
            out.push_str(&format!("| {} | {} | {} | {} |\n", cell(&s.property), cell(&contract::value_text(&s.value)), cell(&s.unit), cell(&s.description)));
        }
        out.push('\n');
    }
    if !p.support.is_empty() {
        out.push_str("## Support\n\n");
        out.push_str(&contract::support_table(&p.support));
    }
    out
}

/// Downstream products (their input ports read this product) and use cases consuming it.
fn consumers(p: &DataProduct, w: &Workspace) -> String {
    let mut rows = Vec::new();
    for other in &w.products {
        for input in &other.input_ports {
            if let InputSource::Product { product, port } = &input.source {
                if *product == p.id {
                    let port_name = p.output_port(port).map_or(port.as_str(), |o| o.name.as_str());
                    rows.push(format!("| product | {} | {} | {} |", cell(&other.name), cell(port_name), cell(&other.purpose)));
                }
            }
        }
    }
    for u in &w.context.use_cases {
        for consumed in u.consumes.iter().filter(|c| c.product == p.id) {
            let port_name = p.output_port(&consumed.port).map_or(consumed.port.as_str(), |o| o.name.as_str());
            let who = w.team_name(&u.consumer).unwrap_or(&u.consumer);
            let what = if who.is_empty() { u.description.clone() } else { format!("{} ({who})", u.description) };
            rows.push(format!("| use case | {} | {} | {} |", cell(&u.name), cell(port_name), cell(&what)));
        }
    }
    if rows.is_empty() {
        return "## Consumers\n\nNo product or use case consumes this product yet.\n".to_owned();
    }
    format!("## Consumers\n\n| Consumer | Name | Port | Why |\n|---|---|---|---|\n{}\n", rows.join("\n"))
}
