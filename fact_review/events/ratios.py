"""A share written as a ratio ("two in five voters", "1 out of 4") against a percentage in a linked
statement ("40% of voters"): the same quantity on another scale."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable, Optional

from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.checks.wording import percent, quoted
from fact_review.matching.numeric import interval
from fact_review.matching.statements import Link
from fact_review.model import Check

_RATIO_TEXT = re.compile(r"^\S+\s+(?:in|out\s+of)\s+(?:every\s+)?\S+", re.I)
_BETWEEN = re.compile(r"^\s+(?:in|out\s+of)\s+(?:every\s+)?$", re.I)


def ratio_checks(context: CheckContext, links: Iterable[Link]) -> list[Check]:
    by_sentence: dict[int, list[PlacedClaim]] = {}
    for placed in context.placed:
        by_sentence.setdefault(placed.sentence, []).append(placed)
    ratios = {index: found for index, claims in by_sentence.items() if (found := _ratios(context, claims))}
    checks = []
    for link in links:
        for mine, theirs in (link.sentences, tuple(reversed(link.sentences))):
            for part, whole, share in ratios.get(mine, ()):
                for stated in by_sentence.get(theirs, ()):
                    if stated.claim.kind == "percent" and stated.claim.value is not None:
                        checks.append(_check(context, part, whole, share, stated))
    return checks


def _ratios(context: CheckContext, claims: list[PlacedClaim]) -> list[tuple[PlacedClaim, PlacedClaim, Decimal]]:
    """"N in M" in a sentence, with the share it states: one claim that the extractor read as the share
    ("Two in five voters" is 0.4), or two counts with "in"/"out of" between them."""
    counts = sorted((p for p in claims if p.claim.kind == "number" and p.claim.value is not None),
                    key=lambda p: p.claim.start)
    found = [(p, p, p.claim.value) for p in counts if _RATIO_TEXT.match(p.claim.text) and 0 < p.claim.value <= 1]
    for part, whole in zip(counts, counts[1:]):
        sentence = context.sentences[part.sentence]
        between = sentence.text[part.claim.end - sentence.start:whole.claim.start - sentence.start]
        if _BETWEEN.match(between) and whole.claim.value and part.claim.value <= whole.claim.value:
            found.append((part, whole, part.claim.value / whole.claim.value))
    return found


def _check(context: CheckContext, part: PlacedClaim, whole: PlacedClaim, share: Decimal,
           stated: PlacedClaim) -> Check:
    sentence = context.sentences[part.sentence]
    ratio = sentence.text[part.claim.start - sentence.start:whole.claim.end - sentence.start] if part is not whole \
        else _RATIO_TEXT.match(part.claim.text).group(0)
    said = f'"{ratio}" ({context.where(part)})'
    other = quoted(stated.claim, context.where(stated))
    computed = share * 100
    value = stated.claim.value
    step = Decimal(1).scaleb(value.as_tuple().exponent)
    claims = tuple(dict.fromkeys((part.checked(), whole.checked(), stated.checked())))
    if abs(computed - value) <= max(step / 2, Decimal("0.5")):
        return Check("value", "agree", claims, f"{said} is {percent(share)}, as {other} states.")
    span = interval(stated.claim)
    if span and _within(computed, span, step):
        return Check("value", "compatible", claims, f"{said} is {percent(share)}, which {other} can match.")
    return Check("value", "conflict", claims, f"{said} is {percent(share)}, but {other} is stated.")


def _within(value: Decimal, span: tuple[Optional[Decimal], Optional[Decimal]], step: Decimal) -> bool:
    return (span[0] is None or span[0] - step <= value) and (span[1] is None or value <= span[1] + step)
