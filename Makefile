# billtrace: `make site` sets everything up and runs the main job; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site serve test install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Parse the bill, run the tests with tracing, join, render and `mkdocs build --strict` into site/build.
site: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/billtrace build

# Serve site/build on http://127.0.0.1:8000/ (PORT=... to change).
serve: $(STAMP)
	$(BIN)/billtrace serve --port $(or $(PORT),8000)

test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest -q --doctest-modules grammar provisions generator
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) site/build site/docs site/mkdocs.yml .billtrace
