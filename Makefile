# Two commands for a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: run test lint bench dist icons clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[desk]'
	touch $@

$(TSTAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[desk,stanza,test,archive,dist]'
	touch $@ $(STAMP)

run: $(STAMP)
	$(VENV)/bin/quote-desk desk --demo

test: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(TSTAMP)
	$(VENV)/bin/ruff check quote_desk tests benchmarks

bench: $(TSTAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run_all.py

# The frozen one-folder app in dist/quote-desk/ and its archive (packaging/README.md).
dist: $(TSTAMP)
	$(PY) packaging/build_app.py

# Regenerate the PNG/ICO/ICNS icons from resources/icons/quote_desk.svg.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/make_icons.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
