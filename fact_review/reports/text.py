"""How report values read as text, shared by every format so they all say the same thing."""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from typing import Optional

from fact_review.reports.data import Figure, Verdict


def decimal_text(value: Optional[Decimal]) -> str:
    """A Decimal in plain notation as written (``1E+3`` reads ``1000``), "" for None."""
    if value is None:
        return ""
    return format(value, "f")


def time_text(moment: Optional[datetime]) -> str:
    """A time in UTC to the minute, e.g. ``2025-05-25 14:03 UTC``."""
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def figure_text(figure: Figure) -> str:
    """What a figure says, e.g. ``almost 300 drones (270–300)`` or ``date 2025-05-25``."""
    if figure.kind == "date":
        return f"date {figure.date}" if figure.date else "date"
    words = []
    if figure.qualifier:
        words.append(figure.qualifier)
    if figure.value is not None:
        words.append(decimal_text(figure.value))
    if figure.unit:
        words.append(figure.unit)
    if figure.noun:
        words.append(figure.noun)
    text = " ".join(words) or figure.text
    if figure.low is not None or figure.high is not None:
        text += f" ({decimal_text(figure.low) or '…'}–{decimal_text(figure.high) or '…'})"
    return text


def rating_text(verdict: Verdict, best: Optional[int]) -> str:
    """``3/5`` for a rated verdict, "" for a label off the scale."""
    if verdict.rating is None:
        return ""
    return f"{verdict.rating}/{best}" if best is not None else str(verdict.rating)


def history_text(before: Optional[Verdict], after: Optional[Verdict]) -> str:
    """A change in words: ``False → Half true``, ``set to True``, ``cleared (was False)``."""
    if before is None and after is not None:
        return f"set to {after.label}"
    if after is None:
        return f"cleared (was {before.label})" if before is not None else "cleared"
    if before.label != after.label:
        return f"{before.label} → {after.label}"
    return f"{after.label} (note or evidence changed)"
