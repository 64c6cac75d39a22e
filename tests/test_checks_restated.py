"""Checks that need the case's own reading of its articles, on text of our own: statements worded alike
apart from their figures are one statement (their values and dates compared however far apart), a whole
opening its clause against the parts said after it, and a share of a possessive whole ("of the county's
90"). Plus the demo case, whose planted discrepancies each of these finds."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from fact_review.articles import read_article
from fact_review.matching.features import profile_sentence
from fact_review.matching.rarity import Rarity
from fact_review.matching.scoring import same_wording
from fact_review.pipeline import analyse_case
from tests.test_checks import analyse, only_check

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo"

EVACUATION = ("{count} families were evacuated from the lakeside district of Ostvik on {day} after the dam at "
              "Lake Mira gave way, the regional governor said.")


@pytest.mark.parametrize(
    "count, status", [("300", "agree"), ("about 320", "compatible"), ("360", "conflict")]
)
def test_statements_worded_alike_compare_their_values_however_far_apart(count, status):
    analysis = analyse(EVACUATION.format(count="300", day="Friday"), EVACUATION.format(count=count, day="Friday"))
    check = only_check(analysis, "value")
    assert check.status == status and {c.article for c in check.claims} == {0, 1}
    [match] = analysis.matches
    assert match.tier == "confident" and match.numeric == status


def test_a_far_value_conflict_between_statements_worded_alike_gives_the_difference():
    check = only_check(analyse(EVACUATION.format(count="300", day="Friday"),
                               EVACUATION.format(count="360", day="Friday")), "value")
    assert "16.7%" in check.explanation


@pytest.mark.parametrize(
    "day, status", [("Friday, March 8", "agree"), ("March 8", "agree"), ("March", "compatible"),
                    ("Thursday, March 7", "conflict")]
)
def test_statements_worded_alike_compare_their_dates(day, status):
    # published on Sunday 10 March 2024: "Friday" is the 8th
    analysis = analyse(EVACUATION.format(count="300", day="Friday"), EVACUATION.format(count="360", day=day))
    check = only_check(analysis, "date")
    assert check.status == status
    if status == "conflict":
        assert "8 March 2024 and 7 March 2024" in check.explanation


def test_statements_sharing_a_few_words_are_not_one_statement():
    analysis = analyse("The governor said 300 families left Ostvik on Friday.",
                       "Rescuers said 360 boats were sent to the dam on Thursday.")
    assert not [m for m in analysis.matches if m.tier == "confident"]
    assert not [c for c in analysis.checks if c.status == "conflict"]


def test_statements_alike_but_naming_different_places_are_two_events():
    analysis = analyse("A strong earthquake struck off the coast of Sumatra on Monday, killing 12 people.",
                       "A strong earthquake struck off the coast of Chile on Sunday, killing 3 people.")
    assert not [c for c in analysis.checks if c.status == "conflict"]


def test_worded_alike_is_measured_against_the_larger_sentence():
    short = profile_sentence("Rescuers pulled 14 miners from the flooded shaft near Ostvik.")
    restated = profile_sentence("Rescuers pulled 40 miners from the flooded shaft near Ostvik overnight.")
    longer = profile_sentence("Rescuers pulled 40 miners from the flooded shaft near Ostvik while the regional "
                              "governor said extra pumps would keep the galleries dry.")
    rarity = Rarity(p.terms for p in (short, restated, longer))
    assert same_wording(short, restated, rarity) >= 0.6
    assert same_wording(short, longer, rarity) == 0.0


PASSENGERS = "Of the {whole} passengers on the ferry, {first} were tourists and {second} were crew members."


@pytest.mark.parametrize(
    "first, status", [("30", "agree"), ("about 30", "compatible"), ("27", "conflict")]
)
def test_a_whole_opening_its_clause_against_the_parts_said_after_it(first, status):
    check = only_check(analyse(PASSENGERS.format(whole=50, first=first, second=20)), "sum")
    assert check.status == status
    assert len(check.claims) == 3 and "50 passengers" in check.explanation


@settings(max_examples=30, deadline=None)
@given(first=st.integers(1, 400), second=st.integers(1, 400), whole=st.integers(2, 800))
def test_parts_of_a_whole_agree_when_they_add_up_and_conflict_when_slightly_off(first, second, whole):
    analysis = analyse(PASSENGERS.format(whole=whole, first=first, second=second))
    sums = [c for c in analysis.checks if c.kind == "sum"]
    off = abs(first + second - whole) / max(first + second, whole)
    if first + second == whole:
        assert [c.status for c in sums] == ["agree"]
    elif off <= 0.1 or first + second > whole:  # parts told as the whole's can never add up to more
        assert [c.status for c in sums] == ["conflict"]
    else:  # far short: more likely only some of the whole are named than a miscount
        assert sums == []


def test_a_single_part_is_not_a_sum():
    analysis = analyse("Of the 50 passengers on the ferry, 30 were tourists.")
    assert not [c for c in analysis.checks if c.kind == "sum"]


@pytest.mark.parametrize(
    "stated, status", [("50%", "agree"), ("about 49%", "compatible"), ("60 per cent", "conflict")]
)
def test_a_share_of_a_possessive_whole_against_a_stated_percentage(stated, status):
    check = only_check(analyse(f"Flooding closed 45 of the county's 90 schools, or {stated}, on Monday."), "share")
    assert check.status == status
    assert "50.0%" in check.explanation


def test_a_year_after_a_possessive_is_no_whole():
    analysis = analyse("Only 3 of the firm's 2024 targets were met, or 40% of the plan.")
    assert not [c for c in analysis.checks if c.kind == "share"]


def test_a_share_conflict_gives_the_gap_in_points_rounded():
    check = only_check(analyse("Police said 12 of the city's 41 stations were closed, about 40%."), "share")
    assert check.status == "conflict" and "(10.7 points apart)" in check.explanation


@pytest.mark.skipif(not DEMO.is_dir(), reason="the demo case is absent")
def test_the_demo_case_finds_its_planted_discrepancies_of_every_kind():
    analysis = analyse_case([read_article(str(path)) for path in sorted(DEMO.glob("*.html"))])
    conflicts = {c.kind for c in analysis.checks if c.status == "conflict"}
    assert {"value", "date", "share", "sum"} <= conflicts
