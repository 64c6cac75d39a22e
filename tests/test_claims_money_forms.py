"""Money as news writes it: dollars named after the sign ("$US5 million"), currencies named by letters
("RM50 million", "R2.5 billion", "KSh 200"), signs garbled by a wrong encoding ("â‚¬50"), currency words that
are also ordinary words ("5 billion won"), and "pounds" that weigh rather than pay."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fact_review.claims import extract_claims


def _amounts(text):
    return [(c.text, c.kind, c.value, c.unit) for c in extract_claims(text)]


@pytest.mark.parametrize("text, expected", [
    ("The miner paid $US5 million for the site.", ("$US5 million", "money", 5_000_000, "USD")),
    ("Tickets cost $A300.", ("$A300", "money", 300, "AUD")),
    ("Petronas set aside RM50 million.", ("RM50 million", "money", 50_000_000, "MYR")),
    ("The budget grew to 50 million ringgit.", ("50 million ringgit", "money", 50_000_000, "MYR")),
    ("Eskom needs R2.5 billion.", ("R2.5 billion", "money", 2_500_000_000, "ZAR")),
    ("Rents reached R1,500 a month.", ("R1,500", "money", 1500, "ZAR")),
    ("The fund lost 2.5 billion rand.", ("2.5 billion rand", "money", 2_500_000_000, "ZAR")),
    ("Seoul spent 5 billion won on it.", ("5 billion won", "money", 5_000_000_000, "KRW")),
    ("Fares rose to KSh 200.", ("KSh 200", "money", 200, "KES")),
    ("A coffee costs â‚¬3.", ("â‚¬3", "money", 3, "EUR")),
    ("The fine was 25 pounds.", ("25 pounds", "money", 25, "GBP")),
    ("He lost 25 pounds in a month.", ("25 pounds", "quantity", 25, "lb")),
    ("The baby weighed 8 pounds.", ("8 pounds", "quantity", 8, "lb")),
    ("Police seized 40 pounds of cocaine.", ("40 pounds", "quantity", 40, "lb")),
])
def test_money_forms(text, expected):
    quote, kind, value, unit = expected
    assert (quote, kind, Decimal(value), unit) in _amounts(text), _amounts(text)


@pytest.mark.parametrize("text", [
    "The team won 3 games.",  # "won" the verb
    "Take the R2 road north.",  # a road, not rand
    "The droid R2-D2 beeped.",
    "Print it on A5 paper.",
])
def test_words_and_letters_that_only_look_like_currencies(text):
    assert not [c for c in extract_claims(text) if c.kind == "money"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["$", "US", "A", "RM", "R", "KSh", "Sh", "â", "‚", "¬", "50", "2.5", "1,500",
                                 "million", "billion", "won", "rand", "ringgit", "pounds", "lost", "of", "cost",
                                 " ", "-", "."]), max_size=20).map("".join))
def test_money_forms_on_glued_random_text(text):
    for claim in extract_claims(text):
        assert text[claim.start:claim.end] == claim.text
        if claim.kind == "money":
            assert claim.value is None or claim.value.is_finite()


@pytest.mark.parametrize("text, quote, value", [
    ("The fare is 20 dollars 43 cents.", "20 dollars 43 cents", "20.43"),
    ("It cost $20 and 43c.", "$20 and 43c", "20.43"),
    ("A stamp costs 3 GBP 1 pence.", "3 GBP 1 pence", "3.01"),
    ("Shares closed at more than 1 dollar and forty-two cents.", "more than 1 dollar and forty-two cents", "1.42"),
])
def test_money_with_its_minor_unit_is_one_amount(text, quote, value):
    (claim,) = [c for c in extract_claims(text) if c.text == quote]
    assert claim.value == Decimal(value)


def test_a_count_after_an_amount_stays_a_count():
    assert [(c.text, c.kind) for c in extract_claims("It cost $5 and 10 people came.")] == [
        ("$5", "money"), ("10 people", "number")]


@pytest.mark.parametrize("text, quote, value, unit", [
    ("The cost is 100元.", "100元", 100, "CNY"),
    ("The book costs 100 ₡.", "100 ₡", 100, "CRC"),
    ("Tea costs 20Rs here.", "20Rs", 20, "INR"),
    ("Candy costs 10¢.", "10¢", 10, "cent"),
    ("She found ten pennies.", "ten pennies", 10, "penny"),
])
def test_currency_signs_after_the_amount(text, quote, value, unit):
    assert (quote, "money", Decimal(value), unit) in _amounts(text), _amounts(text)
