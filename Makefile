# Plenary — two commands for a new user: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Test processes in parallel (pytest-xdist); each gets its own test database and Redis databases.
TEST_WORKERS ?= 2
export DJANGO_SETTINGS_MODULE := config.settings
# Commands run from make are a developer's: DEBUG=1 unless the caller says otherwise (DEBUG=0 then
# needs a real SECRET_KEY, see README).
DEV := DEBUG=$${DEBUG:-1}

.PHONY: run test setup setup-test check-system migrate messages extract-messages demo serve worker beat bench clean help

help:
	@echo "make run    - install, migrate, load the demo summit and serve it on 127.0.0.1:$(PORT)"
	@echo "make test   - install with test extras and run the whole test suite"
	@echo "make worker / make beat - run a Celery worker / scheduler (needs CELERY_BROKER_URL)"

check-system:
	@command -v $(PYTHON) >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 || { echo "ERROR: Python 3.11 is required (Debian: apt-get install python3 python3-venv)."; exit 1; }
	@PY=$$(command -v $(PYTHON) || command -v python3); $$PY -c 'import sys; assert sys.version_info[:2] >= (3, 11), sys.version' 2>/dev/null || { echo "ERROR: Python >= 3.11 is required, found $$($$PY --version)."; exit 1; }
	@PY=$$(command -v $(PYTHON) || command -v python3); $$PY -c 'import venv, ensurepip' 2>/dev/null || { echo "ERROR: the Python venv module is missing (Debian: apt-get install python3-venv)."; exit 1; }
	@missing=""; \
	  ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing="$$missing libpango-1.0-0"; \
	  ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || missing="$$missing libpangoft2-1.0-0"; \
	  ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset.so' || missing="$$missing libharfbuzz-subset0"; \
	  [ -d /usr/share/fonts/truetype/noto ] || missing="$$missing fonts-noto-core"; \
	  [ -d /usr/share/fonts/opentype/noto ] || missing="$$missing fonts-noto-cjk"; \
	  if [ -n "$$missing" ]; then echo "WARNING: PDF documents need these Debian packages:$$missing"; \
	    echo "         install them with: sudo apt-get install$$missing"; fi

$(VENV)/.installed: pyproject.toml
	@$(MAKE) --no-print-directory check-system
	@test -x $(PY) || { PY=$$(command -v $(PYTHON) || command -v python3); $$PY -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

messages: setup
	$(DEV) $(PY) manage.py compile_translations

# After changing user-visible strings: refresh every catalogue in locale/, translate the new entries
# (tests/test_translations.py fails on empty or fuzzy ones), then `make messages`.
extract-messages: setup
	$(DEV) $(PY) manage.py makemessages -l fr -l es -l ar -l zh_Hans -l ru -l en --no-location --no-obsolete \
	  --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' --ignore 'bench/*'

# migrate also creates the table of the default (database) cache: core/apps.py, after every migrate.
migrate: setup
	@mkdir -p var
	$(DEV) $(PY) manage.py migrate --noinput

demo: migrate messages
	$(DEV) $(PY) manage.py load_demo

run: demo
	@echo ""
	@echo "Plenary is starting on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(DEV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: setup-test
	@$(MAKE) --no-print-directory check-system
	$(DEV) $(PY) manage.py compile_translations
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(if $(PYTEST_ARGS),$(PYTEST_ARGS),--ignore=tests/faults)
	@# The fault tests stop brokers and kill workers: they run in a process of their own.
	$(if $(PYTEST_ARGS),,$(PY) -m pytest tests/faults)

worker: setup
	$(DEV) $(VENV)/bin/celery -A config worker --loglevel=INFO

beat: setup
	$(DEV) $(VENV)/bin/celery -A config beat --loglevel=INFO

bench: setup-test
	@for f in bench/*.py; do case $$f in *_settings.py|*_urls.py) continue;; esac; \
	  echo "== $$f"; $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) var
