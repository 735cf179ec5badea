# Two commands for a fresh machine: `make serve` and `make test`.
# Each installs what is missing first.

SHELL := /bin/bash
PORT ?= 8080
WASM_BINDGEN_VERSION := 0.2.130
WASM := target/wasm32-unknown-unknown/release/plancheck.wasm
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
ELEMENT := npm/plan-checker.js npm/plan-checker.d.ts npm/plancheck-worker.js
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export CARGO_TERM_COLOR ?= never

.PHONY: serve test test-rust test-wasm test-browser wasm package deps-rust deps-wasm deps-browser clean

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
	cp $(ELEMENT) www/pkg/
	@ls -l www/pkg/plancheck_bg.wasm | awk '{print "wasm: " $$5 " bytes"}'

## The npm package, in pkg/ (generated): web and bundler entries, the element, schemas.
package: wasm
	rm -rf pkg
	mkdir -p pkg/bundler pkg/schema
	cp www/pkg/plancheck.js www/pkg/plancheck.d.ts www/pkg/plancheck_bg.wasm www/pkg/plancheck_bg.wasm.d.ts pkg/
	wasm-bindgen --target bundler --remove-name-section --out-dir pkg/bundler $(WASM)
	cp $(ELEMENT) npm/node.js npm/README.md pkg/
	cp npm/schema/*.json pkg/schema/
	sed 's/@VERSION@/$(VERSION)/' npm/package.json > pkg/package.json
	@echo "pkg/: plancheck $(VERSION)"

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
	@[ tests/browser/node_modules/.package-lock.json -nt tests/browser/package-lock.json ] || \
		(cd tests/browser && npm ci --no-audit --no-fund)

test-browser: package deps-browser
	cd tests/browser && CHROMIUM=/usr/bin/chromium node --test

clean:
	cargo clean
	rm -rf www/pkg pkg
