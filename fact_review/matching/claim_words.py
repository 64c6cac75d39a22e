"""The words written around a claim: what a figure counts is told by the words next to it ("police
arrested 12 people" and "a crowd of 30,000 people" count different people)."""
from __future__ import annotations

from fact_review.matching.lexicon import concept
from fact_review.matching.words import STOPWORDS, TOKEN, stem
from fact_review.model import Claim

REACH = 4  # words on each side


def words_around(text: str, offset: int, claim: Claim) -> frozenset[str]:
    """The content words (as matching reads them) within ``REACH`` words of the claim in its sentence
    (``text``, starting at ``offset`` in the article), the claim's own words and counted noun left out."""
    before = [m.group() for m in TOKEN.finditer(text, 0, max(0, claim.start - offset))][-REACH:]
    after = [m.group() for m in TOKEN.finditer(text, min(len(text), claim.end - offset))][:REACH]
    return frozenset(concept(stem(w)) for w in before + after
                     if w.lower() not in STOPWORDS and not w[0].isdigit() and len(w) > 1)


def tell_apart(a_words: frozenset[str], b_words: frozenset[str]) -> bool:
    """Whether two claims' surroundings say they count different things: both say something, nothing alike."""
    return bool(a_words and b_words and not a_words & b_words)
