# The two commands of the README: `make run` and `make test`. Everything else
# here is a step they call. Build output goes to $(CARGO_TARGET_DIR) or target/.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
APP := $(TARGET_DIR)/debug/amends-app

.PHONY: run test deps deps-test ui app lint test-core test-ui bench

## Install what is missing, build the app and open it.
run: deps app
	$(APP)

## Install what is missing and run the whole test suite.
test: deps-test lint test-core test-ui app

deps:
	scripts/deps.sh build

deps-test:
	scripts/deps.sh test

ui:
	npm --prefix ui run build

# A self-contained debug build: the UI is embedded (custom-protocol), not loaded from a dev server.
app: ui
	cargo build -p amends-app --features custom-protocol

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings

test-core:
	cargo test

test-ui:
	npm --prefix ui run check
	npm --prefix ui test

## Benchmarks (not part of `make test`): store, checker, letters, spreadsheets.
bench:
	cargo bench --bench store
