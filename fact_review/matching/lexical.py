"""Surface similarity of sentence pairs from rapidfuzz, in bulk.

Token-sort similarity compares the sorted words, so it rewards the same wording in any order without
WRatio's habit of scoring any shared word at 85.5 or more. Each sentence is normalised and sorted once
(what ``token_sort_ratio`` with ``utils.default_process`` would redo for every pair), then the pairs are
compared with ``ratio`` on all cores.
"""
from __future__ import annotations

import re
from typing import Sequence

from rapidfuzz import fuzz, process, utils

_DIGITS = re.compile(r"\d+")


def sorted_tokens(text: str, *, figures_blind: bool = False) -> str:
    if figures_blind:
        text = _DIGITS.sub("0", text)
    return " ".join(sorted(utils.default_process(text).split()))


def lexical_similarity(left: Sequence[str], right: Sequence[str], *, figures_blind: bool = False) -> list[float]:
    """Similarity 0..1 of ``left[k]`` and ``right[k]`` for every k (element-wise); equal to
    ``fuzz.token_sort_ratio(left[k], right[k], processor=utils.default_process) / 100``. With
    ``figures_blind``, every number reads as one and the same ("69 rockets" is worded as "70 rockets")."""
    if not left:
        return []
    prepared: dict[str, str] = {}
    for text in (*left, *right):
        if text not in prepared:
            prepared[text] = sorted_tokens(text, figures_blind=figures_blind)
    scores = process.cpdist([prepared[t] for t in left], [prepared[t] for t in right], scorer=fuzz.ratio, workers=-1)
    return [float(s) / 100.0 for s in scores]
