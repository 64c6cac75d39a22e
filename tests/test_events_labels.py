"""Facts named as a reviewer would name them (fact_review.events.labels), the days a duration places its
event on, and dates of linked statements whose event the timeline does not know: each on two short reports
of our own wording through the real pipeline."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from fact_review.claims import extract_claims
from fact_review.events.labels import quantity_label, statement_date_label
from fact_review.matching import match_case
from fact_review.model import Article
from fact_review.pipeline import analyse_article


def facts(first: str, second: str, published=("2024-05-02", "2024-05-03")):
    analysed = [analyse_article(Article(text=text, published=day)) for text, day in zip((first, second), published)]
    return match_case(analysed).facts


def labels(first: str, second: str) -> list[str]:
    return [f.label for f in facts(first, second)]


@pytest.mark.parametrize("first, second, label", [
    # a verb with the figure, and its particle: what was done to what
    ("About 900 villagers were moved out of Dalby after the dam cracked, officials said.",
     "Some 1,100 villagers were moved out of Dalby after the dam cracked, officials said.", "villagers moved out"),
    ("Coast guards pulled 14 fishermen from the water near Skarn on Monday.",
     "Coast guards pulled 16 fishermen from the water near Skarn on Monday.", "fishermen pulled"),
    ("Air defences shot down 31 drones over Velm overnight, the army said.",
     "Air defences shot down 34 drones over Velm overnight, the army said.", "drones shot down"),
    # a named amount before money
    ("The ministry put the cost of the new bridge at $40 million.",
     "The ministry put the cost of the new bridge at $48 million.", "cost of the"),
    ("The club said the price of a season ticket was £450 this year.",
     "The club said the price of a season ticket was £480 this year.", "price of a"),
    # an owner, a purpose, a task with a deadline
    ("Floodwater reached 300 of the village's 1,200 houses on Sunday.",
     "Floodwater reached a quarter of the village's 1,200 houses on Sunday.", "the village's houses"),
    ("The school hall was set up with cots for 80 people on Sunday night.",
     "The school hall was set up with cots for 80 people on Sunday night, the mayor said.", "cots for people"),
    ("Engineers hope to reopen the tunnel within 72 hours, the operator said.",
     "Engineers hope to reopen the tunnel within three days, the operator said.", "time to reopen the tunnel"),
])
def test_a_quantity_fact_is_named_by_the_words_around_its_figure(first, second, label):
    found = labels(first, second)
    assert any(f.startswith(label) for f in found), found


def test_a_count_with_nothing_said_around_it_is_a_number_of_its_noun():
    found = labels("Rescuers counted 41 boats in the harbour at dawn.", "There were 41 boats in the harbour at dawn.")
    assert found == ["boats counted"] or found == ["number of boats"]
    claim, = [c for c in extract_claims("The storm left 41 boats.") if c.noun]
    assert quantity_label(claim, "The storm left ", ".", "boats") is None  # "left" is no verb of the figure here


def test_a_fact_of_one_thing_in_the_singular_and_the_plural_is_named_in_the_plural():
    [fact] = [f for f in facts("Guards at the Orvik plant shot down a drone on Friday night.",
                               "Guards at the Orvik plant shot down a wave of drones on Friday night.")
              if f.kind == "quantity"]
    assert fact.label == "drones shot down"


def test_a_known_event_is_dated_by_its_name():
    found = labels("Rebels seized Varnik in a surprise incursion in March 2023.",
                   "Varnik has been held by rebels since their incursion last March.")
    assert "date of the Varnik incursion" in found, found


@pytest.mark.parametrize("before, label", [
    ("About 1,200 residents were moved out of their homes in Harwick on ", "date residents were moved out"),
    ("Ferry crews in Balholm halted all crossings on ", "date crews halted all crossings"),
    ("The regional council closed the coast road on ", "date council closed the coast road"),
])
def test_a_date_of_a_statement_is_named_by_what_was_done(before, label):
    assert statement_date_label(before) == label


def test_a_date_with_no_verb_before_it_is_named_by_its_words():
    assert statement_date_label("The first ferry of the season: ") == "date in “…The first ferry of the season:”"


def test_two_linked_statements_that_date_a_happening_differently_are_a_time_fact_in_conflict():
    [fact] = [f for f in facts(
        "About 400 residents were moved out of their homes in Ostby on Tuesday, April 30, as the river rose.",
        "In all, 450 residents were moved out of their homes in Ostby on Monday, April 29, as the river rose.")
        if f.kind == "time"]
    assert fact.status == "conflict" and fact.label == "date residents were moved out"
    assert [(c.claim.text, c.earliest, c.latest) for c in fact.claims] == [
        ("Tuesday, April 30", "2024-04-30", "2024-04-30"), ("Monday, April 29", "2024-04-29", "2024-04-29")]


def test_a_duration_places_its_event_counted_from_the_event_it_runs_from():
    analysed = facts("Rebel fighters overran Dorvik in a surprise incursion in October 2022.\n\n"
                     "Army units retook Dorvik on May 20, the defence ministry said.",
                     "The town's liberation came after seven months of rebel occupation, officials said.",
                     published=("2023-06-02", "2023-06-03"))
    [member] = [c for f in analysed for c in f.claims if c.claim.text == "seven months"]
    # seven months, rounded (six and a half at least), after a day of October 2022: no earlier than April 2023
    assert member.earliest is not None and "2023-04-10" <= member.earliest <= "2023-04-20"
    assert member.latest is None  # "after seven months" bounds the liberation from below only


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=120))
def test_naming_never_fails_on_any_text(text):
    assert statement_date_label(text).startswith("date")
    for claim in extract_claims(text + " 12 boats"):
        found = quantity_label(claim, text, " were sunk.", claim.noun)
        assert found is None or found.strip()


def test_two_sources_giving_the_same_amount_are_said_to_agree_in_plain_words():
    [fact] = [f for f in facts("Rescuers counted 41 boats in the harbour at dawn.",
                               "There were 41 boats in the harbour at dawn.") if f.status == "agree"]
    assert fact.explanation == "Both statements give the same amount."
