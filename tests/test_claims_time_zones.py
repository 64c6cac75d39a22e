"""Times written with a zone, in sentences of our own: the zone belongs to the claim, and the time is placed in
the article's zone when the article's date carries one, keeping the offset, so the instant never changes."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.claims import extract_claims
from fact_review.claims.dates.zones import _FIXED

KYIV_MORNING = datetime(2025, 5, 25, 8, 0, tzinfo=timezone(timedelta(hours=3)))  # a report dated in Kyiv's zone
NO_ZONE = datetime(2025, 5, 25, 8, 0)


def _date(text: str, reference: datetime) -> tuple[str, str]:
    dates = [(c.text, c.date) for c in extract_claims(text, reference) if c.kind == "date"]
    assert len(dates) == 1, dates
    return dates[0]


@pytest.mark.parametrize("text, quote, date", [
    ("Air raid sirens sounded at 0300 GMT.", "0300 GMT", "2025-05-25T06:00+03:00"),
    ("The strike hit a depot at 4pm CET.", "4pm CET", "2025-05-25T18:00+03:00"),
    ("Polls close on Sunday at 8 p.m. BST.", "Sunday at 8 p.m. BST", "2025-05-25T22:00+03:00"),
    ("Trading opened at 9:30 a.m. ET on Friday.", "9:30 a.m. ET on Friday", "2025-05-23T16:30+03:00"),  # EDT in May
    ("The talks began at 10:00 (UTC).", "10:00 (UTC)", "2025-05-25T13:00+03:00"),
    ("Launch is set for 23:30 GMT+1.", "23:30 GMT+1", "2025-05-26T01:30+03:00"),  # the next day in Kyiv
    ("The ceasefire starts at noon Moscow time.", "noon Moscow time", "2025-05-25T12:00+03:00"),
    ("Shelling resumed at 8h GMT.", "8h GMT", "2025-05-25T11:00+03:00"),
])
def test_a_zoned_time_is_placed_in_the_articles_zone(text, quote, date):
    assert _date(text, KYIV_MORNING) == (quote, date)


def test_without_the_articles_zone_the_time_keeps_its_own_offset():
    assert _date("The strike hit a depot at 4pm CET.", NO_ZONE) == ("4pm CET", "2025-05-25T16:00+01:00")
    assert _date("Trading opens at 9:30 a.m. ET on Monday.", datetime(2025, 1, 8)) == \
        ("9:30 a.m. ET on Monday", "2025-01-06T09:30-05:00")  # EST in winter


def test_a_time_without_a_zone_or_with_an_unclear_one_is_left_as_written():
    assert _date("The meeting starts at 4pm.", KYIV_MORNING) == ("4pm", "2025-05-25T16")
    assert _date("The meeting starts at 4pm IST.", KYIV_MORNING)[1] == "2025-05-25T16"  # India, Ireland or Israel
    assert _date("The meeting starts at 4pm local time.", KYIV_MORNING)[1] == "2025-05-25T16"


def test_capital_codes_only_words_stay_words():
    assert _date("At 5pm et al. published it.", KYIV_MORNING) == ("5pm", "2025-05-25T17")


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(sorted(k for k in _FIXED if " " not in k)),
       st.integers(-12 * 4, 14 * 4).map(lambda q: timedelta(minutes=15 * q)))
def test_the_instant_is_kept_whatever_the_zones(hour, minute, zone, reference_offset):
    reference = datetime(2025, 3, 10, 12, tzinfo=timezone(reference_offset))
    _, value = _date(f"It happened on 10 March 2025 at {hour:02d}:{minute:02d} {zone.upper()}.", reference)
    stated = datetime(2025, 3, 10, hour, minute, tzinfo=timezone(timedelta(minutes=_FIXED[zone])))
    assert datetime.fromisoformat(value) == stated
    assert value.endswith(reference.strftime("%z")[:3] + ":" + reference.strftime("%z")[3:])
