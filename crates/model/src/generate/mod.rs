//! A synthetic, realistic workspace of any size for tests and benchmarks.
//!
//! Shape: a handful of domains with teams and source systems; source-aligned products read
//! the systems, three levels of aggregates read the products below them, consumer-aligned
//! products read aggregates and feed use cases — a lineage DAG five levels deep. Every output
//! port has its own contract of about 20 properties with types, keys, glossary links, lineage
//! (`transformSourceObjects` to the upstream fields), quality rules and SLA. The same
//! `(products, seed)` always gives the same workspace, so benchmarks and property tests are
//! repeatable. It is meant to pass the checks, so a benchmark measures real rule work rather
//! than diagnostic formatting.

// Struct literals end in `..Default::default()` even when every field is set, so the generator
// keeps compiling when the model grows a field.
#![allow(clippy::needless_update)]

mod context;
mod products;
mod rng;
mod vocabulary;

use std::collections::BTreeSet;

use crate::*;
use context::{context, layout, semantic, use_cases};
use products::product;
use rng::Rng;
use vocabulary::DOMAINS;

/// Where a product sits in the lineage DAG.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Plan {
    kind: ProductKind,
    /// 0 = source-aligned, 1..=3 aggregates, 4 = consumer-aligned.
    level: usize,
    domain: usize,
    noun: usize,
    ports: usize,
}

/// Builds a workspace with `products` data products; the same arguments give the same result.
pub fn generate(products: usize, seed: u64) -> Workspace {
    let mut rng = Rng(seed ^ 0x5EED_DA7A_0000_0001);
    let mut w = Workspace {
        format_version: FORMAT_VERSION,
        id: format!("generated-{products}-{seed}"),
        name: format!("Generated mesh ({products} products, seed {seed})"),
        description: "A synthetic workspace for tests and benchmarks.".into(),
        ..Default::default()
    };
    context(&mut w, &mut rng);
    let plans = plan(products, &mut rng);
    let inputs = wire(&plans, &mut rng);
    for (i, plan) in plans.iter().enumerate() {
        product(&mut w, &plans, &inputs[i], i, *plan, &mut rng);
    }
    use_cases(&mut w, &plans, &mut rng);
    semantic(&mut w, &mut rng);
    layout(&mut w, &plans);
    w
}

/// Decides each product's layer, domain, subject and number of output ports.
fn plan(n: usize, rng: &mut Rng) -> Vec<Plan> {
    let sources = if n == 0 { 0 } else { (n * 2).div_ceil(5).max(1) };
    let consumers = if n >= 3 { (n / 4).max(1) } else { 0 };
    let aggregates = n - sources - consumers;
    let mut plans = Vec::with_capacity(n);
    for i in 0..n {
        let (kind, level) = if i < sources {
            (ProductKind::SourceAligned, 0)
        } else if i < sources + aggregates {
            // Three aggregate levels of about equal size.
            (ProductKind::Aggregate, 1 + (i - sources) * 3 / aggregates.max(1))
        } else {
            (ProductKind::ConsumerAligned, 4)
        };
        // Weighted 1–4 ports, about 3.25 on average.
        let ports = match rng.below(20) {
            0 => 1,
            1..=3 => 2,
            4..=9 => 3,
            _ => 4,
        };
        plans.push(Plan { kind, level, domain: rng.below(DOMAINS.len()), noun: rng.below(4), ports });
    }
    plans
}

/// Chooses the upstream ports each product reads: at least one from the level just below (so
/// the DAG is deep), more from any lower level, and every non-consumer product read by someone.
fn wire(plans: &[Plan], rng: &mut Rng) -> Vec<Vec<(usize, usize)>> {
    let mut inputs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); plans.len()];
    let by_level: Vec<Vec<usize>> =
        (0..5).map(|l| (0..plans.len()).filter(|&i| plans[i].level == l).collect()).collect();
    let mut unread: Vec<BTreeSet<usize>> = by_level.iter().map(|l| l.iter().copied().collect()).collect();
    for (i, plan) in plans.iter().enumerate() {
        if plan.level == 0 {
            continue;
        }
        let below = (0..plan.level).rev().find(|&l| !by_level[l].is_empty());
        let Some(below) = below else { continue };
        let first = unread[below].pop_first().unwrap_or_else(|| rng.pick(&by_level[below], 0));
        let mut chosen = vec![first];
        for _ in 0..rng.range(0, 2) {
            let level = rng.below(plan.level);
            if by_level[level].is_empty() {
                continue;
            }
            let up = unread[level].pop_first().unwrap_or_else(|| rng.pick(&by_level[level], 0));
            if !chosen.contains(&up) {
                chosen.push(up);
            }
        }
        for up in &chosen {
            unread[plans[*up].level].remove(up);
        }
        inputs[i] = chosen.into_iter().map(|up| (up, rng.below(plans[up].ports))).collect();
    }
    // Products nobody read yet feed a random product above them.
    for (level, waiting) in unread.iter().enumerate().take(4) {
        for &up in waiting {
            let above: Vec<usize> = (level + 1..5).flat_map(|l| by_level[l].iter().copied()).collect();
            if above.is_empty() {
                continue;
            }
            let reader = rng.pick(&above, 0);
            inputs[reader].push((up, rng.below(plans[up].ports)));
        }
    }
    inputs
}

