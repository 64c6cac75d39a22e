"""Claim comparison: agree, compatible (overlapping intervals), conflict (with the relative difference)."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, strategies as st

from fact_review.matching.numeric import best_pairings, compare, compare_dates, head_noun
from fact_review.model import Claim


def count(value, noun="missiles", kind="number", unit=None, qualifier=None, low=None, high=None) -> Claim:
    as_dec = lambda v: None if v is None else Decimal(str(v))  # noqa: E731
    return Claim(0, 1, f"{value} {noun}", kind, as_dec(value), unit, noun, qualifier, as_dec(low), as_dec(high))


def test_same_value_agrees():
    assert compare(count(69), count(69)).relation == "agree"


def test_qualified_value_whose_interval_holds_the_other_is_compatible():
    almost = count(300, "Shahed drones", qualifier="almost", low=270, high=300)
    assert compare(almost, count(298, "drones")).relation == "compatible"


def test_disjoint_values_conflict_with_their_relative_difference():
    result = compare(count(70), count(69))
    assert result.relation == "conflict"
    assert abs(result.relative_difference - Decimal(1) / 70) < Decimal("1e-9")


def test_open_interval_conflicts_only_when_the_other_value_is_outside():
    more_than_60 = count(60, "people", qualifier="more than", low=60)
    assert compare(more_than_60, count(75, "people")).relation == "compatible"
    assert compare(more_than_60, count(12, "people")).relation == "conflict"


def test_units_are_brought_to_one_scale_first():
    kilometres, metres = count(5, None, "quantity", "km"), count(5000, None, "quantity", "m")
    assert compare(kilometres, metres, need_noun=False).relation == "agree"
    weeks, days = count(2, None, "duration", "week"), count(14, None, "duration", "day")
    assert compare(weeks, days, need_noun=False).relation == "agree"


def test_currencies_and_counted_nouns_must_match():
    assert compare(count(5, None, "money", "USD"), count(5, None, "money", "EUR"), need_noun=False).relation == "none"
    assert compare(count(5, "tanks"), count(5, "drones")).relation == "none"
    assert head_noun(count(1, "Shahed drones")) == head_noun(count(1, "drone"))


def test_dates_compare_at_their_precision():
    assert compare_dates("2025-05-25", "2025-05-25") == "agree"
    assert compare_dates("2025-05", "2025-05-25") == "compatible"
    assert compare_dates("XXXX-04-26", "2025-04-26") == "compatible"
    assert compare_dates("2023-06-03/2023-06-10", "2023-06-05") == "compatible"
    assert compare_dates("2025-05-24", "2025-05-25") == "conflict"


values = st.integers(min_value=-10**6, max_value=10**6)


@given(values, values)
def test_comparison_is_symmetric(a, b):
    forward, backward = compare(count(a), count(b)), compare(count(b), count(a))
    assert forward == backward
    assert (forward.relation == "agree") == (a == b)


def test_statements_only_suggested_as_the_same_compare_near_figures_only():
    left, right = [count(2, "rifles")], [count(9, "rifles")]
    assert [c.relation for _, _, c in best_pairings(left, right)] == ["conflict"]
    assert best_pairings(left, right, far_conflicts=False) == []
    assert [c.relation for _, _, c in best_pairings(left, [count(2, "rifles")], far_conflicts=False)] == ["agree"]
