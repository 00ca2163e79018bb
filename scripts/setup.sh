#!/usr/bin/env bash
# Installs everything the project needs to build the browser app and run every test, on a fresh
# Debian 12 machine with rustup, node and npm. Idempotent: each step checks the version it wants
# and skips when it is already there, so a second run takes a few seconds.
#
# Why this route: rustup here has no wasm32 standard library and cannot download one, so the
# browser build uses Debian's rustc-web (1.96, LLVM 22) with -Zbuild-std; see ARCHITECTURE.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$here/scripts/env.sh"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

have_version() { # have_version COMMAND EXPECTED-SUBSTRING
  local out
  command -v "$1" >/dev/null 2>&1 && out="$("$1" --version 2>/dev/null)" && grep -qF -- "$2" <<<"$out"
}

apt_packages=(rustc-web cargo-web rust-web-src lld-22 chromium chromium-driver)
apt_ok() {
  # Capture first: `grep -q` closing a pipe early would fail the pipeline under pipefail.
  local rustc_info
  rustc_info="$(/usr/bin/rustc -vV 2>/dev/null)" || return 1
  grep -q '^release: 1\.96' <<<"$rustc_info" && grep -q '^LLVM version: 22' <<<"$rustc_info" &&
    [ -x "$DPSTUDIO_WASM_LD" ] && [ -d /usr/lib/rustlib/src/rust/library ] &&
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
}
if apt_ok; then
  log "Debian rustc-web, wasm-ld, chromium: present"
else
  log "installing Debian packages: ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
  apt_ok || { echo "setup: Debian packages installed but rustc-web 1.96 / LLVM 22 not found" >&2; exit 1; }
fi

# Debian's toolchain becomes a named rustup toolchain, used only for the wasm build; native
# crates keep building with the default rustup toolchain.
toolchains="$(rustup toolchain list 2>/dev/null || true)"
if ! grep -q "^$DPSTUDIO_WEB_TOOLCHAIN" <<<"$toolchains"; then
  log "linking Debian's toolchain as rustup toolchain '$DPSTUDIO_WEB_TOOLCHAIN'"
  rustup toolchain link "$DPSTUDIO_WEB_TOOLCHAIN" /usr
fi

# Host tools are built with the default rustup toolchain, from outside the repo so that no
# project setting applies. wasm-bindgen-cli must equal the wasm-bindgen pinned in Cargo.toml.
wasm_bindgen_version="$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' "$here/Cargo.toml" | head -n 1)"
[ -n "$wasm_bindgen_version" ] || { echo "setup: cannot read the wasm-bindgen pin from Cargo.toml" >&2; exit 1; }
if have_version wasm-bindgen "$wasm_bindgen_version"; then
  log "wasm-bindgen-cli $wasm_bindgen_version: present"
else
  log "installing wasm-bindgen-cli $wasm_bindgen_version (a few minutes)"
  # Not --locked: the crate's own lock file pins a dependency version the registry no longer serves.
  (cd / && cargo install -q wasm-bindgen-cli --version "=$wasm_bindgen_version" --force)
fi

trunk_version=0.21.14
if have_version trunk "$trunk_version"; then
  log "trunk $trunk_version: present"
else
  log "installing trunk $trunk_version (several minutes)"
  (cd / && cargo install -q trunk --version "=$trunk_version" --locked --force)
fi

# Node tools: wasm-opt (binaryen from npm; Debian's older binaryen miscompiles current
# wasm-bindgen output) and playwright-core for the end-to-end tests. Versions are pinned in
# e2e/package.json and its lock file.
if [ -x "$here/e2e/node_modules/.bin/wasm-opt" ] && [ -d "$here/e2e/node_modules/playwright-core" ] && [ -d "$here/e2e/node_modules/axe-core" ] &&
  [ "$here/e2e/node_modules/.package-lock.json" -nt "$here/e2e/package-lock.json" ]; then
  log "npm tools (binaryen, playwright-core, axe-core): present"
else
  log "installing npm tools into e2e/node_modules"
  (cd "$here/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The real checkers of the ecosystem, for conformance tests of our exports: pinned versions in
# their own virtualenv, outside the repo. Rebuilt only when the pinned list changes.
py_tools=(datacontract-cli==1.2.8 dataproduct-cli==0.3.2 odcslint==0.3.0 dbt-core==1.11.2 dbt-duckdb==1.11.1)
py_stamp="$DPSTUDIO_PYTOOLS/.installed"
if [ -x "$DPSTUDIO_PYTOOLS/bin/datacontract" ] && [ "$(cat "$py_stamp" 2>/dev/null)" = "${py_tools[*]}" ]; then
  log "Python checkers (${py_tools[*]}): present"
else
  log "installing Python checkers into a virtualenv: ${py_tools[*]}"
  python3 -m venv "$DPSTUDIO_PYTOOLS"
  "$DPSTUDIO_PYTOOLS/bin/pip" install -q --disable-pip-version-check "${py_tools[@]}"
  printf '%s' "${py_tools[*]}" >"$py_stamp"
fi

log "ready"
