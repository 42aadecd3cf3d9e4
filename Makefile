# One environment for everything: .venv, installed from requirements.txt (exact pins) plus this
# repository's iran_russia package. Every target below creates it on first use.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JB := $(BIN)/jupyter-book

.PHONY: help env book pdf test outputs lab lint format lock clean assignments grade book-student bench set-repository

help:
	@echo "make book     build the HTML book into _build/html (warnings are errors)"
	@echo "make pdf      build the whole book as one PDF: _build/latex/iran-russia.pdf (needs XeLaTeX)"
	@echo "make test     run every test: unit tests, data checks, strict nbval, the build, ruff"
	@echo "make lab      open JupyterLab on book/ with the project's environment as its kernel"
	@echo "make outputs  re-execute every chapter notebook in place to refresh its stored outputs"
	@echo "make format   apply ruff's fixes and formatting"
	@echo "make lock     re-resolve requirements.in into the exact pins of requirements.txt"
	@echo "make clean    remove _build (keeps .venv)"
	@echo "make assignments  generate the assignments' student versions and autograders (assignments/dist)"
	@echo "make grade SUBMISSIONS=folder ASSIGNMENT=name  grade a folder of notebooks into one CSV table"
	@echo "make book-student build the student edition (exercise solutions removed) into _build/student"
	@echo "make bench    time builds, tests, execution, page weight and widget latency (RUNS=3)"

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

# The whole book as one PDF (XeLaTeX; .ci/run installs the TeX packages). The copy beside the HTML
# book is what the site's "The whole book (PDF)" link opens.
pdf: $(STAMP)
	$(JB) build . --builder pdflatex --warningiserror --keep-going
	mkdir -p _build/html && cp _build/latex/iran-russia.pdf _build/html/iran-russia.pdf
	@echo "The PDF is $(CURDIR)/_build/latex/iran-russia.pdf (copied to _build/html/iran-russia.pdf)."

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

# Course assignments (assignments/README.md): otter assign turns each master notebook
# assignments/NAME.ipynb into assignments/dist/NAME/student/ and .../autograder/, after checking that
# the solutions pass every test.
assignments: $(STAMP)
	$(BIN)/python scripts/build_assignments.py --dest assignments/dist

# Grade a folder of submitted notebooks without Docker: one CSV table of scores, one line per file
# (GRADES=path to choose the table's file; default SUBMISSIONS/grades.csv).
grade: $(STAMP)
	@test -n "$(SUBMISSIONS)" -a -n "$(ASSIGNMENT)" || \
	  { echo "usage: make grade SUBMISSIONS=folder ASSIGNMENT=name [GRADES=file.csv]"; exit 1; }
	$(BIN)/python scripts/grade_submissions.py "$(SUBMISSIONS)" --assignment "$(ASSIGNMENT)" \
	  $(if $(GRADES),--output "$(GRADES)")

# The student edition: the same book with every exercise solution removed (book/_ext/student_edition.py).
book-student: $(STAMP)
	$(BIN)/python scripts/build_student_edition.py --path-output _build/student

# Where the time goes: medians over RUNS repetitions, printed and written to _build/bench/latest.json
# (compare two runs with: .venv/bin/python scripts/bench.py --compare old.json).
RUNS ?= 3
bench: $(STAMP)
	$(BIN)/python scripts/bench.py --runs $(RUNS)

# Name the book's repository once: turns on the launch buttons and the chapters' Colab set-up cell.
set-repository: $(STAMP)
	@test -n "$(URL)" || { echo "usage: make set-repository URL=https://github.com/OWNER/REPOSITORY"; exit 1; }
	$(BIN)/python scripts/set_repository.py "$(URL)"
