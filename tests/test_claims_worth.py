"""Check-worthiness: context (the report's own timing and dateline, "now", idioms, streaks, list numbering,
timestamps of embedded posts) is found but not worth checking; counts, money, event dates, durations,
percentages and quantities are."""
from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.claims import extract_claims

MONDAY = datetime(2024, 3, 11, 8)


def _claim(text, quote, reference=MONDAY):
    claims = [c for c in extract_claims(text, reference) if c.text == quote]
    assert len(claims) == 1, [c.text for c in extract_claims(text, reference)]
    return claims[0]


@pytest.mark.parametrize("text, quote, why", [
    ("Prices are now falling.", "now", "the time of writing"),
    ("The mayor is currently abroad.", "currently", "the time of writing"),
    ("At the moment, the port is closed.", "At the moment", "the time of writing"),
    ("The bridge was repaired recently.", "recently", "a vague time"),
    ("Ferries will resume soon.", "soon", "a vague time"),
    ("The minister said on Monday that talks failed.", "Monday", "the report's own day"),
    ("Storms battered the coast overnight.", "overnight", "the report's own day"),
    ("Officials will meet later today.", "today", "the report's own day"),
    ("Cheers — Port News (@portnews) March 9, 2024", "March 9, 2024", "timestamp of an embedded post"),
    ("Ferries resumed pic.twitter.com/Ab12Cd — Port News (@portnews) March 9, 2024",
     "March 9, 2024", "timestamp of an embedded post"),
    ("The band played in the city for the first time.", "first", "an idiom"),
    ("In the first place, nobody asked.", "first", "an idiom"),
    ("It rained for a third straight day.", "third", "a streak, not a count"),
    ("Markets fell for the fifth consecutive week.", "fifth", "a streak, not a count"),
    ("Steps to take:\n1. Close the windows.\n2. Leave the house.", "1", "list numbering"),
])
def test_context_is_not_worth_checking(text, quote, why):
    claim = _claim(text, quote)
    assert (claim.check_worthy, claim.why) == (False, why)


def test_now_and_today_are_context_without_a_reference_date():
    assert not _claim("Ferries now sail twice a day.", "now", None).check_worthy
    assert _claim("Storms battered the coast overnight.", "overnight", None).why == "the report's own day"


@pytest.mark.parametrize("text, quote, why", [
    ("Floods killed 14 people.", "14 people", "a count of a thing"),
    ("The repairs cost $2.5 million.", "$2.5 million", "an amount of money"),
    ("Turnout rose to 64%.", "64%", "a percentage"),
    ("The bridge opened on March 2.", "March 2", "an event date"),
    ("The storm hit on Saturday.", "Saturday", "an event date"),  # two days before the report
    ("The siege lasted six weeks.", "six weeks", "a duration"),
    ("Rescuers pumped 300 tonnes of water.", "300 tonnes", "a quantity"),
    ("She finished third in the race.", "third", "a rank"),
    ("Several villages were cut off.", "Several villages", "a vague count"),
    ("No casualties were reported.", "No casualties", "a count of none"),
])
def test_claims_a_reviewer_checks(text, quote, why):
    claim = _claim(text, quote)
    assert (claim.check_worthy, claim.why) == (True, why)


def test_a_streak_of_quarters_is_still_a_figure():
    """Only streaks of nights, days, weeks, times ... are context: "a third straight quarter of growth" is
    something the reviewer checks."""
    assert _claim("Sales grew for a third straight quarter.", "third").check_worthy


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["now", "today", "overnight", "Monday", "for", "the", "first", "time", "third",
                                 "straight", "day", "1.", "\n", "(@x)", "March", "9,", "2024", "—", "14", "people",
                                 "pic.twitter.com/x", "in", "place"]), max_size=25).map(" ".join))
def test_every_claim_says_why(text):
    for claim in extract_claims(text, MONDAY):
        assert claim.why and isinstance(claim.check_worthy, bool)


def test_an_age_in_passing_is_read_as_an_age_and_is_context():
    claim = _claim("John Smith, 45, said the plan failed.", "45")
    assert (claim.kind, claim.value, claim.unit, claim.check_worthy, claim.why) == (
        "quantity", 45, "year", False, "an age in passing")
