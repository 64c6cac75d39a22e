"""One score in 0..1 for "these two sentences state the same thing", and the tiers it falls into.

The score is the rarity-weighted share of what the two sentences say that they share (a weighted Dice
coefficient over content words, names, numbers and dates), blended with surface similarity, and lowered
when both sentences give numbers and none of them agree: reports of a different event of the same type
share the vocabulary but not the figures.
"""
from __future__ import annotations

from fact_review.matching.features import SentenceProfile
from fact_review.matching.numeric import compare_dates
from fact_review.matching.rarity import Rarity

LEXICAL_WEIGHT = 0.2
NUMBER_DISAGREEMENT_PENALTY = 0.2
DATE_DISAGREEMENT_PENALTY = 0.1

SUGGESTED = 0.35  # from here on two sentences are worth the reviewer's look
CONFIDENT = 0.5  # from here on they almost always report the same statement


def statement_score(a: SentenceProfile, b: SentenceProfile, rarity: Rarity, lexical: float) -> float:
    return combined_score(content_score(a, b, rarity), lexical, a, b)


def content_score(a: SentenceProfile, b: SentenceProfile, rarity: Rarity) -> float:
    """The rarity-weighted Dice coefficient of the two sentences' terms."""
    whole = rarity.total(a.terms) + rarity.total(b.terms)
    return 2.0 * rarity.shared(a.terms, b.terms) / whole if whole else 0.0


def combined_score(content: float, lexical: float, a: SentenceProfile, b: SentenceProfile) -> float:
    score = (1.0 - LEXICAL_WEIGHT) * content + LEXICAL_WEIGHT * lexical
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        score -= NUMBER_DISAGREEMENT_PENALTY
    if dates_disagree(a, b):
        score -= DATE_DISAGREEMENT_PENALTY
    return min(1.0, max(0.0, score))


def dates_disagree(a: SentenceProfile, b: SentenceProfile) -> bool:
    """Both sentences give resolved dates and none of them can be the same day."""
    left, right = a.claim_dates, b.claim_dates
    return bool(left and right) and all(compare_dates(x, y) == "conflict" for x in left for y in right)


def best_possible(content: float) -> float:
    """The highest score a pair with this content score can reach, whatever its surface similarity."""
    return (1.0 - LEXICAL_WEIGHT) * content + LEXICAL_WEIGHT


def tier(score: float) -> str | None:
    if score >= CONFIDENT:
        return "confident"
    if score >= SUGGESTED:
        return "suggested"
    return None