fn product_id(plans: &[Plan], i: usize) -> String {
    let p = plans[i];
    let noun = DOMAINS[p.domain].2[p.noun].replace('_', "-");
    let layer = match p.kind {
        ProductKind::SourceAligned => "events",
        ProductKind::Aggregate => "summary",
        ProductKind::ConsumerAligned => "insights",
    };
    format!("{noun}-{layer}-{i:04}")
}

fn contract_id(plans: &[Plan], product: usize, port: usize) -> String {
    format!("{}-c{port}", product_id(plans, product))
}

fn version(product: usize, port: usize) -> String {
    format!("{}.{}.0", 1 + (product + port) % 3, (product * 7 + port) % 10)
}

/// Latency each level promises, in hours: downstream never promises fresher data than its
/// inputs can deliver.
fn latency_hours(level: usize) -> u64 {
    [1, 4, 8, 12, 24][level.min(4)]
}

/// `ledger_entry` → `Ledger entry`.
fn title(snake: &str) -> String {
    let text = snake.replace('_', " ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;

    #[test]
    fn same_arguments_same_workspace_and_different_seeds_differ() {
        assert_eq!(generate(60, 7), generate(60, 7));
        assert_ne!(generate(60, 7), generate(60, 8));
    }

    #[test]
    fn large_workspace_meets_the_benchmark_shape() {
        let w = generate(1000, 1);
        assert_eq!(w.products.len(), 1000);
        assert!(w.contracts.len() >= 3000, "{} contracts", w.contracts.len());
        let properties: usize = w.contracts.iter().map(|c| c.all_properties().len()).sum();
        assert!(properties >= 60_000, "{properties} properties");
    }

    #[test]
    fn references_resolve_and_ids_are_unique() {
        for n in [0, 1, 2, 3, 7, 40, 300] {
            let w = generate(n, n as u64);
            let products: HashMap<&str, &DataProduct> = w.products.iter().map(|p| (p.id.as_str(), p)).collect();
            let contracts: HashMap<&str, &DataContract> = w.contracts.iter().map(|c| (c.id.as_str(), c)).collect();
            assert_eq!(products.len(), w.products.len(), "unique product ids");
            assert_eq!(contracts.len(), w.contracts.len(), "unique contract ids");
            let terms: HashSet<&str> = w.context.glossary.iter().map(|t| t.id.as_str()).collect();
            let systems: HashSet<&str> = w.context.source_systems.iter().map(|s| s.id.as_str()).collect();
            for p in &w.products {
                for port in &p.output_ports {
                    let r = port.contract.as_ref().expect("bound");
                    assert_eq!(contracts[r.id.as_str()].version, r.version);
                }
                for input in &p.input_ports {
                    match &input.source {
                        InputSource::Product { product, port } => {
                            assert!(products[product.as_str()].output_port(port).is_some(), "{product}/{port}");
                        }
                        InputSource::System { system } => assert!(systems.contains(system.as_str())),
                    }
                }
            }
            for c in &w.contracts {
                for (_, property) in c.all_properties() {
                    for term in &property.glossary {
                        assert!(terms.contains(term.as_str()), "glossary {term}");
                    }
                    for source in &property.transform_source_objects {
                        let (contract, field) = source.split_once('/').expect("contract/field");
                        let (object, name) = field.split_once('.').expect("object.property");
                        let upstream = contracts[contract].object(object).expect("object");
                        assert!(upstream.properties.iter().any(|p| p.name == name), "{source}");
                    }
                }
            }
        }
    }

    #[test]
    fn lineage_is_several_levels_deep_and_everything_is_consumed() {
        let w = generate(200, 3);
        let levels: BTreeSet<&str> =
            w.products.iter().flat_map(|p| p.tags.iter().filter(|t| t.starts_with("level-"))).map(String::as_str).collect();
        assert_eq!(levels.len(), 5, "{levels:?}");
        let mut read: HashSet<&str> = HashSet::new();
        for p in &w.products {
            for input in &p.input_ports {
                if let InputSource::Product { product, .. } = &input.source {
                    read.insert(product);
                }
            }
        }
        for u in &w.context.use_cases {
            for r in &u.consumes {
                read.insert(&r.product);
            }
        }
        let unread: Vec<&str> = w.products.iter().map(|p| p.id.as_str()).filter(|id| !read.contains(id)).collect();
        assert!(unread.is_empty(), "{unread:?}");
        assert!(!w.context.semantic.metrics.is_empty());
        assert_eq!(w.layout.nodes.len(), w.products.len() + w.context.source_systems.len() + w.context.use_cases.len());
    }
}
