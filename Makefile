# Thin entry points: every target calls Python; the venv is made and refreshed on demand.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
# Prefer the venv's kernels and settings over anything in the user's home.
export JUPYTER_PREFER_ENV_PATH := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Kernels started from here must be the venv's Python, which has course_utils installed.
export PATH := $(abspath $(VENV))/bin:$(PATH)
# matplotlib's font cache and settings live in the venv: a user's matplotlibrc or a font cache left
# by another matplotlib install (~/.cache/matplotlib) cannot change a figure or print a warning.
export MPLCONFIGDIR := $(abspath $(VENV))/matplotlib

.PHONY: help lab test test-fast test-cpus test-floors test-newest execute exercises grade slides html bench clean
help:
	@echo "make lab        set up .venv and open the course in JupyterLab"
	@echo "make test       set up .venv with test extras and run every test"
	@echo "make test-cpus  nbval with numpy's AVX-512, then AVX2 kernels switched off"
	@echo "make test-floors  every dependency at its declared floor, oldest Python: tests and nbval"
	@echo "make test-newest  the newest Python the course claims, newest dependencies: tests and nbval"
	@echo "make execute    re-run notebooks top to bottom (NB='path ...' for some)"
	@echo "make exercises  regenerate exercises/ from solutions/"
	@echo "make grade      grade a class folder: make grade SUBMISSIONS=dir"
	@echo "make slides     offline reveal.js decks into build/slides"
	@echo "make html       offline static site into build/html"
	@echo "make bench      benchmarks into bench/results.json and bench/REPORT.md"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# Stamps: the install is skipped when pyproject.toml has not changed since.
# The RISE extension is copied into the venv at install time: a new version (package.json names its
# file) needs a reinstall too.
INSTALLED := pyproject.toml course_utils/labextension/course-rise-widgets/package.json
# The font cache is built once here, so its one-time notice never lands in a notebook's output.
$(VENV)/.stamp-core: $(INSTALLED) | $(PY)
	$(PY) -m pip install -q -e .
	$(PY) -c "import matplotlib.font_manager"
	@touch $@
$(VENV)/.stamp-dev: $(INSTALLED) | $(PY)
	$(PY) -m pip install -q -e '.[test,instructor]'
	$(PY) -c "import matplotlib.font_manager"
	@touch $@ $(VENV)/.stamp-core

lab: $(VENV)/.stamp-core
	$(PY) -m tools.lab $(LAB_ARGS)

# One worker per CPU; tests/conftest.py keeps each notebook, each test file and the JupyterLab browser tests whole.
# JOBS=0 runs everything in this one process (the order CONTRIBUTING.md describes).
JOBS ?= auto
test: $(VENV)/.stamp-dev
	$(PY) -m pytest -n $(JOBS)

test-fast: $(VENV)/.stamp-dev
	$(PY) -m pytest tests -m "not browser and not another_machine"

# Stored outputs must not depend on the CPU: the same nbval run with numpy's widest SIMD kernels off.
NOTEBOOK_DIRS := notebooks solutions exercises
test-cpus: $(VENV)/.stamp-dev
	@for level in avx512 avx2; do \
	  off="$$($(PY) -m tools.cpu_features $$level)"; \
	  if [ -z "$$off" ]; then echo "$$level: skipped, this CPU runs none of numpy's $$level kernels"; continue; fi; \
	  echo "numpy SIMD targets switched off ($$level and wider): $$off"; \
	  NPY_DISABLE_CPU_FEATURES="$$off" $(PY) -m pytest $(NOTEBOOK_DIRS) || exit 1; \
	done

# The version ranges in pyproject.toml, tested at their edges in venvs of their own (.venv-floors, .venv-newest).
test-floors: $(VENV)/.stamp-dev
	$(PY) -m tools.version_matrix floors

test-newest: $(VENV)/.stamp-dev
	$(PY) -m tools.version_matrix newest

execute: $(VENV)/.stamp-core
	$(PY) -m tools.execute $(NB)

exercises: $(VENV)/.stamp-core
	$(PY) -m tools.make_exercises

grade: $(VENV)/.stamp-core
	$(PY) -m course_utils.grading "$(SUBMISSIONS)" --gradebook "$(or $(GRADEBOOK),gradebook.csv)"

slides: $(VENV)/.stamp-dev
	$(PY) -m tools.export slides

html: $(VENV)/.stamp-dev
	$(PY) -m tools.export html

bench: $(VENV)/.stamp-dev
	$(PY) -m bench

clean:
	rm -rf build .pytest_cache .venv-floors .venv-newest
