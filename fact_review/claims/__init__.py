"""Numeric claim extraction: ``extract_claims(text, reference=None) -> list[Claim]``.

Numbers, ordinals, percents, money, quantities and durations come from ``scanner``; dates from ``dates``
(resolved against ``reference``); ``merge`` settles where the two overlap.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from fact_review.claims.dates import find_dates
from fact_review.claims.merge import merge_claims
from fact_review.claims.scanner import find_numeric_claims
from fact_review.model import Claim


def extract_claims(text: str, reference: Optional[datetime] = None) -> list[Claim]:
    """Every numeric claim of ``text`` in order of position; dates resolve against ``reference``."""
    return merge_claims(find_numeric_claims(text), find_dates(text, reference))
