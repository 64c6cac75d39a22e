"""Properties of the claim extractor on generated text: exact spans, values that parse back, no crash."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from fact_review.claims import extract_claims
from fact_review.claims.scanner import find_numeric_claims

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
        "sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """English words for 0 <= n < 1,000,000 ("three hundred and forty-two thousand ...")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + spell(rest))
    rest = n % 1000
    head = spell(n // 1000) + " thousand"
    if rest == 0:
        return head
    return head + (" and " if rest < 100 else " ") + spell(rest)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_spans_are_exact_slices_of_any_text(text):
    for c in extract_claims(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text


@settings(max_examples=100, deadline=None)
@example("hundreds of")  # a vague amount's "of" as the last token once read past the end
@given(st.lists(st.sampled_from(["7", "1,200", "$", "€5bn", "-", "+", "%", "twenty", "one", "a", "dozen", "of",
                                 "hundreds", "between", "and", "to", "more", "than", "km", "years", "\n", "F",
                                 "pic.twitter.com/x9", "half", "million", "3.5", "1/2", "½", "over", "the", "past",
                                 "week", "May", "25,", "2025", " ", ":", "^", "/", "Russia", "10:30", "-7", "one",
                                 "second", "a", "$", "USD"]), max_size=60).map(" ".join))
def test_no_crash_and_exact_spans_on_number_soup(text):
    for c in extract_claims(text):
        assert text[c.start:c.end] == c.text
        assert c.kind in ("number", "ordinal", "percent", "money", "date", "duration", "quantity")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["-", "7", ":", "^", "/", "Russia", "one", "$", "in", "a", "second", "x"]),
                max_size=12).map("".join))
def test_glued_signs_and_digits_end(text):
    for c in find_numeric_claims(text):
        assert text[c.start:c.end] == c.text


def test_very_long_line_is_read_in_linear_time():
    text = "They counted 1,200 boats and twenty-five planes; " * 4000
    claims = find_numeric_claims(text)
    assert len(claims) == 8000


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_separators_parse_back(n):
    text = f"They counted {n:,} boats."
    (c,) = find_numeric_claims(text)
    assert c.value == n and c.noun == "boats"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=999))
def test_decimals_parse_back_exactly(whole, frac):
    written = f"{whole}.{frac:03d}"
    (c,) = find_numeric_claims(f"The index rose {written} points.")
    assert c.value == Decimal(written)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=999_999))
def test_number_words_parse_back(n):
    words = spell(n)
    (c,) = find_numeric_claims(f"Officials said {words} boats sank.")
    assert c.value == n, words
    assert c.text == f"{words} boats"


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999.9"), places=1),
       st.sampled_from([("bn", 10**9), ("m", 10**6), (" million", 10**6), (" billion", 10**9), ("k", 1000)]),
       st.sampled_from([("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("EUR ", "EUR")]))
def test_money_with_scales(amount, scale, currency):
    text = f"The fund paid {currency[0]}{amount}{scale[0]} last year."
    money = [c for c in extract_claims(text) if c.kind == "money"]
    assert len(money) == 1
    assert money[0].value == amount * scale[1] and money[0].unit == currency[1]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**6),
       st.sampled_from([("more than", "low"), ("at least", "low"), ("up to", "high"), ("fewer than", "high")]))
def test_open_bounds_carry_the_value(n, qualifier):
    (c,) = find_numeric_claims(f"Police said {qualifier[0]} {n:,} people came.")
    assert c.qualifier == qualifier[0]
    assert (c.low if qualifier[1] == "low" else c.high) == n


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "quarter", "half", "two-thirds", "third", "of", "the", "its", "8,000", "300",
                                 "homes", "one", "in", "five", "out", "adults", "about", "more", "than", "last",
                                 "first", "week", "day", "weekend", "month", "October", "2014", "next", "Monday",
                                 "2", "weeks", "10", "days", "May"]), max_size=25).map(" ".join))
def test_shares_and_parts_of_periods_on_random_text(text):
    for c in extract_claims(text):
        assert text[c.start:c.end] == c.text
        if c.kind == "number" and c.value is not None and " of " in c.text and c.noun:
            assert c.value > 0  # a share of a whole is a positive part of it
