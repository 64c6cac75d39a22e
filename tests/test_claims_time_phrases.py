"""Times of day and recurrences put together, in sentences of our own: a part of the day said after its time,
hours in words, ranges of hours, times that repeat, and periods counted from the report."""
from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.claims import extract_claims

REF = datetime(2024, 3, 13, 10)  # a Wednesday


def _date(text: str, reference=REF) -> tuple[str, str]:
    dates = [(c.text, c.date) for c in extract_claims(text, reference) if c.kind == "date"]
    assert len(dates) == 1, dates
    return dates[0]


@pytest.mark.parametrize("text, quote, date", [
    ("The convoy leaves at 5 tomorrow afternoon.", "5 tomorrow afternoon", "2024-03-14T17"),
    ("Mass is held on Easter at 8:00 in the morning.", "Easter at 8:00 in the morning", "2024-03-31T08:00"),
    ("The vigil starts in the evening at eight.", "in the evening at eight", "2024-03-13T20"),
    ("They will land at nine thirty in the morning.", "nine thirty in the morning", "2024-03-13T09:30"),
    ("The polls close at a quarter to midnight.", "a quarter to midnight", "2024-03-13T23:45"),
    ("Doors open at 15 to noon.", "15 to noon", "2024-03-13T11:45"),
    ("We will book a table on Saturday for 9pm.", "Saturday for 9pm", "2024-03-16T21"),
])
def test_a_time_and_its_day_or_part_of_the_day_in_any_order(text, quote, date):
    assert _date(text) == (quote, date)


@pytest.mark.parametrize("text, quote, date", [
    ("Talks will run between 2 and 4:30pm tomorrow.", "between 2 and 4:30pm tomorrow",
     "2024-03-14T14/2024-03-14T16:30"),
    ("The office is staffed from 8am until 6.", "from 8am until 6", "2024-03-13T08/2024-03-13T18"),
    ("The curfew runs 10pm to 5.", "10pm to 5", None),  # 5 after 10pm is the next morning: not read as a range
])
def test_ranges_of_hours(text, quote, date):
    found = [(c.text, c.date) for c in extract_claims(text, REF) if c.kind == "date"]
    if date is None:
        assert (quote, date) not in found and all(quote != t for t, _ in found)
    else:
        assert found == [(quote, date)]


def test_a_list_of_hours_is_no_range():
    found = [c.text for c in extract_claims("Buses leave at 10 am, 2 and 4pm.", REF) if c.kind == "date"]
    assert "2 and 4pm" not in found


@pytest.mark.parametrize("text, quote, date", [
    ("The ferry leaves 6am every day.", "6am every day", "T06"),
    ("We patrol every evening at 7:13 p.m.", "every evening at 7:13 p.m.", "T19:13"),
    ("The committee meets every other Friday.", "every other Friday", "XXXX-WXX-5"),
    ("Rent is due on the 1st of every month.", "the 1st of every month", "XXXX-XX-01"),
])
def test_recurrences(text, quote, date):
    assert _date(text) == (quote, date)


@pytest.mark.parametrize("text, quote, date", [
    ("The works will end within next 10 months.", "next 10 months", "2024-03-13/2025-01-13"),
    ("Results are due two Sundays from now.", "two Sundays from now", "2024-03-24"),
    ("The club met three Fridays ago.", "three Fridays ago", "2024-02-23"),
    ("The deal closes a day from right now.", "a day from right now", "2024-03-14"),
    ("The park is shut from April until the end of June.", "April until the end of June", "2024-04/2024-06-30"),
])
def test_periods_counted_from_the_report(text, quote, date):
    assert _date(text) == (quote, date)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 6), st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                           "Sunday"]), st.sampled_from(["from now", "ago"]))
def test_n_weekdays_from_now_or_ago_fall_on_that_weekday(n, weekday, direction):
    words = ["one", "two", "three", "four", "five", "six"][n - 1]
    _, value = _date(f"It happens {words} {weekday}s {direction}.")
    day = datetime.fromisoformat(value)
    assert day.strftime("%A") == weekday
    weeks = (day - REF.replace(hour=0)).days / 7
    assert (n - 1 < weeks <= n) if direction == "from now" else (-n <= weeks < -(n - 1))


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 12), st.sampled_from(["am", "pm"]), st.integers(1, 12))
def test_an_hour_range_never_ends_before_it_starts(h1, ap, h2):
    for c in extract_claims(f"Open from {h1}{ap} until {h2}.", REF):
        if c.kind == "date" and "/" in (c.date or ""):
            start, end = c.date.split("/")
            assert start < end
