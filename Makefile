# The two commands of the README: `make demo` and `make test`. Both install what is
# missing first (scripts/setup.sh, idempotent) and build everything (scripts/build.sh).

.PHONY: setup build demo test test-rust test-wasm test-browser bundle clean

setup:
	bash scripts/setup.sh

build: setup
	bash scripts/build.sh

# Serves dist/ on 127.0.0.1 (PORT=8000 by default) and prints the offline file's path.
demo: build
	node scripts/serve.mjs

test: build
	$(MAKE) --no-print-directory test-rust test-wasm test-browser

test-rust:
	cargo test --release --locked

# The JS API of pkg/ in headless Chromium; the runner is set in .cargo/config.toml.
test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --locked --target wasm32-unknown-unknown --test wasm

test-browser:
	node --test tests/browser/

# Recompiles the embedded default bundle after bundles/default/bundle.json changed.
bundle:
	cargo build --release --locked
	./target/release/claimcheck bundle build bundles/default/bundle.json -o bundles/default.ccb

clean:
	rm -rf pkg dist
