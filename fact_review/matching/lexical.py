"""Surface similarity of sentence pairs from rapidfuzz, in bulk.

``token_sort_ratio`` compares the sorted words, so it rewards the same wording in any order without
WRatio's habit of scoring any shared word at 85.5 or more.
"""
from __future__ import annotations

from typing import Sequence

from rapidfuzz import fuzz, process, utils


def lexical_similarity(left: Sequence[str], right: Sequence[str]) -> list[float]:
    """Similarity 0..1 of ``left[k]`` and ``right[k]`` for every k (element-wise, all cores)."""
    if not left:
        return []
    scores = process.cpdist(left, right, scorer=fuzz.token_sort_ratio, processor=utils.default_process, workers=-1)
    return [float(s) / 100.0 for s in scores]
