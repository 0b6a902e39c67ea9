# Sourced by the scripts: puts the project's pinned tools first on PATH (npm's binaryen 132
# before anything else, so Trunk never picks Debian's wasm-opt).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
