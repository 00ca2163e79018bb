//! The product lineage graph: an edge runs from an upstream product to every product with an
//! input port reading it. Rules use it to find cycles; impact analysis and the canvas can use
//! it to walk downstream or upstream. Building it is O(products + input ports).

use std::collections::VecDeque;

use dpstudio_model::{InputSource, Workspace};

use crate::id_map::IdMap;
use crate::index::Index;

/// Products and the "is read by" edges between them. Nodes are workspace positions; inputs
/// naming an unknown product are left out (a reference rule reports them), and a duplicated
/// product id is one node (its first product). Edges are stored compressed (one offsets array
/// and one targets array per direction), which keeps building it cheap enough to redo after
/// every edit.
pub struct ProductGraph<'w> {
    ids: Vec<&'w str>,
    position: IdMap<'w>,
    downstream: Adjacency,
    upstream: Adjacency,
}

/// Neighbours of node `n` are `targets[offsets[n]..offsets[n + 1]]`.
struct Adjacency {
    offsets: Vec<usize>,
    targets: Vec<usize>,
}

impl Adjacency {
    fn new(nodes: usize, edges: &[(usize, usize)]) -> Self {
        let mut offsets = vec![0; nodes + 1];
        for &(from, _) in edges {
            if let Some(o) = offsets.get_mut(from + 1) {
                *o += 1;
            }
        }
        for n in 0..nodes {
            offsets[n + 1] += offsets[n];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0; edges.len()];
        for &(from, to) in edges {
            if let Some(slot) = fill.get_mut(from) {
                if let Some(t) = targets.get_mut(*slot) {
                    *t = to;
                }
                *slot += 1;
            }
        }
        Adjacency { offsets, targets }
    }

    fn of(&self, node: usize) -> &[usize] {
        match (self.offsets.get(node), self.offsets.get(node + 1)) {
            (Some(&start), Some(&end)) => self.targets.get(start..end).unwrap_or_default(),
            _ => &[],
        }
    }
}

impl<'w> ProductGraph<'w> {
    pub fn new(workspace: &'w Workspace) -> Self {
        let mut position = IdMap::with_capacity(workspace.products.len());
        for (i, product) in workspace.products.iter().enumerate() {
            position.insert_first(&product.id, i);
        }
        Self::build(workspace, position)
    }

    /// Copies the index's id → position table (a flat copy) instead of hashing every id again.
    pub(crate) fn from_index(index: &Index<'w>) -> Self {
        Self::build(index.workspace, index.product_positions().clone())
    }

    fn build(workspace: &'w Workspace, position: IdMap<'w>) -> Self {
        let ids: Vec<&str> = workspace.products.iter().map(|p| p.id.as_str()).collect();
        let mut edges = Vec::new();
        for (to, product) in workspace.products.iter().enumerate() {
            if position.get(&product.id) != Some(to) {
                continue; // a later duplicate: its first product stands for the id
            }
            for port in &product.input_ports {
                if let InputSource::Product { product: from_id, .. } = &port.source {
                    if let Some(from) = position.get(from_id) {
                        edges.push((from, to));
                    }
                }
            }
        }
        let downstream = Adjacency::new(ids.len(), &edges);
        let reversed: Vec<(usize, usize)> = edges.iter().map(|&(from, to)| (to, from)).collect();
        let upstream = Adjacency::new(ids.len(), &reversed);
        ProductGraph { ids, position, downstream, upstream }
    }

