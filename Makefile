# conflictmap: `make demo` runs the app on the demo corpus, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DB ?= data/conflictmap.sqlite

.PHONY: setup browser demo serve test test-long bench gazetteer clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Debian's Chromium for the browser tests (browsers cannot be downloaded by Playwright here).
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
	  $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

demo: setup
	$(PY) -m conflictmap ingest samples --db $(DB)
	$(PY) -m conflictmap serve --db $(DB)

serve: setup
	$(PY) -m conflictmap serve --db $(DB)

test: setup browser
	$(PY) -m pytest -q

test-long: setup browser
	$(PY) -m pytest -q -m long

bench: setup
	$(PY) -m bench

gazetteer: setup
	$(PY) -m conflictmap gazetteer build

clean:
	rm -rf $(VENV) data static .pytest_cache
