//! The shipped build compiles the app with `--cfg wasm_split` and then splits its wasm into
//! lazily loaded parts (`cargo xtask split`), which needs the linker's relocations to know what
//! each part uses. Only the app binary gets them: the formats worker, built in the same run,
//! must stay a plain module for wasm-opt.

fn main() {
    if std::env::var_os("CARGO_CFG_WASM_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
