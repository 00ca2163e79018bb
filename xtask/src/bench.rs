//! `cargo xtask bench`: generates the L workspace (1,000 products) and prints how long the
//! domain operations take natively — generate, save, load, full check, one edit and the check
//! after it, impact analysis and a contract diff.
//!
//! Timings only mean something in an optimised build, so a debug build of xtask re-runs
//! itself with `cargo run --release`: the workspace's release profile (opt-level 3), the one
//! the native CLI is built with. The wasm modules have a size-tuned profile of their own
//! (`wasm`); `./dev bench` measures the check built that way in the browser.

use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

use dpstudio_check::{check, diff::diff, impact::impact_of, Change, Checker};
use dpstudio_model::{from_json, generate, to_json, to_json_pretty, Edit, Item, Workspace};

struct Options {
    products: usize,
    seed: u64,
    runs: usize,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options { products: 1000, seed: 1, runs: 15 };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = |name: &str| -> Result<u64, String> {
            it.next().and_then(|v| v.parse().ok()).ok_or_else(|| format!("{name} needs a number"))
        };
        match flag.as_str() {
            "--products" => o.products = value("--products")? as usize,
            "--seed" => o.seed = value("--seed")?,
            "--runs" => o.runs = (value("--runs")? as usize).max(1),
            other => return Err(format!("unknown argument {other}; usage: cargo xtask bench [--products N] [--seed S] [--runs R]")),
        }
    }
    Ok(o)
}

pub fn run(args: &[String]) -> Result<(), String> {
    if cfg!(debug_assertions) {
        return rerun_in_release(args);
    }
    let o = parse(args)?;

    let (w, generate_time) = median(o.runs.min(5), || generate(o.products, o.seed));
    let properties: usize = w.contracts.iter().map(|c| c.all_properties().len()).sum();
    let (text, save_time) = median(o.runs.min(5), || to_json_pretty(&w));
    let (compact, compact_time) = median(o.runs.min(5), || to_json(&w));
    let (loaded, load_time) = median(o.runs.min(5), || from_json(&text));
    let loaded = loaded.map_err(|e| format!("the generated workspace does not load: {e}"))?;
    if loaded != w {
        return Err("save → load changed the generated workspace".into());
    }

    let (diagnostics, full_check) = median(o.runs, || check(&w));
    let errors = diagnostics.iter().filter(|d| d.severity == dpstudio_check::Severity::Error).count();

    let (checker, checker_new) = median(o.runs.min(5), || Checker::new(&w));
    let (incremental, apply_time, agrees) = one_edit(&w, checker, o.runs)?;

    let source = w.products.first().map(|p| p.id.clone()).unwrap_or_default();
    let (impact, impact_time) = median(o.runs, || impact_of(&w, &source));
    let reached = impact.map(|i| i.products.len()).unwrap_or(0);
    let contract = w.contracts.first().cloned().unwrap_or_default();
    let mut changed_contract = contract.clone();
    if let Some(object) = changed_contract.schema.first_mut() {
        object.properties.pop();
    }
    let (_, diff_time) = median(o.runs, || diff(&contract, &changed_contract));

    println!("Data Product Studio benchmark (native, release, opt-level 3; {} runs each)", o.runs);
    println!();
    println!("{:<44} {:>12}", "workspace", "");
    row("products", o.products.to_string());
    row("contracts", w.contracts.len().to_string());
    row("properties", properties.to_string());
    row("glossary terms / metrics / use cases", format!("{} / {} / {}", w.context.glossary.len(), w.context.semantic.metrics.len(), w.context.use_cases.len()));
    row("saved JSON (pretty / compact)", format!("{:.1} / {:.1} MB", text.len() as f64 / 1e6, compact.len() as f64 / 1e6));
    row("diagnostics (errors)", format!("{} ({errors})", diagnostics.len()));
    println!();
    println!("{:<44} {:>12} {:>12}", "operation", "median", "min");
    timed("generate", generate_time);
    timed("save (pretty JSON)", save_time);
    timed("save (compact JSON)", compact_time);
    timed("load (from JSON)", load_time);
    timed("full check", full_check);
    timed("full check, keeping state (Checker::new)", checker_new);
    timed("apply one edit (replace a product)", apply_time);
    timed("check after one edit (Checker::update)", incremental);
    println!("  {:<42} {:>12}", "incremental result = full check", if agrees { "yes" } else { "NO" });
    timed(&format!("impact of {source} ({reached} products)"), impact_time);
    timed("diff of one contract", diff_time);
    Ok(())
}

/// One edit of the kind a user makes — a product's purpose changes in the middle of the
/// mesh — then the incremental re-check. Runs alternate the edit and its undo, so each run
/// starts from the state the previous one left. Returns the median update time, the median
/// apply time, and whether the incremental result equals a full check.
fn one_edit(w: &Workspace, mut checker: Checker, runs: usize) -> Result<(Timing, Timing, bool), String> {
    let Some(product) = w.products.get(w.products.len() / 2) else {
        return Ok((Timing::default(), Timing::default(), true));
    };
    let mut changed = product.clone();
    changed.purpose.push_str(" Edited.");
    let mut edit = Edit::replace(w, &product.id, Item::Product(changed)).map_err(|e| e.to_string())?;
    let mut current = w.clone();
    let (mut updates, mut applies) = (Vec::new(), Vec::new());
    for _ in 0..runs.max(1) * 2 {
        let touched = edit.touched();
        let start = Instant::now();
        let inverse = edit.apply(&mut current).map_err(|e| e.to_string())?;
        applies.push(start.elapsed());
        let start = Instant::now();
        checker.update(&current, &Change::from(&touched));
        updates.push(start.elapsed());
        edit = inverse;
    }
    let agrees = checker.diagnostics() == check(&current).as_slice();
    Ok((middle(updates), middle(applies), agrees))
}

/// The median says what a run typically costs; the minimum is the best estimate of the work
/// itself when other processes share the machine.
#[derive(Clone, Copy, Default)]
struct Timing {
    median: Duration,
    min: Duration,
}

fn middle(mut times: Vec<Duration>) -> Timing {
    times.sort();
    Timing {
        median: times.get(times.len() / 2).copied().unwrap_or_default(),
        min: times.first().copied().unwrap_or_default(),
    }
}

fn row(label: &str, value: String) {
    println!("  {label:<42} {value:>12}");
}

fn timed(label: &str, t: Timing) {
    println!("  {label:<42} {:>12} {:>12}", ms(t.median), ms(t.min));
}

fn ms(d: Duration) -> String {
    let micros = d.as_secs_f64() * 1e6;
    if micros < 1000.0 {
        format!("{micros:.1} µs")
    } else {
        format!("{:.2} ms", micros / 1000.0)
    }
}

/// Runs `f` `runs` times and returns the last result and the median duration.
fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> (T, Timing) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let value = black_box(f());
        times.push(start.elapsed());
        last = Some(value);
    }
    let value = match last {
        Some(v) => v,
        None => f(),
    };
    (value, middle(times))
}

fn rerun_in_release(args: &[String]) -> Result<(), String> {
    eprintln!("xtask bench: building in release first…");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["run", "--release", "-q", "-p", "xtask", "--", "bench"])
        .args(args)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the release run failed ({status})"))
    }
}
