# renkei — two commands on a fresh Debian machine with Swift:
#   make run    build and open the workbench on a copy of the shipped sample portfolio
#   make test   build and run every test (installs what is missing first)
SWIFT ?= swift
SAMPLE_WS ?= .build/sample-workspace
BIN = .build/debug/renkei

.PHONY: deps build run test clean-sample

# System packages: ncursesw headers to build, tmux for the end-to-end TUI tests, python3 for
# the HTML/CSV checkers. Installed only when missing (needs root or sudo).
deps:
	@bash Scripts/install-deps.sh

build: deps
	$(SWIFT) build

run: build
	@if [ ! -d "$(SAMPLE_WS)/cases" ]; then $(BIN) init "$(SAMPLE_WS)" --sample; fi
	$(BIN) --workspace "$(SAMPLE_WS)"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

clean-sample:
	rm -rf "$(SAMPLE_WS)"
