"""Numeric claim extraction (being written): ``extract_claims(text, reference=None) -> list[Claim]``."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from fact_review.model import Claim


def extract_claims(text: str, reference: Optional[datetime] = None) -> list[Claim]:
    """Every numeric claim of ``text`` in order of position; dates resolve against ``reference``."""
    return []
