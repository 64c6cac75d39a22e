"""Checks over a page that repeats itself or lists figures by the hundred stay in proportion to the page:
a small group of claims is compared pair by pair as before, a large one with its nearest, and each check
of a large one says so."""
from __future__ import annotations

from fact_review.matching.checks.shares import NEAREST_PERCENTS
from fact_review.matching.checks.sums import NEAREST_PLACES
from fact_review.matching.checks.values import NEAREST, WHOLE_GROUP
from fact_review.model import Article
from fact_review.pipeline import analyse_case


def _checks(text: str, kind: str):
    analysis = analyse_case([Article(text=text, published="2025-05-26T12:00:00+00:00")])
    return [c for c in analysis.checks if c.kind == kind]


def test_a_few_mentions_of_one_figure_are_compared_pair_by_pair():
    checks = _checks("\n".join(["Rebels fired 300 drones at the port."] * 10), "value")
    assert len(checks) == 10 * 9 // 2
    assert all(c.status == "agree" and "nearest" not in c.explanation for c in checks)


def test_a_figure_repeated_hundreds_of_times_is_checked_once_per_repetition():
    repeats = 400
    checks = _checks("\n".join(["Rebels fired 300 drones at the port."] * repeats), "value")
    assert len(checks) == repeats - 1  # each against the first statement, not every pair (79,800)
    first = {c.claims[0].claim.start for c in checks}
    assert len(first) == 1 and all(c.status == "agree" for c in checks)
    assert all(f"{repeats:,} claims count 'dron'" in c.explanation for c in checks)


def test_hundreds_of_different_figures_are_compared_with_their_nearest_in_value():
    count = 300
    text = "\n".join(f"Rebels fired {100 + k} drones at the port." for k in range(count))
    checks = _checks(text, "value")
    assert 0 < len(checks) <= NEAREST * count
    assert all(c.status == "conflict" for c in checks)
    for check in checks:  # neighbours in value, hence near: the differences stay small
        a, b = (c.claim.value for c in check.claims)
        assert abs(a - b) <= NEAREST


def test_a_total_is_summed_against_its_nearest_places():
    paragraph = "Russia launched 367 drones and missiles overnight. It fired 69 missiles and 298 drones."
    checks = _checks("\n\n".join([paragraph] * 50), "sum")
    assert len(checks) <= 50 * NEAREST_PLACES
    assert all(c.status == "agree" for c in checks)
    assert all("8 nearest of 50 places" in c.explanation for c in checks)
    [alone] = _checks(paragraph, "sum")
    assert "nearest" not in alone.explanation


def test_a_share_is_checked_against_the_percentages_nearest_to_it():
    percents = ", ".join(f"{k}%" for k in range(1, 41))
    checks = _checks(f"Of the voters, 45 of 69 came, or 65%, while the polls had said {percents}.", "share")
    stated = {c.claims[-1].claim.text: c.status for c in checks}
    assert stated == {"65%": "agree", "1%": "conflict", "2%": "conflict", "3%": "conflict"}
    assert len(checks) == NEAREST_PERCENTS
