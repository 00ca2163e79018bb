//! A full check's product and contract rules, shared out over the machine's cores (native
//! builds only; WASM in the browser runs them on one thread).
//!
//! Why threads: the single-threaded full check of the generated L workspace stayed above its
//! 20 ms budget after the schema walk had been tuned instruction by instruction (one walk per
//! contract, inline hashing and compares, no allocation per property); what is left is
//! spread thinly over dozens of rules. The rules of one entity read only the workspace and an
//! [`Index`] of it (see `engine::Check`), so entities can be checked in any order and on any
//! thread. The contracts and products are cut into blocks (see [`Blocks`]), and each thread
//! takes the next block not yet taken until none is left, checking it with an index of its
//! own (the index caches lookups in cells, which threads cannot share; a thread builds the
//! few tables of other threads' contracts that its references need). Taking blocks as they
//! come, rather than an even share each, keeps a thread that waits for a busy core from
//! holding the result back: the others take its blocks (with one core busy elsewhere, an
//! even split took longer than one thread). The diagnostics are sorted afterwards, as
//! always, so the result does not depend on which thread checked what.
//!
//! `Checker` (after an edit) stays on one thread: it re-checks a handful of entities, less
//! work than starting a thread.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use dpstudio_model::Workspace;

use crate::diagnostic::Diagnostic;
use crate::engine::{run_contract_rules, run_product_rules, run_workspace_rules};
use crate::index::Index;

/// The unsorted diagnostics of every rule over the whole workspace.
pub(crate) fn every_rule(workspace: &Workspace) -> Vec<Diagnostic> {
    let blocks = Blocks::of(workspace);
    let shares = shares(workspace);
    if shares <= 1 {
        return one_share(Index::new(workspace), &blocks, true);
    }
    threaded(workspace, &blocks, shares)
}

/// How many threads to use: one per core, but one in all for a workspace too small to repay
/// starting threads, and no more than a few.
#[cfg(not(target_arch = "wasm32"))]
fn shares(workspace: &Workspace) -> usize {
    /// Below this many contracts a check takes a millisecond or so on one thread, which a
    /// thread and a second index would barely shorten.
    const SMALL_WORKSPACE: usize = 200;
    /// Every thread needs an index and table memory of its own, which the calling thread
    /// makes before the others start: more threads than this repay less than they cost.
    const MOST_SHARES: usize = 4;
    if workspace.contracts.len() < SMALL_WORKSPACE {
        return 1;
    }
    // Asked once: on Linux the answer reads the process's CPU affinity and cgroup files.
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    cores.min(MOST_SHARES)
}

#[cfg(target_arch = "wasm32")]
fn shares(_: &Workspace) -> usize {
    1
}

