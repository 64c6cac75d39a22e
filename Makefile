# The two commands of the README: `make run` and `make test`. Everything else is for developers.
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: setup run test eval eval-numbers eval-samples eval-pairs eval-links eval-disagreement eval-cases bench bundle

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

# Recall of the ECB+ dev links whose sentences' figures differ, next to the others' (scripts/eval_disagreement.py).
eval-disagreement: setup
	@$(BIN)/python scripts/eval_disagreement.py --data-dir $(SHARED)/eval-dev

bench: setup
	$(BIN)/python -m pip install -q -e ".[bench]"
	QT_QPA_PLATFORM=offscreen PYTHONHASHSEED=0 $(BIN)/python -m bench

# How many of our own event cases (tests/event_cases/*.json) hold: checks and facts found, false alarms absent.
eval-cases: setup
	@$(BIN)/python scripts/eval_cases.py

# A standalone one-folder bundle for people without Python (dist/fact-review/), smoke-tested under Xvfb.
bundle: setup
	@bash scripts/bundle.sh
