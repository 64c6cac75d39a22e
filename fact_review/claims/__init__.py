"""Numeric claim extraction: ``extract_claims(text, reference=None) -> list[Claim]``.

Numbers, ordinals, percents, money, quantities, durations and counts in words come from ``scanner``; dates
from ``dates`` (resolved against ``reference``, or against the text's own dateline when no reference is
given); ``merge`` settles where the two overlap, and ``worth`` tells claims to check from context.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Iterator, Optional

from fact_review.claims.datelines import find_dateline
from fact_review.claims.dates import find_dates
from fact_review.claims.merge import merge_claims
from fact_review.claims.scanner import find_numeric_claims
from fact_review.claims.worth import assess
from fact_review.model import Claim


def extract_claims(text: str, reference: Optional[datetime] = None) -> list[Claim]:
    """Every numeric claim of ``text`` in order of position; dates resolve against ``reference``."""
    dateline = find_dateline(text)
    if reference is None and dateline is not None:
        reference = dateline.reference
    claims: list[Claim] = []
    for offset, piece in _pieces(text):
        found = merge_claims(find_numeric_claims(piece), find_dates(piece, reference))
        claims += [replace(c, start=c.start + offset, end=c.end + offset) for c in found] if offset else found
    return assess(text, claims, reference, dateline)


# A long text is read a piece at a time: the tokens and date atoms of a piece, several times its size,
# are most of the memory reading takes. A piece ends at a line break (no claim spans one: sentences end
# there); in a line longer than two pieces, at the end of a sentence, else between words.
PIECE_CHARS = 1 << 16
_PIECE_ENDS = ("\n", ". ", " ")


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of ``PIECE_CHARS`` to twice as many characters, with where each starts (an
    article of ordinary length is one piece)."""
    start = 0
    while len(text) - start > 2 * PIECE_CHARS:
        cut = next((found + len(end) - 1 for end in _PIECE_ENDS
                    if (found := text.find(end, start + PIECE_CHARS, start + 2 * PIECE_CHARS)) >= 0),
                   start + 2 * PIECE_CHARS)
        yield start, text[start:cut]
        start = cut
    yield start, text[start:] if start else text
