"""Counts said in words are claims: one ("a drone", "a single shell"), zero ("no casualties", "none of the
rockets"), many ("a barrage of missiles", "several villages") and all ("all the passengers were rescued"),
and the ordinary uses of "a", "no" and "all" are not."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.claims import extract_claims
from fact_review.claims.scanner import find_numeric_claims


def _counts(text):
    return [(c.text, c.value, c.qualifier, c.low, c.noun) for c in find_numeric_claims(text)]


@pytest.mark.parametrize("text, expected", [
    ("A missile struck the depot.", ("A missile", 1, None, None, "missile")),
    ("Police said an unmanned drone crashed.", ("an unmanned drone", 1, None, None, "unmanned drone")),
    ("Only a single shell landed in the square.", ("a single shell", 1, None, None, "shell")),
    ("A lone gunman opened fire.", ("A lone gunman", 1, None, None, "gunman")),
    ("There were no casualties.", ("no casualties", 0, None, None, "casualties")),
    ("No civilian deaths or injuries were reported.",
     ("No civilian deaths or injuries", 0, None, None, "civilian deaths or injuries")),
    ("Not a single rocket reached the city.", ("Not a single rocket", 0, None, None, "rocket")),
    ("Not one passenger was hurt.", ("Not one passenger", 0, None, None, "passenger")),
    ("None of the rockets reached the city.", ("None of the rockets", 0, None, None, "rockets")),
    ("None were injured in the blast.", ("None", 0, None, None, None)),
    ("Nobody was injured.", ("Nobody", 0, None, None, None)),
    ("No one died in the fire.", ("No one", 0, None, None, None)),
    ("The army fired a barrage of missiles at the port.", ("a barrage of missiles", None, "many", 2, "missiles")),
    ("They launched a fresh wave of drones.", ("a fresh wave of drones", None, "many", 2, "drones")),
    ("Troops took several villages.", ("several villages", None, "several", 3, "villages")),
    ("A handful of protesters stayed.", ("A handful of protesters", None, "a few", 2, "protesters")),
    ("A large number of homes flooded.", ("A large number of homes", None, "many", 2, "homes")),
    ("All the passengers were rescued.", ("All the passengers", None, "all", 1, "passengers")),
    ("Every building was searched.", ("Every building", None, "all", 1, "building")),
    ("A couple of boats capsized.", ("A couple of boats", 2, None, None, "boats")),
])
def test_a_count_in_words_is_a_claim(text, expected):
    (text_, value, qualifier, low, noun) = expected
    want = (text_, None if value is None else Decimal(value), qualifier, None if low is None else Decimal(low), noun)
    assert want in _counts(text), _counts(text)


@pytest.mark.parametrize("text", [
    "A senior officer said the talks would resume.",  # "a" before a person who speaks
    "A drone attack hit the refinery.",  # "drone" describes the attack
    "No drone strikes were confirmed.",  # ... and the strikes
    "There is no doubt about it.",
    "She said no one would leave early.",
    "By all appearances, the talks failed.",
    "All of this suggests a deal.",
    "Every strike is a reason for sanctions.",  # a general truth, not what happened
    "It was second to none.",
    "None other than the mayor came.",
    "Several years passed.",  # a vague duration, not a count of things
    "They met a number of times.",
])
def test_ordinary_uses_of_a_no_and_all_are_no_count(text):
    counts = [c for c in find_numeric_claims(text) if c.kind == "number"]
    assert counts == [], counts


def test_counts_are_check_worthy():
    claims = extract_claims("A drone hit a depot. No injuries were reported.")
    assert [(c.text, c.check_worthy, c.why) for c in claims] == [
        ("A drone", True, "a count of a thing"), ("No injuries", True, "a count of none")]


_WORDS = ["a", "an", "the", "single", "lone", "no", "none", "nobody", "not", "one", "all", "every", "of",
          "wave", "barrage", "handful", "number", "large", "several", "drone", "drones", "injuries", "were",
          "was", "being", "hit", "attack", "Ukrainian", "-", "made", "or", ",", ".", "\n", "days", "times"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join))
def test_count_words_never_crash_and_keep_exact_spans(text):
    for c in find_numeric_claims(text):
        assert text[c.start:c.end] == c.text
        if c.kind == "number" and c.qualifier in ("many", "several", "a few", "all"):
            assert c.value is None and c.low is not None and c.high is None and c.noun
        if c.text.lower().startswith(("no ", "none", "nobody", "not ")):
            assert c.value == 0
