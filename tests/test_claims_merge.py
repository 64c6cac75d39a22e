"""Where a date and another claim overlap, the right one stands."""
from __future__ import annotations

from decimal import Decimal

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
