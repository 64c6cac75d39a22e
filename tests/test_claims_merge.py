"""Where a date and another claim overlap, the right one stands."""
from __future__ import annotations

import time
from decimal import Decimal

from hypothesis import given, strategies as st

from fact_review.claims.merge import merge_claims
from fact_review.model import Claim


def claim(text: str, part: str, kind: str, value=None, unit=None) -> Claim:
    start = text.index(part)
    return Claim(start, start + len(part), part, kind, None if value is None else Decimal(value), unit)


def test_a_date_wins_over_the_numbers_inside_it():
    text = "On May 25, 2025 it rained."
    merged = merge_claims([claim(text, "25", "number", 25), claim(text, "2025", "number", 2025)],
                          [claim(text, "May 25, 2025", "date")])
    assert [(c.text, c.kind) for c in merged] == [("May 25, 2025", "date")]


def test_a_duration_around_a_date_stands():
    text = "Strikes rose over the past week."
    merged = merge_claims([claim(text, "over the past week", "duration", 1, "week")],
                          [claim(text, "the past week", "date")])
    assert [(c.text, c.kind) for c in merged] == [("over the past week", "duration")]


def test_a_number_around_a_bare_decimal_stands_but_not_around_a_year():
    text = "Some 1.2 million people came around 2015."
    merged = merge_claims([claim(text, "1.2 million people", "number", 1200000),
                           claim(text, "around 2015", "number", 2015)],
                          [claim(text, "1.2", "date"), claim(text, "2015", "date")])
    assert [(c.text, c.kind) for c in merged] == [("1.2 million people", "number"), ("2015", "date")]


def test_claims_come_out_in_order_of_position():
    text = "3 dogs on Monday and 4 cats."
    merged = merge_claims([claim(text, "3 dogs", "number", 3), claim(text, "4 cats", "number", 4)],
                          [claim(text, "Monday", "date")])
    assert [c.text for c in merged] == ["3 dogs", "Monday", "4 cats"]


def _merged_by_definition(numeric: list[Claim], dates: list[Claim]) -> list[Claim]:
    """The rule read literally: every date against every numeric claim still standing."""
    kept_dates, kept_numeric = [], list(numeric)
    for d in dates:
        over = [c for c in kept_numeric if c.start < d.end and d.start < c.end]
        if any(c.start <= d.start and d.end <= c.end and c.end - c.start > d.end - d.start
               and c.kind in ("duration", "money", "percent", "quantity") for c in over):
            continue
        kept_dates.append(d)
        kept_numeric = [c for c in kept_numeric if c not in over]
    return sorted(kept_dates + kept_numeric, key=lambda c: (c.start, c.end))


_spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=12).map(sorted)


@given(_spans, _spans, st.lists(st.sampled_from(["number", "duration", "money", "ordinal"]), min_size=12, max_size=12))
def test_the_merge_looks_only_near_each_date_yet_finds_every_overlap(numeric_spans, date_spans, kinds):
    numeric = [Claim(s, s + n, "x" * n, kind) for (s, n), kind in zip(numeric_spans, kinds)]
    dates = [Claim(s, s + n, "d" * n, "date") for s, n in date_spans]
    assert merge_claims(numeric, dates) == _merged_by_definition(numeric, dates)


def _best_merge_seconds(count: int) -> float:
    numbers = [Claim(k * 10, k * 10 + 2, "12", "number") for k in range(count)]
    dates = [Claim(k * 10, k * 10 + 8, "12 May 9", "date") for k in range(count)]
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        assert merge_claims(numbers, dates) == dates
        best = min(best, time.perf_counter() - began)
    return best


def test_a_text_packed_with_dates_merges_in_linear_time():
    # Each date compared with every number grows 100-fold for 10 times the claims.
    assert _best_merge_seconds(5_000) < 30 * _best_merge_seconds(500)
