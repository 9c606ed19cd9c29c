# compliance-matrix — every target installs what it needs first, so a fresh machine needs no hand work.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

WASM_TARGET := wasm32-unknown-unknown
WB_VERSION  := $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
CARGO_BIN   := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)
# The shipped wasm is built with a pinned nightly: std rebuilt for size with panic=abort
# (-Zbuild-std) and no file/line in panic messages, 13.6 kB gzip less than stable (measured
# 2026-12-01); no Debug formatting and panic=immediate-abort (a panic is a bare trap, which the
# glue catches at every entry into the wasm: scripts/wasm-factory.mjs), 12.1 kB less again
# (measured 2026-12-06). Panic isolation is tested on the same build (fault-dist). Tests and lint
# use stable.
NIGHTLY := nightly-2026-05-20
SHIP_RUSTFLAGS := -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort
SHIP_BUILD := cargo +$(NIGHTLY) build --release --lib --target $(WASM_TARGET) -Zbuild-std=std,panic_abort
# The dataset reader (reader/): a second wasm with the same flags, loaded on first use.
READER_BUILD := $(SHIP_BUILD) -p compliance-matrix-reader
WASM_OPT := node node_modules/binaryen/bin/wasm-opt -Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
PORT ?= 8080

.PHONY: yew-floor markup-cost setup-twiggy size-owners test-package test-size fault-dist setup-bench bench-smoke all setup setup-rust setup-node setup-browser setup-fuzz dist demo test test-native test-wasm test-e2e lint pack bench screenshot fuzz fuzz-smoke clean options

all: dist

## --- setup -------------------------------------------------------------------------------------
setup: setup-rust setup-node

setup-rust:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@rustup +$(NIGHTLY) component list --installed 2>/dev/null | grep -q '^rust-src' || \
	  rustup toolchain install $(NIGHTLY) --profile minimal --component rust-src --target $(WASM_TARGET)
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@if [ "$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}')" != "$(WB_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WB_VERSION) (matches Cargo.lock)"; \
	  cargo install wasm-bindgen-cli --version "$(WB_VERSION)" --force; \
	fi

setup-node:
	@if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/binaryen ] || [ ! -d node_modules/esbuild ] || [ ! -d node_modules/@gfx/zopfli ] || [ package.json -nt node_modules/.package-lock.json ]; then \
	  npm install --no-audit --no-fund; fi

setup-browser:
	@if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then \
	  echo "installing Debian chromium and chromium-driver"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

## --- build -------------------------------------------------------------------------------------
## The shipped build and the fault-injection build run the same steps, so panic isolation is
## tested on what ships: $(call wasm-dist,<cargo target dir>,<cargo features>,<wasm-bindgen dir>,
## <output dir>,<bundle flags>) builds both wasm files (the widget and the dataset reader) on the
## pinned nightly, binds them, runs wasm-opt, shortens the names that tie each wasm to its glue,
## precompresses them, bundles the module and copies the translations.
define wasm-dist
	RUSTFLAGS="$(SHIP_RUSTFLAGS)" CARGO_TARGET_DIR=$(1) $(SHIP_BUILD) $(2)
	RUSTFLAGS="$(SHIP_RUSTFLAGS)" CARGO_TARGET_DIR=$(1) $(READER_BUILD) $(2)
	rm -rf $(3) $(4) && mkdir -p $(3) $(4)
	wasm-bindgen --target no-modules --no-typescript --out-name compliance-matrix --out-dir $(3) $(1)/$(WASM_TARGET)/release/compliance_matrix.wasm
	wasm-bindgen --target no-modules --no-typescript --out-name compliance-matrix-reader --out-dir $(3) $(1)/$(WASM_TARGET)/release/compliance_matrix_reader.wasm
	$(WASM_OPT) $(3)/compliance-matrix_bg.wasm -o $(4)/compliance-matrix_bg.wasm
	$(WASM_OPT) $(3)/compliance-matrix-reader_bg.wasm -o $(4)/compliance-matrix-reader_bg.wasm
	node scripts/minify-names.mjs $(4)/compliance-matrix_bg.wasm $(3)/compliance-matrix.js
	node scripts/minify-names.mjs $(4)/compliance-matrix-reader_bg.wasm $(3)/compliance-matrix-reader.js
	node scripts/precompress.mjs $(4)/compliance-matrix_bg.wasm $(4)/compliance-matrix-reader_bg.wasm
	node scripts/bundle.mjs $(3)/compliance-matrix.js $(3)/compliance-matrix-reader.js $(4)/compliance-matrix.js $(5)
	cp -r www/i18n $(4)/i18n
endef

