//! `cargo run --release --example rule_timings [time | update | full]`: the full check of the
//! generated L workspace and each rule on its own, to find which rules a speed-up should look
//! at first. Per-rule times add up to more than the full check: each run walks the schemas on
//! its own. `time` prints the full check only, `update` the check after one edit; `full` runs
//! three full checks and nothing else, for a profiler (e.g. callgrind with
//! `--toggle-collect='dpstudio_check::engine::check'`, whose instruction count is steadier
//! than times on a shared machine). A full check natively runs on all cores: that toggle
//! counts the calling thread only; `--separate-threads=yes` with
//! `--toggle-collect='dpstudio_check::split::one_share'` counts each thread's blocks, and
//! `taskset -c 0` leaves one core, so one thread does everything.
//! Build with `CARGO_PROFILE_RELEASE_OPT_LEVEL=3` to time what `cargo xtask bench` times.

use std::time::{Duration, Instant};

use dpstudio_check::{catalog, check, run_rule, Index};

fn main() {
    let workspace = dpstudio_model::generate(1000, 1);
    let runs = 25;
    if std::env::args().nth(1).as_deref() == Some("full") {
        // For profilers: full checks only.
        let total: usize = (0..3).map(|_| check(&workspace).len()).sum();
        println!("{total} diagnostics");
        return;
    }
    if std::env::args().nth(1).as_deref() == Some("update") {
        println!("check after one edit: best {:.1} µs", after_one_edit(&workspace, runs) * 1e6);
        return;
    }
    let full = best_of(runs, || check(&workspace).len());
    println!("full check: best {:.2} ms", full.as_secs_f64() * 1e3);
    if std::env::args().nth(1).as_deref() == Some("time") {
        return;
    }
    let mut rows: Vec<(Duration, &str)> = catalog()
        .iter()
        .map(|rule| {
            let time = best_of(runs / 5, || {
                let index = Index::new(&workspace);
                let mut out = Vec::new();
                run_rule(rule, &index, &mut out);
                out.len()
            });
            (time, rule.id)
        })
        .collect();
    let index_time = best_of(runs, || Index::new(&workspace).workspace.products.len());
    rows.sort_by_key(|row| std::cmp::Reverse(row.0));
    println!("index alone: {:.2} ms (included below)", index_time.as_secs_f64() * 1e3);
    for (time, id) in rows.iter().take(30) {
        println!("  {:>8.2} ms  {id}", time.as_secs_f64() * 1e3);
    }
}

/// What `cargo xtask bench` times after an edit: one product's purpose changes, then
/// `Checker::update`; runs alternate the edit and its undo. Returns the best time in seconds.
fn after_one_edit(workspace: &dpstudio_model::Workspace, runs: usize) -> f64 {
    use dpstudio_model::{Edit, Item};
    let mut checker = dpstudio_check::Checker::new(workspace);
    let Some(product) = workspace.products.get(workspace.products.len() / 2) else { return 0.0 };
    let mut changed = product.clone();
    changed.purpose.push_str(" Edited.");
    let Ok(mut edit) = Edit::replace(workspace, &product.id, Item::Product(changed)) else { return 0.0 };
    let mut current = workspace.clone();
    let mut best = f64::MAX;
    for _ in 0..runs * 2 {
        let touched = edit.touched();
        let Ok(inverse) = edit.apply(&mut current) else { return 0.0 };
        let start = Instant::now();
        checker.update(&current, &dpstudio_check::Change::from(&touched));
        best = best.min(start.elapsed().as_secs_f64());
        edit = inverse;
    }
    best
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}
