#!/usr/bin/env bash
# Installs what `make build`, `make demo` and `make test` need, skipping whatever is
# already there, so it is cheap to run before every command and safe on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

# Runs a command as root: directly when we are root (CI, dev containers), else via sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# 1. The wasm target for the Rust toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli (wasm-bindgen and wasm-bindgen-test-runner). Its version must equal
#    the wasm-bindgen crate's in Cargo.lock exactly: the CLI refuses wasm from another one.
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wanted" ]; then
  echo "setup: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$wanted" ]; then
  say "installing wasm-bindgen-cli $wanted (have: ${have:-none}); this takes a few minutes"
  cargo install wasm-bindgen-cli --version "$wanted" --locked --force
fi

# 3. Headless Chromium and its WebDriver from Debian, for the wasm and browser tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

# 4. Node packages, exactly as package-lock.json pins them. `npm ci` wipes node_modules
#    first, so it runs only when the lock file changed since the last install.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.claimcheck-lock-sha256
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "installing node packages (npm ci)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi
