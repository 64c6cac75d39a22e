"""Numeric claim extraction: ``extract_claims(text, reference=None) -> list[Claim]``.

Numbers, ordinals, percents, money, quantities, durations and counts in words come from ``scanner``; dates
from ``dates`` (resolved against ``reference``, or against the text's own dateline when no reference is
given); ``merge`` settles where the two overlap, and ``worth`` tells claims to check from context.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

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
    claims = merge_claims(find_numeric_claims(text), find_dates(text, reference))
    return assess(text, claims, reference, dateline)
