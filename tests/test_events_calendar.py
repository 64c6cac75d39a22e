"""Dates and durations as days (fact_review.events.calendar)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, strategies as st

from fact_review.events.calendar import add_months, date_interval, day_words, duration_days, iso_day, later_by
from fact_review.model import Claim

REFERENCE = date(2025, 5, 25)


def days(value, reference=REFERENCE):
    span = date_interval(value, reference)
    return span and (iso_day(span[0]), iso_day(span[1]))


def test_a_date_is_the_interval_of_days_its_precision_allows():
    assert days("2024") == ("2024-01-01", "2024-12-31")
    assert days("2024-02") == ("2024-02-01", "2024-02-29")
    assert days("2024-08-25T10:30") == ("2024-08-25", "2024-08-25")
    assert days("2025-W20") == ("2025-05-12", "2025-05-18")
    assert days("2024-Q2") == ("2024-04-01", "2024-06-30")
    assert days("2024-05-01/2024-05-03") == ("2024-05-01", "2024-05-03")


def test_a_day_without_its_year_is_the_last_such_day_up_to_the_dateline():
    assert days("XXXX-04-26") == ("2025-04-26", "2025-04-26")
    assert days("XXXX-05-25") == ("2025-05-25", "2025-05-25")
    assert days("XXXX-12-28") == ("2024-12-28", "2024-12-28")
    assert days("XXXX-02-29") == ("2024-02-29", "2024-02-29")
    assert days("XXXX-04-26", None) is None


def test_what_names_no_day_gives_no_interval():
    for value in ("XXXX", "PAST_REF", "T10:00", "2024-13", "2024-02-30", "", None, "2025-05-01/2024-01-01"):
        assert date_interval(value, REFERENCE) is None


def duration(value, unit, low=None, high=None):
    dec = lambda x: None if x is None else Decimal(x)  # noqa: E731
    return Claim(0, 1, "x", "duration", dec(value), unit, low=dec(low), high=dec(high))


def test_a_plain_duration_is_rounded_and_a_qualified_one_bounded_on_its_side():
    assert duration_days(duration(6, "month", low=6)) == (181, None)  # "6+ months": six calendar months at least
    fewest, most = duration_days(duration(6, "month"))  # "six months": five and a half to six and a half
    assert 150 < fewest < 181 < 184 < most < 205
    assert duration_days(duration(3, "day")) == (2, 4)  # whether both ends count
    assert duration_days(duration(None, "month")) is None
    assert duration_days(duration(2, "km")) is None


def test_explanations_count_months_by_the_calendar():
    first_of_august = date(2024, 8, 1).toordinal()
    assert iso_day(later_by(first_of_august, duration(6, "month", low=6))) == "2025-02-01"
    assert iso_day(add_months(date(2024, 8, 31).toordinal(), 6)) == "2025-02-28"
    assert day_words(date(2025, 2, 1).toordinal(), "month") == "February 2025"
    assert day_words(10**9) == "a day outside the calendar"


@given(st.integers(0, 1000), st.integers(0, 1000), st.sampled_from(["day", "week", "month", "year", "hour"]))
def test_every_duration_allows_a_non_empty_interval(low, span, unit):
    plain = duration_days(duration(low, unit))
    bounded = duration_days(duration(low, unit, low=low, high=low + span))
    for fewest, most in (plain, bounded):
        assert 0 <= fewest and (most is None or fewest <= most)


@given(st.text(max_size=30))
def test_any_text_as_a_date_gives_an_interval_or_none(value):
    span = date_interval(value, REFERENCE)
    assert span is None or span[0] <= span[1]
