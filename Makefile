# The two commands of the README: `make run` and `make test`. Everything else is for developers.
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: setup run test eval eval-numbers eval-samples eval-pairs eval-links eval-disagreement eval-cases bench fuzz soak bundle

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

# Stress runs, not part of the timed suite (each prints its figures and whether its acceptance holds):
# 10,000 generated hostile inputs through claims, import, verdicts and report under a timeout and a memory
# limit; 500 kills of writing commands plus a full disk and a read-only filesystem (needs root: it mounts
# tmpfs file systems). Options pass through, e.g. `make fuzz FUZZ="--count 2000"` on a busy machine.
fuzz: setup
	$(BIN)/python -m stress.fuzz $(FUZZ)

soak: setup
	$(BIN)/python -m stress.soak $(SOAK)

# A standalone one-folder bundle for people without Python (dist/fact-review/), smoke-tested under Xvfb.
bundle: setup
	@bash scripts/bundle.sh
