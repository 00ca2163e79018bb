//! Auto-layout: a layered drawing, left to right by lineage. Source systems form the first
//! column; each product sits one column right of the furthest product it reads from; use cases
//! sit right of what they consume; contracts no port publishes wait in a last column. Within a
//! column, nodes are grouped by domain and ordered by where their inputs are, which keeps most
//! edges short and uncrossed; each domain keeps one horizontal band across all columns, so the
//! frames drawn around a domain's nodes never overlap. Use cases sit beside what they read. The result is ordinary node positions: the user moves nodes from
//! there.

use std::collections::HashMap;

use crate::{node_key, InputSource, NodeKind, Point, Workspace};

/// Horizontal distance between the left edges of neighbouring columns, beyond the widest node.
const COLUMN_GAP: f64 = 140.0;
/// Vertical gap between nodes in a column, and the extra gap where the domain changes (wide
/// enough for two domain frames, each drawn 26 px around its nodes, not to overlap).
const ROW_GAP: f64 = 36.0;
const DOMAIN_GAP: f64 = 84.0;

/// Positions for every node of `ws`, keyed as the layout keys them. `size` gives a node's
/// width and height as the canvas draws it.
pub fn layered(ws: &Workspace, size: impl Fn(NodeKind, &str) -> (f64, f64)) -> Vec<(String, Point)> {
    let columns = product_columns(ws);
    let mut nodes: Vec<Node> = Vec::new();
    for s in &ws.context.source_systems {
        nodes.push((0, NodeKind::System, &s.id, s.domain.as_deref()));
    }
    for p in &ws.products {
        nodes.push((columns.get(p.id.as_str()).copied().unwrap_or(1), NodeKind::Product, &p.id, p.domain.as_deref()));
    }
    let last_product = columns.values().copied().max().unwrap_or(1);
    for u in &ws.context.use_cases {
        let column = u.consumes.iter().filter_map(|c| columns.get(c.product.as_str())).max().map_or(last_product + 1, |c| c + 1);
        nodes.push((column, NodeKind::UseCase, &u.id, None));
    }
    // Contracts nobody publishes yet wait in a column of their own, right of everything else.
    let waiting = nodes.iter().map(|n| n.0).max().map_or(0, |c| c + 1);
    for c in ws.unbound_contracts() {
        nodes.push((waiting, NodeKind::Contract, &c.id, None));
    }
    let column_count = nodes.iter().map(|n| n.0).max().map_or(0, |c| c + 1);
    let domain_rank = |d: Option<&str>| d.and_then(|d| ws.context.domains.iter().position(|x| x.id == d)).unwrap_or(usize::MAX);
    let bands = Bands::measure(&nodes, column_count, &domain_rank, &size);
    let mut x = 0.0;
    let mut placed: HashMap<String, Point> = HashMap::new();
    let mut out = Vec::with_capacity(nodes.len());
    for column in 0..column_count {
        let mut members: Vec<_> = nodes.iter().filter(|n| n.0 == column).collect();
        // Domain first (domains in their declared order, none last), then the mean height of
        // what feeds the node, then declaration order (the sort is stable).
        let feed = |n: &Node| mean_input_y(ws, n.1, n.2, &placed);
        members.sort_by(|a, b| domain_rank(a.3).cmp(&domain_rank(b.3)).then(feed(a).total_cmp(&feed(b))));
        let banded = members.iter().any(|n| n.3.is_some());
        let mut width: f64 = 0.0;
        let mut next_free = 0.0;
        let mut band = None;
        for &&(_, kind, id, domain) in &members {
            let (w, h) = size(kind, id);
            let y = if banded {
                // Each domain in a horizontal band of its own, so the domain frames drawn
                // around their nodes never overlap, whatever column a node lands in.
                let rank = domain_rank(domain);
                if band != Some(rank) {
                    band = Some(rank);
                    next_free = bands.top(rank);
                }
                next_free
            } else {
                // A column of use cases or waiting contracts: each beside what it reads.
                let wanted = mean_input_y(ws, kind, id, &placed);
                wanted.max(next_free)
            };
            let key = node_key(kind, &id.to_owned());
            let point = Point { x, y };
            placed.insert(key.clone(), point);
            out.push((key, point));
            next_free = y + h + ROW_GAP;
            width = width.max(w);
        }
        if !members.is_empty() {
            x += width + COLUMN_GAP;
        }
    }
    out
}

