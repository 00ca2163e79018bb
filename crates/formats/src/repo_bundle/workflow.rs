//! The CI workflow of the bundle: on every push and pull request it builds the `dpstudio` CLI
//! from source the team keeps in the repository and checks the workspace. It names no host:
//! where the CLI's source comes from (a submodule, a vendored copy) is the team's choice.

/// The workflow file's text (GitHub Actions syntax).
pub fn text() -> String {
    WORKFLOW.to_owned()
}

const WORKFLOW: &str = r#"# Checks the data product workspace on every push and pull request.
#
# How to point it at the CLI: keep the Data Product Studio source in this repository (for
# example as a git submodule or a vendored copy) and set DPSTUDIO_CLI_PATH below to the folder
# that holds its CLI crate (the one whose Cargo.toml names the package `dpstudio-cli`).
name: dpstudio

on:
  push:
  pull_request:

env:
  DPSTUDIO_CLI_PATH: tools/dpstudio/crates/cli

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          submodules: recursive
      - uses: dtolnay/rust-toolchain@stable
      - name: Build the dpstudio CLI
        run: cargo install --locked --path "$DPSTUDIO_CLI_PATH"
      - name: Check the workspace
        # Exit 1 on any error-level diagnostic, 2 when the file cannot be read.
        run: dpstudio check workspace.dpstudio.json
"#;
