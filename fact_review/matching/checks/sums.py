"""Sum checks: a stated total of several counted nouns ("367 drones and missiles") against parts stated
together elsewhere, in the same article or another ("69 missiles ... and 298 drones")."""
from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Optional

from fact_review.matching.checks.context import CheckContext, PlacedClaim
from fact_review.matching.checks.wording import interval_words, number, percent, quoted
from fact_review.matching.numeric import NEAR, head_noun, interval, nominal, overlaps
from fact_review.matching.words import stem
from fact_review.model import Check

# "<number> [one adjective] drones and missiles": the nouns a total counts together.
_TOTAL_OF = re.compile(
    r"^[\d.,]+\s+(?:[A-Za-z-]+\s+)?(?P<first>[A-Za-z-]{3,})\s*(?:,\s*(?P<middle>[A-Za-z-]{3,})\s*,?\s*)?"
    r"\s(?:and|or|&|plus)\s+(?P<last>[A-Za-z-]{3,})\b"
)
_NOT_NOUNS = frozenset({"the", "its", "their", "other", "more", "then", "was", "were", "are"})


def sum_checks(context: CheckContext) -> list[Check]:
    placed = [p for p in context.placed if p.claim.kind in ("number", "quantity") and p.claim.value is not None]
    by_sentence: dict[int, list[PlacedClaim]] = defaultdict(list)
    sentences_counting: dict[str, set[int]] = defaultdict(set)
    for item in placed:
        by_sentence[item.sentence].append(item)
        noun = head_noun(item.claim)
        if noun:
            sentences_counting[noun].add(item.sentence)
    checks = []
    for total in placed:
        nouns = _counted_together(context, total)
        if not nouns:
            continue
        for sentence in sorted(set.intersection(*(sentences_counting.get(noun, set()) for noun in nouns))):
            parts = _one_each(by_sentence[sentence], nouns, exclude=total)
            if parts:
                check = _sum_check(context, total, parts)
                if check:
                    checks.append(check)
    return checks


def _counted_together(context: CheckContext, total: PlacedClaim) -> Optional[tuple[str, ...]]:
    sentence = context.sentences[total.sentence]
    digits = re.search(r"\d", sentence.text[total.claim.start - sentence.start:total.claim.end - sentence.start])
    if digits is None:
        return None
    found = _TOTAL_OF.match(sentence.text[total.claim.start - sentence.start + digits.start():])
    if not found:
        return None
    words = [w for w in (found["first"], found["middle"], found["last"]) if w]
    if any(w.lower() in _NOT_NOUNS for w in words):
        return None
    nouns = tuple(stem(w) for w in words)
    return nouns if len(set(nouns)) == len(nouns) else None


def _one_each(members: list[PlacedClaim], nouns: tuple[str, ...], exclude: PlacedClaim) -> Optional[list[PlacedClaim]]:
    """The sentence's claims when it states exactly one amount of each noun."""
    chosen = []
    for noun in nouns:
        hits = [m for m in members if m is not exclude and head_noun(m.claim) == noun]
        if len(hits) != 1:
            return None
        chosen.append(hits[0])
    return chosen


def _sum_check(context: CheckContext, total: PlacedClaim, parts: list[PlacedClaim]) -> Optional[Check]:
    spans = [interval(p.claim) for p in parts]
    total_span = interval(total.claim)
    if total_span is None or any(s is None for s in spans):
        return None
    low = None if any(s[0] is None for s in spans) else sum(s[0] for s in spans)
    high = None if any(s[1] is None for s in spans) else sum(s[1] for s in spans)
    exact = low is not None and low == high
    total_exact = total_span[0] is not None and total_span[0] == total_span[1]
    listed = " + ".join(quoted(p.claim) for p in parts)
    stated = quoted(total.claim, context.where(total))
    claims = (total.checked(), *(p.checked() for p in parts))
    where = _where_parts(context, parts, total)
    if exact and total_exact and low == total_span[0]:
        return Check("sum", "agree", claims, f"{listed}{where} = {number(low)}, as {stated} states.")
    if overlaps((low, high), total_span):
        return Check("sum", "compatible", claims,
                     f"{listed}{where} comes to {interval_words(low, high)}, which {stated} "
                     f"({interval_words(*total_span)}) can match.")
    sum_value = sum(nominal(p.claim) for p in parts)
    total_value = nominal(total.claim)
    gap = abs(sum_value - total_value) / max(abs(sum_value), abs(total_value), Decimal(1))
    if gap > NEAR:
        return None  # far apart: more likely a subset ("shot down") than a miscount
    return Check("sum", "conflict", claims,
                 f"{listed}{where} comes to {interval_words(low, high)}, but {stated} gives "
                 f"{interval_words(*total_span)} (a difference of {percent(gap)}).")


def _where_parts(context: CheckContext, parts: list[PlacedClaim], total: PlacedClaim) -> str:
    return "" if parts[0].article == total.article else f" ({context.where(parts[0])})"
