"""Value checks: two claims about the same amount, in matched statements or anywhere in the case when they
count the same noun. Far-apart values of the same noun ("12 people killed", "60 people injured") are
usually different facts; only near ones are reported as a disagreement.

A noun's claims are compared pair by pair up to ``WHOLE_GROUP`` of them. Beyond that (a page that
repeats itself, a table of figures) the pairs would grow with the square of the claims, so a repeated
reading is checked once against its first statement, each other claim against the ``NEAREST`` claims
nearest to it in value (the only ones that can agree or nearly so), and each such check says so.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from itertools import combinations
from typing import Iterable, Iterator

from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.checks.wording import day_words, interval_words, percent, quoted
from fact_review.matching.numeric import NEAR, Comparison, compare, head_noun, interval, nominal_difference
from fact_review.matching.statements import Link
from fact_review.model import Check, Claim


def value_checks(context: CheckContext, links: Iterable[Link]) -> list[Check]:
    placed = context.placed
    by_sentence: dict[int, list[PlacedClaim]] = defaultdict(list)
    for item in placed:
        by_sentence[item.sentence].append(item)
    checks: list[Check] = []
    seen: set[tuple[int, int]] = set()
    for link in links:
        left, right = link.sentences
        for i, j, comparison in link.pairings:
            a, b = by_sentence[left][i], by_sentence[right][j]
            seen.add(_key(a, b))
            checks.append(_check(context, a, b, comparison))
    groups: dict[tuple, list[PlacedClaim]] = defaultdict(list)
    for item in placed:
        noun = head_noun(item.claim)
        if noun and item.claim.kind != "date":
            groups[(noun, item.claim.unit)].append(item)
    for (noun, _), members in groups.items():
        note = "" if len(members) <= WHOLE_GROUP else (
            f" ({len(members):,} claims count {noun!r}: each was compared with the {NEAREST} nearest in value.)")
        for a, b in _pairs(members):
            if a.sentence == b.sentence or _key(a, b) in seen:
                continue
            if a.claim.value is None or b.claim.value is None:
                continue  # "a wave of drones", "dozens of": anything from a few up fits; only linked statements tell
            comparison = compare(a.claim, b.claim)
            if comparison.relation == "conflict" and nominal_difference(a.claim, b.claim) > NEAR:
                continue
            if comparison.comparable:
                seen.add(_key(a, b))
                check = _check(context, a, b, comparison)
                checks.append(replace(check, explanation=check.explanation + note) if note else check)
    return checks


WHOLE_GROUP = 64  # a noun's claims up to this many are compared pair by pair
NEAREST = 8


def _pairs(members: list[PlacedClaim]) -> Iterator[tuple[PlacedClaim, PlacedClaim]]:
    """The pairs of a noun's claims to compare, each in case order (see the module's docstring)."""
    if len(members) <= WHOLE_GROUP:
        yield from combinations(members, 2)
        return
    order = {id(item): k for k, item in enumerate(members)}
    first: dict[tuple, PlacedClaim] = {}
    readings = []
    for item in members:
        reading = _reading(item.claim)
        if reading in first:
            yield first[reading], item
        else:
            first[reading] = item
            readings.append(item)
    readings.sort(key=lambda item: _value_key(item.claim))
    for k, a in enumerate(readings):
        for b in readings[k + 1:k + 1 + NEAREST]:
            yield (a, b) if order[id(a)] < order[id(b)] else (b, a)


def _reading(claim: Claim) -> tuple:
    return claim.kind, claim.value, claim.low, claim.high, claim.unit, claim.qualifier, claim.date


def _value_key(claim: Claim) -> Decimal:
    span = interval(claim)
    bounds = [bound for bound in (span or ()) if bound is not None]
    return bounds[0] if bounds else Decimal(0)


def _key(a: PlacedClaim, b: PlacedClaim) -> tuple[int, int]:
    return (id(a.claim), id(b.claim)) if id(a.claim) < id(b.claim) else (id(b.claim), id(a.claim))


def _check(context: CheckContext, a: PlacedClaim, b: PlacedClaim, comparison: Comparison) -> Check:
    kind = "date" if a.claim.kind == "date" else "value"
    first, second = quoted(a.claim, context.where(a)), quoted(b.claim, context.where(b))
    if comparison.relation == "agree":
        text = f"{first} and {second} state the same {'date' if kind == 'date' else 'value'}."
    elif comparison.relation == "compatible":
        text = f"{first} and {second} can both hold: " + (
            "one date is given more precisely than the other, or without its year."
            if kind == "date" else f"{_allows(a.claim)} and {_allows(b.claim)} overlap."
        )
    elif kind == "date":
        text = (f"{first} and {second} give different dates ({day_words(a.claim.date or '')} and "
                f"{day_words(b.claim.date or '')}) for what is reported as the same thing.")
    else:
        gap = nominal_difference(a.claim, b.claim)
        text = f"{first} and {second} cannot both hold: the values differ by {percent(gap)}."
    text += context.date_note(a, b) if kind == "date" else ""
    return Check(kind, comparison.relation, (a.checked(), b.checked()), text)


def _allows(claim: Claim) -> str:
    span = interval(claim)
    return interval_words(*span) if span else "no amount"
