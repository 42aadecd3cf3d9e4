# One environment for everything: .venv, installed from requirements.txt (exact pins) plus this
# repository's iran_russia package. Every target below creates it on first use.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JB := $(BIN)/jupyter-book

.PHONY: help env book test outputs lab lint format lock clean

help:
	@echo "make book     build the HTML book into _build/html (warnings are errors)"
	@echo "make test     run every test: unit tests, data checks, strict nbval, the build, ruff"
	@echo "make lab      open JupyterLab on book/ with the project's environment as its kernel"
	@echo "make outputs  re-execute every chapter notebook in place to refresh its stored outputs"
	@echo "make format   apply ruff's fixes and formatting"
	@echo "make lock     re-resolve requirements.in into the exact pins of requirements.txt"
	@echo "make clean    remove _build (keeps .venv)"

env: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
	  { echo "Python 3.11 is required (set PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

book: $(STAMP)
	$(JB) build . --warningiserror --keep-going
	@echo "The book is in _build/html: open $(CURDIR)/_build/html/index.html in a browser."

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadscope --nbval --nbval-current-env

outputs: $(STAMP)
	$(BIN)/python scripts/refresh_outputs.py

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=book

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts book
	$(BIN)/ruff format --check src tests scripts book

format: $(STAMP)
	$(BIN)/ruff check --fix src tests scripts book
	$(BIN)/ruff format src tests scripts book

lock:
	rm -rf /tmp/iran-russia-lock && $(PYTHON) -m venv /tmp/iran-russia-lock
	/tmp/iran-russia-lock/bin/pip install --quiet -r requirements.in
	{ echo "# Exact pins of every package the book, its notebooks and its tests use (Python 3.11)."; \
	  echo "# Generated from requirements.in by \`make lock\`; every make target installs from this file."; \
	  /tmp/iran-russia-lock/bin/pip freeze --exclude-editable; } > requirements.txt

clean:
	rm -rf _build
