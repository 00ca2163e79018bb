//! Project tasks that are easier in Rust than in shell: `cargo xtask size` reports what the
//! browser downloads on first load.
//!
//! Toolchain setup, builds and test runs live in `./dev` (shell), because they must work before
//! any Rust toolchain is configured.

use std::process::ExitCode;

mod size;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("size") => size::run(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask size [--dist DIR]\n\n  size   raw and gzip size of each file the page loads first (after `./dev build`)");
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
