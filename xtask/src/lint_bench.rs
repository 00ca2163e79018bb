//! `cargo xtask lint-bench [--files N] [--cli-sample S]`: the same N generated ODCS files
//! (default 1,000) linted by `dpstudio check FOLDER` (release build), `odcslint check FOLDER`
//! and `datacontract lint`, side by side.
//!
//! `datacontract lint` takes one file per process and each process spends most of its time
//! starting Python, so it is timed two ways: one process per file on the first S files
//! (default 30), extrapolated to N and labelled so; and its Python API (`DataContract(…).lint()`)
//! over all N files in one process, which is what it costs without the start-up.
//!
//! The Python tools are looked up in `$DPSTUDIO_TOOLS`, then `$DPSTUDIO_PYTOOLS/bin` (both set
//! by scripts/env.sh), then PATH; a missing tool gets a "not installed" row.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Options {
    files: usize,
    cli_sample: usize,
}

const USAGE: &str = "usage: cargo xtask lint-bench [--files N] [--cli-sample S]";

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options { files: 1000, cli_sample: 30 };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = |name: &str| -> Result<usize, String> {
            it.next().and_then(|v| v.parse().ok()).filter(|&n| n > 0).ok_or_else(|| format!("{name} needs a positive number"))
        };
        match flag.as_str() {
            "--files" => o.files = value("--files")?,
            "--cli-sample" => o.cli_sample = value("--cli-sample")?,
            other => return Err(format!("unknown argument {other}; {USAGE}")),
        }
    }
    o.cli_sample = o.cli_sample.min(o.files);
    Ok(o)
}

/// One line of the table.
struct Row {
    tool: String,
    files: usize,
    total: Option<Duration>,
    note: String,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let o = parse(args)?;
    let dpstudio = build_dpstudio()?;
    let work = std::env::temp_dir().join(format!("dpstudio-lint-bench-{}", std::process::id()));
    let result = bench(&o, &dpstudio, &work);
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn bench(o: &Options, dpstudio: &Path, work: &Path) -> Result<(), String> {
    let folder = generate_files(dpstudio, work, o.files)?;
    let files = spec_files(&folder)?;
    eprintln!("lint-bench: {} ODCS files in {}", files.len(), folder.display());
    let folder_arg = folder.display().to_string();
    let mut rows = Vec::new();

    let (time, _) = best_of(3, || timed(Command::new(dpstudio).args(["check", &folder_arg])))?;
    rows.push(Row { tool: "dpstudio check FOLDER".into(), files: files.len(), total: Some(time), note: "release build, one process, best of 3".into() });

    rows.push(match tool("odcslint") {
        Some(odcslint) => {
            let (time, _) = best_of(3, || timed(Command::new(&odcslint).args(["check", &folder_arg])))?;
            Row { tool: "odcslint check FOLDER".into(), files: files.len(), total: Some(time), note: "one process, best of 3".into() }
        }
        None => missing("odcslint check FOLDER"),
    });

    match tool("datacontract") {
        Some(datacontract) => {
            let sample = &files[..o.cli_sample];
            eprintln!("lint-bench: datacontract lint, one process per file, {} files…", sample.len());
            let mut total = Duration::ZERO;
            for file in sample {
                total += timed(Command::new(&datacontract).arg("lint").arg(file))?.0;
            }
            let per_file = total.as_secs_f64() / sample.len() as f64;
            let extrapolated = Duration::from_secs_f64(per_file * files.len() as f64);
            let note = if sample.len() == files.len() {
                "one process per file, all files timed".to_owned()
            } else {
                format!("one process per file; EXTRAPOLATED from {} files timed ({:.1} s)", sample.len(), total.as_secs_f64())
            };
            rows.push(Row { tool: "datacontract lint FILE".into(), files: files.len(), total: Some(extrapolated), note });
        }
        None => rows.push(missing("datacontract lint FILE")),
    }

    match tool("python").filter(|_| tool("datacontract").is_some()) {
        Some(python) => {
            eprintln!("lint-bench: datacontract's Python API, one process, {} files…", files.len());
            let list = work.join("files.txt");
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            std::fs::write(&list, names.join("\n")).map_err(|e| format!("cannot write {}: {e}", list.display()))?;
            let (time, ok) = timed(Command::new(&python).args(["-c", PYTHON_LINT]).arg(&list))?;
            if !ok {
                return Err("the datacontract Python API run failed (see its output above)".into());
            }
            rows.push(Row { tool: "datacontract Python API".into(), files: files.len(), total: Some(time), note: "DataContract(file).lint() in one process, start-up included".into() });
        }
        None => rows.push(missing("datacontract Python API")),
    }

    print_table(&rows);
    Ok(())
}

/// Lints every file named in the list file given as the first argument, in one process.
const PYTHON_LINT: &str = "import sys\n\
from datacontract.data_contract import DataContract\n\
for path in open(sys.argv[1]).read().split('\\n'):\n    DataContract(data_contract_file=path).lint()\n";

fn missing(tool: &str) -> Row {
    Row { tool: tool.into(), files: 0, total: None, note: "not installed (scripts/setup.sh installs it)".into() }
}

fn print_table(rows: &[Row]) {
    let reference = rows.first().and_then(|r| r.total.map(|t| t.as_secs_f64() / r.files as f64));
    println!();
    println!("| tool | files | total s | files/s | time per file vs dpstudio | how |");
    println!("|---|---:|---:|---:|---:|---|");
    for r in rows {
        match (r.total, reference) {
            (Some(total), Some(reference)) => {
                let secs = total.as_secs_f64();
                let ratio = (secs / r.files as f64) / reference;
                let ratio = if r.tool.starts_with("dpstudio") { "1×".to_owned() } else { format!("{}×", round(ratio)) };
                println!("| {} | {} | {:.3} | {} | {ratio} | {} |", r.tool, r.files, secs, round(r.files as f64 / secs), r.note);
            }
            _ => println!("| {} | — | — | — | — | {} |", r.tool, r.note),
        }
    }
    println!();
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| t.lines().find(|l| l.starts_with("model name")).and_then(|l| l.split(':').nth(1)).map(|s| s.trim().to_owned()))
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!("{cores} core(s), {cpu}");
}

