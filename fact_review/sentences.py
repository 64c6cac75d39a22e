"""Sentence spans: pysbd run per paragraph (or line), so that headlines without a final period and
list items stay sentences of their own, and every span is an exact ``[start, end)`` slice of the text."""
from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from fact_review.model import Sentence

_BLOCK = re.compile(r"[^\n]+")  # a line: pysbd never sees a newline, so a headline ends at its line's end


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans of ``text`` in order, trimmed of surrounding white space; empty lines give none."""
    sentences: list[Sentence] = []
    for block in _BLOCK.finditer(text):
        sentences.extend(_split_block(text, block.start(), block.end()))
    return sentences


def _split_block(text: str, start: int, end: int) -> list[Sentence]:
    block = text[start:end]
    if not block.strip():
        return []
    spans: list[Sentence] = []
    cursor = 0
    for piece in _segmenter().segment(block):
        piece = piece.strip()
        if not piece:
            continue
        found = block.find(piece, cursor)
        if found < 0:  # pysbd changed the text; keep the rest of the block as one sentence
            break
        spans.append(Sentence(start + found, start + found + len(piece)))
        cursor = found + len(piece)
    rest = block[cursor:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        spans.append(Sentence(start + cursor + lead, start + len(block.rstrip())))
    return spans
