"""Whether a position falls inside any of many spans, in logarithmic time.

Sentences are scanned token by token while skipping the spans of their claims; asking every span for every
token made a sentence packed with claims cost tokens x claims (a 100,000-character sentence took 25 s).
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Iterable


class SpanLookup:
    """Half-open ``[start, end)`` spans, possibly overlapping, asked ``position in lookup``."""

    __slots__ = ("_starts", "_reach")

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # the furthest end among the spans that start at or before each one: a position is inside some
        # span exactly when a span starting at or before it reaches past it
        self._reach = list(accumulate((end for _, end in ordered), max))

    def __contains__(self, position: int) -> bool:
        k = bisect_right(self._starts, position) - 1
        return k >= 0 and self._reach[k] > position

    def __bool__(self) -> bool:
        return bool(self._starts)
