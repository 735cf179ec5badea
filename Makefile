# Two commands for a fresh machine: `make serve` and `make test`.
# Each installs what is missing first.

SHELL := /bin/bash
PORT ?= 8080
WASM_BINDGEN_VERSION := 0.2.130
WASM := target/wasm32-unknown-unknown/wasm/plancheck.wasm
# The .docx reader's module, loaded by the page only when a Word file is opened.
DOCX_WASM := target/wasm32-unknown-unknown/wasm/plancheck_docx.wasm
# The comparison's module, loaded by the page only when two versions are compared.
COMPARE_WASM := target/wasm32-unknown-unknown/wasm/plancheck_compare.wasm
# The hand-back's module (Word with 批注, 意见反馈表), loaded only when a reviewer exports.
HANDBACK_WASM := target/wasm32-unknown-unknown/wasm/plancheck_handback.wasm
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
# What the build takes from npm (wasm-opt, esbuild, the editor), pinned by its lock file.
BUNDLE := npm/bundle
WASM_OPT := $(BUNDLE)/node_modules/.bin/wasm-opt
# -O1: measured smallest both raw and gzipped; -Oz/-Os/-O2 shrink raw but grow gzip by 7–10 %.
# A second -O1 pass takes a further 0.1 KB; the producers and target-features sections are
# metadata no browser reads.
WASM_OPT_FLAGS := -O1 -O1 --strip-producers --strip-target-features
# The element's sources, a file for each job, bundled with the editor (CodeMirror) into one
# module: plan-checker.js.
ELEMENT_SOURCES := $(wildcard npm/src/*.js)
ELEMENT := www/pkg/plan-checker.js npm/plan-checker.d.ts npm/plancheck-worker.js npm/plancheck-docx-worker.js
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export CARGO_TERM_COLOR ?= never

.PHONY: serve test generate bench fuzz test-rust test-forms test-wasm test-browser wasm package deps-rust deps-wasm deps-bundle deps-valgrind deps-handback deps-browser clean

# The page's static server: its policy sent as headers too, so that it also covers the
# workers (a page's <meta> policy does not), the scripts are not sniffed, and only the
# page's own origin may frame it.
define SERVE_PY
import functools, http.server, sys
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript"}
    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()
port = int(sys.argv[1])
http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=sys.argv[2])).serve_forever()
endef
export SERVE_PY

## Build the page and serve it at http://127.0.0.1:$(PORT)/
serve: wasm
	@echo "plancheck: http://127.0.0.1:$(PORT)/"
	python3 -c "$$SERVE_PY" "$(PORT)" www

## Run every test: Rust, the input forms, wasm, browser.
test: test-rust test-forms test-wasm test-browser

test-rust: deps-rust deps-valgrind deps-handback
	cargo fmt --all -- --check
	cargo clippy --locked --workspace --all-targets --features plancheck/schema -- -D warnings
	PLANCHECK_REQUIRE=1 cargo test --locked --workspace --features plancheck/schema

## The real plans of ../shared/corpus rewritten into the forms users paste (a PDF copy,
## lost numbering, a task table …) must give the original's findings. The corpus and the
## tool sit beside the project; without them this fails.
test-forms: deps-rust
	@if [ -f ../shared/tools/variants.py ] && [ -d ../shared/corpus ]; then \
		cargo build --locked --bin plancheck && \
		python3 ../shared/tools/variants.py target/debug/plancheck | tail -n 20; \
		exit $${PIPESTATUS[0]}; \
	else \
		echo "test-forms: ../shared/tools/variants.py or ../shared/corpus not found beside the project" >&2; \
		exit 1; \
	fi

## Write the files generated from the Rust types: the JSON Schemas and TypeScript
## declarations (npm/schema/) and the README's table of rules. `make test` fails when the
## committed ones differ.
generate: deps-rust
	PLANCHECK_BLESS=1 cargo test --locked --features plancheck/schema --test contracts --test rule_docs

deps-rust:
	@command -v cargo >/dev/null || { echo "cargo is required (rustup)"; exit 2; }
	@rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

# tests/scaling.rs counts instructions with valgrind.
deps-valgrind:
	@command -v valgrind >/dev/null || { echo "installing valgrind"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq valgrind >/dev/null; }

# tests/handback.rs reads the Word files written with python-docx and renders them with
# LibreOffice (pdftoppm turns a page into the picture the README shows).
PYTHON_DOCX_VERSION := 1.2.0
deps-handback:
	@python3 -c "import docx" 2>/dev/null || { echo "installing python-docx"; \
		python3 -m pip install --quiet --disable-pip-version-check python-docx==$(PYTHON_DOCX_VERSION); }
	@if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then \
		echo "installing LibreOffice Writer and poppler-utils"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
			--no-install-recommends libreoffice-writer poppler-utils >/dev/null; \
	fi

deps-wasm: deps-rust
	@rustup target list --installed | grep -q '^wasm32-unknown-unknown$$' || rustup target add wasm32-unknown-unknown
	@if ! wasm-bindgen --version 2>/dev/null | grep -q ' $(WASM_BINDGEN_VERSION)$$'; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

deps-bundle:
	@command -v node >/dev/null || { echo "node is required"; exit 2; }
	@[ $(BUNDLE)/node_modules/.package-lock.json -nt $(BUNDLE)/package-lock.json ] || \
		(cd $(BUNDLE) && npm ci --no-audit --no-fund >/dev/null)

# The modules carry no paths of the machine that built them (panic locations name files).
# LLVM's inline threshold at 100 (opt-level "z" inlines almost nothing): a 29 KB plan in
# Chromium in 1.95 ms against 2.6–2.9 ms without it, for 33 KB more gzip, within the budget.
WASM_RUSTFLAGS := --remap-path-prefix=$(CURDIR)=plancheck --remap-path-prefix=$(HOME)=~ --remap-path-prefix=$(or $(CARGO_HOME),$(HOME)/.cargo)=cargo \
	-C llvm-args=-inline-threshold=100

wasm: deps-wasm deps-bundle
	RUSTFLAGS="$(WASM_RUSTFLAGS)" cargo build --locked --lib --target wasm32-unknown-unknown --profile wasm
	RUSTFLAGS="$(WASM_RUSTFLAGS)" cargo build --locked -p plancheck-docx --features wasm --lib --target wasm32-unknown-unknown --profile wasm
	RUSTFLAGS="$(WASM_RUSTFLAGS)" cargo build --locked -p plancheck-compare --lib --target wasm32-unknown-unknown --profile wasm
	RUSTFLAGS="$(WASM_RUSTFLAGS)" cargo build --locked -p plancheck-handback --lib --target wasm32-unknown-unknown --profile wasm
	wasm-bindgen --target web --remove-name-section --out-dir www/pkg $(WASM)
	wasm-bindgen --target web --remove-name-section --out-dir www/pkg $(DOCX_WASM)
	wasm-bindgen --target web --remove-name-section --out-dir www/pkg $(COMPARE_WASM)
	wasm-bindgen --target web --remove-name-section --out-dir www/pkg $(HANDBACK_WASM)
	$(WASM_OPT) $(WASM_OPT_FLAGS) www/pkg/plancheck_bg.wasm -o www/pkg/plancheck_bg.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) www/pkg/plancheck_docx_bg.wasm -o www/pkg/plancheck_docx_bg.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) www/pkg/plancheck_compare_bg.wasm -o www/pkg/plancheck_compare_bg.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) www/pkg/plancheck_handback_bg.wasm -o www/pkg/plancheck_handback_bg.wasm
	node $(BUNDLE)/build.mjs www/pkg/plan-checker.js
	cp $(filter-out www/pkg/plan-checker.js,$(ELEMENT)) www/pkg/
	@echo "wasm: $$(stat -c %s www/pkg/plancheck_bg.wasm) bytes, $$(gzip -9 -c www/pkg/plancheck_bg.wasm | wc -c) gzipped"
	@echo "docx wasm: $$(stat -c %s www/pkg/plancheck_docx_bg.wasm) bytes, $$(gzip -9 -c www/pkg/plancheck_docx_bg.wasm | wc -c) gzipped"
	@echo "compare wasm: $$(stat -c %s www/pkg/plancheck_compare_bg.wasm) bytes, $$(gzip -9 -c www/pkg/plancheck_compare_bg.wasm | wc -c) gzipped"
	@echo "handback wasm: $$(stat -c %s www/pkg/plancheck_handback_bg.wasm) bytes, $$(gzip -9 -c www/pkg/plancheck_handback_bg.wasm | wc -c) gzipped"

## The npm package, in pkg/ (generated): web and bundler entries, the element, schemas.
package: wasm
	rm -rf pkg
	mkdir -p pkg/bundler pkg/schema
	cp www/pkg/plancheck.js www/pkg/plancheck.d.ts www/pkg/plancheck_bg.wasm www/pkg/plancheck_bg.wasm.d.ts pkg/
	cp www/pkg/plancheck_docx.js www/pkg/plancheck_docx.d.ts www/pkg/plancheck_docx_bg.wasm www/pkg/plancheck_docx_bg.wasm.d.ts pkg/
	cp www/pkg/plancheck_compare.js www/pkg/plancheck_compare.d.ts www/pkg/plancheck_compare_bg.wasm www/pkg/plancheck_compare_bg.wasm.d.ts pkg/
	cp www/pkg/plancheck_handback.js www/pkg/plancheck_handback.d.ts www/pkg/plancheck_handback_bg.wasm www/pkg/plancheck_handback_bg.wasm.d.ts pkg/
	wasm-bindgen --target bundler --remove-name-section --out-dir pkg/bundler $(WASM)
	wasm-bindgen --target bundler --remove-name-section --out-dir pkg/bundler $(DOCX_WASM)
	$(WASM_OPT) $(WASM_OPT_FLAGS) pkg/bundler/plancheck_bg.wasm -o pkg/bundler/plancheck_bg.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) pkg/bundler/plancheck_docx_bg.wasm -o pkg/bundler/plancheck_docx_bg.wasm
	cp $(ELEMENT) npm/node.js npm/docx-node.js npm/handback-node.js npm/README.md LICENSE pkg/
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
	cd tests/browser && PLANCHECK_REQUIRE=1 CHROMIUM=/usr/bin/chromium node --test --test-timeout=180000

## Benchmarks: criterion natively (with a regex floor), then the wasm in Chromium;
## each prints PASS/FAIL against the budgets of SPEC.md.
bench: wasm deps-browser
	cargo bench --locked --bench check
	cd tests/browser && CHROMIUM=/usr/bin/chromium node bench.mjs

## Fuzzing (not part of `make test`): each target for FUZZ_SECONDS, seeded with the
## fixtures (and the corpus plans when present). A crash is saved under fuzz/artifacts/;
## copy it into tests/fixtures/fuzz/ and tests/regressions.rs replays it from then on.
## read_docx_structured builds Word documents from the fuzzer's choices (numbering,
## merges, nesting, spans); every target runs within 512 MB and 10 s an input.
FUZZ_SECONDS ?= 600
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	mkdir -p fuzz/corpus/check_text fuzz/corpus/check_bytes fuzz/corpus/read_docx fuzz/corpus/read_docx_structured
	find tests/fixtures -name "*.txt" -exec cp {} fuzz/corpus/check_text/ \; -exec cp {} fuzz/corpus/check_bytes/ \;
	cp tests/fixtures/fuzz/* fuzz/corpus/check_bytes/ 2>/dev/null || true
	-cp ../shared/corpus/*.txt fuzz/corpus/check_text/ 2>/dev/null
	cargo test --locked --test docx -- --ignored write_fuzz_seeds
	cd fuzz && for t in check_text check_bytes read_docx read_docx_structured; do \
		cargo fuzz run --sanitizer none $$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			-rss_limit_mb=512 -timeout=10 || exit 1; \
	done

clean:
	cargo clean
	rm -rf www/pkg pkg
