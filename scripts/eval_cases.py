"""How many of our own event cases (tests/event_cases/*.json) the engine gets right: every expected check
and fact found, every forbidden one absent. Prints the count per file and each failure.

    .venv/bin/python scripts/eval_cases.py      (or `make eval-cases`)
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from event_cases_runner import load_cases, summary  # noqa: E402


def main() -> int:
    cases = load_cases()
    by_file = defaultdict(list)
    for case in cases:
        by_file[case["file"]].append(case)
    held = total = 0
    failures: list[str] = []
    print(f"{'cases':12s} {'cases':>5s} {'held':>5s} {'of':>5s}")
    for name, group in sorted(by_file.items()):
        ok, count, missed = summary(group)
        held, total = held + ok, total + count
        failures += missed
        print(f"{name:12s} {len(group):5d} {ok:5d} {count:5d}")
    print(f"{'all':12s} {len(cases):5d} {held:5d} {total:5d}  ({100 * held / max(total, 1):.0f}%)")
    for failure in failures:
        print(f"  missed: {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
