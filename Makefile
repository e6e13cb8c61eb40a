# conflictmap: `make demo` runs the app on the demo corpus, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DB ?= data/conflictmap.sqlite

.PHONY: setup browser postgres demo serve test test-long bench gazetteer clean

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

# Debian's PostgreSQL and PostGIS: the tests start a throwaway server of their own (tests/pgserver.py).
PG_VERSION ?= 15
postgres:
	@[ -x /usr/lib/postgresql/$(PG_VERSION)/bin/pg_ctl ] && \
	  [ -f /usr/share/postgresql/$(PG_VERSION)/extension/postgis.control ] || { $(SUDO) apt-get update -qq && \
	  $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-$(PG_VERSION) \
	  postgresql-$(PG_VERSION)-postgis-3 >/dev/null; }

demo: setup
	$(PY) -m conflictmap ingest samples --db $(DB)
	$(PY) -m conflictmap serve --db $(DB)

serve: setup
	$(PY) -m conflictmap serve --db $(DB)

test: setup browser postgres
	CONFLICTMAP_TEST_POSTGRES=required $(PY) -m pytest -q

test-long: setup browser postgres
	CONFLICTMAP_TEST_POSTGRES=required $(PY) -m pytest -q -m long

bench: setup
	$(PY) -m bench

gazetteer: setup
	$(PY) -m conflictmap gazetteer build

clean:
	rm -rf $(VENV) data static .pytest_cache
