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

.PHONY: help bootstrap git-filter run report test lab clean

help:
	@echo "make run    create/refresh .venv, execute notebooks/NN-*.ipynb into reports/, build reports/index.html"
	@echo "make report DATA_DIR=path/to/corpus   the same series on that corpus, into path/to/corpus/reports/"
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

# Outputs never reach a commit: nbstripout is the git clean filter of the
# notebooks (.gitattributes).  Idempotent; nothing to do outside a git checkout.
git-filter: $(STAMP)
	@tools/git-filter.sh $(BIN)

bootstrap: $(STAMP) git-filter

# --- targets ------------------------------------------------------------------
# The series on one corpus: papermill executes every notebook (in order,
# stopping at the first failure, printing each one's time) into the corpus's
# reports folder; then the HTML of each (CJK-capable fonts) and the index.
# $(1): the corpus folder; $(2): extra papermill arguments.
define run_series
	@reports=$$($(BIN)/python -c 'import sys; from newskit.config import reports_dir; print(reports_dir(sys.argv[1]))' "$(1)"); \
	mkdir -p "$$reports"; \
	for nb in $(NOTEBOOKS); do \
	  name=$$(basename "$$nb" .ipynb); \
	  echo "==> $$nb -> $$reports/$$name.ipynb"; \
	  TIMEFORMAT="    $$name took %1Rs"; \
	  time $(KERNEL_HEADLESS) $(BIN)/papermill "$$nb" "$$reports/$$name.ipynb" $(2) -k python3 --cwd notebooks \
	    --execution-timeout $(NB_TIMEOUT) --no-progress-bar --log-level ERROR \
	    || { echo "*** make: $$nb FAILED (traceback in $$reports/$$name.ipynb)" >&2; exit 1; }; \
	done; \
	$(HEADLESS) $(BIN)/python -m newskit.notebook.report --reports "$$reports" --notebooks notebooks --html
endef

run: bootstrap
	@if [ -z "$(NOTEBOOKS)" ]; then echo "error: no notebooks/NN-*.ipynb to run" >&2; exit 1; fi
	$(call run_series,data,)

# make report DATA_DIR=path/to/corpus: executed notebooks, HTML, figures and the
# index land in path/to/corpus/reports/, tables in path/to/corpus/processed/.
report: bootstrap
	@if [ -z "$(DATA_DIR)" ]; then echo "usage: make report DATA_DIR=path/to/corpus (a folder with catalog.csv)" >&2; exit 1; fi
	@if [ ! -f "$(DATA_DIR)/catalog.csv" ]; then echo "error: $(DATA_DIR)/catalog.csv not found" >&2; exit 1; fi
	$(call run_series,$(abspath $(DATA_DIR)),-p DATA_DIR "$(abspath $(DATA_DIR))")

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
