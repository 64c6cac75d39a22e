"""One score in 0..1 for "these two sentences state the same thing", and the tiers it falls into.

The score is the rarity-weighted share of what the two sentences say that they share (a weighted Dice
coefficient over content words, names, numbers and dates), blended with surface similarity, and lowered
when both sentences give numbers and none of them agree: reports of a different event of the same type
share the vocabulary but not the figures.
"""
from __future__ import annotations

from fact_review.matching.features import SentenceProfile
from fact_review.matching.rarity import Rarity

LEXICAL_WEIGHT = 0.2
NUMBER_DISAGREEMENT_PENALTY = 0.2

SUGGESTED = 0.35  # from here on two sentences are worth the reviewer's look
CONFIDENT = 0.5  # from here on they almost always report the same statement


def statement_score(a: SentenceProfile, b: SentenceProfile, rarity: Rarity, lexical: float) -> float:
    shared = rarity.total(a.terms & b.terms)
    whole = rarity.total(a.terms) + rarity.total(b.terms)
    content = 2.0 * shared / whole if whole else 0.0
    score = (1.0 - LEXICAL_WEIGHT) * content + LEXICAL_WEIGHT * lexical
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        score -= NUMBER_DISAGREEMENT_PENALTY
    return min(1.0, max(0.0, score))


def tier(score: float) -> str | None:
    if score >= CONFIDENT:
        return "confident"
    if score >= SUGGESTED:
        return "suggested"
    return None
