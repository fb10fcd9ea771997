# Two entry points: `make build` and `make test`. Each creates .venv from the lock if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test setup lock lab lint bench bench-scale clean golden

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

setup: $(STAMP)

build: $(STAMP)
	$(BIN)/gapstudy build

# Regenerate the reviewed summary of the corpus the tests compare with; review its diff.
golden: $(STAMP)
	$(BIN)/python -m gapstudy.summary --write-golden

# The suite, then nbval over a scratch copy of the executed notebooks (so that re-running them
# cannot touch the committed figures).
NBVAL_DIR := .cache/nbval
test: $(STAMP)
	$(BIN)/python -m pytest
	rm -rf $(NBVAL_DIR) && mkdir -p $(NBVAL_DIR) && cp -r reports/notebooks $(NBVAL_DIR)/
	$(BIN)/python -m pytest -p no:cacheprovider --nbval $(NBVAL_DIR)/notebooks \
		--nbval-sanitize-with tests/nbval_sanitize.cfg

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Every step (check, tables, build --force, no-op build, render, load, a re-check after one edit)
# on synthetic corpora of SCALE_SIZES sources, each in a fresh process, in scratch copies.
# Sizes are multiples of the real corpus; run time grows with the largest (e.g. SCALE_SIZES=5,20).
SCALE_SIZES ?= 5,20,80
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py --sizes $(SCALE_SIZES)

# Regenerate the pinned lock from pyproject.toml (needs the dev extra installed).
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .cache
