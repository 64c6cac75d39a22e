"""Which sentence pairs are worth scoring: those in different articles that share telling terms (terms
that are not everywhere in the case). An inverted index, joined in bulk with numpy, keeps the cost in
step with the number of such pairs rather than with the square of the number of sentences."""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np

# A term in more than this many sentences (grows as the square root of the case) proposes no pair on its
# own; it still counts when the pair is scored.
_MIN_CAP = 100
_SQRT_FACTOR = 2


def common_cap(sentences: int) -> int:
    return max(_MIN_CAP, int(_SQRT_FACTOR * math.sqrt(sentences)))


def candidate_pairs(
    terms: Sequence[frozenset[str]], owners: Sequence[int], min_shared: int = 1
) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of sentences of different articles (``owners``) sharing at least
    ``min_shared`` telling terms."""
    n = len(terms)
    postings: dict[str, list[int]] = {}
    for index, sentence_terms in enumerate(terms):
        for term in sentence_terms:
            postings.setdefault(term, []).append(index)
    cap = common_cap(n)
    groups = [members for members in postings.values() if 2 <= len(members) <= cap]
    if not groups:
        return []
    sentence = np.fromiter((i for members in groups for i in members), dtype=np.int64)
    sizes = np.fromiter((len(members) for members in groups), dtype=np.int64, count=len(groups))
    ends = np.repeat(np.cumsum(sizes), sizes)  # for each posting, where its term's group ends
    following = ends - np.arange(len(sentence)) - 1  # postings after it in the same group
    left = np.repeat(np.arange(len(sentence)), following)
    run_starts = np.repeat(np.cumsum(following) - following, following)
    right = left + 1 + (np.arange(len(left)) - run_starts)
    a, b = sentence[left], sentence[right]
    owner = np.asarray(owners, dtype=np.int64)
    cross = owner[a] != owner[b]
    a, b = a[cross], b[cross]
    keys = np.minimum(a, b) * n + np.maximum(a, b)
    unique, counts = np.unique(keys, return_counts=True)
    unique = unique[counts >= min_shared]
    return list(zip((unique // n).tolist(), (unique % n).tolist()))
