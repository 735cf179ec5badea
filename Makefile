# Two commands for a fresh machine: `make serve` and `make test`.
# Each installs what is missing first.

SHELL := /bin/bash
PORT ?= 8080
WASM_BINDGEN_VERSION := 0.2.130
WASM := target/wasm32-unknown-unknown/release/plancheck.wasm
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export CARGO_TERM_COLOR ?= never

.PHONY: serve test test-rust test-wasm test-browser wasm deps-rust deps-wasm deps-browser clean

## Build the page and serve it at http://127.0.0.1:$(PORT)/
serve: wasm
	@echo "plancheck: http://127.0.0.1:$(PORT)/"
	python3 -m http.server "$(PORT)" --bind 127.0.0.1 --directory www

## Run every test: Rust, wasm, browser.
test: test-rust test-wasm test-browser

test-rust: deps-rust
	cargo fmt --all -- --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo test --locked

deps-rust:
	@command -v cargo >/dev/null || { echo "cargo is required (rustup)"; exit 2; }
	@rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

deps-wasm: deps-rust
	@rustup target list --installed | grep -q '^wasm32-unknown-unknown$$' || rustup target add wasm32-unknown-unknown
	@if ! wasm-bindgen --version 2>/dev/null | grep -q ' $(WASM_BINDGEN_VERSION)$$'; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

wasm: deps-wasm
	cargo build --locked --lib --target wasm32-unknown-unknown --release
	wasm-bindgen --target web --remove-name-section --out-dir www/pkg $(WASM)
	@ls -l www/pkg/plancheck_bg.wasm | awk '{print "wasm: " $$5 " bytes"}'

test-wasm: deps-wasm
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
		cargo test --locked --target wasm32-unknown-unknown --test wasm_node

deps-browser:
	@command -v node >/dev/null || { echo "node is required"; exit 2; }
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'wenquanyi'; then \
		echo "installing chromium and a Chinese font"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null; \
	fi
	@[ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci --no-audit --no-fund)

test-browser: wasm deps-browser
	cd tests/browser && CHROMIUM=/usr/bin/chromium node --test

clean:
	cargo clean
	rm -rf www/pkg
