"""Our own cases for events and facts (tests/event_cases/*.json): every expectation must hold."""
from __future__ import annotations

import pytest

from event_cases_runner import load_cases, outcomes, summary

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c['file']}:{c['name']}" for c in CASES])
def test_case(case):
    failed = [what for what, holds in outcomes(case) if not holds]
    assert not failed, failed


def test_every_kind_of_the_issue_has_cases_that_must_be_found_and_must_not():
    kinds = {want.get("kind") for case in CASES for want in case.get("expect", ())}
    assert {"order", "date", "count", "value", "sum"} <= kinds
    assert {"superseded", "conflict", "agree"} <= {w.get("status") for c in CASES for w in c.get("expect", ())}
    assert sum(bool(case.get("forbid")) for case in CASES) >= 8


def test_the_summary_counts_what_holds_and_names_what_does_not():
    broken = [{**CASES[0], "name": "broken", "expect": [{"kind": "order", "claims": ["nowhere"]}]}]
    held, total, failures = summary(broken)
    assert held == total - 1
    assert len(failures) == 1 and "broken" in failures[0] and "nowhere" in failures[0]
