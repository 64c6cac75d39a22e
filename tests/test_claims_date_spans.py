"""date_span: the days a date claim covers, for every form find_dates writes."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.claims.dates.spans import DateSpan, date_span
from fact_review.claims.dates import find_dates


@pytest.mark.parametrize("value, start, end", [
    ("2025", date(2025, 1, 1), date(2026, 1, 1)),
    ("2025-02", date(2025, 2, 1), date(2025, 3, 1)),
    ("2025-05-25", date(2025, 5, 25), date(2025, 5, 26)),
    ("2025-05-25T15:30", date(2025, 5, 25), date(2025, 5, 26)),
    ("2025-05-24TNI", date(2025, 5, 24), date(2025, 5, 25)),
    ("2025-W21", date(2025, 5, 19), date(2025, 5, 26)),
    ("2025-W21-WE", date(2025, 5, 24), date(2025, 5, 26)),
    ("2025-Q3", date(2025, 7, 1), date(2025, 10, 1)),
    ("2025-H2", date(2025, 7, 1), date(2026, 1, 1)),
    ("2025-WI", date(2025, 12, 1), date(2026, 3, 1)),
    ("199X", date(1990, 1, 1), date(2000, 1, 1)),
    ("19XX", date(1900, 1, 1), date(2000, 1, 1)),
    ("2025-07-13/2025-07-15", date(2025, 7, 13), date(2025, 7, 16)),
    ("2010/2015", date(2010, 1, 1), date(2016, 1, 1)),
])
def test_spans_of_known_dates(value: str, start: date, end: date) -> None:
    assert date_span(value) == DateSpan(start, end)


def test_an_unknown_year_is_flagged() -> None:
    span = date_span("XXXX-02-29")
    assert span is not None and not span.year_known
    assert (span.start.month, span.start.day) == (2, 29)


@pytest.mark.parametrize("value", ["P1D", "T15", "TMO", "PRESENT_REF", "FY2024", "XXXX-WXX-2", "XXXX-XX-XX",
                                   "2019-02-30", "2025-07-15/2025-07-13", "", "May"])
def test_forms_without_a_place_on_the_calendar(value: str) -> None:
    assert date_span(value) is None


def test_overlap() -> None:
    week, day, later = date_span("2025-W21"), date_span("2025-05-20"), date_span("2025-06")
    assert week and day and later
    assert week.overlaps(day) and not week.overlaps(later)


_WORDS = ["May", "Tuesday", "last", "next", "week", "month", "year", "ago", "two", "days", "in", "on", "at", "3pm",
          "2024", "25", "April", "the", "1990s", "overnight", "tonight", "yesterday", "morning", "-", "to", "Q3",
          "summer", "this", "earlier", "weekend", "third", "quarter", "Christmas", "2010-2015", "century", "20th"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_every_resolved_calendar_claim_has_a_span(words: list[str]) -> None:
    text = " ".join(words)
    for claim in find_dates(text, datetime(2025, 5, 25)):
        if claim.date and claim.date[0].isdigit():
            span = date_span(claim.date)
            assert span is not None and span.start < span.end, claim


@pytest.mark.parametrize("text, expected", [
    # a numbered quarter or half without its year takes the year that puts it before the range's end
    ("Sales fell from the third quarter to May 2024.", [("the third quarter to May 2024", "2023-Q3/2024-05")]),
    ("Output rose from the fourth quarter to March 2024.", [("the fourth quarter to March 2024", "2023-Q4/2024-03")]),
    ("Prices held from June to the first quarter of 2024.", [("June to the first quarter of 2024", "2023-06/2024-Q1")]),
    # "the quarter" is the one the reference date and tense name, never a quarter of no number
    ("Margins in the quarter - last May - were thin.", [("the quarter", "2025-Q1"), ("last May", "2024-05")]),
])
def test_a_range_with_a_part_of_a_year_at_one_end_keeps_both_ends_in_order(text, expected):
    found = [(c.text, c.date) for c in find_dates(text, datetime(2025, 5, 25))]
    assert found == expected
    for _, value in found:
        span = date_span(value)
        assert span is not None and span.start < span.end
