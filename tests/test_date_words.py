"""Dates as a person writes them: every form the extractor renders reads without machine notation."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

import pytest
from hypothesis import given, strategies as st

from fact_review.claims import extract_claims
from fact_review.claims.dates.resolve import Interval, When, render, render_interval
from fact_review.claims.dates.words import date_words

NOTATION = re.compile(r"XX|_REF|\bW\d|-W|\bT\d|\bP\d|\bFY|\bSY|\b(?:Q[1-4]|H[12]|SP|SU|FA|WI|MO|AF|EV|NI)\b|\d{4}-\d")


@pytest.mark.parametrize("code, words", [
    ("2026-03-04", "4 March 2026"),
    ("2026-03", "March 2026"),
    ("2026", "2026"),
    ("XXXX-04-26", "26 April (year not given)"),
    ("XXXX-05", "May (year not given)"),
    ("2026-03-04TMO", "the morning of 4 March 2026"),
    ("2026-03-04T15", "4 March 2026 at 15:00"),
    ("2025-05-25T10:30", "25 May 2025 at 10:30"),
    ("2025-05-25T10:30Z", "25 May 2025 at 10:30 UTC"),
    ("2026-W10", "the week of 2 March 2026"),
    ("2026-W10-WE", "the weekend of 7–8 March 2026"),
    ("2026-W05-WE", "the weekend of 31 January–1 February 2026"),
    ("2020-W53-WE", "the weekend of 2–3 January 2021"),
    ("XXXX-WXX", "a week (date not given)"),
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
    ("P0.5Y", "twice a year"),
    ("T15:30", "15:30"),
    ("TNI", "night"),
    ("FY2026", "fiscal year 2026"),
    ("XXXX-XX-12", "the 12th (month and year not given)"),
    ("2025-05-XX", "a day in May 2025"),
    ("2026-03-01/2026-03-05", "1–5 March 2026"),
    ("2025-12-30/2026-01-02", "30 December 2025–2 January 2026"),
    ("2026-03/2026-05", "from March 2026 to May 2026"),
])
def test_each_stored_form_reads_in_words(code, words):
    assert date_words(code) == words


@pytest.mark.parametrize("code", ["2026-13-01", "2026-02-30", "XXXX", "around Easter", "", None, "2026-W60"])
def test_forms_without_a_reading_give_nothing_so_the_claim_s_words_show(code):
    assert date_words(code) == ""


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)),
       st.sampled_from(["", "TMO", "TAF", "TEV", "TNI", "T07", "T07:45", "T23:59:59"]))
def test_any_day_with_any_time_reads_without_a_code(day, time):
    words = date_words(day.isoformat() + time)
    assert str(day.year) in words and not NOTATION.search(words)


@given(st.integers(1000, 2999), st.integers(1, 53), st.booleans())
def test_any_week_or_weekend_reads_without_a_code(year, week, weekend):
    words = date_words(f"{year}-W{week:02d}" + ("-WE" if weekend else ""))
    assert words == "" or (words.startswith("the week" if not weekend else "the weekend") and not NOTATION.search(words))


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
    "Crews worked through the weekend, and the levee broke at 3pm on Monday.",
    "The budget for the next fiscal year was cut; by the end of last week, 40 homes were empty.",
    "Rescues continued until Friday evening; the bridge opened in the summer of 2024.",
])
@pytest.mark.parametrize("reference", [None, datetime(2025, 5, 20, tzinfo=timezone.utc)])
def test_dates_found_in_text_read_without_codes(sentence, reference):
    for claim in extract_claims(sentence, reference):
        if claim.kind == "date":
            words = date_words(claim.date)
            assert not NOTATION.search(words), (claim.text, claim.date, words)
            # with the article's date every date is placed; without it an unknown year may read as ""
            # (the claim's own words are shown then), never as a code
            assert words or reference is None, (claim.text, claim.date)
