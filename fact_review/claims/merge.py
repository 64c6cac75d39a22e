"""Where a date and another claim overlap, one of them stands.

A date wins over the numbers inside it (the "25" and "2025" of "May 25, 2025" are not counts), except a
claim with a unit that strictly contains the date: "over the past week" around "the past week" (durations
are the numeric extractor's), "1.2 billion euros" around a "1.2" read as a day and month.
"""
from __future__ import annotations

from fact_review.model import Claim


_UNIT_KINDS = frozenset({"duration", "money", "percent", "quantity"})


def _overlap(a: Claim, b: Claim) -> bool:
    return a.start < b.end and b.start < a.end


def _contains_strictly(outer: Claim, inner: Claim) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (outer.end - outer.start) > (inner.end - inner.start)


def merge_claims(numeric: list[Claim], dates: list[Claim]) -> list[Claim]:
    """Both lists in order of position -> one list without overlaps between its dates and the rest."""
    kept_dates = []
    kept_numeric = list(numeric)
    for d in dates:
        over = [c for c in kept_numeric if _overlap(c, d)]
        if any(c.kind in _UNIT_KINDS and _contains_strictly(c, d) for c in over):
            continue
        kept_dates.append(d)
        if over:
            kept_numeric = [c for c in kept_numeric if not _overlap(c, d)]
    return sorted(kept_dates + kept_numeric, key=lambda c: (c.start, c.end))
