//! `cargo xtask split`: turns the linked app wasm into a main module and the parts that load on
//! first use (`app/src/lazy.rs`), and puts them into dist/ in place of the single module Trunk
//! wrote.
//!
//! Trunk cannot split, so the release build runs it first (for index.html, styles and the
//! worker) and this afterwards:
//! 1. `wasm_split_cli_support` splits the linked wasm (built with `--cfg wasm_split` and
//!    `--emit-relocs`) at the part entries: each part's code goes into `split_<part>.wasm`, code
//!    two parts share into `chunk_<n>.wasm`, and `__wasm_split.js` fetches them.
//! 2. wasm-bindgen generates the JS glue for the main module, as Trunk does, keeping the linker's
//!    exports (memory, table, stack pointer), which the parts import.
//! 3. wasm-opt shrinks every module.
//! 4. index.html's integrity hashes are renewed for the replaced files.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use sha2::{Digest, Sha384};

/// The app's name in dist/: Trunk's output names and the page's loader use it.
const APP: &str = "dpstudio-app";
const LINK_MODULE: &str = "./__wasm_split.js";

pub fn run(args: &[String]) -> Result<(), String> {
    let (wasm, dist) = match args {
        [w, wasm, d, dist] if w == "--wasm" && d == "--dist" => (PathBuf::from(wasm), PathBuf::from(dist)),
        _ => return Err("usage: cargo xtask split --wasm LINKED.wasm --dist DIR".into()),
    };
    let linked = std::fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let work = wasm.with_file_name(format!("{APP}-split"));
    if work.exists() {
        std::fs::remove_dir_all(&work).map_err(|e| format!("cannot clear {}: {e}", work.display()))?;
    }
    let main_wasm = work.join("main.wasm");
    let main_module = format!("./{APP}.js");
    let mut options = wasm_split_cli_support::Options::new(&linked);
    options.output_dir = &work;
    options.main_out_path = &main_wasm;
    options.link_name = LINK_MODULE;
    options.main_module = &main_module;
    let split = wasm_split_cli_support::transform(options).map_err(|e| format!("splitting {}: {e:#}", wasm.display()))?;
    if split.split_modules.is_empty() {
        return Err(format!("{} has no split points; was it built with `--cfg wasm_split`?", wasm.display()));
    }

    let bindgen = work.join("bindgen");
    run_tool(
        Command::new("wasm-bindgen")
            .arg(&main_wasm)
            .args(["--target=web", "--no-typescript", "--keep-lld-exports", &format!("--out-name={APP}")])
            .arg(format!("--out-dir={}", bindgen.display())),
    )?;

    let mut outputs = vec![bindgen.join(format!("{APP}.js")), bindgen.join(format!("{APP}_bg.wasm")), work.join(LINK_MODULE)];
    outputs.extend(split.split_modules.iter().cloned());
    for file in &outputs {
        if file.extension().is_some_and(|e| e == "wasm") {
            run_tool(Command::new("wasm-opt").arg("-Oz").arg(file).arg("-o").arg(file))?;
        }
        let name = file.file_name().ok_or("output without a name")?;
        std::fs::copy(file, dist.join(name)).map_err(|e| format!("cannot copy {} into {}: {e}", file.display(), dist.display()))?;
    }
    renew_integrity(&dist, &[format!("{APP}.js"), format!("{APP}_bg.wasm")])?;

    let mut parts: Vec<String> = split
        .split_modules
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    parts.sort();
    println!("split: {APP} into the main module and {}", parts.join(", "));
    Ok(())
}

fn run_tool(command: &mut Command) -> Result<(), String> {
    let status = command.status().map_err(|e| format!("cannot run {:?}: {e} (is `./dev setup` done?)", command.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed: {status}"))
    }
}

/// Trunk wrote `integrity="sha384-…"` for the files it produced; the replaced ones need new
/// hashes or the browser refuses them.
fn renew_integrity(dist: &Path, files: &[String]) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let mut html = std::fs::read_to_string(&index_path).map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    for file in files {
        let bytes = std::fs::read(dist.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
        let hash = format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(&bytes)));
        html = with_integrity(&html, file, &hash).ok_or_else(|| format!("index.html has no integrity for /{file}"))?;
    }
    std::fs::write(&index_path, html).map_err(|e| format!("cannot write {}: {e}", index_path.display()))
}

/// The tag that links `/file` with its `integrity` value replaced by `hash`.
fn with_integrity(html: &str, file: &str, hash: &str) -> Option<String> {
    let href = html.find(&format!("href=\"/{file}\""))?;
    let tag_end = href + html[href..].find('>')?;
    let attribute = href + html[href..tag_end].find("integrity=\"")? + "integrity=\"".len();
    let value_end = attribute + html[attribute..].find('"')?;
    Some(format!("{}{hash}{}", &html[..attribute], &html[value_end..]))
}

#[cfg(test)]
mod tests {
    use super::with_integrity;

    #[test]
    fn replaces_only_the_named_files_hash() {
        let html = r#"<link rel="modulepreload" href="/a.js" crossorigin="anonymous" integrity="sha384-OLD"><link rel="preload" href="/a_bg.wasm" integrity="sha384-KEEP" as="fetch">"#;
        let out = with_integrity(html, "a.js", "sha384-NEW").unwrap();
        assert_eq!(
            out,
            r#"<link rel="modulepreload" href="/a.js" crossorigin="anonymous" integrity="sha384-NEW"><link rel="preload" href="/a_bg.wasm" integrity="sha384-KEEP" as="fetch">"#
        );
        assert!(with_integrity(html, "missing.js", "x").is_none());
    }
}
