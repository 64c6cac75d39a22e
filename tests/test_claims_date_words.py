"""Dates as a person writes them: every form the extractor renders reads without machine notation."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from hypothesis import given, strategies as st

from fact_review.claims import extract_claims
from fact_review.claims.date_resolve import Interval, When, render, render_interval
from fact_review.claims.date_words import date_words

NOTATION = re.compile(r"XX|_REF|\bW\d|-W|\bT\d|\bP\d|\bFY|\bSY|\b(?:Q[1-4]|H[12]|SP|SU|FA|WI|MO|AF|EV|NI)\b|\d{4}-\d")


@pytest.mark.parametrize("code, words", [
    ("2025-05-20", "20 May 2025"),
    ("XXXX-04-26", "26 April (year unknown)"),
    ("2025-05", "May 2025"),
    ("XXXX-05", "May (year unknown)"),
    ("2025", "2025"),
    ("2025-W20", "the week of 12 May 2025"),
    ("2025-W20-WE", "the weekend of 17–18 May 2025"),
    ("2024-W01-WE", "the weekend of 6–7 January 2024"),
    ("XXXX-WXX", "a week (date unknown)"),
    ("XXXX-WXX-2", "a Tuesday (date unknown)"),
    ("PRESENT_REF", "now"),
    ("2025-Q1", "the first quarter of 2025"),
    ("2025-SU", "summer 2025"),
    ("199X", "the 1990s"),
    ("19XX", "the 1900s"),
    ("2025-05-20T15:30", "20 May 2025, 15:30"),
    ("2025-05-20TMO", "20 May 2025, morning"),
    ("T15", "15:00"),
    ("P1D", "every day"),
    ("P2W", "every 2 weeks"),
    ("FY2025", "fiscal year 2025"),
    ("2025-05-01/2025-05-03", "1 May 2025 to 3 May 2025"),
    ("XXXX-XX-12", "the 12th (month and year unknown)"),
    ("2025-05-XX", "a day in May 2025"),
])
def test_each_form_reads_as_written_by_a_person(code, words):
    assert date_words(code) == words


def test_a_value_that_is_no_code_is_shown_as_typed():
    assert date_words("around Easter") == "around Easter"
    assert date_words(None) == "" and date_words("") == ""


_years = st.one_of(st.none(), st.integers(1000, 2999))
_whens = st.one_of(
    st.builds(When, st.just("day"), _years, st.one_of(st.none(), st.integers(1, 12)), st.integers(1, 28)),
    st.builds(When, st.just("day"), st.none(), st.none(), st.none(), weekday=st.integers(0, 6),
              hour=st.one_of(st.none(), st.integers(0, 23)), minute=st.one_of(st.none(), st.integers(0, 59))),
    st.builds(When, st.sampled_from(["week", "weekend"]), st.integers(1000, 2999), week=st.integers(1, 52)),
    st.builds(When, st.sampled_from(["week", "weekend"])),
    st.builds(When, st.sampled_from(["half", "quarter", "season"]), _years,
              sub=st.sampled_from(["Q1", "Q2", "Q3", "Q4", "H1", "H2", "SP", "SU", "FA", "WI"])),
    st.builds(When, st.sampled_from(["month", "year", "decade", "century"]), _years,
              month=st.one_of(st.none(), st.integers(1, 12))),
    st.builds(When, st.just("time"), hour=st.integers(0, 23), minute=st.one_of(st.none(), st.integers(0, 59))),
    st.builds(When, st.just("time"), part=st.sampled_from(["MO", "AF", "EV", "NI"])),
    st.builds(When, st.just("literal"), literal=st.sampled_from(
        ["PRESENT_REF", "P1D", "P1W", "P3M", "PT1H", "P0.5Y", "P1WE", "FY2025", "SYXXXX", "XXXX-WXX-3"])),
    st.builds(When, st.just("day"), st.integers(1000, 2999), st.integers(1, 12), st.integers(1, 28),
              part=st.sampled_from(["MO", "AF", "EV", "NI"])),
)


@given(_whens)
def test_no_rendered_date_shows_its_code(when):
    code = render(when)
    assert not NOTATION.search(date_words(code)), (code, date_words(code))


@given(_whens, _whens)
def test_no_rendered_interval_shows_its_code(start, end):
    code = render_interval(Interval(start, end))
    assert not NOTATION.search(date_words(code)), (code, date_words(code))


@pytest.mark.parametrize("sentence", [
    "Prices are rising now, traders said on April 26.",
    "Last week 40 people came, and every Monday more arrive.",
    "In the first quarter of 2024 and in summer 2023, sales rose daily.",
    "The plant ran in the 1990s and through fiscal 2021, mostly on Tuesday mornings.",
])
@pytest.mark.parametrize("reference", [None, datetime(2025, 5, 20, tzinfo=timezone.utc)])
def test_dates_found_in_text_read_without_codes(sentence, reference):
    for claim in extract_claims(sentence, reference):
        if claim.kind == "date":
            assert not NOTATION.search(date_words(claim.date)), (claim.text, claim.date, date_words(claim.date))
