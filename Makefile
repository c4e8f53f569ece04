# The edition's commands. Each sets itself up on a fresh Debian machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Debian packages the browser tests need: headless Chromium and CJK fonts (without them
# Chinese renders as empty boxes); nginx for the deployment tests (deploy/nginx/a4p.conf).
APT_PACKAGES := chromium fonts-noto-cjk nginx
# Debian packages every build needs for the PDFs (hooks/outputs/pdf.py): Pango and HarfBuzz's
# subsetter for WeasyPrint, fontconfig, and the fonts: Noto Serif and Noto Naskh Arabic
# (fonts-noto-core), Noto Serif CJK SC (fonts-noto-cjk).
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-noto-core fonts-noto-cjk
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help setup pdf-deps nginx browser tools apt site serve test check offline bench clean

help:
	@echo "make serve   preview at http://127.0.0.1:8000: every language, rebuilt and reloaded on each edit"
	@echo "make test    set up (Python packages, Chromium, CJK fonts) and run every test"
	@echo "make check   the fast loop: every test but the browser, HTML checker and ProperDocs ones"
	@echo "make site    strict build of the online site into site/"
	@echo "make offline the offline bundle: dist/*.zip and dist/SHA256SUMS"
	@echo "make bench   the edition against a plain baseline: docs/benchmarks.md"

# Debian's python3 lacks venv (ensurepip) until python3-venv is installed.
$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || $(MAKE) --no-print-directory apt PACKAGES=python3-venv
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

setup: $(STAMP) pdf-deps

# What the PDFs need from Debian, installed when one of its files is missing.
pdf-deps:
	@if ! ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || ! ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset \
	  || ! fc-list 2>/dev/null | grep -q NotoNaskhArabic || ! fc-list 2>/dev/null | grep -q "NotoSerif-Regular" \
	  || ! fc-list 2>/dev/null | grep -q NotoSerifCJK; then \
	  $(MAKE) --no-print-directory apt PACKAGES="$(PDF_PACKAGES)"; \
	fi

# nginx alone, for make check (tests/test_nginx.py); make test takes it with the browser's packages.
nginx:
	@[ -x /usr/sbin/nginx ] || $(MAKE) --no-print-directory apt PACKAGES=nginx

browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/sbin/nginx ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  $(MAKE) --no-print-directory apt PACKAGES="$(APT_PACKAGES)"; \
	fi

# Debian packages, as root or through sudo.
apt:
	@echo "Installing $(PACKAGES) (Debian packages)"
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(PACKAGES) >/dev/null

site: $(STAMP) pdf-deps
	$(PY) scripts/build_site.py

# The preview: every language built, served at 127.0.0.1:8000, rebuilt and reloaded on every
# edit of source/, docs/, overrides/ or mkdocs.yml (scripts/preview.py). A finished build is
# served as a host does by scripts/serve.py.
serve: $(STAMP) pdf-deps
	$(PY) scripts/preview.py

# The offline bundle: dist/a4p-declaration-<version>-offline.zip and dist/SHA256SUMS.
# The version and date come from git (the last commit), so run it in a clone.
offline: $(STAMP) pdf-deps
	$(PY) scripts/offline.py

# Tools the tests run, pinned: axe-core and the Nu HTML Checker from npm (tests/tools/
# package-lock.json), and Java for the checker (Debian's JRE when there is no java).
TOOLS_STAMP := tests/tools/node_modules/.installed
$(TOOLS_STAMP): tests/tools/package.json tests/tools/package-lock.json
	@command -v npm >/dev/null || $(MAKE) --no-print-directory apt PACKAGES="nodejs npm"
	npm ci --prefix tests/tools --no-audit --no-fund --silent
	@touch $@

tools: $(TOOLS_STAMP)
	@command -v java >/dev/null || $(MAKE) --no-print-directory apt PACKAGES=default-jre-headless

# ProperDocs (a fork of MkDocs 1.6.1) in a venv of its own, pinned in requirements-properdocs.txt:
# tests/test_properdocs.py builds the edition with it and compares the result with MkDocs'
# (docs/decisions/properdocs.md). After $(STAMP), which checks Python and its venv module.
PD_VENV := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed
# What the tests add (pytest, Playwright, schema validators), on top of the build's packages.
TEST_STAMP := $(VENV)/.installed-test
$(PD_STAMP): requirements-properdocs.txt | $(STAMP)
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt
	@touch $@

$(TEST_STAMP): requirements-test.txt $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

# Two worker processes share the tests, a file each at a time (pytest-xdist, --dist loadfile:
# a file's module fixtures and its files under test-output/ stay in one process). Each worker
# builds its own site and bundle and starts its own browser and servers. WORKERS=0 runs
# everything in this one process. Measured in docs/decisions/test-speed.md.
WORKERS ?= 2
PYTEST := $(PY) -m pytest -n $(WORKERS) --dist loadfile

test: $(STAMP) $(TEST_STAMP) $(PD_STAMP) pdf-deps browser tools
	$(PYTEST)

# The fast loop while editing: every test but those marked browser, htmlcheck and properdocs
# (pytest.ini; tests/conftest.py refuses a test that needs one of them and lacks its marker).
# It still builds the site and the offline bundle, and runs TypeScript, ESLint and node --test.
CHECK_MARKERS := not browser and not htmlcheck and not properdocs
check: $(STAMP) $(TEST_STAMP) pdf-deps nginx $(TOOLS_STAMP)
	$(PYTEST) -m "$(CHECK_MARKERS)"

# The edition against a plain baseline (scripts/bench.py); writes docs/benchmarks.md. Not part
# of make test. Lighthouse is pinned and installed from npm into .bench/.
LIGHTHOUSE_VERSION := 12.8.2
bench: $(STAMP) $(TEST_STAMP) pdf-deps browser
	@[ -x .bench/node_modules/.bin/lighthouse ] || npm install --prefix .bench --no-audit --no-fund --silent lighthouse@$(LIGHTHOUSE_VERSION)
	$(PY) scripts/bench.py

clean:
	rm -rf site .site.* dist .pytest_cache .cache
