# shellcheck shell=bash
# Sourced by the project's scripts (and by hand: `source scripts/env.sh`) to find the
# tools that scripts/setup installs. Exports only; changes no shell options.

TETSUZUKI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TETSUZUKI_ROOT

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' \
    "$TETSUZUKI_ROOT/Cargo.lock")"
export WASM_BINDGEN_VERSION
# Outside the work tree so that CI's fresh clones on the same machine reuse it.
export TETSUZUKI_WASM_BINDGEN_ROOT="${TETSUZUKI_WASM_BINDGEN_ROOT:-$HOME/.cache/tetsuzuki/tools/wasm-bindgen-$WASM_BINDGEN_VERSION}"
export TETSUZUKI_VENV="${TETSUZUKI_VENV:-$TETSUZUKI_ROOT/.tools/venv}"

# One target dir for every step (workspace tests, CLI, wasm, bindings).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$TETSUZUKI_ROOT/target}"

# Browser tests: Debian's chromium and chromedriver, never a downloaded browser.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="$TETSUZUKI_WASM_BINDGEN_ROOT/bin/wasm-bindgen-test-runner"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

case ":$PATH:" in
    *":$TETSUZUKI_WASM_BINDGEN_ROOT/bin:"*) ;;
    *) PATH="$TETSUZUKI_WASM_BINDGEN_ROOT/bin:$TETSUZUKI_ROOT/node_modules/.bin:$PATH" ;;
esac
export PATH
