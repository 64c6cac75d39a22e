"""Scoring a batch of unrelated sentence pairs (``match --pairs``): there is no case, so the batch's own
sentences tell which words are rare."""
from __future__ import annotations

from typing import Sequence

from fact_review.claims import extract_claims
from fact_review.matching.features import SentenceProfile, profile_sentence
from fact_review.matching.lexical import lexical_similarity
from fact_review.matching.rarity import Rarity
from fact_review.matching.scoring import SUGGESTED, statement_score


def score_pairs(pairs: Sequence[tuple[str, str]]) -> list[float]:
    """The statement score 0..1 of each ``(a, b)``."""
    profiles: dict[str, SentenceProfile] = {}
    for pair in pairs:
        for text in pair:
            if text not in profiles:
                profiles[text] = profile_sentence(text, extract_claims(text))
    rarity = Rarity(p.terms for p in profiles.values())
    lexical = lexical_similarity([a for a, _ in pairs], [b for _, b in pairs])
    return [statement_score(profiles[a], profiles[b], rarity, surface) for (a, b), surface in zip(pairs, lexical)]


def equivalent(score: float) -> bool:
    return score >= SUGGESTED