/// (column, kind, id, domain) of a node to place.
type Node<'a> = (usize, NodeKind, &'a str, Option<&'a str>);

/// Where each domain's band starts: bands follow each other in domain order, each as tall as
/// the domain's tallest stack in any column, with room for the frames between them.
struct Bands {
    tops: HashMap<usize, f64>,
}

impl Bands {
    fn measure(nodes: &[Node], columns: usize, rank: &impl Fn(Option<&str>) -> usize, size: &impl Fn(NodeKind, &str) -> (f64, f64)) -> Bands {
        let mut heights: std::collections::BTreeMap<usize, f64> = std::collections::BTreeMap::new();
        for column in 0..columns {
            let members: Vec<&Node> = nodes.iter().filter(|n| n.0 == column).collect();
            if !members.iter().any(|n| n.3.is_some()) {
                continue;
            }
            let mut stacks: HashMap<usize, f64> = HashMap::new();
            for n in members {
                *stacks.entry(rank(n.3)).or_default() += size(n.1, n.2).1 + ROW_GAP;
            }
            for (r, stack) in stacks {
                let tallest = heights.entry(r).or_default();
                *tallest = tallest.max(stack - ROW_GAP);
            }
        }
        let mut tops = HashMap::new();
        let mut top = 0.0;
        for (r, height) in heights {
            tops.insert(r, top);
            top += height + DOMAIN_GAP;
        }
        Bands { tops }
    }

    fn top(&self, rank: usize) -> f64 {
        self.tops.get(&rank).copied().unwrap_or_default()
    }
}

