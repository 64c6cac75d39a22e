"""Figures, dates and times as an editor reads them in the HTML, PDF and Markdown reports."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fact_review.reports.data import Figure
from fact_review.reports.figures import (
    amount_text, figure_gloss, figure_reading, moment_text, number_text, published_text, value_text,
)


@pytest.mark.parametrize("value, expected", [
    ("1200", "1,200"), ("1E+3", "1,000"), ("-3000.50", "-3,000.50"), ("0.25", "0.25"), ("999", "999"),
])
def test_numbers_get_thousands_separators_and_keep_their_digits(value, expected):
    assert number_text(Decimal(value)) == expected


@pytest.mark.parametrize("value, expected", [
    ("5400000", "5.4 million"), ("5.4E+6", "5.4 million"), ("2500000000", "2.5 billion"),
    ("1000000", "1 million"), ("1234567", "1,234,567"), ("999999", "999,999"), ("3000000000000", "3 trillion"),
])
def test_large_amounts_read_in_millions_when_that_loses_nothing(value, expected):
    assert amount_text(Decimal(value)) == expected


@pytest.mark.parametrize("value, kind, unit, expected", [
    ("5400000", "money", "GBP", "£5.4 million"),
    ("1250", "money", "USD", "$1,250"),
    ("-20", "money", "EUR", "-€20"),
    ("12000", "money", "CHF", "12,000 CHF"),
    ("40", "percent", "%", "40%"),
    ("12.5", "percent", None, "12.5%"),
    ("3", "duration", "day", "3 days"),
    ("1", "duration", "night", "1 night"),
    ("1.5", "duration", "hour", "1.5 hours"),
    ("1500", "quantity", "km", "1,500 km"),
])
def test_values_carry_their_unit_as_written_in_prose(value, kind, unit, expected):
    assert value_text(Decimal(value), kind, unit) == expected


def test_a_figure_with_an_interval_reads_as_a_sentence_fragment():
    about = Figure("About 1,200 residents", "number", Decimal(1200), None, "residents", "about",
                   Decimal(1080), Decimal(1320))
    assert figure_reading(about) == "about 1,200 residents (1,080–1,320)"
    open_ended = Figure("hundreds", "number", low=Decimal(200))
    assert figure_reading(open_ended) == "hundreds (200 or more)"
    money = Figure("£5.4m", "money", Decimal(5400000), "GBP")
    assert figure_reading(money) == "£5.4 million"


def test_a_gloss_is_given_only_when_the_reading_adds_something():
    assert figure_gloss(Figure("46 people", "number", Decimal(46), None, "people")) == ""
    assert figure_gloss(Figure("£5.4 Million", "money", Decimal("5.4E6"), "GBP")) == ""
    assert figure_gloss(Figure("About 1,200", "number", Decimal(1200), qualifier="about", low=Decimal(1080),
                               high=Decimal(1320))) == "about 1,200 (1,080–1,320)"
    assert figure_gloss(Figure("Tuesday", "date", date="2026-03-03")) == "3 March 2026"


def test_a_date_figure_reads_in_words_or_in_its_own_words_never_as_a_code():
    assert figure_reading(Figure("Tuesday, March 3", "date", date="2026-03-03")) == "3 March 2026"
    assert figure_reading(Figure("last weekend", "date", date="2026-W10-WE")) == "the weekend of 7–8 March 2026"
    assert figure_reading(Figure("some day", "date", date="2026-02-30")) == "some day"


def test_times_read_in_words_in_utc():
    assert moment_text(datetime(2025, 5, 26, 1, 5, tzinfo=timezone(timedelta(hours=2)))) == "25 May 2025, 23:05 UTC"
    assert published_text("2026-03-04T07:30:00+00:00") == "4 March 2026, 07:30 UTC"
    assert published_text("2026-03-04T07:30:00") == "4 March 2026, 07:30"
    assert published_text("2025-05-25") == "25 May 2025"
    assert published_text("last Tuesday") == "last Tuesday"


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_number_text_is_exact(value):
    """Removing the separators gives back the same Decimal: no float rounding anywhere."""
    assert Decimal(number_text(value).replace(",", "")) == value


@given(st.decimals(min_value=0, max_value=Decimal(10) ** 30, allow_nan=False, allow_infinity=False))
def test_amount_text_is_exact(value):
    text = amount_text(value)
    number, _, word = text.partition(" ")
    scale = {"": 0, "million": 6, "billion": 9, "trillion": 12}[word]
    assert Decimal(f"{number.replace(',', '')}E{scale}") == value  # the constructor is exact; scaleb rounds
