"""Shares of a whole: "about a quarter of 8,000 homes" (about 2,000 homes), "half of the 300 drones" (150
drones), "two-thirds of its 600 staff"; and proportions "one in five adults", "2 out of 3 voters" (0.2, 2/3).

``share_at(tokens, i)`` reads one starting at token ``i``; the scanner adds the qualifier before it and the
counted noun after it.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Sequence

from fact_review.claims import lexicon as lx
from fact_review.claims.numbers import read_number
from fact_review.claims.tokens import Token

D = Decimal
_OWNERS = frozenset({"the", "its", "their", "his", "her", "our", "those", "these", "some", "about", "around",
                     "nearly", "almost", "roughly", "an", "estimated"})
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}


@dataclass(frozen=True)
class Share:
    end: int  # token index after the whole (or the proportion's second number)
    value: Decimal  # the part: a count for a share of a whole, a fraction for a proportion
    of_whole: bool  # True: "a quarter of 8,000 homes"; False: "one in five"


def _fraction(tokens: Sequence[Token], i: int) -> Optional[tuple[Decimal, int]]:
    """ "half", "a half", "a quarter", "one third", "two-thirds", "three quarters" at i -> (fraction, end)."""
    n = len(tokens)
    t = tokens[i]
    if t.low == "half":
        return D("0.5"), i + 1
    k = i
    numerator = 1
    if t.low in _NUMERATORS and i + 1 < n:
        numerator, k = _NUMERATORS[t.low], i + 1
        if tokens[k].text in ("-", "‐") and not tokens[k].gap and k + 1 < n:
            k += 1
    if k >= n or tokens[k].low not in lx.FRACTION_WORDS or k == i:
        return None
    word = tokens[k].low
    plural = word.endswith("s") or word == "halves"
    if plural != (numerator > 1):
        return None
    return D(numerator) / D(lx.FRACTION_WORDS[word]), k + 1


def share_at(tokens: Sequence[Token], i: int) -> Optional[Share]:
    return _share_of_whole(tokens, i) or _proportion(tokens, i)


def _share_of_whole(tokens: Sequence[Token], i: int) -> Optional[Share]:
    n = len(tokens)
    found = _fraction(tokens, i)
    if found is None:
        return None
    fraction, k = found
    if k >= n or tokens[k].low != "of":
        return None
    k += 1
    while k < n and tokens[k].low in _OWNERS and k - i < 8:
        k += 1
    if k >= n:
        return None
    whole = read_number(tokens, k)
    if whole is None or whole.value is None or whole.ordinal or whole.value < 2:
        return None
    if whole.digits_plain and 1800 <= whole.value <= 2100 and whole.end < n and tokens[whole.end].kind != "word":
        return None  # "half of 2024": a year
    return Share(whole.end, fraction * whole.value, True)


def _proportion(tokens: Sequence[Token], i: int) -> Optional[Share]:
    """ "one in five", "1 in 10", "two out of three" (not "one in Kyiv", "2 in 2024")."""
    n = len(tokens)
    part = read_number(tokens, i)
    if part is None or part.value is None or part.ordinal or part.vague is not None:
        return None
    k = part.end
    if k + 1 < n and tokens[k].low == "in":
        k += 1
    elif k + 2 < n and tokens[k].low == "out" and tokens[k + 1].low == "of":
        k += 2
    else:
        return None
    whole = read_number(tokens, k)
    if whole is None or whole.value is None or whole.ordinal or not 0 < part.value < whole.value:
        return None
    if whole.digits_plain and 1800 <= whole.value <= 2100:
        return None  # "3 in 2024"
    return Share(whole.end, part.value / whole.value, False)
