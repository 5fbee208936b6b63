# The two commands of the README: `make report` and `make test`. Each creates the
# virtual environment in .venv and installs requirements.lock first if needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
REPORT_DIR ?= report
EXPORT_DIR ?= export

.PHONY: report export test sweep benchmark lab chromium refresh lock clean clean-cache add explore

## Execute every notebook and write the HTML report (and its CSV and PNG files) to $(REPORT_DIR)/.
report: export INF_REPORT_DIR = $(value REPORT_DIR)
report: export INF_CORPUS_DIR = $(value CORPUS_DIR)
report: $(VENV)/.installed
	$${INF_CORPUS_DIR:+env CORPUS_DIR="$$INF_CORPUS_DIR"} $(BIN)/python scripts/build_report.py --out "$$INF_REPORT_DIR"

## Write every table (articles, sentences, quotes, frames, claim checks ...) to $(EXPORT_DIR)/ as CSV
## and Parquet, with a Frictionless datapackage.json describing each column (docs/export.md).
## A folder that is not such an export is refused.
export: export INF_EXPORT_DIR = $(value EXPORT_DIR)
export: export INF_CORPUS_DIR = $(value CORPUS_DIR)
export: $(VENV)/.installed
	$${INF_CORPUS_DIR:+env CORPUS_DIR="$$INF_CORPUS_DIR"} $(BIN)/python scripts/export_tables.py --out "$$INF_EXPORT_DIR"

## Lint (ruff) on the code, tests and scripts, types (mypy) on the package and its facades (both
## configured in pyproject.toml), then the unit tests, then nbval over every notebook (stored
## outputs compared), with the seed corpus, exports going to a throw-away folder and a fresh
## annotation cache (so the notebooks compute every table, then read back what an earlier
## notebook cached).
test: $(VENV)/.installed chromium
	$(BIN)/ruff check --no-cache .
	$(BIN)/mypy --cache-dir /dev/null
	env -u CORPUS_DIR REPORT_DIR="$$(mktemp -d)" INF_CACHE_DIR="$$(mktemp -d)" $(BIN)/python -m pytest \
	  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

## The rest of the corpus sweep (tests/test_sweep.py): the report built on every kind of corpus
## scripts/make_corpora.py writes, the 300-article one included, and the findings checked on eight
## generated corpora with planted truth (tests/test_generated_findings.py): about 25 minutes on two
## cores; `make test` runs three of the kinds and one generated corpus. .ci/run runs it after `make test`.
sweep: $(VENV)/.installed
	env -u CORPUS_DIR -u REPORT_DIR $(BIN)/python -m pytest -p no:nbval tests/test_sweep.py tests/test_generated_findings.py -m sweep

## Speed and memory of the helpers on a synthetic 10,000-article corpus (not a test).
benchmark: $(VENV)/.installed
	$(BIN)/python scripts/benchmark.py

## Add saved web pages or text files to a corpus: make add SRC=page.html (or a folder), with
## CORPUS_DIR=, OUTLET=, PUBLISHED=, TITLE=, URL=, LANGUAGE=, AUTHOR=, OUTLET_COUNTRY=,
## OUTLET_TYPE= to override what the pages say, and FORCE=1 to add to the seed corpus.
# No variable's value is ever part of a recipe's text (a file name with backticks, or a value
# holding $(...), would run as a command there): each is handed to the recipe's environment
# unexpanded ($(value ...)) and read by the shell as "$$NAME", which never re-parses a value.
ADD_VARS := SRC CORPUS_DIR OUTLET PUBLISHED TITLE URL LANGUAGE AUTHOR OUTLET_COUNTRY OUTLET_TYPE FORCE
# make would expand a command-line variable to export it (a file name holding "$(shell ...)"
# would run): these are never exported under their own names, only as INF_* copies, unexpanded.
unexport $(ADD_VARS) REPORT_DIR EXPORT_DIR LAB_ARGS PYTHON
$(foreach v,$(ADD_VARS),$(eval add: export INF_ADD_$(v) = $$(value $(v))))
add: $(VENV)/.installed
	@test -n "$$INF_ADD_SRC" || { echo "make add: give SRC=PATH (a saved page, a text file or a folder)"; exit 2; }
	$(BIN)/python scripts/add_articles.py \
	  $${INF_ADD_CORPUS_DIR:+--corpus "$$INF_ADD_CORPUS_DIR"} $${INF_ADD_OUTLET:+--outlet "$$INF_ADD_OUTLET"} \
	  $${INF_ADD_PUBLISHED:+--published "$$INF_ADD_PUBLISHED"} $${INF_ADD_TITLE:+--title "$$INF_ADD_TITLE"} \
	  $${INF_ADD_URL:+--url "$$INF_ADD_URL"} $${INF_ADD_LANGUAGE:+--language "$$INF_ADD_LANGUAGE"} \
	  $${INF_ADD_AUTHOR:+--author "$$INF_ADD_AUTHOR"} \
	  $${INF_ADD_OUTLET_COUNTRY:+--outlet-country "$$INF_ADD_OUTLET_COUNTRY"} \
	  $${INF_ADD_OUTLET_TYPE:+--outlet-type "$$INF_ADD_OUTLET_TYPE"} $${INF_ADD_FORCE:+--force} -- "$$INF_ADD_SRC"

