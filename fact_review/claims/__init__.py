"""Numeric claim extraction: ``extract_claims(text, reference=None) -> list[Claim]``.

Numbers, ordinals, percents, money, quantities and durations come from ``scanner``; dates from ``dates``
(resolved against ``reference``); ``merge`` settles where the two overlap.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Iterator, Optional

from fact_review.claims.dates import find_dates
from fact_review.claims.merge import merge_claims
from fact_review.claims.scanner import find_numeric_claims
from fact_review.model import Claim


def extract_claims(text: str, reference: Optional[datetime] = None) -> list[Claim]:
    """Every numeric claim of ``text`` in order of position; dates resolve against ``reference``."""
    claims: list[Claim] = []
    for offset, piece in _pieces(text):
        found = merge_claims(find_numeric_claims(piece), find_dates(piece, reference))
        claims += [replace(c, start=c.start + offset, end=c.end + offset) for c in found] if offset else found
    return claims


# A long text is read a run of lines at a time: the tokens and date atoms of a piece, several times its
# size, are most of the memory reading takes. No claim spans a line break (sentences end there).
PIECE_CHARS = 1 << 16


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of at least ``PIECE_CHARS`` characters that end at a line break, with where each
    starts (an article of ordinary length is one piece)."""
    start = 0
    while len(text) - start > PIECE_CHARS:
        cut = text.find("\n", start + PIECE_CHARS)
        if cut < 0:
            break
        yield start, text[start:cut]
        start = cut
    yield start, text[start:] if start else text
