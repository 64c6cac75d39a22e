"""Bounds split around a number, temperatures below zero without "degrees", and ISO 8601 intervals, in
sentences of our own."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.claims import extract_claims


def _numbers(text: str):
    return [(c.text, c.qualifier, c.low, c.high) for c in extract_claims(text) if c.kind == "number"]


@pytest.mark.parametrize("text, quote, qualifier, low, high", [
    ("Turnout was more than 5000 or equal to it.", "more than 5000 or equal to", "at least", 5000, None),
    ("Tests with 200 or greater than that pass.", "200 or greater than", "at least", 200, None),
    ("Keep it to less than 30 or equal.", "less than 30 or equal", "up to", None, 30),
    ("It reached 60 or more.", "60 or more", "at least", 60, None),
])
def test_a_bound_split_around_its_number(text, quote, qualifier, low, high):
    found = _numbers(text)
    assert found == [(quote, qualifier, None if low is None else Decimal(low), None if high is None else Decimal(high))]


def test_or_equal_without_a_bound_before_it_says_nothing():
    assert _numbers("The count was 5000 or equal.") == [("5000", None, None, None)]


def test_a_bound_before_the_next_number_belongs_to_it():
    assert _numbers("Bids of 5000 or less than 6000 were kept.") == [
        ("5000", None, None, None), ("less than 6000", "fewer than", None, Decimal(6000))]


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 10**6).filter(lambda n: not 1000 <= n <= 2200),  # not a year
       st.sampled_from([("more than", "at least"), ("less than", "up to"), ("greater than", "at least"),
                        ("fewer than", "up to")]))
def test_any_strict_bound_with_or_equal_is_inclusive(n, words):
    phrase, name = words
    found = _numbers(f"The total was {phrase} {n} or equal to that.")
    assert len(found) == 1 and found[0][1] == name
    assert Decimal(n) in (found[0][2], found[0][3])


@pytest.mark.parametrize("text, quote, value", [
    ("Overnight it was 10 below zero in Kharkiv.", "10 below zero", -10),
    ("It was 5 degrees below zero.", "5 degrees below zero", -5),
])
def test_temperatures_below_zero(text, quote, value):
    found = [(c.text, c.kind, c.value, c.unit) for c in extract_claims(text) if c.kind == "quantity"]
    assert found == [(quote, "quantity", Decimal(value), "°")]


@pytest.mark.parametrize("text, quote, date", [
    ("The window is 2015-03-28/2015-04-02.", "2015-03-28/2015-04-02", "2015-03-28/2015-04-02"),
    ("Maintenance: 2015-03-28 17:00/2015-03-29 21:00", "2015-03-28 17:00/2015-03-29 21:00",
     "2015-03-28T17:00/2015-03-29T21:00"),
])
def test_iso_intervals(text, quote, date):
    found = [(c.text, c.date) for c in extract_claims(text, datetime(2015, 3, 1)) if c.kind == "date"]
    assert found == [(quote, date)]


@pytest.mark.parametrize("text, quote, value, qualifier", [
    ("Millions live on less than a dollar a day.", "less than a dollar", Decimal(1), "fewer than"),
    ("The fare rose to a euro and 50 cents.", "a euro and 50 cents", Decimal("1.5"), None),
])
def test_a_counts_one_of_a_currency(text, quote, value, qualifier):
    found = [(c.text, c.value, c.qualifier) for c in extract_claims(text) if c.kind == "money"]
    assert found == [(quote, value, qualifier)]


def test_a_pound_may_be_a_weight_and_stays_unread():
    assert [c for c in extract_claims("He bought a pound of apples.") if c.kind == "money"] == []
