"""Two scores in 0..1 for two sentences, and the tiers a link's score falls into.

``link_score``: do the two sentences report the same fact? This is what links the statements of a case,
so that their figures can be compared, and a figure that disagrees is what a reviewer must see: figures
therefore never count against a link on their own. A figure only one sentence gives is left out of the
comparison when the other gives figures of its own, and two figures of the same counted thing ("69
missiles", "70 missiles"), or the dates of two dated statements, fill one slot that the two sentences
share whatever the values. Figures and dates that disagree lower the score only together with the other
sign of a different event: each sentence names someone or somewhere the other does not (another
earthquake of the same kind struck another town on another day, with another toll).

``equivalence_score``: do the two sentences state the same thing, figures included? This is what
``match --pairs`` answers: two statements whose figures disagree are not equivalent, however alike their
words. Figures are compared as terms (a different figure is a term the other sentence lacks) and
disagreement lowers the score.

Both rest on the rarity-weighted share of what the two sentences say that they share (a weighted Dice
coefficient over content words, names, numbers and dates; or over one clause of a long sentence and the
other sentence, when that is higher), blended with surface similarity.

Within a case, every article reports the one story: two of its sentences that share nearly all their
words (``same_wording``: the numbers and dates left out) are one statement whatever their figures.
Reports of two events of one type share their vocabulary, but rarely almost every content word of a
sentence.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from fact_review.matching.features import SentenceProfile
from fact_review.matching.numeric import compare_dates
from fact_review.matching.rarity import Rarity

LEXICAL_WEIGHT = 0.2
# How much figures that disagree lower a score: for equivalence, always; for a link, only when the two
# sentences also name different people or places (smaller: the names already tell most of it).
NUMBER_DISAGREEMENT_PENALTY = 0.2
DATE_DISAGREEMENT_PENALTY = 0.1
LINK_NUMBER_PENALTY = 0.1
LINK_DATE_PENALTY = 0.05
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


def equivalence_score(a: SentenceProfile, b: SentenceProfile, rarity: Rarity, lexical: float) -> float:
    """Whether the two sentences state the same thing, their figures included (``match --pairs``)."""
    content = content_score(a, b, rarity)
    return _less_disagreement(_blend(content, lexical), content, a, b, NUMBER_DISAGREEMENT_PENALTY,
                              DATE_DISAGREEMENT_PENALTY)


@dataclass(frozen=True)
class Content:
    score: float
    left: frozenset[str]  # the terms it came from: the whole sentence's or one clause's
    right: frozenset[str]
    whole: float  # the Dice coefficient of the whole sentences, whatever matched best

    def of_whole_sentences(self, a: SentenceProfile, b: SentenceProfile) -> Content:
        return Content(self.whole, a.terms, b.terms, self.whole)


def content_score(a: SentenceProfile, b: SentenceProfile, rarity: Rarity, *, same_fact: bool = False) -> Content:
    """The rarity-weighted Dice coefficient of the two sentences' terms, or, when higher, of a clause of one
    against the whole of the other, discounted by ``CLAUSE_WEIGHT``. (Clause against clause would match
    the incidental parts of two long sentences too: it linked many more unrelated ECB+ sentences.)
    With ``same_fact``, figures are compared as the link score does (see the module's docstring)."""
    total_a, total_b = rarity.total(a.terms), rarity.total(b.terms)
    common = rarity.weighed(a.terms & b.terms)
    if same_fact and (a.numbers or a.dates) and (b.numbers or b.dates):
        slots = shared_slots(a, b)
        total_a -= _unmatched_figures(a, b, {x for _, x, _ in slots}, rarity)
        total_b -= _unmatched_figures(b, a, {y for _, _, y in slots}, rarity)
        common += [(slot, (rarity.sum(frozenset((x,))) + rarity.sum(frozenset((y,)))) / 2) for slot, x, y in slots]
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


def _unmatched_figures(a: SentenceProfile, b: SentenceProfile, in_slots: set[str], rarity: Rarity) -> float:
    """The weight of the numbers (and dates) of ``a`` that ``b`` lacks, when ``b`` gives numbers (dates) of
    its own, other than those that share a slot with one of ``b``'s: a figure is compared with the other's
    figures, not counted as a word the other leaves out."""
    numbers = a.numbers - b.numbers if b.numbers and a.numbers else ()
    dates = a.dates - b.dates if b.dates and a.dates else ()
    if not numbers and not dates:
        return 0.0
    unmatched = {f"#{n}" for n in numbers} | {f"@{d}" for d in dates}
    unmatched -= in_slots
    return rarity.sum(frozenset(unmatched)) if unmatched else 0.0


def shared_slots(a: SentenceProfile, b: SentenceProfile) -> list[tuple[str, str, str]]:
    """The figures that the two sentences give for one thing with different values: one slot per counted
    thing both count ("69 missiles", "70 missiles"), and one for their dates when both date what they say
    and share no date. Each slot is (its name, the figure term of ``a``, that of ``b``)."""
    slots = []
    if a.counted and b.counted:
        mine: dict[str, set[str]] = {}
        for thing, figure in a.counted:
            mine.setdefault(thing, set()).add(figure)
        theirs: dict[str, set[str]] = {}
        for thing, figure in b.counted:
            if thing in mine:
                theirs.setdefault(thing, set()).add(figure)
        for thing in sorted(theirs):
            if not mine[thing] & theirs[thing] and not (mine[thing] & b.terms or theirs[thing] & a.terms):
                slots.append((f"~{thing}", min(mine[thing]), min(theirs[thing])))
    if a.claim_dates and b.claim_dates and not a.dates & b.dates:
        slots.append(("~date", f"@{min(a.claim_dates)}", f"@{min(b.claim_dates)}"))
    return slots


def link_score(content: Content, lexical: float, a: SentenceProfile, b: SentenceProfile) -> float:
    """Whether the two sentences report the same fact (``content`` from ``content_score(same_fact=True)``):
    content and surface similarity blended, lowered when figures (or the dates of what matched: a long
    sentence often dates something else than the statement it shares) disagree *and* each sentence names
    someone or somewhere the other does not."""
    score = _blend(content, lexical)
    if names_differ(a, b):
        return _less_disagreement(score, content, a, b, LINK_NUMBER_PENALTY, LINK_DATE_PENALTY)
    return _bounded(score)


def _less_disagreement(score: float, content: Content, a: SentenceProfile, b: SentenceProfile,
                       for_numbers: float, for_dates: float) -> float:
    """The score less ``for_numbers`` when both sentences give numbers and none agree, and less ``for_dates``
    when the dates of what matched disagree, within 0..1."""
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        score -= for_numbers
    if dates_disagree(_claim_dates(content.left, a), _claim_dates(content.right, b)):
        score -= for_dates
    return _bounded(score)


def names_differ(a: SentenceProfile, b: SentenceProfile) -> bool:
    """Each sentence names someone or somewhere the other does not ("struck Sumatra", "struck Chile")."""
    return bool(a.names - b.names and b.names - a.names)


def _blend(content: Content, lexical: float) -> float:
    return (1.0 - LEXICAL_WEIGHT) * content.score + LEXICAL_WEIGHT * lexical


def _bounded(score: float) -> float:
    return min(1.0, max(0.0, score))


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
    if len(common) < SAME_WORDING_MIN_WORDS or names_differ(a, b):
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
