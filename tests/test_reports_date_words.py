"""Dates in reports read as a person writes them, whatever form the extractor stored them in."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fact_review.claims.dates import find_dates
from fact_review.reports.date_words import date_words

# What a reader must never see: TIMEX/ISO machinery (2026-W10, XXXX, T15, _REF, P1W, Q1 codes, FY2026).
CODE = re.compile(r"\d{4}-|X{2}|\bT\d|[A-Z]_?REF|\bP\d|\bQ[1-4]\b|\bH[12]\b|\bFY|\bSY|-WE\b")


@pytest.mark.parametrize("code, words", [
    ("2026-03-04", "4 March 2026"),
    ("2026-03", "March 2026"),
    ("2026", "2026"),
    ("XXXX-04-26", "26 April (year not given)"),
    ("2026-03-04TMO", "the morning of 4 March 2026"),
    ("2026-03-04T15", "4 March 2026 at 15:00"),
    ("2025-05-25T10:30", "25 May 2025 at 10:30"),
    ("2026-W10", "the week of 2 March 2026"),
    ("2026-W10-WE", "the weekend of 7–8 March 2026"),
    ("2026-W05-WE", "the weekend of 31 January–1 February 2026"),
    ("2020-W53-WE", "the weekend of 2–3 January 2021"),
    ("2025-W01-WE", "the weekend of 4–5 January 2025"),
    ("XXXX-WXX-2", "a Tuesday"),
    ("XXXX-WXX-5TEV", "a Friday evening"),
    ("2026-Q1", "the first quarter of 2026"),
    ("2026-H2", "the second half of 2026"),
    ("XXXX-Q3", "the third quarter (year not given)"),
    ("2025-SU", "summer 2025"),
    ("199X", "the 1990s"),
    ("19XX", "the 20th century"),
    ("PRESENT_REF", "now"),
    ("P1W", "every week"),
    ("P3D", "every 3 days"),
    ("T15:30", "15:30"),
    ("TNI", "night"),
    ("FY2026", "fiscal year 2026"),
    ("2026-03-01/2026-03-05", "1–5 March 2026"),
    ("2025-12-30/2026-01-02", "30 December 2025–2 January 2026"),
    ("2026-03/2026-05", "from March 2026 to May 2026"),
])
def test_each_stored_form_reads_in_words(code, words):
    assert date_words(code) == words


@pytest.mark.parametrize("code", ["2026-13-01", "2026-02-30", "XXXX", "2026-XX-05", "soon", "", None, "2026-W60"])
def test_forms_without_a_reading_give_nothing_so_the_claim_s_words_show(code):
    assert date_words(code) == ""


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)),
       st.sampled_from(["", "TMO", "TAF", "TEV", "TNI", "T07", "T07:45", "T23:59:59"]))
def test_any_day_with_any_time_reads_without_a_code(day, time):
    words = date_words(day.isoformat() + time)
    assert str(day.year) in words and not CODE.search(words)


@given(st.integers(1000, 2999), st.integers(1, 53), st.booleans())
def test_any_week_or_weekend_reads_without_a_code(year, week, weekend):
    words = date_words(f"{year}-W{week:02d}" + ("-WE" if weekend else ""))
    assert words == "" or (words.startswith("the week" if not weekend else "the weekend") and not CODE.search(words))


REFERENCE = datetime(2026, 3, 4, 9, 0, tzinfo=timezone.utc)  # a Wednesday


@pytest.mark.parametrize("sentence", [
    "The storm hit on Tuesday morning.",
    "Crews worked through the weekend.",
    "Sales fell in the first quarter.",
    "Prices doubled in the 1990s.",
    "The council meets every week.",
    "The budget for the next fiscal year was cut.",
    "The levee broke at 3pm on Monday.",
    "Water levels peaked last night.",
    "Rescues continued until Friday evening.",
    "The bridge opened in the summer of 2024.",
    "By the end of last week, 40 homes were empty.",
])
def test_dates_the_extractor_finds_in_news_sentences_read_in_words(sentence):
    claims = find_dates(sentence, REFERENCE)
    assert claims, sentence
    for claim in claims:
        words = date_words(claim.date)
        assert words and not CODE.search(words), (sentence, claim.date, words)
