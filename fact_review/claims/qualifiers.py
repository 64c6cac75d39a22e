"""Qualifiers around a number ("almost 300", "more than 60", "6+", "60 or more") and the interval each allows.

The interval is what the statement permits: "almost 300" -> [270, 300], "about 300" -> [270, 330],
"more than 60" -> [60, open), "up to 700" -> (open, 700]. ``interval`` turns a canonical qualifier and a
value into (low, high).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Sequence

from fact_review.claims import lexicon as lx
from fact_review.claims.tokens import Token

D = Decimal
# How far "almost" and "about" reach: a tenth of the value either side.
APPROXIMATION = D("0.1")


@dataclass(frozen=True)
class Qualifier:
    name: str  # canonical: almost | about | more than | at least | up to | fewer than | exactly
    bound: str  # nearly | approx | low | high | exact
    start: int  # token index where the phrase starts (left) ...
    end: int  # ... and ends, exclusive (right qualifiers)


def _phrases(table: dict) -> dict[int, list[tuple[tuple[str, ...], str]]]:
    """Phrases by length, longest first, split into tokens as the tokenizer would."""
    from fact_review.claims.tokens import tokenize

    by_len: dict[int, list] = {}
    for phrase in table:
        words = tuple(t.low for t in tokenize(phrase))
        by_len.setdefault(len(words), []).append((words, phrase))
    return dict(sorted(by_len.items(), reverse=True))


_LEFT = _phrases(lx.LEFT_QUALIFIERS)
_RIGHT = _phrases(lx.RIGHT_QUALIFIERS)


def qualifier_before(tokens: Sequence[Token], i: int, floor: int) -> Optional[Qualifier]:
    """The longest qualifier phrase ending right before token i, not reaching before token ``floor``."""
    for length, phrases in _LEFT.items():
        s = i - length
        if s < floor or s < 0:
            continue
        window = tuple(t.low for t in tokens[s:i])
        if any(t.newline for t in tokens[s + 1:i + 1]):
            continue
        for words, phrase in phrases:
            if window == words:
                name, bound = lx.LEFT_QUALIFIERS[phrase]
                return Qualifier(name, bound, s, i)
    return None


def qualifier_at(tokens: Sequence[Token], j: int) -> Optional[Qualifier]:
    """The longest left-hand qualifier phrase that starts at token j ("less than or equal to")."""
    for length, phrases in _LEFT.items():
        window = tuple(t.low for t in tokens[j:j + length])
        for words, phrase in phrases:
            if window == words:
                name, bound = lx.LEFT_QUALIFIERS[phrase]
                return Qualifier(name, bound, j, j + length)
    return None


def qualifier_after(tokens: Sequence[Token], j: int) -> Optional[Qualifier]:
    """ "+", "-plus", "or more", "or so" right after the number (and its unit) ending at token j."""
    n = len(tokens)
    if j < n and tokens[j].text == "+" and not tokens[j].gap:
        return Qualifier("at least", "low", j, j + 1)
    k = j + 1 if j < n and tokens[j].text == "-" and not tokens[j].gap else j
    for length, phrases in _RIGHT.items():
        window = tuple(t.low for t in tokens[k:k + length])
        for words, phrase in phrases:
            if window == words and phrase != "+":
                end = k + length
                if end < n and tokens[end].low in ("than", "to"):
                    if end + 1 < n and _starts_number(tokens[end + 1]):
                        continue  # "5000 or less than 6000": the qualifier belongs to the next number
                    end += 1  # "200 or greater than", "more than 5000 or equal to"
                if phrase in ("plus", "odd") and (k == j and k + 1 < n and tokens[k + 1].kind == "num"):
                    continue  # "5 plus 3" is arithmetic
                if phrase == "odd" and k == j:
                    continue  # "30-odd" only with its hyphen
                name, bound = lx.RIGHT_QUALIFIERS[phrase]
                return Qualifier(name, bound, j, end)
    return None


def _starts_number(token: Token) -> bool:
    return token.kind == "num" or token.low in lx.UNITS or token.low in lx.TENS or token.low in ("a", "an")


def with_or_equal(before: Qualifier) -> Optional[tuple[str, str]]:
    """ "more than 5000 or equal (to)": the bound before made inclusive; None when it has no bound."""
    if before.bound == "low":
        return "at least", "low"
    if before.bound == "high":
        return "up to", "high"
    return None


def interval(bound: str, value: Optional[Decimal]) -> tuple[Optional[Decimal], Optional[Decimal]]:
    """(low, high) that a qualifier allows around ``value``."""
    if value is None:
        return None, None
    if bound == "nearly":
        return value - abs(value) * APPROXIMATION, value
    if bound == "approx":
        return value - abs(value) * APPROXIMATION, value + abs(value) * APPROXIMATION
    if bound == "low":
        return value, None
    if bound == "high":
        return None, value
    if bound == "exact":
        return value, value
    return None, None
