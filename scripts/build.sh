#!/usr/bin/env bash
# Builds the native CLI (the tests' reference), the wasm, pkg/ and dist/.
# Expects scripts/setup.sh to have run (the Makefile does that).
set -euo pipefail
cd "$(dirname "$0")/.."

# One job at a time keeps memory and CPU use sane on a 2-core machine.
cargo build --release --locked
cargo build --profile wasm --locked --lib --target wasm32-unknown-unknown

rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name claimcheck \
  target/wasm32-unknown-unknown/wasm/claimcheck.wasm

# binaryen's wasm-opt, from npm. Features: exactly those rustc enables by default for
# wasm32-unknown-unknown, so the optimized wasm runs wherever the unoptimized one does.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-reference-types --enable-multivalue \
  pkg/claimcheck_bg.wasm -o pkg/claimcheck_bg.wasm

node scripts/build-web.mjs
