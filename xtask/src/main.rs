//! Project tasks that are easier in Rust than in shell: `cargo xtask size` reports what the
//! browser downloads on first load; `cargo xtask split` splits the app wasm into lazily loaded
//! parts; `cargo xtask bench` times the domain crates natively;
//! `cargo xtask lint-bench` times `dpstudio check` against the ecosystem's linters;
//! `cargo xtask fuzz` runs the importers' fuzz targets for a bounded time;
//! `cargo xtask templates` writes the template workspaces the app's gallery offers.
//!
//! Toolchain setup, builds and test runs live in `./dev` (shell), because they must work before
//! any Rust toolchain is configured.

use std::process::ExitCode;

mod bench;
mod fuzz;
mod lint_bench;
mod size;
mod split;
mod templates;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("size") => size::run(&args[1..]),
        Some("split") => split::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("lint-bench") => lint_bench::run(&args[1..]),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("templates") => templates::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask size [--dist DIR] [--budget KB] | cargo xtask split --wasm LINKED.wasm --dist DIR\n       \
                 cargo xtask bench [--products N] [--seed S] [--runs R]\n       \
                 cargo xtask lint-bench [--files N] [--cli-sample S] | cargo xtask fuzz [--seconds S] [TARGET…] | cargo xtask templates [--check]\n\n  \
                 size        raw and gzip size of each file the page loads first, and the rest (after `./dev build`); fails over --budget\n  \
                 split       split the linked app wasm into its lazily loaded parts (part of `./dev build`)\n  \
                 bench       time generate, load, check, edit, impact and diff on a generated workspace (release build)\n  \
                 lint-bench  time dpstudio check, odcslint and datacontract lint on the same generated ODCS files\n  \
                 fuzz        run each importer's cargo-fuzz target for a bounded time (nightly + cargo-fuzz)\n  \
                 templates   write the gallery's template workspaces and index into templates/ (--check: fail if stale)"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