/// Rounds to a readable number of digits: 1234 → "1,234", 12.3 → "12.3", 0.456 → "0.46".
fn round(x: f64) -> String {
    if x >= 100.0 {
        let n = x.round() as u64;
        let s = n.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else if x >= 10.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

/// Runs the command with its output discarded; returns the wall time and whether it exited 0
/// (linters exit non-zero on findings, which is not a failure of the benchmark).
fn timed(command: &mut Command) -> Result<(Duration, bool), String> {
    let start = Instant::now();
    let status = command.stdout(Stdio::null()).stderr(Stdio::null()).status().map_err(|e| format!("cannot run {command:?}: {e}"))?;
    Ok((start.elapsed(), status.success()))
}

fn best_of(runs: usize, mut f: impl FnMut() -> Result<(Duration, bool), String>) -> Result<(Duration, bool), String> {
    let mut best = f()?;
    for _ in 1..runs {
        let next = f()?;
        if next.0 < best.0 {
            best = next;
        }
    }
    Ok(best)
}

/// Builds the CLI as users and CI get it (the workspace's release profile) and returns it.
fn build_dpstudio() -> Result<PathBuf, String> {
    eprintln!("lint-bench: building dpstudio (release)…");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "-q", "-p", "dpstudio-cli"])
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("the release build of dpstudio failed".into());
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
    let binary = target.join("release").join("dpstudio");
    if binary.is_file() { Ok(binary) } else { Err(format!("no binary at {}", binary.display())) }
}

/// Generates a workspace with at least `n` contracts, exports it as ODCS and keeps the first
/// `n` files (by name) in the returned folder.
fn generate_files(dpstudio: &Path, work: &Path, n: usize) -> Result<PathBuf, String> {
    std::fs::create_dir_all(work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let workspace = work.join("generated.json");
    // The generator makes about three contracts per product.
    let products = (n / 3 + 10).to_string();
    let run = |args: &[&str]| -> Result<(), String> {
        let status = Command::new(dpstudio).args(args).stdout(Stdio::null()).status().map_err(|e| format!("cannot run dpstudio: {e}"))?;
        if status.success() { Ok(()) } else { Err(format!("dpstudio {} failed", args.join(" "))) }
    };
    run(&["generate", "--products", &products, "--out", &workspace.display().to_string()])?;
    let exported = work.join("export");
    run(&["export", &workspace.display().to_string(), "--format", "odcs", "--out", &exported.display().to_string()])?;
    let folder = exported.join("contracts");
    let all = spec_files(&folder)?;
    if all.len() < n {
        return Err(format!("the generated workspace has only {} contracts", all.len()));
    }
    for extra in &all[n..] {
        std::fs::remove_file(extra).map_err(|e| format!("cannot remove {}: {e}", extra.display()))?;
    }
    Ok(folder)
}

fn spec_files(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| format!("cannot list {}: {e}", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".odcs.yaml"))
        .collect();
    files.sort();
    Ok(files)
}

/// A tool of the Python virtualenv, or one on PATH.
fn tool(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(d) = std::env::var_os("DPSTUDIO_TOOLS") {
        dirs.push(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("DPSTUDIO_PYTOOLS") {
        dirs.push(PathBuf::from(d).join("bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}
