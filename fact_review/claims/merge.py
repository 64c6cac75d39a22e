"""Where a date and another claim overlap, one of them stands.

A date wins over the numbers inside it (the "25" and "2025" of "May 25, 2025" are not counts), except
when the other claim strictly contains the date and either has a unit ("over the past week" around "the
past week": durations are the numeric extractor's) or the date is a bare decimal ("1.2 million people",
"2.12 hundred": "1.2" is no day and month there).
"""
from __future__ import annotations

import re

from fact_review.model import Claim

_UNIT_KINDS = frozenset({"duration", "money", "percent", "quantity"})
_DECIMAL = re.compile(r"\d+[.,]\d+")


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
        if any(_contains_strictly(c, d) and (c.kind in _UNIT_KINDS or _DECIMAL.fullmatch(d.text)) for c in over):
            continue
        kept_dates.append(d)
        if over:
            kept_numeric = [c for c in kept_numeric if not _overlap(c, d)]
    return sorted(kept_dates + kept_numeric, key=lambda c: (c.start, c.end))
