//! A full check's product and contract rules, shared out over the machine's cores (native
//! builds only; WASM in the browser runs them on one thread).
//!
//! Why threads: the single-threaded full check of the generated L workspace stayed above its
//! 20 ms budget after the schema walk had been tuned instruction by instruction (one walk per
//! contract, inline hashing and compares, no allocation per property); what is left is
//! spread thinly over dozens of rules. The rules of one entity read only the workspace and an
//! [`Index`] of it (see `engine::Check`), so entities can be checked in any order and on any
//! thread: each thread takes a share of the contracts and of the products (see `part`), and
//! checks them with an index of its own (the index caches lookups in cells, which are not
//! shared between threads; a share builds the few tables of other shares' contracts that its
//! references need). The diagnostics are sorted afterwards, as always, so the result does
//! not depend on how the work was shared.
//!
//! `Checker` (after an edit) stays on one thread: it re-checks a handful of entities, less
//! work than starting a thread.

use std::ops::Range;

use dpstudio_model::Workspace;

use crate::diagnostic::Diagnostic;
use crate::engine::{run_contract_rules, run_product_rules, run_workspace_rules};
use crate::index::Index;

/// The unsorted diagnostics of every rule over the whole workspace.
pub(crate) fn every_rule(workspace: &Workspace) -> Vec<Diagnostic> {
    let shares = shares(workspace);
    if shares <= 1 {
        return one_share(Index::new(workspace), 0, 1);
    }
    threaded(workspace, shares)
}

/// How many shares to cut: one per core, but one in all for a workspace too small to repay
/// starting threads, and no more than a few.
#[cfg(not(target_arch = "wasm32"))]
fn shares(workspace: &Workspace) -> usize {
    /// Below this many contracts a check takes a millisecond or so on one thread, which a
    /// thread and a second index would barely shorten.
    const SMALL_WORKSPACE: usize = 200;
    /// Every share needs an index and table memory of its own, which the calling thread
    /// makes before the others start: more shares than this repay less than they cost.
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

/// Share 0 on the calling thread, the others on scoped threads; the results are appended in
/// share order. A thread the system refuses to start leaves its share to the calling thread.
/// The other threads' indexes are made here, with their memory allocated ahead (see
/// [`Index::reserve`]).
#[cfg(not(target_arch = "wasm32"))]
fn threaded(workspace: &Workspace, shares: usize) -> Vec<Diagnostic> {
    let index = Index::new(workspace);
    std::thread::scope(|scope| {
        let started: Vec<_> = (1..shares)
            .map(|share| {
                let sibling = index.sibling();
                sibling.reserve(top_level_fields(workspace, share, shares));
                let thread = std::thread::Builder::new().name(format!("check-{share}"));
                (share, thread.spawn_scoped(scope, move || one_share(sibling, share, shares)).ok())
            })
            .collect();
        let mut out = one_share(index, 0, shares);
        for (share, handle) in started {
            match handle.map(|h| h.join()) {
                Some(Ok(found)) => out.extend(found),
                // A rule panicked on that thread: carry the panic on, as one thread would have.
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => out.extend(one_share(Index::new(workspace), share, shares)),
            }
        }
        out
    })
}

#[cfg(target_arch = "wasm32")]
fn threaded(workspace: &Workspace, _: usize) -> Vec<Diagnostic> {
    one_share(Index::new(workspace), 0, 1)
}

/// The top-level properties of share `share`'s contracts, with half as many again for the
/// other shares' contracts its references reach: what its field tables will hold.
#[cfg(not(target_arch = "wasm32"))]
fn top_level_fields(workspace: &Workspace, share: usize, shares: usize) -> usize {
    let own: usize = part(workspace.contracts.len(), share, shares)
        .flat_map(|block| workspace.contracts.get(block).unwrap_or_default())
        .flat_map(|contract| contract.schema.iter().map(|object| object.properties.len()))
        .sum();
    own + own / 2
}

/// Share `share` of `shares`: its contracts, then its products (contracts first, as their
/// schema walks fill the index tables product rules read); share 0 also runs the workspace
/// rules.
fn one_share(index: Index<'_>, share: usize, shares: usize) -> Vec<Diagnostic> {
    let workspace = index.workspace;
    let mut out = Vec::new();
    if share == 0 {
        run_workspace_rules(&index, &mut out);
    }
    for block in part(workspace.contracts.len(), share, shares) {
        for contract in workspace.contracts.get(block).unwrap_or_default() {
            run_contract_rules(&index, contract, &mut out);
        }
    }
    for block in part(workspace.products.len(), share, shares) {
        for product in workspace.products.get(block).unwrap_or_default() {
            run_product_rules(&index, product, &mut out);
        }
    }
    out
}

/// The positions of share `share` of `shares`: every `shares`-th of `shares * ROUNDS`
/// contiguous blocks of nearly equal length (all shares together take exactly `0..len`).
/// Taking turns rather than one block each evens out the work: the workspace lists
/// source-aligned products and their contracts first, and the ones that read and resolve
/// lineage after them. The same block numbers of the contracts and the products hold
/// mostly the same products' contracts, whose tables the products' rules read.
fn part(len: usize, share: usize, shares: usize) -> impl Iterator<Item = Range<usize>> {
    const ROUNDS: usize = 8;
    let shares = shares.max(1);
    let blocks = shares * ROUNDS;
    let bound = move |k: usize| (len * k.min(blocks)) / blocks;
    (share..blocks).step_by(shares).map(move |k| bound(k)..bound(k + 1))
}

#[cfg(test)]
mod tests {
    use super::{one_share, part};
    use crate::engine::diagnostic_order;
    use crate::rules::testing::{every_case, sample};
    use crate::Index;

    #[test]
    fn parts_cover_every_position_once() {
        for len in [0, 1, 2, 3, 7, 100, 3001] {
            for shares in 1..6 {
                let mut all: Vec<usize> = (0..shares).flat_map(|s| part(len, s, shares)).flatten().collect();
                all.sort_unstable();
                assert_eq!(all, (0..len).collect::<Vec<_>>(), "{len} in {shares}");
            }
        }
    }

    /// However the entities are shared out, the sorted diagnostics are those of one share
    /// holding everything: on every firing case of every family.
    #[test]
    fn any_split_reports_what_one_share_reports() {
        for (_, _, edit) in every_case() {
            let mut workspace = sample();
            edit(&mut workspace);
            let mut whole = one_share(Index::new(&workspace), 0, 1);
            // Shares run with siblings of one index, as on threads.
            let first = Index::new(&workspace);
            whole.sort_by(diagnostic_order);
            for shares in 2..5 {
                let mut split: Vec<_> = (0..shares).flat_map(|s| one_share(first.sibling(), s, shares)).collect();
                split.sort_by(diagnostic_order);
                assert_eq!(split, whole, "{shares} shares");
            }
        }
    }
}