/// Each product's column: 1 + the furthest column among the products it reads from (systems
/// are column 0). Longest path by repeated relaxation, capped so a lineage cycle (which the
/// checks report) still ends.
fn product_columns(ws: &Workspace) -> HashMap<&str, usize> {
    let mut columns: HashMap<&str, usize> = ws.products.iter().map(|p| (p.id.as_str(), 1)).collect();
    let cap = ws.products.len() + 1;
    for _ in 0..cap {
        let mut changed = false;
        for p in &ws.products {
            let wanted = p
                .input_ports
                .iter()
                .filter_map(|i| match &i.source {
                    InputSource::Product { product, .. } if product != &p.id => columns.get(product.as_str()).map(|c| c + 1),
                    _ => None,
                })
                .max()
                .unwrap_or(1)
                .min(cap);
            if columns.get(p.id.as_str()) != Some(&wanted) {
                columns.insert(p.id.as_str(), wanted);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    columns
}

/// The mean y of the already placed nodes that feed this one; 0 when none is placed.
fn mean_input_y(ws: &Workspace, kind: NodeKind, id: &str, placed: &HashMap<String, Point>) -> f64 {
    let keys: Vec<String> = match kind {
        NodeKind::Product => ws
            .product(id)
            .map(|p| {
                p.input_ports
                    .iter()
                    .map(|i| match &i.source {
                        InputSource::Product { product, .. } => node_key(NodeKind::Product, product),
                        InputSource::System { system } => node_key(NodeKind::System, system),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        NodeKind::UseCase => ws
            .context
            .use_cases
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.consumes.iter().map(|c| node_key(NodeKind::Product, &c.product)).collect())
            .unwrap_or_default(),
        NodeKind::System | NodeKind::Contract => Vec::new(),
    };
    let ys: Vec<f64> = keys.iter().filter_map(|k| placed.get(k)).map(|p| p.y).collect();
    if ys.is_empty() {
        0.0
    } else {
        ys.iter().sum::<f64>() / ys.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;

    fn positions(ws: &Workspace) -> HashMap<String, Point> {
        layered(ws, |_, _| (200.0, 80.0)).into_iter().collect()
    }

    #[test]
    fn lineage_runs_left_to_right_and_nothing_overlaps() {
        let ws = generate(60, 3);
        let at = positions(&ws);
        assert_eq!(at.len(), ws.products.len() + ws.context.source_systems.len() + ws.context.use_cases.len());
        for p in &ws.products {
            let me = at[&node_key(NodeKind::Product, &p.id)];
            for i in &p.input_ports {
                let upstream = match &i.source {
                    InputSource::Product { product, .. } => node_key(NodeKind::Product, product),
                    InputSource::System { system } => node_key(NodeKind::System, system),
                };
                if let Some(u) = at.get(&upstream) {
                    assert!(u.x < me.x, "{upstream} should be left of {}", p.id);
                }
            }
        }
        let mut all: Vec<Point> = at.values().copied().collect();
        all.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
        for pair in all.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(a.x != b.x || b.y - a.y >= 80.0 + ROW_GAP, "overlap at {a:?} / {b:?}");
        }
    }

    #[test]
    fn each_domain_keeps_a_band_of_its_own() {
        let ws = generate(60, 4);
        let at = positions(&ws);
        // The vertical extent of each domain's nodes, as its frame would enclose them.
        let mut extents: HashMap<&str, (f64, f64)> = HashMap::new();
        let nodes = ws.products.iter().map(|p| (node_key(NodeKind::Product, &p.id), p.domain.as_deref()));
        let systems = ws.context.source_systems.iter().map(|s| (node_key(NodeKind::System, &s.id), s.domain.as_deref()));
        for (key, domain) in nodes.chain(systems) {
            let Some(domain) = domain else { continue };
            let y = at[&key].y;
            let e = extents.entry(domain).or_insert((y, y + 80.0));
            *e = (e.0.min(y), e.1.max(y + 80.0));
        }
        assert!(extents.len() >= 2, "the generated workspace has several domains: {extents:?}");
        let mut bands: Vec<(f64, f64)> = extents.into_values().collect();
        bands.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in bands.windows(2) {
            // Frames are drawn 26 px around their nodes: two need 52 px between the bands.
            assert!(pair[1].0 - pair[0].1 >= 52.0, "domain bands {:?} and {:?} would overlap", pair[0], pair[1]);
        }
    }

    #[test]
    fn a_use_case_sits_beside_what_it_reads() {
        let ws = generate(12, 3);
        let at = positions(&ws);
        for u in &ws.context.use_cases {
            let read: Vec<f64> = u.consumes.iter().filter_map(|c| at.get(&node_key(NodeKind::Product, &c.product))).map(|p| p.y).collect();
            if read.is_empty() {
                continue;
            }
            let mean = read.iter().sum::<f64>() / read.len() as f64;
            let me = at[&node_key(NodeKind::UseCase, &u.id)];
            assert!(me.y >= mean - 0.5, "{} at {} is above what it reads (mean {mean})", u.id, me.y);
        }
    }

    #[test]
    fn a_lineage_cycle_still_gets_a_layout() {
        let mut ws = generate(4, 1);
        let (first, last) = (ws.products[0].id.clone(), ws.products[3].id.clone());
        let port = ws.products[3].output_ports[0].id.clone();
        ws.products[0].input_ports.push(crate::InputPort {
            id: "loop".into(),
            name: "loop".into(),
            source: InputSource::Product { product: last, port },
            ..Default::default()
        });
        let at = positions(&ws);
        assert!(at.contains_key(&node_key(NodeKind::Product, &first)));
    }

    #[test]
    fn unbound_contracts_wait_in_the_last_column() {
        let mut ws = generate(4, 1);
        let mut spare = ws.contracts[0].clone();
        spare.id = "imported-orders".into();
        ws.contracts.push(spare);
        let at = positions(&ws);
        let waiting = at[&node_key(NodeKind::Contract, &"imported-orders".to_owned())];
        let rightmost_other = at.iter().filter(|(k, _)| !k.starts_with("contract:")).map(|(_, p)| p.x).fold(f64::MIN, f64::max);
        assert!(waiting.x > rightmost_other, "{waiting:?} should be right of {rightmost_other}");
        // Bound contracts are drawn on their ports, not as nodes.
        assert!(!at.keys().any(|k| k.starts_with("contract:") && k != "contract:imported-orders"));
    }
}
