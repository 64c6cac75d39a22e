"""Numbers written in words, in sentences of our own: fractions with any numerator, ordinals that end a long
number, and decimals said as one number."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from fact_review.claims import extract_claims

_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int, joiner: str = "-") -> str:
    """1..999 in words, as people write them ("three hundred and forty-two")."""
    hundreds, rest = divmod(n, 100)
    words = [f"{_UNITS[hundreds]} hundred"] if hundreds else []
    if rest:
        below = _UNITS[rest] if rest < 20 else _TENS[rest // 10] + (joiner + _UNITS[rest % 10] if rest % 10 else "")
        words.append(("and " if hundreds else "") + below)
    return " ".join(words)


def _one(text: str):
    found = [c for c in extract_claims(text) if c.kind in ("number", "ordinal")]
    assert len(found) == 1, [(c.text, c.kind, c.value) for c in found]
    return found[0]


@pytest.mark.parametrize("text, quote, value", [
    ("The ratio came to twenty fifths.", "twenty fifths", Decimal(4)),
    ("It rose to one hundred and thirty-two fifths of the base.", "one hundred and thirty-two fifths",
     Decimal("26.4")),
    ("A share of one hundred thirty-fifths is small.", "one hundred thirty-fifths", Decimal(100) / Decimal(35)),
    ("The share fell to five - eighths.", "five - eighths", Decimal("0.625")),
    ("Three-fifths of voters agreed.", "Three-fifths", Decimal("0.6")),
    ("The rate is nought point eleven.", "nought point eleven", Decimal("0.11")),
    ("The gauge read two point five.", "two point five", Decimal("2.5")),
])
def test_fractions_and_decimals_in_words(text, quote, value):
    claim = _one(text)
    assert (claim.text, claim.kind) == (quote, "number")
    assert abs(claim.value - value) < Decimal("1e-9")


@pytest.mark.parametrize("text, quote, value", [
    ("The club marked its one hundred twenty fifth season.", "one hundred twenty fifth", 125),
    ("It was the one hundred and first day of the siege.", "one hundred and first", 101),
    ("The two thousandth visitor got a prize.", "two thousandth", 2000),
])
def test_an_ordinal_ends_a_long_number(text, quote, value):
    claim = _one(text)
    assert (claim.text, claim.kind, claim.value) == (quote, "ordinal", value)


@pytest.mark.parametrize("text, value", [
    ("A hundred first-time buyers queued.", 100),  # "first-time" is no ordinal
    ("Forty quarters of play later he retired.", 40),  # quarters of a game, not a fraction
    ("He finished in twenty seconds.", None),  # a duration
])
def test_words_that_only_look_like_fractions_or_ordinals(text, value):
    numbers = [c.value for c in extract_claims(text) if c.kind in ("number", "ordinal")]
    assert numbers == ([value] if value is not None else [])


def test_a_proper_fraction_after_a_whole_number_is_a_mixed_number():
    assert _one("The share was one hundred and two thirds.").value == Decimal(100) + Decimal(2) / Decimal(3)


@settings(max_examples=200, deadline=None)
@given(st.integers(20, 999), st.sampled_from([("thirds", 3), ("fifths", 5), ("eighths", 8), ("tenths", 10)]))
def test_any_numerator_over_a_plural_denominator(n, denominator):
    word, d = denominator
    assume(n % 100 == 0 or n % 100 >= d)  # "one hundred and two thirds" is 100 2/3, a mixed number
    claim = _one(f"The share was {spell(n)} {word} of the total.")
    assert claim.text == f"{spell(n)} {word}"
    assert abs(claim.value - Decimal(n) / d) < Decimal("1e-9")


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 9), st.sampled_from([("first", 1), ("second", 2), ("third", 3), ("fifth", 5), ("ninth", 9)]),
       st.sampled_from([0, 20, 30, 90]))
def test_hundreds_and_tens_then_an_ordinal(hundreds, ordinal, tens):
    word, o = ordinal
    middle = f" {_TENS[tens // 10]}" if tens else " and"
    text = f"{_UNITS[hundreds]} hundred{middle} {word}"
    claim = _one(f"It was the {text} attempt.")
    assert (claim.text, claim.kind, claim.value) == (text, "ordinal", hundreds * 100 + tens + o)
