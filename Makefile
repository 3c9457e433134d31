# Two commands set everything up on a machine with python3 and make:
#   make maps   venv + argmap + Graphviz, then render maps/*.yaml to build/maps/*.svg
#   make test   the same set-up, then linters and the whole test suite

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all maps test lint docs serve-docs bench fuzz graphviz argdown mermaid browser setup clean

all: maps

$(STAMP): pyproject.toml
	@sh .ci/venv.sh "$(PYTHON)" "$(VENV)"
	@echo "Installing argmap and its development tools into $(VENV) (a minute or two, once)"
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

setup: $(STAMP) graphviz

graphviz:
	@sh .ci/graphviz.sh

# Argdown's own CLI (npm), which tests check argmap's Argdown export against.
argdown:
	@sh .ci/argdown.sh

# Mermaid's own parser (npm), which tests read argmap's Mermaid export with.
mermaid:
	@sh .ci/mermaid.sh

# Debian's Chromium, which the tests of the HTML viewer drive through Playwright.
browser:
	@sh .ci/browser.sh

maps: setup
	$(BIN)/argmap check --strict --no-notes maps/
	$(BIN)/argmap render maps/ -o build/maps

lint: $(STAMP)
	$(BIN)/ruff check argmap tests bench
	$(BIN)/ruff format --check argmap tests bench
	$(BIN)/mypy

test: setup argdown browser mermaid lint
	$(BIN)/properdocs build --strict -f mkdocs.yml
	ARGMAP_REQUIRE_DOT=1 ARGMAP_REQUIRE_ARGDOWN=1 ARGMAP_REQUIRE_BROWSER=1 ARGMAP_REQUIRE_MERMAID=1 $(BIN)/pytest -q

# The pictures of the docs (the README's, the tutorial's, and the gallery of every shipped
# map in English and German), rendered (.ci/docs-pictures.sh: the same bytes as those
# committed, on the same Graphviz); then the documentation site, built into build/site
# with every warning an error (mkdocs.yml). It works opened from files:
# build/site/index.html; `make serve-docs` serves docs/ as you edit.
docs: setup
	@sh .ci/docs-pictures.sh
	ARGMAP_REQUIRE_DOT=1 $(BIN)/pytest -q tests/test_docs.py tests/test_gallery.py
	$(BIN)/properdocs build --strict -f mkdocs.yml
	@echo "The site is in build/site: open build/site/index.html in a browser."

# The documentation site at http://127.0.0.1:8000, built anew on every save in docs/.
serve-docs: setup
	$(BIN)/properdocs serve -f mkdocs.yml

# Many more random and mutated inputs than `make test` tries.
fuzz: $(STAMP)
	ARGMAP_FUZZ_EXAMPLES=10000 $(BIN)/pytest -q tests/test_fuzz.py

# Timings against Argdown's CLI, arguebuf, bare Graphviz and PyYAML, written into
# docs/performance.md (Argdown is installed when npm is there, else skipped;
# arguebuf into .bench-venv/, else skipped).
bench: setup
	-@sh .ci/argdown.sh
	-@sh .ci/arguebuf.sh
	$(BIN)/python bench/run.py

clean:
	rm -rf build $(VENV) .bench-venv .argdown .mermaid .pytest_cache .mypy_cache .ruff_cache .hypothesis
