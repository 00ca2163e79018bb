# Environment shared by the project's scripts: where the tools are and how the wasm build is
# configured. Sourced, not run.
export DPSTUDIO_WEB_TOOLCHAIN=dpstudio-web
export DPSTUDIO_WASM_LD=/usr/lib/llvm-22/bin/wasm-ld
export PATH="$HOME/.cargo/bin:$PATH"
# Virtualenv with the Python checkers (datacontract-cli, dataproduct-cli, odcslint, dbt); the
# conformance tests find them through DPSTUDIO_TOOLS.
export DPSTUDIO_PYTOOLS="${DPSTUDIO_PYTOOLS:-$HOME/.cache/dpstudio/pytools}"
export DPSTUDIO_TOOLS="$DPSTUDIO_PYTOOLS/bin"
