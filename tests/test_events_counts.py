"""Counts in words across linked statements (fact_review.events.counts), on claims our tests construct
where the extractor does not give count words yet."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from event_cases_runner import with_claim
from fact_review.events.counts import count_class, in_words
from fact_review.matching import match_case
from fact_review.model import Article, Claim
from fact_review.pipeline import analyse_article


def claim(text, value=None, low=None, high=None, noun=None):
    dec = lambda x: None if x is None else Decimal(x)  # noqa: E731
    return Claim(0, len(text), text, "number", dec(value), noun=noun, low=dec(low), high=dec(high))


@pytest.mark.parametrize("made, kind", [
    (claim("no injuries", 0, noun="injuries"), "none"),
    (claim("none", low=0, high=0), "none"),
    (claim("a drone", 1, noun="drone"), "one"),
    (claim("a single drone", 1, noun="drone"), "one"),
    (claim("a wave of drones", low=2, noun="drones"), "several"),
    (claim("dozens of missiles", low=24, noun="missiles"), "several"),
    (claim("three people", 3, noun="people"), "several"),
    (claim("at least one", low=1), "some"),
])
def test_a_count_falls_into_a_class_by_what_it_allows(made, kind):
    assert count_class(made) == kind


def test_counts_in_words_are_told_from_numbers():
    assert in_words(claim("a drone", 1)) and in_words(claim("a wave of drones", low=2))
    assert not in_words(claim("one drone", 1)) and not in_words(claim("12 drones", 12))
    assert not in_words(claim("three people", 3))


def case_with(first: str, second: str, *added: tuple[int, dict]):
    analysed = [analyse_article(Article(text=t, published="2024-09-01")) for t in (first, second)]
    for index, extra in added:
        analysed[index] = replace(analysed[index], claims=with_claim(analysed[index].article.text,
                                                                      analysed[index].claims, extra))
    return match_case(analysed)


def counts(case):
    return [(c.status, [x.claim.text for x in c.claims], c.explanation) for c in case.checks if c.kind == "count"]


def test_none_against_some_meets_through_the_verb_of_the_other_statement():
    case = case_with("Police said no casualties were reported after the blast at the Orlen depot on Friday.",
                     "The blast at the Orlen depot on Friday killed two workers, police said.",
                     (0, {"text": "no casualties", "kind": "number", "value": 0, "noun": "casualties"}))
    [(status, texts, words)] = counts(case)
    assert status == "conflict" and texts == ["no casualties", "two workers"]
    assert "says none" in words and "says 2" in words and "none and some" in words


def test_no_injuries_against_a_count_of_something_else_is_not_a_count_check():
    case = case_with("No injuries were reported after the blast at the Orlen depot on Friday, police said.",
                     "The blast at the Orlen depot on Friday destroyed two trucks, police said.",
                     (0, {"text": "No injuries", "kind": "number", "value": 0, "noun": "injuries"}))
    assert counts(case) == []


def test_count_words_replace_the_value_check_of_the_same_two_claims():
    case = case_with("Air defences near the Tarvel power plant shot down a drone on Saturday night, the army said.",
                     "Air defences near the Tarvel power plant shot down a wave of drones on Saturday night, the army said.",
                     (0, {"text": "a drone", "kind": "number", "value": 1, "noun": "drone"}),
                     (1, {"text": "a wave of drones", "kind": "number", "low": 2, "noun": "drones"}))
    [(status, texts, _)] = counts(case)
    assert status == "conflict" and texts == ["a drone", "a wave of drones"]
    assert not [c for c in case.checks if c.kind == "value" and {x.claim.text for x in c.claims} == set(texts)]
    [fact] = [f for f in case.facts if f.kind == "quantity"]
    assert fact.status == "conflict" and fact.label.startswith("drone")
