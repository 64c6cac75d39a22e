"""The words written around a claim: what a figure counts is told by the words next to it ("police
arrested 12 people" and "a crowd of 30,000 people" count different people)."""
from __future__ import annotations

from typing import Iterable

from fact_review.claims.lexicon import NOUN_LEADING_SKIP, SCALES, TENS, UNITS
from fact_review.matching.lexicon import concept
from fact_review.matching.words import BEGIN_STEMS, END_STEMS, STOPWORDS, TOKEN, stem
from fact_review.model import Claim

REACH = 4  # words on each side, auxiliaries aside
# Auxiliaries and the adverbs that sit among them do not count towards a figure's reach: they stand
# between it and its verb ("12 people were now known to have died") and say nothing of what it counts.
# A date's reach counts them: its next words are often those of another clause ("on May 4 that it had
# recaptured Ostvik" says when it was said, not when Ostvik was recaptured).
AUXILIARIES = frozenset(
    "am is are was were be been being have has had having will would shall should may might must can could "
    "now still also already reportedly since then to".split())
FIGURE_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES)
WINDOW = 160  # characters on each side in which the words are looked for: a long sentence is not read whole


def words_around(text: str, offset: int, claim: Claim) -> frozenset[str]:
    """The content words (as matching reads them) within ``REACH`` words of the claim in its sentence
    (``text``, starting at ``offset`` in the article), the claim's own words and counted noun left out."""
    start, end = max(0, claim.start - offset), min(len(text), claim.end - offset)
    uncounted = frozenset() if claim.kind == "date" else AUXILIARIES
    before = _reach([m.group() for m in TOKEN.finditer(text, max(0, start - WINDOW), start)][::-1], uncounted)
    after = _reach((m.group() for m in TOKEN.finditer(text, end, end + WINDOW)), uncounted)
    return frozenset(concept(stem(w)) for w in before + after
                     if w.lower() not in STOPWORDS and not w[0].isdigit() and len(w) > 1)


def _reach(words: Iterable[str], uncounted: frozenset[str]) -> list[str]:
    """The first ``REACH`` words of ``words``, with the ``uncounted`` ones among them."""
    taken, counted = [], 0
    for word in words:
        if counted == REACH:
            break
        taken.append(word)
        if counted or word.lower() not in uncounted:
            counted += 1
    return taken


def tell_apart(a_words: frozenset[str], b_words: frozenset[str]) -> bool:
    """Whether two claims' surroundings say they count different things: both say something, nothing alike."""
    return bool(a_words and b_words and not a_words & b_words)


def counts_a_part(claim: Claim) -> bool:
    """Whether the figure counts a part or a change, not the whole: "two other victims", "3 more
    settlements", "300 new cases" (a word of ``NOUN_LEADING_SKIP`` right after the figure, as written)."""
    words = [m.group() for m in TOKEN.finditer(claim.text)]
    return any(word in NOUN_LEADING_SKIP and _is_figure(before) for before, word in zip(words, words[1:]))


def _is_figure(word: str) -> bool:
    return word[0].isdigit() or word.lower() in FIGURE_WORDS


_BEGINS = frozenset(concept(s) for s in BEGIN_STEMS)  # as ``words_around`` gives them ("began" is "~begin")
_ENDS = frozenset(concept(s) for s in END_STEMS)


def begin_and_end(a_words: frozenset[str], b_words: frozenset[str]) -> bool:
    """Whether the words around two dates say one is when something began and the other when it ended
    ("began on June 3", "was lifted on August 15"): two moments, not one told two ways."""
    return (bool(a_words & _BEGINS) and not a_words & _ENDS and bool(b_words & _ENDS) and not b_words & _BEGINS) \
        or (bool(b_words & _BEGINS) and not b_words & _ENDS and bool(a_words & _ENDS) and not a_words & _BEGINS)
