# pktscope: two entry points for a fresh machine.
#   make demo  installs and opens the TUI on the bundled sample capture
#   make test  installs everything the tests need and runs lint, types and the whole suite
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
TOOLS   := .tools
KSC_DIR := $(TOOLS)/ksc

.PHONY: install tools demo test lint typecheck pytest protocols bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# An editable install does not byte-compile (a regular one does): compile once here, so a
# shell with PYTHONDONTWRITEBYTECODE set does not recompile pktscope at every start (~30 ms).
install: $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/python -m compileall -q pktscope >/dev/null

# External tools the tests call as separate processes: tshark (Debian) and the
# official Kaitai compiler (npm), used only as oracles.
tools:
	@command -v tshark >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tshark >/dev/null; \
	  else echo "tshark missing: run 'sudo apt-get install tshark'"; fi; }
	@if [ ! -d $(KSC_DIR)/node_modules/kaitai-struct-compiler ] && command -v npm >/dev/null 2>&1; then \
	  mkdir -p $(KSC_DIR) && cp ../shared/tools/package.json $(KSC_DIR)/ && \
	  (cd $(KSC_DIR) && npm install --no-audit --no-fund --silent); fi

demo: install
	$(BIN)/pktscope tui

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

pytest: install tools
	PKTSCOPE_KSC_DIR=$(abspath $(KSC_DIR)) $(BIN)/pytest -n 2 -q

test: lint typecheck pytest

# Regenerate the checked-in parsers of specs/ (a test fails when they drift).
protocols: install
	$(BIN)/pktscope compile specs/*.ksy -o pktscope/protocols --python-package pktscope.protocols

bench: install tools
	@rc=0; for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || rc=1; done; exit $$rc

clean:
	rm -rf $(VENV) $(TOOLS) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