## Your own question: run notebooks/06-explore.ipynb with papermill on your parameters and write
## its page, its tables and figure to $(OUT) (default explore/): make explore TERMS=Oreshnik
## OUTLETS="The Moscow Times", with DATE_FROM=, DATE_TO= (YYYY-MM-DD), FIGURE= (a person of
## figures.csv), CLAIM= (a claim_id of claims.csv) and CORPUS_DIR=; lists are comma-separated.
## Unset ones keep the notebook's defaults. Each value reaches scripts/explore.py as the ADD_VARS
## do (below): unexpanded, through the environment, never re-read by make or the shell.
EXPLORE_VARS := OUTLETS DATE_FROM DATE_TO TERMS FIGURE CLAIM CORPUS_DIR OUT
unexport $(EXPLORE_VARS)
$(foreach v,$(EXPLORE_VARS),$(eval explore: export INF_EXPLORE_$(v) = $$(value $(v))))
explore: $(VENV)/.installed
	$(BIN)/python scripts/explore.py --out "$${INF_EXPLORE_OUT:-explore}" \
	  $${INF_EXPLORE_CORPUS_DIR:+--corpus "$$INF_EXPLORE_CORPUS_DIR"} \
	  $${INF_EXPLORE_OUTLETS:+--outlets "$$INF_EXPLORE_OUTLETS"} \
	  $${INF_EXPLORE_DATE_FROM:+--date-from "$$INF_EXPLORE_DATE_FROM"} \
	  $${INF_EXPLORE_DATE_TO:+--date-to "$$INF_EXPLORE_DATE_TO"} \
	  $${INF_EXPLORE_TERMS:+--terms "$$INF_EXPLORE_TERMS"} \
	  $${INF_EXPLORE_FIGURE:+--figure "$$INF_EXPLORE_FIGURE"} $${INF_EXPLORE_CLAIM:+--claim "$$INF_EXPLORE_CLAIM"}

## Open the notebooks in JupyterLab, with the repo as its root (helpers.py, corpus/ and
## the notebooks all browsable). As root (the usual case in a container) it passes
## --allow-root. Extra options: make lab LAB_ARGS="--no-browser --port 8899".
LAB_ARGS ?=
lab: export INF_LAB_ARGS = $(value LAB_ARGS)
lab: export INF_LAB_CORPUS = $(value CORPUS_DIR)
lab: $(VENV)/.installed
	$${INF_LAB_CORPUS:+env CORPUS_DIR="$$(realpath -m -- "$$INF_LAB_CORPUS")"} $(BIN)/jupyter lab \
	  --ServerApp.root_dir="$(CURDIR)" $(if $(filter 0,$(shell id -u)),--allow-root) $$INF_LAB_ARGS

## The browser test (tests/test_browser.py) needs Debian's headless Chromium: installed
## here when missing if we are root, else the command to install it is printed.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium for the browser test (apt-get install -y chromium)"; \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	  else \
	    echo "the browser test needs Chromium; install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2; \
	    exit 1; \
	  fi; }

## Maintainers: re-run every notebook in place on the seed corpus, so its stored
## outputs (which nbval compares) match the code. Commit the result.
refresh: $(VENV)/.installed
	env -u CORPUS_DIR REPORT_DIR="$$(mktemp -d)" $(BIN)/python scripts/build_report.py --in-place

## Maintainers: after editing requirements.txt (or requirements-installer.txt), regenerate the
## full locks: every transitive version, with the hash of every file the index has for it, for
## Linux, macOS and Windows alike (--universal). uv keeps the versions already locked unless
## requirements.txt asks for others; --no-config and the unset variables make it resolve
## against the default index alone, whatever a maintainer's own uv settings say. Commit both
## .lock files with their .txt files.
UV_CLEAN_ENV := env -u UV_INDEX_URL -u UV_DEFAULT_INDEX -u UV_EXTRA_INDEX_URL -u UV_INDEX -u UV_FIND_LINKS
lock: $(VENV)/.installed
	$(UV_CLEAN_ENV) $(UV) pip compile --no-config --quiet --generate-hashes --universal --python-version 3.11 \
	  --custom-compile-command "make lock" --output-file requirements-installer.lock requirements-installer.txt
	$(UV_CLEAN_ENV) $(UV) pip compile --no-config --quiet --generate-hashes --universal --python-version 3.11 \
	  --custom-compile-command "make lock" --output-file requirements.lock requirements.txt

# The install never depends on the pip the interpreter ships (pip 23.2, for one, refuses this
# lock under --require-hashes because of an extra): the venv's own pip installs only the pinned,
# hashed installer (uv: one wheel, no dependencies, which any pip since 8 installs), and uv
# installs requirements.lock, every file checked against its hash. `uv pip sync` makes the venv
# exactly the lock (a package dropped from the lock is removed). --link-mode copy: the cache may
# sit on another file system than the venv.
$(VENV)/.installed: export INF_PYTHON = $(if $(filter command line environment,$(origin PYTHON)),$(value PYTHON),$(PYTHON))
$(VENV)/.installed: requirements.lock requirements-installer.lock
	test -x $(BIN)/python || "$$INF_PYTHON" -m venv $(VENV)
	@echo "installing the pinned installer (requirements-installer.lock) with the venv's own pip"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-installer.lock
	@echo "installing requirements.lock into $(VENV) with uv (under a minute the first time)"
	$(UV) pip sync --python $(BIN)/python --require-hashes --link-mode copy requirements.lock
	# make `import helpers` work from notebooks/ and tests/ (a .pth file naming this folder)
	$(BIN)/python -c 'import os, site; open(os.path.join(site.getsitepackages()[0], "inf_coverage.pth"), "w").write(os.getcwd() + "\n")'
	# build matplotlib's font cache now, so no notebook prints "building the font cache"
	MPLBACKEND=Agg $(BIN)/python -c 'import matplotlib.pyplot'
	touch $@

clean:
	rm -rf $(VENV) report export explore

## Remove the annotation cache of pipeline.py ($$INF_CACHE_DIR, else .cache/annotations); it
## refuses a folder without the cache's marker file.
clean-cache: $(VENV)/.installed
	$(BIN)/python pipeline.py clean
