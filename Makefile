# The two commands of the README: `make demo` and `make test`. Both install what is
# missing first (scripts/setup.sh, idempotent) and build everything (scripts/build.sh).

.PHONY: setup build demo test test-rust test-wasm test-browser test-tools bundle clean fuzz bench

setup:
	bash scripts/setup.sh

build: setup
	bash scripts/build.sh

# Serves dist/ on 127.0.0.1 (PORT=8000 by default) and prints the offline file's path.
demo: build
	node scripts/serve.mjs

# In this order, one after another, stopping at the first failure.
test: build
	$(MAKE) --no-print-directory test-rust
	$(MAKE) --no-print-directory test-wasm
	$(MAKE) --no-print-directory test-browser
	$(MAKE) --no-print-directory test-tools

# Property tests draw from a fixed seed here, so a run is reproducible; set
# PROPTEST_RNG_SEED=random (or another number) to explore, as `make fuzz` does for input.
PROPTEST_RNG_SEED ?= 20261123
test-rust:
	PROPTEST_RNG_SEED=$(PROPTEST_RNG_SEED) cargo test --release --locked

# tests/wasm.rs: the JS API of pkg/ in headless Chromium, via wasm-bindgen-test-runner.
# Built by its own package, tests/wasm-runner (see the comment in its Cargo.toml).
test-wasm:
	cd tests/wasm-runner && CHROMEDRIVER=/usr/bin/chromedriver cargo test

# A test stuck on a browser gives up after 3 minutes instead of hanging the run.
test-browser:
	node --test --test-timeout=180000 tests/browser/

# The generators of tools/ that run on Node: their committed output is fresh.
test-tools:
	node --test tests/tools/

# Recompiles the embedded default bundle after bundles/default/bundle.json changed.
bundle:
	cargo build --release --locked
	./target/release/claimcheck bundle build bundles/default/bundle.json -o bundles/default.ccb

clean:
	rm -rf pkg dist

# Fuzzing (not part of `make test`): cargo-fuzz with libFuzzer on the compiled-bundle
# decoder (raw bytes, and structure-aware payloads with counts near the limits behind a
# valid checksum), the JSON source parser (raw, and bundles assembled with lengths and
# counts around the limits) and check. FUZZ_SECONDS per target (default 60).
# RUSTC_BOOTSTRAP lets the stable toolchain use the sanitizer flags cargo-fuzz needs.
FUZZ_SECONDS ?= 60
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	mkdir -p fuzz/corpus/decode_compiled fuzz/corpus/parse_source fuzz/corpus/check_claim fuzz/corpus/decode_crafted fuzz/corpus/parse_source_limits
	cp bundles/default.ccb fuzz/corpus/decode_compiled/
	cp tests/fixtures/tiny/bundle.json fuzz/corpus/parse_source/
	for target in decode_compiled decode_crafted parse_source parse_source_limits check_claim; do \
	  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O $$target corpus/$$target -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1) || exit 1; \
	done

# Benchmarks (not part of `make test`): claimcheck against MiniSearch, natively
# (criterion), in Node and in headless Chromium, plus sizes; corpora go to bench/data/.
# Writes bench/results.json and bench/results.md. Takes about ten minutes.
CLIMATE_FEVER_DIR ?= ../shared/benchmarks/climate-fever
bench: build
	CLIMATE_FEVER_DIR=$(CLIMATE_FEVER_DIR) node scripts/bench/run.mjs
