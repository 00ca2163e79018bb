//! Helpers the binary tests share: run the real `dpstudio`, read its output, find the example
//! workspace, make a fresh scratch folder. Each test file uses only some of them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn dpstudio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dpstudio")).args(args).output().expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The shipped retail example workspace.
pub fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/retail.workspace.json").display().to_string()
}

/// An empty folder of its own for one test (`suite` and `name` keep parallel tests apart).
pub fn scratch(suite: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dpstudio-{suite}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
