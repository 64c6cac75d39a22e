"""One score in 0..1 for "these two sentences state the same thing", and the tiers it falls into.

The score is the rarity-weighted share of what the two sentences say that they share (a weighted Dice
coefficient over content words, names, numbers and dates; or over one clause of a long sentence and the
other sentence, when that is higher), blended with surface similarity, and lowered
when both sentences give numbers and none of them agree: reports of a different event of the same type
share the vocabulary but not the figures.

Within a case, though, every article reports the one story: two of its sentences that share nearly all
their words (``same_wording``: the numbers and dates left out) are one statement, and their figures that
disagree are the discrepancy a reviewer looks for, not a sign of another event. Reports of two events of
one type share their vocabulary, but rarely almost every content word of a sentence.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from fact_review.matching.features import SentenceProfile
from fact_review.matching.numeric import compare_dates
from fact_review.matching.rarity import Rarity

LEXICAL_WEIGHT = 0.2
NUMBER_DISAGREEMENT_PENALTY = 0.2
DATE_DISAGREEMENT_PENALTY = 0.1
# A clause that matches counts for less than a whole sentence that does: it says less.
CLAUSE_WEIGHT = 0.85

# Words alone (no numbers, no dates): when the words two sentences share weigh this much of the larger
# sentence's (by rarity), over at least this many words, they are one statement told with other figures.
# Measured against the larger sentence, a short sentence inside a long one is not "worded alike". (On
# the dev ECB+ clusters it raises 6 of ~38,000 scored pairs to a confident link, most of them restatements.)
SAME_WORDING = 0.6
SAME_WORDING_MIN_WORDS = 4

SUGGESTED = 0.35  # from here on two sentences are worth the reviewer's look
CONFIDENT = 0.5  # from here on they almost always report the same statement


def statement_score(a: SentenceProfile, b: SentenceProfile, rarity: Rarity, lexical: float) -> float:
    return combined_score(content_score(a, b, rarity), lexical, a, b)


@dataclass(frozen=True)
class Content:
    score: float
    left: frozenset[str]  # the terms it came from: the whole sentence's or one clause's
    right: frozenset[str]
    whole: float  # the Dice coefficient of the whole sentences, whatever matched best

    def of_whole_sentences(self, a: SentenceProfile, b: SentenceProfile) -> Content:
        return Content(self.whole, a.terms, b.terms, self.whole)


def content_score(a: SentenceProfile, b: SentenceProfile, rarity: Rarity) -> Content:
    """The rarity-weighted Dice coefficient of the two sentences' terms, or, when higher, of a clause of one
    against the whole of the other, discounted by ``CLAUSE_WEIGHT``. (Clause against clause would match
    the incidental parts of two long sentences too: it linked many more unrelated ECB+ sentences.)"""
    total_a, total_b = rarity.total(a.terms), rarity.total(b.terms)
    common = rarity.weighed(a.terms & b.terms)
    shared = math.fsum([weight for _, weight in common])
    whole_score = 2.0 * shared / (total_a + total_b) if shared else 0.0
    best = Content(whole_score, a.terms, b.terms, whole_score)
    if not shared:
        return best
    for clauses, whole, clause_on_right in ((b.clauses, total_a, True), (a.clauses, total_b, False)):
        for clause in clauses:
            in_clause = math.fsum([weight for term, weight in common if term in clause])
            score = CLAUSE_WEIGHT * 2.0 * in_clause / (whole + rarity.total(clause))
            if score > best.score:
                best = Content(score, a.terms, clause, whole_score) if clause_on_right \
                    else Content(score, clause, b.terms, whole_score)
    return best


def combined_score(content: Content, lexical: float, a: SentenceProfile, b: SentenceProfile) -> float:
    """Content and surface similarity blended, less the penalties for figures that disagree anywhere in the
    two sentences (this keeps reports of another event apart) and for dates that disagree within what
    matched (a long sentence often dates something else than the statement it shares)."""
    score = (1.0 - LEXICAL_WEIGHT) * content.score + LEXICAL_WEIGHT * lexical
    left, right = a.numbers, b.numbers
    if left and right and not left & right:
        score -= NUMBER_DISAGREEMENT_PENALTY
    if dates_disagree(_claim_dates(content.left, a), _claim_dates(content.right, b)):
        score -= DATE_DISAGREEMENT_PENALTY
    return min(1.0, max(0.0, score))


def _numbers(terms: frozenset[str], profile: SentenceProfile) -> frozenset[str]:
    if terms is profile.terms:
        return profile.numbers
    return frozenset(t[1:] for t in terms if t[0] == "#")


def _claim_dates(terms: frozenset[str], profile: SentenceProfile) -> tuple[str, ...]:
    if terms is profile.terms:
        return profile.claim_dates
    return tuple(d for d in profile.claim_dates if f"@{d}" in terms)


def dates_disagree(left: Sequence[str], right: Sequence[str]) -> bool:
    """Both sides give resolved dates and none of them can be the same day."""
    return bool(left and right) and all(compare_dates(x, y) == "conflict" for x in left for y in right)


def same_wording(a: SentenceProfile, b: SentenceProfile, rarity: Rarity) -> float:
    """How much of the larger sentence's words (rarity-weighted; numbers and dates left out) the two
    share, when that makes them one statement whatever their figures (``SAME_WORDING`` or more); else 0.
    Two sentences that each name a person or place the other does not ("struck Sumatra", "struck Chile")
    tell of two events, however alike their other words (in a small case every word weighs the same, so
    rarity cannot say it)."""
    common = a.words & b.words
    if len(common) < SAME_WORDING_MIN_WORDS or (a.names - common and b.names - common):
        return 0.0  # a few words in common; or each names someone or somewhere the other does not
    score = rarity.sum(common) / max(rarity.total(a.words), rarity.total(b.words))
    return score if score >= SAME_WORDING else 0.0


def best_possible(content: Content) -> float:
    """The highest score a pair with this content score can reach, whatever its surface similarity."""
    return (1.0 - LEXICAL_WEIGHT) * content.score + LEXICAL_WEIGHT


def tier(score: float) -> str | None:
    if score >= CONFIDENT:
        return "confident"
    if score >= SUGGESTED:
        return "suggested"
    return None
