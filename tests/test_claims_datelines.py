"""Datelines: the publication date in a report's first lines, in the forms news uses, dates the article and
is a context claim; a date elsewhere is not taken for one."""
from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.articles import article_from_text
from fact_review.claims import extract_claims
from fact_review.claims.datelines import find_dateline


@pytest.mark.parametrize("text, quote, published", [
    ("date 2025-05-25 The council met.", "2025-05-25", "2025-05-25"),
    ("Bridge closes\ndate 2025-05-25\nThe council met.", "2025-05-25", "2025-05-25"),
    ("Date: 2024-06-30 09:45 The fair opened.", "2024-06-30 09:45", "2024-06-30T09:45:00"),
    ("Published 14 March 2025\nThe council met.", "14 March 2025", "2025-03-14"),
    ("Storm hits coast\nPublished: March 14, 2025 10:32 AM\nWinds rose.", "March 14, 2025 10:32 AM",
     "2025-03-14T10:32:00"),
    ("Updated Fri May 23, 2025\nThe toll rose.", "Fri May 23, 2025", "2025-05-23"),
    ("Updated 3:04 PM EDT, Fri May 23, 2025\nThe toll rose.", "3:04 PM EDT, Fri May 23, 2025", "2025-05-23"),
    ("Toll rises\nBy Jane Doe | May 25, 2025\nThe toll rose.", "May 25, 2025", "2025-05-25"),
    ("March 14, 2025 — The council voted to close the bridge.", "March 14, 2025", "2025-03-14"),
    ("Flood warning\n14 March 2025\nRivers rose.", "14 March 2025", "2025-03-14"),
    ("WASHINGTON, March 14, 2025 (AP) — Lawmakers voted.", "March 14, 2025", "2025-03-14"),
    ("KYIV, May 25 (Reuters) - Russia fired drones.", "May 25", None),
    ("LOS ANGELES, Calif., Feb 3 (Reuters) - Fires spread.", "Feb 3", None),
])
def test_dateline_forms(text, quote, published):
    dateline = find_dateline(text)
    assert dateline is not None
    assert text[dateline.start:dateline.end] == quote
    assert dateline.published == published


@pytest.mark.parametrize("text", [
    "The council met on March 14, 2025 to vote.",  # a date inside a sentence
    "The date 2024-06-30 is in the middle.",
    "date 2024-02-30 Not a real day.",
    "In 2025 — the year of the vote — turnout rose.",  # a year is no dateline
    "Title\nA\nB\nC\nD\nE\nMarch 14, 2025 — too far down.",
])
def test_dates_that_are_no_dateline(text):
    assert find_dateline(text) is None


def test_a_dateline_dates_the_article_and_its_relative_dates():
    text = "Strikes on Kyiv\nKYIV, May 25, 2025 (Reuters) - Russia fired 69 missiles on Tuesday."
    assert article_from_text(text).published == "2025-05-25"
    claims = {c.text: c for c in extract_claims(text)}
    assert claims["Tuesday"].date == "2025-05-20"
    assert (claims["May 25, 2025"].check_worthy, claims["May 25, 2025"].why) == (False, "the report's dateline")


def test_a_dateline_without_its_year_takes_the_reference_year():
    text = "KYIV, May 25 (Reuters) - Russia fired drones on Saturday."
    claims = {c.text: c for c in extract_claims(text, datetime(2025, 5, 25, 9))}
    assert claims["May 25"].date == "2025-05-25" and not claims["May 25"].check_worthy
    assert claims["Saturday"].date == "2025-05-24"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["KYIV", ",", "May", "25", "2025", "(Reuters)", "-", "—", "\n", "date",
                                 "Published", "2025-05-25", "By", "Jane", "|", "The", "council", "met", ".",
                                 "10:32", "AM", "Fri"]), max_size=30).map(" ".join))
def test_datelines_on_random_first_lines(text):
    dateline = find_dateline(text)
    if dateline is not None:
        assert 0 <= dateline.start < dateline.end <= len(text)
        if dateline.published is not None:
            assert datetime.fromisoformat(dateline.published)
