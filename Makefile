# billtrace: `make site` sets everything up and runs the main job; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

site: $(STAMP)
	$(BIN)/billtrace parse statute/s2839-is.txt

test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/ruff check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) site/build site/docs site/mkdocs.yml .billtrace
