# renkei — two commands on a fresh Debian machine with Swift:
#   make run    build and open the workbench on a copy of the shipped sample portfolio
#   make test   build and run every test (installs what is missing first)
SWIFT ?= swift
SAMPLE_WS ?= .build/sample-workspace
BIN = .build/debug/renkei

.PHONY: deps build run test clean-sample install uninstall deb

# Installing for users (issue 19): PREFIX (default /usr/local), DESTDIR for staging.
PREFIX ?= /usr/local

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

# The release binary (Swift runtime linked in), share/renkei, renkei(1), bash/zsh/fish completions.
install:
	@PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash Scripts/install.sh install

# Removes exactly what `make install` put there.
uninstall:
	@PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" bash Scripts/install.sh uninstall

# renkei_<version>_amd64.deb for machines without Swift (apt-get install ./renkei_*.deb).
deb:
	@bash Scripts/make-deb.sh
