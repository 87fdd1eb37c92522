# Two commands do all set-up on a fresh machine:
#   make run   - virtualenv, locked dependencies, migrations, demo content, local server + scheduler
#   make test  - the whole test suite (installs Debian's Chromium for browser tests if missing)
# and, while working:
#   make test-fast    - all but the browser, container, load and demo tests, in parallel
#   make test-random  - the whole suite in a random order (prints the seed to repeat it)

PORT ?= 8000
# Folders that hold no project strings (the virtualenv holds Django's own).
MESSAGES_IGNORE := --ignore ".venv/*" --ignore "staticfiles/*" --ignore "media/*" --ignore "node_modules/*"
VENV := .venv
PYTHON := $(VENV)/bin/python
# .python-version pins 3.12; pyenv's python3 shim honours it, python3.12 also works.
BASE_PYTHON ?= $(shell command -v python3.12 2>/dev/null || echo python3)

.PHONY: run test test-fast test-random install install-test migrate demo admin lock lint chromium gettext messages editor-guide screenshots backup restore clean image-check

$(VENV)/pyvenv.cfg:
	@$(BASE_PYTHON) -c 'import sys; assert sys.version_info >= (3, 12), "Python 3.12 or newer is needed, found " + sys.version.split()[0]'
	$(BASE_PYTHON) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip

$(VENV)/.installed-base: requirements/base.lock | $(VENV)/pyvenv.cfg
	$(PYTHON) -m pip install --quiet --require-hashes --no-deps -r requirements/base.lock
	@touch $@

$(VENV)/.installed-test: requirements/test.lock | $(VENV)/pyvenv.cfg
	$(PYTHON) -m pip install --quiet --require-hashes --no-deps -r requirements/test.lock
	@touch $@ $(VENV)/.installed-base

install: $(VENV)/.installed-base
install-test: $(VENV)/.installed-test

migrate: install
	$(PYTHON) manage.py migrate --no-input

demo: migrate
	$(PYTHON) manage.py load_demo_content

admin: migrate
	$(PYTHON) manage.py create_local_admin

# The scheduler publishes and unpublishes at editors' go-live and expiry times.
# Review e-mails link to the admin at WAGTAILADMIN_BASE_URL: the port served here
# unless the environment says otherwise.
# It runs in the background of the same shell as the server and is stopped
# (after finishing any pass under way) when the server stops, Ctrl-C included.
run: demo admin
	@echo ""
	@echo "  Learning Alliance of New Mexico:  http://127.0.0.1:$(PORT)/  (also http://localhost:$(PORT)/)"
	@echo "  NewMexicoKidsCAN:                 http://kidscan.localhost:$(PORT)/"
	@echo "  Wagtail admin (either site):      http://127.0.0.1:$(PORT)/admin/"
	@echo "  Demo staff (password in README):  alliance-editor, alliance-moderator, kidscan-editor, kidscan-moderator"
	@echo ""
	trap 'kill $$SCHEDULER 2>/dev/null; wait $$SCHEDULER 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(PYTHON) manage.py run_scheduler & SCHEDULER=$$!; \
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)} \
	$(PYTHON) manage.py runserver 127.0.0.1:$(PORT)

chromium:
	@sh tools/scripts/ensure-chromium

gettext:
	@sh tools/scripts/ensure-gettext

# Parallel workers (pytest-xdist), each with its own database, media folder,
# cache and browser: one per core unless TEST_WORKERS says otherwise. Workers
# take whole groups in the order the suite sets (tests/shared_demo.py), so the
# demo is loaded once per worker. PYTEST_ARGS picks tests, e.g. PYTEST_ARGS=tests/test_feeds.py.
TEST_WORKERS ?= auto
PYTEST_PARALLEL := -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder
FAST_TESTS := -m "not browser and not container and not load and not demo"

test: install-test chromium gettext
	$(PYTHON) -m pytest $(PYTEST_PARALLEL) --durations=15 $(PYTEST_ARGS)

test-fast: install-test gettext
	$(PYTHON) -m pytest $(PYTEST_PARALLEL) $(FAST_TESTS) $(PYTEST_ARGS)

# Tests must not lean on each other's data or order; run this now and then.
# Repeat a failing order with PYTEST_ARGS=--randomly-seed=<the printed seed>.
test-random: install-test chromium gettext
	$(PYTHON) -m pytest $(PYTEST_PARALLEL) -p randomly $(PYTEST_ARGS)

# After changing interface text: re-extract it into locale/es/LC_MESSAGES/django.po,
# translate the new entries there, then run this again to compile django.mo
# (committed, so deployments need no gettext).
messages: install gettext
	$(PYTHON) manage.py makemessages --locale es --no-location $(MESSAGES_IGNORE)
	$(PYTHON) manage.py compilemessages --locale es $(MESSAGES_IGNORE)

# Retake the screenshots of docs/editors.md from the running demo site: start
# `make run` in another terminal first (same PORT). Writes docs/images/editors/.
editor-guide: install-test chromium
	$(PYTHON) tools/scripts/editor_screenshots.py --base-url http://127.0.0.1:$(PORT)

# Retake the design gallery of docs/design.md: the first screen of every page type of
# both demo sites, in English and Spanish, on a phone and a desktop, as WebP in
# docs/design/. Builds its own throwaway database and server; nothing need be running.
# Playwright comes with the test dependencies.
screenshots: install install-test chromium
	$(PYTHON) tools/scripts/design_screenshots.py

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Re-resolve the lock files after changing pyproject.toml (needs network).
lock: | $(VENV)/pyvenv.cfg
	$(PYTHON) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.12 --generate-hashes --custom-compile-command "make lock" -o requirements/base.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --python-version 3.12 --generate-hashes --custom-compile-command "make lock" -o requirements/test.lock

# The database and media folder in one archive (docs/operations.md): `make backup`
# writes backups/alliance-<UTC time>.tar.gz (FILE= to choose); `make restore FILE=...`
# needs an empty database and media folder (FORCE=1 replaces what is there).
backup: install
	$(PYTHON) manage.py backup_site $(if $(FILE),--output "$(FILE)")

restore: install
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/alliance-....tar.gz [FORCE=1]"; exit 2; }
	$(PYTHON) manage.py restore_site "$(FILE)" $(if $(FORCE),--force)

# Build the Dockerfile with buildah (no Docker engine needed) from a local
# stand-in of its base image, then run migrate, the CMD and the HEALTHCHECK in
# it. Needs root; installs buildah and debootstrap if missing; a few minutes.
# Not part of `make test`. See docs/_container.md.
image-check:
	sh tools/scripts/image_check.sh

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
