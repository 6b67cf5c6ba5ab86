# Two commands do all the set-up on a fresh machine (Python 3.11+, Node.js/npm for front-end assets):
#   make run   – the portal with demo data on http://127.0.0.1:8000 and a Celery worker (embedded broker)
#   make test  – the whole pytest suite (SQLite, or PostgreSQL when DATABASE_URL is set)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ASSETS := portal/static/vendor/.built
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format assets messages bench bench-search bench-datahub bench-matching clean

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required (found %s)" % sys.version.split()[0])'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

$(ASSETS): frontend/package.json frontend/package-lock.json frontend/build.mjs
	npm ci --prefix frontend --no-audit --no-fund
	npm run build --prefix frontend

assets: $(ASSETS)

run: $(STAMP) $(ASSETS)
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py sandbox_generate --demo
	$(BIN)/python manage.py search_index --drain
	$(BIN)/python -m portal.devserver --host $(HOST) --port $(PORT)

test: $(STAMP) $(ASSETS)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP) $(ASSETS)
	$(BIN)/python -m tests.bench.catalogue
	$(BIN)/python -m tests.bench.search $(BENCH_ARGS)
	$(BIN)/python -m tests.bench.datahub $(DATAHUB_BENCH_ARGS)
	$(BIN)/python -m tests.bench.matching $(BENCH_MATCHING_ARGS)

bench-search: $(STAMP)
	$(BIN)/python -m tests.bench.search $(BENCH_ARGS)

bench-datahub: $(STAMP)
	$(BIN)/python -m tests.bench.datahub $(DATAHUB_BENCH_ARGS)

bench-matching: $(STAMP)
	$(BIN)/python -m tests.bench.matching $(BENCH_MATCHING_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l en --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'frontend/*'
	$(BIN)/python manage.py compilemessages -l en --ignore '.venv/*'

clean:
	rm -rf $(VENV) var frontend/node_modules portal/static/vendor staticfiles
