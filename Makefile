# The two commands of the README: `make report` and `make test`. Each creates the
# virtual environment in .venv and installs requirements.txt first if needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
REPORT_DIR ?= report

.PHONY: report test benchmark lab chromium refresh lock clean clean-cache add
PIP_TOOLS := pip-tools==7.6.2

## Execute every notebook and write the HTML report (and its CSV and PNG files) to $(REPORT_DIR)/.
report: $(VENV)/.installed
	$(BIN)/python scripts/build_report.py --out "$(REPORT_DIR)"

## Unit tests, then nbval over every notebook (stored outputs compared), with the
## seed corpus, exports going to a throw-away folder and a fresh annotation cache (so the
## notebooks compute every table, then read back what an earlier notebook cached).
test: $(VENV)/.installed chromium
	env -u CORPUS_DIR REPORT_DIR="$$(mktemp -d)" INF_CACHE_DIR="$$(mktemp -d)" $(BIN)/python -m pytest \
	  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

## Speed and memory of the helpers on a synthetic 10,000-article corpus (not a test).
benchmark: $(VENV)/.installed
	$(BIN)/python scripts/benchmark.py

## Add saved web pages or text files to a corpus: make add SRC=page.html (or a folder), with
## CORPUS_DIR=, OUTLET=, PUBLISHED=, TITLE=, URL=, LANGUAGE=, AUTHOR=, OUTLET_COUNTRY=,
## OUTLET_TYPE= to override what the pages say, and FORCE=1 to add to the seed corpus.
add: $(VENV)/.installed
	@test -n "$(SRC)" || { echo "make add: give SRC=PATH (a saved page, a text file or a folder)"; exit 2; }
	$(BIN)/python scripts/add_articles.py \
	  $(if $(CORPUS_DIR),--corpus "$(CORPUS_DIR)") $(if $(OUTLET),--outlet "$(OUTLET)") \
	  $(if $(PUBLISHED),--published "$(PUBLISHED)") $(if $(TITLE),--title "$(TITLE)") \
	  $(if $(URL),--url "$(URL)") $(if $(LANGUAGE),--language "$(LANGUAGE)") \
	  $(if $(AUTHOR),--author "$(AUTHOR)") $(if $(OUTLET_COUNTRY),--outlet-country "$(OUTLET_COUNTRY)") \
	  $(if $(OUTLET_TYPE),--outlet-type "$(OUTLET_TYPE)") $(if $(FORCE),--force) -- "$(SRC)"

## Open the notebooks in JupyterLab, with the repo as its root (helpers.py, corpus/ and
## the notebooks all browsable). As root (the usual case in a container) it passes
## --allow-root. Extra options: make lab LAB_ARGS="--no-browser --port 8899".
LAB_ARGS ?=
lab: $(VENV)/.installed
	$(if $(CORPUS_DIR),CORPUS_DIR="$(abspath $(CORPUS_DIR))") $(BIN)/jupyter lab \
	  --ServerApp.root_dir="$(CURDIR)" $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

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

## Maintainers: after editing requirements.txt, regenerate the full lock (every transitive
## version, with the hashes of every file PyPI has for it) that the install uses. It resolves
## against PyPI alone (PIP_CONFIG_FILE=/dev/null ignores local mirrors and wheel folders), so
## the hashes are PyPI's. Commit requirements.lock with requirements.txt.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check $(PIP_TOOLS)
	PIP_CONFIG_FILE=/dev/null .lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	  --strip-extras --no-emit-index-url --no-emit-find-links --output-file requirements.lock requirements.txt
	rm -rf .lock-venv

# Installs the lock, not requirements.txt: --require-hashes refuses any file whose hash is not
# in the lock, and every dependency is pinned there, so a fresh machine gets the same versions.
$(VENV)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing requirements.lock into $(VENV) (a few minutes the first time; pip shows each package)"
	$(BIN)/python -m pip install --disable-pip-version-check --require-hashes -r requirements.lock
	# make `import helpers` work from notebooks/ and tests/ (a .pth file naming this folder)
	$(BIN)/python -c 'import os, site; open(os.path.join(site.getsitepackages()[0], "inf_coverage.pth"), "w").write(os.getcwd() + "\n")'
	# build matplotlib's font cache now, so no notebook prints "building the font cache"
	MPLBACKEND=Agg $(BIN)/python -c 'import matplotlib.pyplot'
	touch $@

clean:
	rm -rf $(VENV) report

## Remove the annotation cache of pipeline.py ($$INF_CACHE_DIR, else .cache/annotations); it
## refuses a folder without the cache's marker file.
clean-cache: $(VENV)/.installed
	$(BIN)/python pipeline.py clean
