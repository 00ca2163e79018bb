//! `cargo xtask fuzz [--seconds S] [TARGET…]`: runs each importer's cargo-fuzz target
//! (crates/formats/fuzz; default: all of them) for S seconds (default 60), with a corpus seeded
//! from the official examples in ../shared/reference (ODCS, ODPS, DCS) or small JSON samples,
//! and prints executions and crashes per target. Exit 1 when any target crashed; libFuzzer
//! leaves the crashing input in crates/formats/fuzz/artifacts/<target>/.
//!
//! Needs a nightly toolchain and `cargo install cargo-fuzz` (libFuzzer's sanitizer flags are
//! nightly-only); the main workspace never builds the fuzz crate.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const TARGETS: [&str; 4] = ["odcs_import", "odps_import", "dcs_import", "json_sample_import"];

/// Seeds for the JSON sample importer: each shape it reads, and each string format.
const JSON_SEEDS: [&str; 5] = [
    r#"{"id": 1, "name": "a", "ok": true, "price": 1.5, "missing": null}"#,
    r#"[{"id": 1, "tags": ["x"], "address": {"city": "Oslo"}}, {"id": 2.5, "tags": []}]"#,
    "{\"at\": \"2024-05-31T12:00:00Z\", \"day\": \"2024-05-31\"}\n{\"mail\": \"a@b.co\", \"key\": \"123e4567-e89b-12d3-a456-426614174000\"}\n",
    r#"{"link": "https://example.com/x", "nested": [[1, 2], [{"deep": {"deeper": [null]}}]]}"#,
    "{\"a\": 1}\r\n\r\n{\"a\": \"x\", \"b\": {\"c\": [1, 2.0, \"3\"]}}",
];

struct Options {
    seconds: u64,
    targets: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options { seconds: 60, targets: Vec::new() };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seconds" => {
                o.seconds = it.next().and_then(|v| v.parse().ok()).filter(|&n| n > 0).ok_or("--seconds needs a positive number")?;
            }
            t if TARGETS.contains(&t) => o.targets.push(t.to_owned()),
            other => return Err(format!("unknown argument {other}; targets: {}", TARGETS.join(", "))),
        }
    }
    if o.targets.is_empty() {
        o.targets = TARGETS.iter().map(|t| (*t).to_owned()).collect();
    }
    Ok(o)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let o = parse(args)?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let fuzz_dir = root.join("crates/formats/fuzz");
    let reference = root.join("../shared/reference");
    let mut rows = Vec::new();
    for target in &o.targets {
        let corpus = fuzz_dir.join("corpus").join(target);
        seed(target, &corpus, &reference)?;
        let artifacts = fuzz_dir.join("artifacts").join(target);
        std::fs::create_dir_all(&artifacts).map_err(|e| format!("cannot create {}: {e}", artifacts.display()))?;
        let before = count_files(&artifacts);
        eprintln!("fuzz: {target} for {} s…", o.seconds);
        let output = Command::new("cargo")
            .current_dir(&fuzz_dir)
            .args(["+nightly", "fuzz", "run", target])
            .arg(&corpus)
            .args(["--", &format!("-max_total_time={}", o.seconds), "-max_len=65536", "-print_final_stats=1"])
            .stdout(Stdio::inherit())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("cannot run cargo +nightly fuzz (nightly and cargo-fuzz installed?): {e}"))?;
        let log = String::from_utf8_lossy(&output.stderr);
        let executions = stat(&log, "stat::number_of_executed_units:");
        let crashes = count_files(&artifacts) - before;
        if !output.status.success() && crashes == 0 && executions.is_none() {
            eprintln!("{log}");
            return Err(format!("cargo fuzz run {target} failed before fuzzing ({})", output.status));
        }
        if !output.status.success() {
            eprintln!("{}", log.lines().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n"));
        }
        rows.push((target.clone(), executions.unwrap_or(0), crashes.max(usize::from(!output.status.success()))));
    }
    println!();
    println!("| target | seconds | executions | crashes |");
    println!("|---|---:|---:|---:|");
    for (target, executions, crashes) in &rows {
        println!("| {target} | {} | {executions} | {crashes} |", o.seconds);
    }
    if rows.iter().any(|r| r.2 > 0) {
        return Err("a fuzz target crashed: see crates/formats/fuzz/artifacts/".into());
    }
    Ok(())
}

/// Fills the target's corpus folder with its seeds (existing entries stay: the corpus grows
/// from run to run).
fn seed(target: &str, corpus: &Path, reference: &Path) -> Result<(), String> {
    std::fs::create_dir_all(corpus).map_err(|e| format!("cannot create {}: {e}", corpus.display()))?;
    let write = |name: &str, bytes: &[u8]| std::fs::write(corpus.join(name), bytes).map_err(|e| format!("cannot write seed {name}: {e}"));
    if target == "json_sample_import" {
        for (i, text) in JSON_SEEDS.iter().enumerate() {
            write(&format!("seed-{i}.json"), text.as_bytes())?;
        }
        return Ok(());
    }
    let standard = match target {
        "odcs_import" => "odcs",
        "odps_import" => "odps",
        _ => "datacontract-specification",
    };
    let examples = reference.join(standard).join("examples");
    let Ok(entries) = std::fs::read_dir(&examples) else {
        eprintln!("fuzz: {} not found; {target} starts from an empty corpus", examples.display());
        return Ok(());
    };
    let files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
    for file in files {
        if let (Some(name), Ok(bytes)) = (file.file_name(), std::fs::read(&file)) {
            write(&name.to_string_lossy(), &bytes)?;
        }
    }
    Ok(())
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map(|entries| entries.filter_map(Result::ok).filter(|e| e.path().is_file()).count()).unwrap_or(0)
}

/// The number after `key` in libFuzzer's final stats.
fn stat(log: &str, key: &str) -> Option<u64> {
    log.lines().find_map(|l| l.trim().strip_prefix(key)).and_then(|v| v.trim().parse().ok())
}
