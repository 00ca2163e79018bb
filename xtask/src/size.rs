//! Size report: every file `index.html` references (scripts, wasm, styles, icons), and what those
//! scripts import, is the first load; every other file in dist/ (the app's lazily loaded parts,
//! the formats module's worker) loads on demand. Raw and
//! gzip-compressed, as a server with compression would send them.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::{write::GzEncoder, Compression};

pub fn run(args: &[String]) -> Result<(), String> {
    let mut dist = PathBuf::from("dist");
    let mut budget_kib = None;
    let mut rest = args;
    while let [flag, value, tail @ ..] = rest {
        match flag.as_str() {
            "--dist" => dist = PathBuf::from(value),
            "--budget" => budget_kib = Some(value.parse::<f64>().map_err(|_| format!("--budget takes KB, not {value:?}"))?),
            _ => return Err(USAGE.into()),
        }
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(USAGE.into());
    }
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {} ({e}); build first with `./dev build`", index_path.display()))?;

    let mut files = vec!["index.html".to_owned()];
    for reference in referenced_files(&index) {
        if dist.join(&reference).is_file() && !files.contains(&reference) {
            files.push(reference);
        }
    }
    // Scripts' static imports load with them (the split loader the app's glue imports).
    let mut next = 0;
    while next < files.len() {
        if files[next].ends_with(".js") {
            let script = std::fs::read_to_string(dist.join(&files[next])).unwrap_or_default();
            for import in static_imports(&script) {
                if dist.join(&import).is_file() && !files.contains(&import) {
                    files.push(import);
                }
            }
        }
        next += 1;
    }

    let first_load_gzip = table("first load", &dist, &files)?;
    let mut on_demand: Vec<String> = std::fs::read_dir(&dist)
        .map_err(|e| format!("cannot list {}: {e}", dist.display()))?
        .flatten()
        .filter(|entry| entry.path().is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !files.contains(name))
        .collect();
    on_demand.sort();
    if !on_demand.is_empty() {
        println!();
        table("on demand (parts loaded on first use; the formats module)", &dist, &on_demand)?;
    }
    match budget_kib {
        Some(budget) if kib_of(first_load_gzip) > budget => Err(format!(
            "the first load is {} gzip, over its budget of {budget:.0} KB: move what the first screen does not need into a lazily loaded part (app/src/lazy.rs)",
            kib(first_load_gzip)
        )),
        Some(budget) => {
            println!("\nfirst load {} gzip, within the budget of {budget:.0} KB", kib(first_load_gzip));
            Ok(())
        }
        None => Ok(()),
    }
}

const USAGE: &str = "usage: cargo xtask size [--dist DIR] [--budget KB]";

/// Prints the files' sizes and returns their total gzip size in bytes.
fn table(title: &str, dist: &Path, files: &[String]) -> Result<usize, String> {
    println!("{:<56} {:>10} {:>10}", title, "raw", "gzip");
    let (mut total_raw, mut total_gzip) = (0usize, 0usize);
    for file in files {
        let (raw, gzip) = sizes(&dist.join(file))?;
        total_raw += raw;
        total_gzip += gzip;
        println!("{:<56} {:>10} {:>10}", file, kib(raw), kib(gzip));
    }
    println!("{:<56} {:>10} {:>10}", "total", kib(total_raw), kib(total_gzip));
    Ok(total_gzip)
}

/// Paths inside quotes that start with `/` or `./` and name a file (have an extension).
fn referenced_files(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for quoted in html.split(['"', '\'']).skip(1).step_by(2) {
        let path = quoted.trim_start_matches("./").trim_start_matches('/');
        let looks_like_file = !path.is_empty()
            && !path.contains(['<', '>', ' ', ':'])
            && Path::new(path).extension().is_some();
        if looks_like_file {
            out.push(path.to_owned());
        }
    }
    out
}

/// Relative paths of a module script's static imports (`… from "./x.js"`); `new URL(…)` and
/// dynamic `import()` fetch later, on demand, and are not matched.
fn static_imports(script: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in script.match_indices("from ") {
        let rest = &script[at + "from ".len()..];
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
        let Some(end) = rest[1..].find(quote) else { continue };
        let path = &rest[1..1 + end];
        if let Some(relative) = path.strip_prefix("./") {
            out.push(relative.to_owned());
        }
    }
    out
}

fn sizes(path: &Path) -> Result<(usize, usize), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&bytes).map_err(|e| e.to_string())?;
    let gz = encoder.finish().map_err(|e| e.to_string())?;
    Ok((bytes.len(), gz.len()))
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KB", kib_of(bytes))
}

fn kib_of(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

#[cfg(test)]
mod tests {
    use super::{referenced_files, static_imports};

    #[test]
    fn follows_static_imports_only() {
        let glue = r#"import * as import1 from "./__wasm_split.js"
import { initSync } from './app.js';
const chunk = fetch(new URL("./split_editors.wasm", import.meta.url));
const later = import("./lazy.js");"#;
        assert_eq!(static_imports(glue), vec!["__wasm_split.js", "app.js"]);
    }

    #[test]
    fn finds_trunk_style_references() {
        let html = r#"<link rel="modulepreload" href="/app-1a2b.js"><link rel="preload" href="/app-1a2b_bg.wasm" as="fetch" type="application/wasm">
<script type="module">import init from '/app-1a2b.js';</script><a href="https://example.org/x.html">"#;
        assert_eq!(referenced_files(html), vec!["app-1a2b.js", "app-1a2b_bg.wasm", "app-1a2b.js"]);
    }
}
