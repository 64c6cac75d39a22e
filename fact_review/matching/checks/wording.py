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


def day_words(value: str) -> str:
    """A resolved date as a reader writes it: "2026-03-03" is "3 March 2026" (the year only when known);
    a month, a range or a time of day stays as resolved."""
    year, month, day = (value.split("-") + ["", ""])[:3]
    if len(value) != 10 or not (month.isdigit() and day.isdigit()) or not 1 <= int(month) <= 12:
        return value
    words = f"{int(day)} {_MONTHS[int(month) - 1]}"
    return words if year == "XXXX" else f"{words} {year}"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def interval_words(low: Optional[Decimal], high: Optional[Decimal]) -> str:
    if low is not None and high is not None:
        return number(low) if low == high else f"{number(low)} to {number(high)}"
    if low is not None:
        return f"{number(low)} or more"
    if high is not None:
        return f"up to {number(high)}"
    return "any amount"
