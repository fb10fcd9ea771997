# Two entry points: `make build` and `make test`. Each creates .venv from the lock if needed.
# Conda users: `conda env create -f environment.yml && conda activate gapstudy`, then
# `make build ENV=conda` (any target) uses that active environment instead of .venv.
PYTHON ?= python3

.PHONY: build test setup lock lab lint bench bench-scale clean golden vocab-docs

ifeq ($(ENV),conda)
ifndef CONDA_PREFIX
$(error ENV=conda needs an active conda environment: conda env create -f environment.yml && conda activate gapstudy)
endif
VENV := $(CONDA_PREFIX)
BIN := $(VENV)/bin
STAMP := $(VENV)/.gapstudy-installed

# environment.yml already installs the package (pip: -e .); this only checks that it did.
$(STAMP): environment.yml pyproject.toml
	$(BIN)/python -c "import gapstudy, nh3, papermill" \
		|| (echo "not the gapstudy environment: conda env update -f environment.yml" && false)
	touch $(STAMP)
else
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)
endif

# cffconvert checks CITATION.cff. It needs jsonschema 3, which the notebook stack (jsonschema
# 4) cannot share, so it has a small environment of its own, pinned by .ci/cffconvert.lock.
CFF_VENV := .cache/tools/cffconvert
CFF_STAMP := $(CFF_VENV)/.installed
$(CFF_STAMP): .ci/cffconvert.lock
	rm -rf $(CFF_VENV) && $(PYTHON) -m venv $(CFF_VENV)
	$(CFF_VENV)/bin/python -m pip install --quiet -r .ci/cffconvert.lock
	touch $(CFF_STAMP)

setup: $(STAMP) $(CFF_STAMP)

build: $(STAMP)
	$(BIN)/gapstudy build

# Regenerate the reviewed summary of the corpus the tests compare with; review its diff.
golden: $(STAMP)
	$(BIN)/python -m gapstudy.summary --write-golden

# Regenerate the list of vocabularies in docs/annotations.md from gapstudy/vocab.py.
vocab-docs: $(STAMP)
	$(BIN)/python -c "from pathlib import Path; from gapstudy.vocab import with_vocabularies; \
	p = Path('docs/annotations.md'); p.write_text(with_vocabularies(p.read_text()))"

# The suite, then nbval over the executed notebooks where they are; re-running them must leave
# the tree as it was (their figures go to a scratch folder), which the status check proves.
NBVAL_STATUS := .cache/nbval-status
test: $(STAMP) $(CFF_STAMP)
	$(BIN)/python -m pytest
	mkdir -p .cache && git status --porcelain --untracked-files=all > $(NBVAL_STATUS).before
	$(BIN)/python -m pytest -p no:cacheprovider --nbval reports/notebooks \
		--nbval-sanitize-with tests/nbval_sanitize.cfg
	git status --porcelain --untracked-files=all > $(NBVAL_STATUS).after
	diff $(NBVAL_STATUS).before $(NBVAL_STATUS).after \
		|| (echo "nbval changed the tree (above: < before, > after)" && false)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# JupyterLab on the notebooks; its log prints the address to open (with its token). Extra
# options go in ARGS, e.g. `make lab ARGS="--port 9999 --no-browser"`. Jupyter refuses to run
# as root unless told, so --allow-root is added when the user id is 0 (containers, Binder).
USER_ID ?= $(shell id -u)
LAB_ROOT_FLAG := $(if $(filter 0,$(USER_ID)),--allow-root,)
lab: $(STAMP)
	@echo "Starting JupyterLab; open the http://127.0.0.1:... address it prints below."
	$(BIN)/jupyter lab notebooks/ $(LAB_ROOT_FLAG) $(ARGS)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Every step (check, tables, build --force, no-op build, render, load, a re-check after one edit)
# on synthetic corpora of SCALE_SIZES sources, each in a fresh process, in scratch copies.
# Sizes are multiples of the real corpus; run time grows with the largest (e.g. SCALE_SIZES=5,20).
SCALE_SIZES ?= 5,20,80
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py --sizes $(SCALE_SIZES)

# Regenerate the pinned locks: requirements.lock from pyproject.toml with the dev and
# distributed extras (needs the dev extra installed), and the lock of the cffconvert environment.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra distributed --universal --python-version 3.11 -o requirements.lock
	$(BIN)/uv pip compile .ci/cffconvert.in --universal --python-version 3.11 -o .ci/cffconvert.lock

clean:
	rm -rf $(VENV) .cache