    /// Products reading `id` directly, each once, in workspace order.
    pub fn downstream_of(&self, id: &str) -> Vec<&'w str> {
        self.neighbours(id, &self.downstream)
    }

    /// Products `id` reads directly, each once, in workspace order.
    pub fn upstream_of(&self, id: &str) -> Vec<&'w str> {
        self.neighbours(id, &self.upstream)
    }

    /// Every product reached from `id` by following reads downstream (not `id` itself unless a
    /// cycle leads back to it), nearest first.
    pub fn all_downstream(&self, id: &str) -> Vec<&'w str> {
        let Some(start) = self.position.get(id) else { return Vec::new() };
        let mut seen = vec![false; self.ids.len()];
        let mut queue = VecDeque::from([start]);
        let mut out = Vec::new();
        while let Some(node) = queue.pop_front() {
            for &next in self.downstream.of(node) {
                if let Some(flag) = seen.get_mut(next) {
                    if !*flag {
                        *flag = true;
                        out.extend(self.ids.get(next).copied());
                        queue.push_back(next);
                    }
                }
            }
        }
        out
    }

    /// The lineage cycles: each strongly connected group of products (two or more, or one
    /// reading itself), members in workspace order, groups ordered by their first member.
    pub fn cycles(&self) -> Vec<Vec<&'w str>> {
        let mut groups: Vec<Vec<usize>> = strongly_connected(&self.downstream)
            .into_iter()
            .filter(|group| match group.as_slice() {
                [single] => self.downstream.of(*single).contains(single),
                _ => true,
            })
            .collect();
        for group in &mut groups {
            group.sort_unstable();
        }
        groups.sort_unstable();
        groups
            .into_iter()
            .map(|g| g.into_iter().filter_map(|i| self.ids.get(i).copied()).collect())
            .collect()
    }

    fn neighbours(&self, id: &str, edges: &Adjacency) -> Vec<&'w str> {
        let Some(node) = self.position.get(id) else { return Vec::new() };
        let mut next: Vec<usize> = edges.of(node).to_vec();
        next.sort_unstable();
        next.dedup();
        next.into_iter().filter_map(|i| self.ids.get(i).copied()).collect()
    }
}

/// Tarjan's algorithm, iterative so that a long chain of products cannot overflow the stack.
/// Indexing is safe by construction: every target in `edges` is a node below `n`.
fn strongly_connected(edges: &Adjacency) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.offsets.len().saturating_sub(1);
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut groups = Vec::new();
    let mut counter = 0;
    // Each frame is (node, index of the next edge to follow).
    let mut frames: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        frames.push((root, 0));
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (node, ref mut next_edge)) = frames.last_mut() {
            let successors = edges.of(node);
            if let Some(&next) = successors.get(*next_edge) {
                *next_edge += 1;
                if order[next] == UNSEEN {
                    order[next] = counter;
                    low[next] = counter;
                    counter += 1;
                    stack.push(next);
                    on_stack[next] = true;
                    frames.push((next, 0));
                } else if on_stack[next] {
                    low[node] = low[node].min(order[next]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                let mut group = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    group.push(member);
                    if member == node {
                        break;
                    }
                }
                groups.push(group);
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use dpstudio_model::*;

    use super::*;

    fn product(id: &str, reads: &[&str]) -> DataProduct {
        DataProduct {
            id: id.into(),
            name: id.into(),
            input_ports: reads
                .iter()
                .map(|r| InputPort {
                    id: format!("in-{r}"),
                    name: (*r).into(),
                    source: InputSource::Product { product: (*r).into(), port: "out".into() },
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    fn workspace(products: Vec<DataProduct>) -> Workspace {
        Workspace { products, ..Default::default() }
    }

    #[test]
    fn finds_cycles_and_self_loops_but_not_diamonds() {
        let ws = workspace(vec![
            product("a", &["c"]),
            product("b", &["a"]),
            product("c", &["b"]),
            product("d", &["a", "c"]),
            product("e", &["e"]),
            product("f", &["d", "missing"]),
        ]);
        let graph = ProductGraph::new(&ws);
        assert_eq!(graph.cycles(), vec![vec!["a", "b", "c"], vec!["e"]]);
        assert_eq!(graph.downstream_of("a"), vec!["b", "d"]);
        assert_eq!(graph.upstream_of("f"), vec!["d"]);
        assert_eq!(graph.all_downstream("d"), vec!["f"]);
        assert!(graph.downstream_of("nope").is_empty());
    }

    #[test]
    fn a_dag_has_no_cycles_even_when_deep() {
        // A 20,000-long chain would overflow a recursive search.
        let mut products = vec![product("p0", &[])];
        for i in 1..20_000 {
            products.push(product(&format!("p{i}"), &[&format!("p{}", i - 1)]));
        }
        let ws = workspace(products);
        let graph = ProductGraph::new(&ws);
        assert!(graph.cycles().is_empty());
        assert_eq!(graph.all_downstream("p19990").len(), 9);
    }
}
