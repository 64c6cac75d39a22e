"""Plain-language pieces for check explanations."""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

from fact_review.model import Claim


def number(value: Decimal) -> str:
    """A value as a reader writes it: 367, 1.5, 12,000."""
    value = value.normalize()
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value:,f}"


def percent(share: Decimal, places: int = 1) -> str:
    return f"{round(share * 100, places):f}%"


def quoted(claim: Claim, where: Optional[str] = None) -> str:
    return f'"{claim.text}"' + (f" ({where})" if where else "")


def interval_words(low: Optional[Decimal], high: Optional[Decimal]) -> str:
    if low is not None and high is not None:
        return number(low) if low == high else f"{number(low)} to {number(high)}"
    if low is not None:
        return f"{number(low)} or more"
    if high is not None:
        return f"up to {number(high)}"
    return "any amount"
