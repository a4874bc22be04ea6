# CSP Reconciler — developer commands.  `make run` and `make test` create .venv/ on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR := .demo

.PHONY: run test lint typecheck demo clean bench samples screenshots dist dist-check

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	bash .ci/qt-libs
	$(BIN)/csp-recon demo $(DEMO_DIR)
	$(BIN)/csp-recon --db $(DEMO_DIR)/workspace.db balance
	$(BIN)/csp-recon --db $(DEMO_DIR)/workspace.db aging
	$(BIN)/csp-reconciler $(DEMO_DIR)/workspace.db

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Style, the layering contracts ([tool.importlinter] in pyproject.toml) and the types.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check core tests
	$(BIN)/lint-imports
	@$(MAKE) --no-print-directory typecheck

# Strict types for the money, the records and the pure rules ([tool.mypy] in pyproject.toml).
typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info

# The bundle is built from the versions pinned in installer/constraints.txt (regenerate it
# with `$(BIN)/python installer/lock.py` after changing the dependencies).
DIST_STAMP := $(VENV)/.dist-installed
$(DIST_STAMP): $(STAMP) installer/constraints.txt
	$(BIN)/python -m pip install --quiet -e '.[dist]' -c installer/constraints.txt
	touch $(DIST_STAMP)

# The installable bundle and the Linux packages (dist/); dist-check builds them, tries the
# bundle, checks its size budget and runs lintian on the .deb (CI runs it: .ci/run).
dist: $(DIST_STAMP)
	$(BIN)/python installer/build.py

dist-check: $(DIST_STAMP)
	bash .ci/qt-libs
	bash .ci/dist-tools
	$(BIN)/python installer/check.py

# The team-workspace load rows need a PostgreSQL server: a throwaway one is started when
# CSP_TEST_PG_URL does not name one (and stopped afterwards).
bench: $(STAMP)
	@if [ -n "$$CSP_TEST_PG_URL" ]; then $(BIN)/python -m tests.benchmarks; else \
	  eval "$$(bash .ci/postgres start || true)"; $(BIN)/python -m tests.benchmarks; \
	  status=$$?; bash .ci/postgres stop || true; exit $$status; fi

# Sample outputs of the demo workspace, committed under docs/samples/ for readers.
samples: $(STAMP)
	rm -rf .samples && $(BIN)/csp-recon demo .samples --today 2026-11-23 >/dev/null
	$(BIN)/csp-recon --db .samples/workspace.db set company_address "$$(printf '12 rue de la Paix\n75002 Paris')" >/dev/null
	$(BIN)/csp-recon --db .samples/workspace.db set company_account "FR76 3000 4000 0312 3456 7890 143" >/dev/null
	$(BIN)/csp-recon --db .samples/workspace.db set payee_account_EUR "IE29 AIBK 9311 5212 3456 78" >/dev/null
	$(BIN)/csp-recon --db .samples/workspace.db plan G000100008 G000100013 G000100002 --date 2026-11-25 >/dev/null
	$(BIN)/csp-recon --db .samples/workspace.db plan G000100014 --date 2026-11-25 >/dev/null
	mkdir -p docs/samples
	$(BIN)/csp-recon --db .samples/workspace.db export remittance plan:1 --format pdf -o docs/samples/remittance.pdf
	$(BIN)/csp-recon --db .samples/workspace.db export remittance plan:1 --format xlsx -o docs/samples/remittance.xlsx
	$(BIN)/csp-recon --db .samples/workspace.db export remittance plan:1 --format txt -o docs/samples/remittance.txt
	$(BIN)/csp-recon --db .samples/workspace.db export pain001 plan:1 plan:2 -o docs/samples/pain001.xml
	$(BIN)/csp-recon --db .samples/workspace.db export report --as-of 2026-11-23 -o docs/samples/report.xlsx
	$(BIN)/csp-recon --db .samples/workspace.db export request P5 -o docs/samples/unallocated-request.txt
	$(BIN)/csp-recon --db .samples/workspace.db export ticket P6 -o docs/samples/wrong-currency-ticket.txt
	pdftoppm -png -r 60 -singlefile docs/samples/remittance.pdf docs/samples/remittance

# Pictures of the main views on the demo workspace, for the README.
screenshots: $(STAMP)
	rm -rf .shots && $(BIN)/csp-recon demo .shots --today 2026-11-23 >/dev/null
	mkdir -p docs/screenshots
	if command -v xvfb-run >/dev/null; then \
	  xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python -m desktop.screenshots .shots/workspace.db docs/screenshots; \
	else \
	  QT_QPA_PLATFORM=offscreen $(BIN)/python -m desktop.screenshots .shots/workspace.db docs/screenshots; \
	fi
