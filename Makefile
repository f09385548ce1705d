# Development tasks. A newcomer needs only `make run` or `make test`: both create the virtualenv when missing.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Touched after a successful install: reinstalls only when pyproject.toml or requirements.lock change.
STAMP := $(VENV)/.install-stamp

.DEFAULT_GOAL := help
.PHONY: help install run test worker beat lint bench lock system-libraries messages compilemessages

help:
	@echo "make run      install, migrate, load reference and demo data, build the open-data package, serve on http://127.0.0.1:$(PORT)"
	@echo "make test     the whole test suite (SQLite; PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set)"
	@echo "make lint     ruff check, ruff format --check, missing migrations"
	@echo "make bench    server time and query counts of the main pages and API lists"
	@echo "make bench-network  the public pages at 15 and 331 cities side by side, the duo dashboard, the newsletter"
	@echo "make worker   Celery worker (needs REDIS_URL)"
	@echo "make beat     Celery beat (needs REDIS_URL)"
	@echo "make install  create .venv and install the pinned dependencies"
	@echo "make lock     re-resolve pyproject.toml into requirements.lock"
	@echo "make messages         extract the messages into the French catalogue (needs gettext), then build es, ar, vi, fa"
	@echo "make compilemessages  compile the .po files into the committed .mo files (pure Python)"

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@touch $@

install: $(STAMP)

# WeasyPrint's system libraries (the PDF reports), each with the Debian package that installs it: the only ones the
# platform needs. `make run` and `make test` check them first and stop with one line that names what to install.
WEASYPRINT_LIBRARIES ?= gobject-2.0:libglib2.0-0 pango-1.0:libpango-1.0-0 harfbuzz:libharfbuzz0b \
	fontconfig:libfontconfig1 pangoft2-1.0:libpangoft2-1.0-0
missing_libraries = $(shell $(PYTHON) -c 'import ctypes.util, sys; \
	print(*(p for l, p in (a.split(":") for a in sys.argv[1:]) if not ctypes.util.find_library(l)))' \
	$(WEASYPRINT_LIBRARIES))

system-libraries:
	$(if $(missing_libraries),$(error Pango is missing (WeasyPrint's PDF reports): apt-get install $(missing_libraries)))
	@:

# Translations: the compiled .mo files are committed, so no machine needs gettext to run or test the platform.
# Extracting the messages (make messages) needs it, only for whoever edits the translations: apt-get install gettext.
messages: $(STAMP)
	@command -v xgettext >/dev/null || { echo "xgettext is missing: apt-get install gettext" >&2; exit 1; }
	$(MANAGE) makemessages --locale fr --no-obsolete
	$(BIN)/python locale/build_catalogues.py  # es, ar, vi, fa: the French catalogue's messages, locale/translations.txt
	$(MAKE) compilemessages

compilemessages: $(STAMP)
	$(BIN)/python -c 'import pathlib, polib; \
		[polib.pofile(str(po)).save_as_mofile(str(po.with_suffix(".mo"))) for po in [*pathlib.Path("locale").glob("*/LC_MESSAGES/*.po"), *pathlib.Path(".").glob("*/locale/*/LC_MESSAGES/*.po")]]'

run: system-libraries $(STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_reference
	$(MANAGE) load_demo
	$(MANAGE) build_opendata  # in development tasks run in-process and no edit queues a build: one at each start
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# pytest's exit code 5 (no tests collected) fails too: there are always tests to run.
# The suite runs on every core (pytest-xdist); PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= auto
test: system-libraries $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS) || { status=$$?; [ $$status -ne 5 ] || echo "pytest collected no tests" >&2; exit $$status; }

define require_redis
	@test -n "$$REDIS_URL" || { echo "REDIS_URL is not set: the Celery $(1) needs Redis, e.g. REDIS_URL=redis://127.0.0.1:6379/0 make $(1)" >&2; exit 1; }
endef

worker: $(STAMP)
	$(call require_redis,worker)
	$(BIN)/celery -A letsfood worker --loglevel=INFO

beat: $(STAMP)
	$(call require_redis,beat)
	$(BIN)/celery -A letsfood beat --loglevel=INFO --schedule=$(VENV)/celerybeat-schedule

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Resolves from scratch in a throwaway venv so that packages no longer needed drop out of the lock.
LOCK_HEADER := \
	"\# Every package the platform installs, pinned: the direct dependencies of pyproject.toml (with the dev extra)" \
	"\# and all they pull in. Installs use it as constraints: pip install -c requirements.lock -e '.[dev]'" \
	"\# Regenerate after changing pyproject.toml: \`make lock\` (resolves in a scratch venv, then pip freeze)."

lock:
	@set -e; scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
	$(PYTHON) -m venv "$$scratch"; \
	"$$scratch/bin/pip" install --quiet --disable-pip-version-check -e '.[dev]'; \
	{ printf '%s\n' $(LOCK_HEADER); "$$scratch/bin/pip" freeze --exclude-editable; } > requirements.lock.new; \
	mv requirements.lock.new requirements.lock
	@echo "requirements.lock regenerated; review with: git diff requirements.lock"

# Backups: one dated archive of the database and the media files in BACKUP_DIR (default backups/), and its restoration
# into an empty database (FORCE=1 replaces the content of one that is not).
.PHONY: backup restore
backup: $(STAMP)
	$(MANAGE) backup

restore: $(STAMP)
	@test -n "$(ARCHIVE)" || { echo "Name the archive: make restore ARCHIVE=backups/letsfood-<date>.tar.gz" >&2; exit 1; }
	$(MANAGE) restore "$(ARCHIVE)" $(if $(FORCE),--force)

# The public pages and API lists at 15 and at 331 published cities side by side (bench/network.py loads the network).
.PHONY: bench-network
bench-network: $(STAMP)
	$(BIN)/python bench/run.py --network $(BENCH_ARGS)