## The package's files in dist/; the single file and the types beside them.
BINDGEN := target/bindgen/nomod
dist: setup
	$(call wasm-dist,target/ship,,$(BINDGEN),dist,)
	@for f in compliance-matrix.d.ts react.d.ts vue.d.ts custom-elements.json README.md package.json; do [ ! -f www/$$f ] || cp www/$$f dist/; done
	node scripts/notices.mjs dist/THIRD_PARTY_NOTICES
	node scripts/single-file.mjs $(BINDGEN)/compliance-matrix.js dist/compliance-matrix_bg.wasm.gz $(BINDGEN)/compliance-matrix-reader.js dist/compliance-matrix-reader_bg.wasm.gz dist/compliance-matrix.html
	@echo "dist: $$(gzip -9 < dist/compliance-matrix.js | wc -c) bytes gzip -9 js + $$(wc -c < dist/compliance-matrix_bg.wasm.gz) wasm.gz," \
	  "reader $$(wc -c < dist/compliance-matrix-reader_bg.wasm.gz)"

## A build as shipped with the `fault-injection` feature (a search text that panics), for the
## panic-isolation e2e tests (tests/e2e/panic.test.mjs, view-state.test.mjs). Own target dir, so
## the shipped build's cache stays; its module is not minified. Never shipped.
fault-dist: setup
	$(call wasm-dist,target/fault,--features fault-injection,target/bindgen-fault,target/fault-dist,--no-minify)

## --- npm package -------------------------------------------------------------------------------
## The tarball npm publishes, dist/compliance-matrix-<version>.tgz, from target/pkg/: the module, the
## wasm, the translations it loads (i18n/), the types (compliance-matrix.d.ts, react.d.ts and vue.d.ts, generated by
## scripts/framework-types.mjs and checked in), the element manifest, README, LICENSE and
## THIRD_PARTY_NOTICES (scripts/notices.mjs, written by `dist`).
VERSION := $(shell awk -F'"' '/^version = /{print $$2; exit}' Cargo.toml)
PKG_WWW := package.json compliance-matrix.d.ts react.d.ts vue.d.ts custom-elements.json README.md
pack: dist
	@test "$$(node -p "require('./www/package.json').version")" = "$(VERSION)" || { echo "www/package.json version differs from Cargo.toml ($(VERSION))"; exit 1; }
	node scripts/framework-types.mjs --check
	rm -rf target/pkg && mkdir -p target/pkg
	cp $(addprefix www/,$(PKG_WWW)) LICENSE target/pkg/
	cp dist/compliance-matrix.js dist/compliance-matrix_bg.wasm dist/compliance-matrix-reader_bg.wasm dist/compliance-matrix_bg.wasm.gz dist/compliance-matrix-reader_bg.wasm.gz dist/THIRD_PARTY_NOTICES target/pkg/
	cp -r dist/i18n target/pkg/i18n
	cd target/pkg && npm pack --pack-destination ../../dist 2>&1 | grep -E 'filename|package size|unpacked size|total files'
	@ls -l dist/compliance-matrix-$(VERSION).tgz

## The packed tarball's linters (publint --strict, attw, cem-validator: no error, no warning) and the
## package's node tests (notices, generated types). Needs only an existing tarball: `make pack` first.
test-package:
	node scripts/check-package.mjs dist/compliance-matrix-$(VERSION).tgz
	node --test tests/package/

## --- benchmark: our widget vs vanilla JS, Grid.js and Tabulator in one Chromium run ---------------
setup-bench:
	@if [ ! -d bench/node_modules/gridjs ] || [ ! -d bench/node_modules/tabulator-tables ] || [ bench/package.json -nt bench/node_modules/.package-lock.json ]; then \
	  cd bench && npm install --no-audit --no-fund; fi

## The framework's size floor (bench/yew-floor), built with the widget's toolchain and flags.
YEW_FLOOR := target/yew-floor
yew-floor: setup
	RUSTFLAGS="$(SHIP_RUSTFLAGS)" cargo +$(NIGHTLY) build --release --lib --target $(WASM_TARGET) -Zbuild-std=std,panic_abort \
	  --manifest-path bench/yew-floor/Cargo.toml --target-dir $(YEW_FLOOR)/cargo
	wasm-bindgen --target no-modules --no-typescript --out-dir $(YEW_FLOOR)/bindgen $(YEW_FLOOR)/cargo/$(WASM_TARGET)/release/yew_floor.wasm
	$(WASM_OPT) $(YEW_FLOOR)/bindgen/yew_floor_bg.wasm -o $(YEW_FLOOR)/yew_floor_bg.wasm
	node scripts/minify-names.mjs $(YEW_FLOOR)/yew_floor_bg.wasm $(YEW_FLOOR)/bindgen/yew_floor.js
	node_modules/.bin/esbuild --minify --target=es2022 --log-level=warning $(YEW_FLOOR)/bindgen/yew_floor.js --outfile=$(YEW_FLOOR)/yew_floor.js

