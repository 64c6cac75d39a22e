# The two commands of the README: `make run` and `make test`. Everything else is for developers.
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: setup run test eval eval-numbers eval-samples eval-pairs eval-links bench bundle

setup:
	@bash scripts/setup.sh

run: setup
	$(BIN)/python main.py

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

# Accuracy on the shared dev split, with the shared scorer (skipped when ../shared is absent).
eval: eval-numbers eval-samples eval-pairs eval-links

eval-numbers: setup
	@bash scripts/eval.sh numbers

eval-samples: setup
	@bash scripts/eval.sh samples

eval-pairs: setup
	@bash scripts/eval.sh pairs

eval-links: setup
	@bash scripts/eval.sh links

bench: setup
	$(BIN)/python -m pip install -q -e ".[bench]"
	QT_QPA_PLATFORM=offscreen PYTHONHASHSEED=0 $(BIN)/python -m bench

# A standalone one-folder bundle for people without Python (dist/fact-review/), smoke-tested under Xvfb.
bundle: setup
	@bash scripts/bundle.sh
