//! Size report: every file `index.html` references (scripts, wasm, styles, icons) is the first
//! load; every other file in dist/ (the formats module's worker) loads on demand. Raw and
//! gzip-compressed, as a server with compression would send them.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::{write::GzEncoder, Compression};

pub fn run(args: &[String]) -> Result<(), String> {
    let dist = match args {
        [flag, dir] if flag == "--dist" => PathBuf::from(dir),
        [] => PathBuf::from("dist"),
        _ => return Err("usage: cargo xtask size [--dist DIR]".into()),
    };
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {} ({e}); build first with `./dev build`", index_path.display()))?;

    let mut files = vec!["index.html".to_owned()];
    for reference in referenced_files(&index) {
        if dist.join(&reference).is_file() && !files.contains(&reference) {
            files.push(reference);
        }
    }

    table("first load", &dist, &files)?;
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
        table("on demand (formats module, first export/preview/import)", &dist, &on_demand)?;
    }
    Ok(())
}

fn table(title: &str, dist: &Path, files: &[String]) -> Result<(), String> {
    println!("{:<56} {:>10} {:>10}", title, "raw", "gzip");
    let (mut total_raw, mut total_gzip) = (0usize, 0usize);
    for file in files {
        let (raw, gzip) = sizes(&dist.join(file))?;
        total_raw += raw;
        total_gzip += gzip;
        println!("{:<56} {:>10} {:>10}", file, kib(raw), kib(gzip));
    }
    println!("{:<56} {:>10} {:>10}", "total", kib(total_raw), kib(total_gzip));
    Ok(())
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

fn sizes(path: &Path) -> Result<(usize, usize), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&bytes).map_err(|e| e.to_string())?;
    let gz = encoder.finish().map_err(|e| e.to_string())?;
    Ok((bytes.len(), gz.len()))
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::referenced_files;

    #[test]
    fn finds_trunk_style_references() {
        let html = r#"<link rel="modulepreload" href="/app-1a2b.js"><link rel="preload" href="/app-1a2b_bg.wasm" as="fetch" type="application/wasm">
<script type="module">import init from '/app-1a2b.js';</script><a href="https://example.org/x.html">"#;
        assert_eq!(referenced_files(html), vec!["app-1a2b.js", "app-1a2b_bg.wasm", "app-1a2b.js"]);
    }
}