## "Markup as data", measured (bench/analysis.md): bench/markup-cost built as the widget ships,
## bare and with 10 or 40 elements written with html! or with one builder function;
## bench/markup-cost.mjs prints the gzip cost per element and the builder's fixed cost.
MARKUP := target/markup-cost
markup-cost: setup
	@mkdir -p $(MARKUP)/bindgen
	@for v in bare:10 html-macro:10 html-macro:40 builder:10 builder:40; do \
	  f=$${v%%:*}; n=$${v##*:}; feat=$$([ $$f = bare ] || echo "--features $$f"); \
	  MARKUP_ELEMENTS=$$n RUSTFLAGS="$(SHIP_RUSTFLAGS)" cargo +$(NIGHTLY) build -q --release --lib --target $(WASM_TARGET) \
	    -Zbuild-std=std,panic_abort --manifest-path bench/markup-cost/Cargo.toml --target-dir $(MARKUP)/cargo $$feat; \
	  wasm-bindgen --target no-modules --no-typescript --out-dir $(MARKUP)/bindgen $(MARKUP)/cargo/$(WASM_TARGET)/release/markup_cost.wasm; \
	  $(WASM_OPT) $(MARKUP)/bindgen/markup_cost_bg.wasm -o $(MARKUP)/$$f-$$n.wasm; \
	  node scripts/minify-names.mjs $(MARKUP)/$$f-$$n.wasm > /dev/null; \
	done
	node bench/markup-cost.mjs $(MARKUP)

## A names-kept twin of the shipped wasm (the same wasm-opt run with -g) for the size owners table.
setup-twiggy:
	@command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
size-owners: dist setup-twiggy
	$(WASM_OPT) -g target/bindgen/nomod/compliance-matrix_bg.wasm -o target/names.wasm

bench: dist setup-browser setup-bench yew-floor size-owners
	node scripts/size.mjs --write bench/size.md --owners target/names.wasm --floor $(YEW_FLOOR)/yew_floor_bg.wasm --floor-js $(YEW_FLOOR)/yew_floor.js
	node bench/run.mjs $(BENCH_ARGS)
	node bench/lighthouse.mjs --runs 3 --results bench/results.md
	node bench/page-table.mjs --reps 7 --results bench/results.md

## In make test: the whole harness once (1 warm-up + 2 repetitions, no Yew-floor build), written to
## bench/results-smoke.*; it fails only when something could not be measured, never on a ratio.
bench-smoke: dist setup-browser setup-bench
	node bench/run.mjs --smoke

## --- demo --------------------------------------------------------------------------------------
demo: dist
	@echo "Serving the demo on http://127.0.0.1:$(PORT)/"
	node scripts/serve.mjs $(PORT) .

## --- tests -------------------------------------------------------------------------------------
## Lint, native tests of the core and the widget, wasm-bindgen browser tests, e2e (built widget,
## single file, hosts), and a fuzz smoke of the core. The benchmark smoke is `make bench-smoke`
## (.ci/run runs it after this).
test: setup setup-browser lint test-native dist test-size pack test-package test-wasm test-e2e fuzz-smoke
	@echo "make test: all suites passed"

## The download's size against its budget (scripts/size.mjs; sizes are deterministic).
test-size: dist
	node scripts/size.mjs

lint:
	node scripts/seed-table.mjs --check
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --lib --test web --target $(WASM_TARGET) -- -D warnings
	cargo clippy -p compliance-matrix-core --no-default-features --lib -- -D warnings

test-native:
	cargo test --workspace

## Generated files, each checked by a test: www/options.js from the one table of options
## (core/src/options/, by tests/options.rs), www/i18n/<lang>.js from each translation (same test);
## by core/tests/embedded_data.rs, core/src/responsibility/embedded.rs, the model as static data, from
## data/responsibility.json and data/tools.json (parsed and validated), and
## core/src/dataset/embedded.rs, the seed and its revisions packed, from data/matrix.json and
## data/revisions/.
options:
	UPDATE_GENERATED=1 cargo test -q --test options
	UPDATE_GENERATED=1 cargo test -q -p compliance-matrix-core --test embedded_data

test-wasm: setup setup-browser
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --target $(WASM_TARGET) --test web

test-e2e: setup-node setup-browser dist fault-dist
	node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/

screenshot: dist setup-browser
	node tests/e2e/screenshot.mjs
	node tests/e2e/first-minute-screenshots.mjs
	node tests/e2e/table-screenshots.mjs
	node tests/e2e/diagram-screenshots.mjs
	node tests/e2e/today-data-screenshots.mjs

## --- fuzzing (cargo-fuzz on nightly) --------------------------------------------------------------
FUZZ_TARGETS := json csv markdown html hash
FUZZ_RUNS ?= 1000000
setup-fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz

fuzz: setup-fuzz
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz $$t: $(FUZZ_RUNS) runs"; \
	  (cd fuzz && cargo +nightly fuzz run $$t -- -runs=$(FUZZ_RUNS) -max_len=8192 -timeout=10 2>&1 | grep -E '^(#[0-9]+.*DONE|Done|==|SUMMARY|thread)' ) || exit 1; \
	done

fuzz-smoke:
	$(MAKE) fuzz FUZZ_RUNS=20000

clean:
	rm -rf dist target fuzz/target fuzz/corpus fuzz/artifacts bench/yew-floor/target bench/markup-cost/target tests/e2e/artifacts bench/bench/results-smoke.json bench/results-smoke.md bench/results-smoke.svg
