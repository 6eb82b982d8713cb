# Two commands from a fresh clone:  `make run`  (execute every notebook and
# build reports/index.html)  and  `make test`.  Everything lives in ./.venv;
# nothing is installed or registered outside the repository.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Touched after a successful install: reinstall only when pyproject.toml is newer.
STAMP := $(VENV)/.newskit-installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
REPORTS := reports
NB_TIMEOUT ?= 600
# Extra JupyterLab options, e.g. make lab LAB_ARGS="--no-browser --port 8890"
LAB_ARGS ?=

# The venv's own kernelspec (sys.prefix/share/jupyter/kernels/python3) must win
# over any python3 kernel in ~/.local/share/jupyter.
export JUPYTER_PREFER_ENV_PATH := 1
# Headless matplotlib.  Plain processes (pytest, scripts) get Agg.  Notebook
# kernels get the inline backend instead, which is just as headless: with Agg,
# plt.show() shows nothing, so executed notebooks and their HTML would carry no
# figures (checked with nbconvert 7.17 / ipykernel 7.4).
HEADLESS := MPLBACKEND=Agg
KERNEL_HEADLESS := MPLBACKEND=module://matplotlib_inline.backend_inline
# Executed notebooks keep no widget state: nbconvert's HTML would then prefer the
# widget view (drawn by a script from a CDN) over the static table that the KWIC
# explorer puts beside it (newskit/notebook/explorer.py).

.PHONY: help bootstrap run test lab clean

help:
	@echo "make run    create/refresh .venv, execute notebooks/NN-*.ipynb into reports/, build reports/index.html"
	@echo "make test   create/refresh .venv, run pytest"
	@echo "make lab    create/refresh .venv, open JupyterLab on notebooks/"
	@echo "make clean  remove reports/ and data/processed/ (never data/raw/)"
	@echo "make bench  tokenizer, import and notebook-series benchmarks (BENCH_SIZES=\"$(BENCH_SIZES)\"); writes benchmarks/RESULTS.md"

# --- bootstrap: the one prerequisite shared by run, test and lab -------------
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "error: $(PYTHON) is older than 3.11 (run: make PYTHON=python3.12 ...)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Order-only on the interpreter: creating the venv must not look "newer" than
# the stamp and force a reinstall on every run.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -e ".[dev]"
	touch $@

bootstrap: $(STAMP)

# --- targets ------------------------------------------------------------------
run: bootstrap
	@if [ -z "$(NOTEBOOKS)" ]; then echo "error: no notebooks/NN-*.ipynb to run" >&2; exit 1; fi
	@mkdir -p $(REPORTS)
	@for nb in $(NOTEBOOKS); do \
	  name=$$(basename "$$nb" .ipynb); \
	  echo "==> $$nb"; \
	  TIMEFORMAT="    $$name took %1Rs"; \
	  time $(KERNEL_HEADLESS) $(BIN)/jupyter nbconvert --execute --to notebook \
	    --ExecutePreprocessor.kernel_name=python3 \
	    --ExecutePreprocessor.store_widget_state=False \
	    --ExecutePreprocessor.timeout=$(NB_TIMEOUT) \
	    --output-dir $(REPORTS) --output "$$name" "$$nb" \
	    || { echo "*** make run: $$nb FAILED (traceback above)" >&2; exit 1; }; \
	  $(BIN)/jupyter nbconvert --to html --output-dir $(REPORTS) "$(REPORTS)/$$name.ipynb"; \
	done
	$(HEADLESS) $(BIN)/python -m newskit.notebook.report --reports $(REPORTS) --notebooks notebooks

test: bootstrap
	$(HEADLESS) $(BIN)/python -m pytest

lab: bootstrap
	$(BIN)/jupyter lab notebooks/ $(LAB_ARGS)

clean:
	rm -rf $(REPORTS) data/processed

# Each benchmark writes its own marked section of benchmarks/RESULTS.md
# (<!-- NAME:begin --> … <!-- NAME:end -->, benchmarks/results_md.py), kept when another rewrites the file.
# --- benchmarks (numbers go to benchmarks/RESULTS.md; never part of make test) ---
# Corpus sizes for the notebook benchmark, and which notebooks (empty: all), e.g.
#   make bench-notebooks BENCH_SIZES=1000 BENCH_NOTEBOOKS="01 02"
BENCH_SIZES ?= 1000 10000
BENCH_NOTEBOOKS ?=
BENCH_OUT := benchmarks/RESULTS.md

.PHONY: bench bench-tokenize bench-import bench-notebooks
# One after the other even under make -j: the two would compete for the cores they measure.
bench: bootstrap
	$(MAKE) --no-print-directory bench-tokenize
	$(MAKE) --no-print-directory bench-import
	$(MAKE) --no-print-directory bench-notebooks

bench-tokenize: bootstrap
	$(HEADLESS) $(BIN)/python benchmarks/bench_tokenize.py --out $(BENCH_OUT)

bench-import: bootstrap
	$(HEADLESS) $(BIN)/python benchmarks/bench_import.py --out $(BENCH_OUT)

bench-notebooks: bootstrap
	$(HEADLESS) $(BIN)/python benchmarks/bench_notebooks.py --sizes $(BENCH_SIZES) \
	  $(if $(strip $(BENCH_NOTEBOOKS)),--notebooks $(BENCH_NOTEBOOKS)) --timeout $(NB_TIMEOUT) --out $(BENCH_OUT)
