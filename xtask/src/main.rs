//! Project tasks that are easier in Rust than in shell: `cargo xtask size` reports what the
//! browser downloads on first load; `cargo xtask bench` times the domain crates natively.
//!
//! Toolchain setup, builds and test runs live in `./dev` (shell), because they must work before
//! any Rust toolchain is configured.

use std::process::ExitCode;

mod bench;
mod size;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("size") => size::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask size [--dist DIR] | cargo xtask bench [--products N] [--seed S] [--runs R]\n\n  \
                 size    raw and gzip size of each file the page loads first (after `./dev build`)\n  \
                 bench   time generate, load, check, edit, impact and diff on a generated workspace (release build)"
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