/// The calling thread and `shares - 1` scoped threads take blocks until none is left; the
/// results are appended in thread order. A thread the system refuses to start leaves its
/// blocks to the others. The other threads' indexes are made here, with their memory
/// allocated ahead (see [`Index::reserve`]).
#[cfg(not(target_arch = "wasm32"))]
fn threaded(workspace: &Workspace, blocks: &Blocks, shares: usize) -> Vec<Diagnostic> {
    let index = Index::new(workspace);
    let fields_each = top_level_fields(workspace) / shares;
    std::thread::scope(|scope| {
        let started: Vec<_> = (1..shares)
            .filter_map(|share| {
                let sibling = index.sibling();
                // Its share of the fields, and half as much again for other threads'
                // contracts its references reach.
                sibling.reserve(fields_each + fields_each / 2);
                let thread = std::thread::Builder::new().name(format!("check-{share}"));
                thread.spawn_scoped(scope, move || one_share(sibling, blocks, false)).ok()
            })
            .collect();
        let mut out = one_share(index, blocks, true);
        for handle in started {
            match handle.join() {
                Ok(found) => out.extend(found),
                // A rule panicked on that thread: carry the panic on, as one thread would have.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

#[cfg(target_arch = "wasm32")]
fn threaded(workspace: &Workspace, blocks: &Blocks, _: usize) -> Vec<Diagnostic> {
    one_share(Index::new(workspace), blocks, true)
}

/// The top-level properties of all contracts: what the field tables will hold.
#[cfg(not(target_arch = "wasm32"))]
fn top_level_fields(workspace: &Workspace) -> usize {
    workspace.contracts.iter().flat_map(|contract| contract.schema.iter().map(|object| object.properties.len())).sum()
}

/// Takes blocks until none is left, with `index`, and returns their diagnostics; with the
/// workspace rules first when `workspace_rules` is set.
fn one_share(index: Index<'_>, blocks: &Blocks, workspace_rules: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if workspace_rules {
        run_workspace_rules(&index, &mut out);
    }
    while let Some(block) = blocks.take() {
        run_block(&index, block, &mut out);
    }
    out
}

/// A block's contracts, then its products (whose own contracts are mostly the block's: see
/// [`Blocks`]).
fn run_block(index: &Index<'_>, block: Block, out: &mut Vec<Diagnostic>) {
    let workspace = index.workspace;
    for contract in workspace.contracts.get(block.contracts).unwrap_or_default() {
        run_contract_rules(index, contract, out);
    }
    for product in workspace.products.get(block.products).unwrap_or_default() {
        run_product_rules(index, product, out);
    }
}

/// A run of contracts and a run of products, by position.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Block {
    contracts: Range<usize>,
    products: Range<usize>,
}

/// The blocks of a check, handed out once each, in order, to whichever thread asks next.
/// Block `k` of `n` holds the `k`-th `n`-th of the contracts and the `k`-th `n`-th of the
/// products: contracts usually follow the order of the products that own them (the
/// generator lists them so), and then a block's products mostly find their own contracts'
/// tables, which product rules read, in the index of the thread that walked them. Any other
/// order only costs time: a thread builds the tables it lacks.
struct Blocks {
    count: usize,
    contracts: usize,
    products: usize,
    next: AtomicUsize,
}

/// Contracts per block: small enough that the threads finish close together, large enough
/// that a block's products and their contracts rarely straddle two blocks.
const BLOCK: usize = 48;

impl Blocks {
    fn of(workspace: &Workspace) -> Self {
        let (contracts, products) = (workspace.contracts.len(), workspace.products.len());
        Blocks { count: contracts.div_ceil(BLOCK).max(1), contracts, products, next: AtomicUsize::new(0) }
    }

    fn take(&self) -> Option<Block> {
        // Each number is handed out once; nothing else is shared, so no ordering is needed.
        let k = self.next.fetch_add(1, Ordering::Relaxed);
        // The k-th n-th of `len`, in u128 so that no product overflows.
        let bound = |len: usize, k: usize| usize::try_from(len as u128 * k as u128 / self.count as u128).unwrap_or(len);
        let part = |len: usize| bound(len, k)..bound(len, k + 1);
        (k < self.count).then(|| Block { contracts: part(self.contracts), products: part(self.products) })
    }
}

#[cfg(test)]
mod tests {
    use super::{one_share, run_block, Block, Blocks};
    use crate::engine::diagnostic_order;
    use crate::rules::testing::{every_case, sample};
    use crate::Index;

    #[test]
    fn blocks_cover_every_contract_and_every_product_once_in_order() {
        for (contracts, products) in [(0, 0), (1, 0), (0, 3), (47, 12), (48, 1), (3236, 1000), (100, 900)] {
            let mut workspace = sample();
            workspace.contracts = vec![Default::default(); contracts];
            workspace.products = vec![Default::default(); products];
            let blocks = Blocks::of(&workspace);
            let (mut c, mut p) = (Vec::new(), Vec::new());
            while let Some(block) = blocks.take() {
                c.extend(block.contracts);
                p.extend(block.products);
            }
            assert_eq!(c, (0..contracts).collect::<Vec<_>>());
            assert_eq!(p, (0..products).collect::<Vec<_>>());
            assert_eq!(blocks.take(), None);
        }
    }

    /// However the blocks are dealt out to indexes, and in whatever order, the sorted
    /// diagnostics are those of one index checking everything: on every firing case of every
    /// family.
    #[test]
    fn any_dealing_reports_what_one_index_reports() {
        for (_, _, edit) in every_case() {
            let mut workspace = sample();
            edit(&mut workspace);
            let mut whole = one_share(Index::new(&workspace), &Blocks::of(&workspace), true);
            whole.sort_by(diagnostic_order);
            // One-entity blocks, so the sample's few entities can be dealt around.
            let blocks: Vec<Block> = (0..workspace.contracts.len())
                .map(|i| Block { contracts: i..i + 1, products: 0..0 })
                .chain((0..workspace.products.len()).map(|i| Block { contracts: 0..0, products: i..i + 1 }))
                .collect();
            for shares in 2..5 {
                for reversed in [false, true] {
                    // Siblings of one index, as on threads.
                    let first = Index::new(&workspace);
                    let indexes: Vec<Index> = (0..shares).map(|_| first.sibling()).collect();
                    let mut split = Vec::new();
                    crate::engine::run_workspace_rules(&first, &mut split);
                    let order: Vec<usize> = if reversed { (0..blocks.len()).rev().collect() } else { (0..blocks.len()).collect() };
                    for (n, &b) in order.iter().enumerate() {
                        run_block(&indexes[n % shares], blocks[b].clone(), &mut split);
                    }
                    split.sort_by(diagnostic_order);
                    assert_eq!(split, whole, "{shares} shares, reversed {reversed}");
                }
            }
        }
    }
}
