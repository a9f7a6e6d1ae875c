# Two commands on a fresh machine (python3 and make): `make run` and `make test`.
# The venv is rebuilt only when pyproject.toml changes (stamp files), so re-runs are quick.
# Each step says what it does in one line; the commands themselves are not echoed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check

.PHONY: run test bench lint clean bundle bundle-test icons translations

$(BIN)/python:
	@echo "Creating a Python environment in $(VENV)…"
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	@echo "Installing AITasker Desktop… (about a minute the first time)"
	@$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	@echo "Installing AITasker Desktop and its test tools… (a few minutes the first time)"
	@$(PIP) install -e '.[test,dev]'
	@touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	@echo "Starting AITasker Desktop (demo mode)…"
	@$(BIN)/aitasker-desktop --demo

test: $(VENV)/.installed-test
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# The app's own modules byte-compiled first, as an installed copy has them (pip compiles a wheel's
# files, the bundle ships them compiled; the benches run with PYTHONDONTWRITEBYTECODE): otherwise
# every measured start would compile all of app/ and ui/ from source, which no user's start does.
bench: $(VENV)/.installed-test
	$(BIN)/python -m compileall -q app ui
	$(BIN)/python -m pytest -q -m bench -p no:randomly tests/bench

lint: $(VENV)/.installed-test
	$(BIN)/ruff check app ui tests packaging
	$(BIN)/ruff format --check app ui tests packaging
	$(BIN)/mypy

# The Linux download: dist/aitasker-desktop-<version>-linux-x86_64.tar.gz (slow; not part of `make test`).
$(VENV)/.installed-bundle: pyproject.toml | $(BIN)/python
	@echo "Installing AITasker Desktop and PyInstaller…"
	@$(PIP) install -e '.[bundle]'
	@touch $@

bundle: $(VENV)/.installed-bundle
	@echo "Building the Linux download in dist/… (a few minutes)"
	@$(BIN)/python packaging/build_bundle.py

# Builds the tarball in a temporary folder and runs it with an empty environment (slow).
bundle-test: $(VENV)/.installed-bundle $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -m bundle -p no:randomly tests/bundle

# Extract every tr()/translate()/QT_TRANSLATE_NOOP string from app/ and ui/ into
# resources/translations/aitasker_<lang>.ts (translate those in Qt Linguist: .venv/bin/pyside6-linguist),
# then compile them to the .qm files the app loads (both are committed).
TRANSLATIONS := de
translations: $(VENV)/.installed-run
	$(BIN)/pyside6-lupdate -extensions py -no-obsolete -locations none app ui \
		-ts $(TRANSLATIONS:%=resources/translations/aitasker_%.ts)
	for ts in resources/translations/aitasker_*.ts; do $(BIN)/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; done

# Re-render resources/icons/*.png from the SVG (the PNGs are committed).
icons: $(VENV)/.installed-run
	$(BIN)/python packaging/render_icons.py

clean:
	rm -rf $(VENV) .pytest_cache build dist
