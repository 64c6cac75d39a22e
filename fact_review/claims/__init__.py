"""Numeric claim extraction: ``extract_claims(text, reference=None) -> list[Claim]``.

Numbers, ordinals, percents, money, quantities and durations come from ``scanner``; dates from ``dates``
(resolved against ``reference``); ``merge`` settles where the two overlap.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from fact_review.claims.merge import merge_claims
from fact_review.claims.scanner import find_numeric_claims
from fact_review.model import Claim

try:  # the date extractor lands during this session; until then claims have no dates
    from fact_review.claims.dates import find_dates
except ImportError:  # pragma: no cover - temporary
    find_dates = None


def extract_claims(text: str, reference: Optional[datetime] = None) -> list[Claim]:
    """Every numeric claim of ``text`` in order of position; dates resolve against ``reference``."""
    dates = find_dates(text, reference) if find_dates is not None else []
    return merge_claims(find_numeric_claims(text), dates)
