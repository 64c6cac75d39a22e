"""Where a date and another claim overlap, one of them stands.

A date wins over the numbers inside it (the "25" and "2025" of "May 25, 2025" are not counts), except
when the other claim strictly contains the date and either has a unit ("over the past week" around "the
past week": durations are the numeric extractor's) or the date is a bare decimal ("1.2 million people",
"2.12 hundred": "1.2" is no day and month there).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from fact_review.model import Claim

_UNIT_KINDS = frozenset({"duration", "money", "percent", "quantity"})
_DECIMAL = re.compile(r"\d+[.,]\d+")


def _overlap(a: Claim, b: Claim) -> bool:
    return a.start < b.end and b.start < a.end


def _contains_strictly(outer: Claim, inner: Claim) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (outer.end - outer.start) > (inner.end - inner.start)


def merge_claims(numeric: list[Claim], dates: list[Claim]) -> list[Claim]:
    """Both lists in order of position -> one list without overlaps between its dates and the rest.

    Each date looks only at the numeric claims around it (found by bisection), so a text packed with
    dates and numbers costs time in proportion to its claims.
    """
    starts = [c.start for c in numeric]
    reach = list(accumulate((c.end for c in numeric), max))  # the furthest end up to each claim
    dropped: set[int] = set()
    kept_dates = []
    for d in dates:
        near = range(bisect_right(reach, d.start), bisect_left(starts, d.end))
        over = [k for k in near if k not in dropped and _overlap(numeric[k], d)]
        if any(_contains_strictly(numeric[k], d) and (numeric[k].kind in _UNIT_KINDS or _DECIMAL.fullmatch(d.text))
               for k in over):
            continue
        kept_dates.append(d)
        dropped.update(over)
    kept_numeric = [c for k, c in enumerate(numeric) if k not in dropped]
    return sorted(kept_dates + kept_numeric, key=lambda c: (c.start, c.end))
