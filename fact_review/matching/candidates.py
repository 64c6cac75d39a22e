"""Which sentence pairs are worth scoring: those in different articles that share a term that is not
everywhere in the case. An inverted index keeps the cost in step with the number of such pairs rather
than with the square of the number of sentences."""
from __future__ import annotations

from typing import Sequence

import numpy as np

# A term in more than this share of the case's sentences (and more than _MIN_CAP of them) says too
# little to propose a pair on its own; it still counts when the pair is scored.
_COMMON_SHARE = 0.1
_MIN_CAP = 24


def candidate_pairs(terms: Sequence[frozenset[str]], owners: Sequence[int]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of sentences of different articles (``owners``) sharing a telling term."""
    n = len(terms)
    postings: dict[str, list[int]] = {}
    for index, sentence_terms in enumerate(terms):
        for term in sentence_terms:
            postings.setdefault(term, []).append(index)
    cap = max(_MIN_CAP, int(n * _COMMON_SHARE))
    owner = np.asarray(owners, dtype=np.int64)
    keys = []
    for members in postings.values():
        if 2 <= len(members) <= cap:
            ids = np.asarray(members, dtype=np.int64)
            left, right = np.triu_indices(len(ids), 1)
            left, right = ids[left], ids[right]
            cross = owner[left] != owner[right]
            keys.append(left[cross] * n + right[cross])
    if not keys:
        return []
    unique = np.unique(np.concatenate(keys))
    return list(zip((unique // n).tolist(), (unique % n).tolist()))
