"""How figures, dates and times read to an editor, for the human formats (HTML, PDF, Markdown).

Machine formats (CSV, JSON, ClaimReview) keep the exact stored values and do not use this module.
Arithmetic stays in ``Decimal``: a figure is never passed through a float.
"""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from typing import Optional

from fact_review.claims.dates.words import date_words, day_text
from fact_review.reports.data import Figure
from fact_review.reports.text import figure_text

_CURRENCY_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥", "INR": "₹", "UAH": "₴", "RUB": "₽"}
_LARGE = ((12, "trillion"), (9, "billion"), (6, "million"))


def number_text(value: Decimal) -> str:
    """A number with thousands separators, as precise as written: ``1,200``, ``0.25``, ``-3,000.50``."""
    return format(value, ",f")


def amount_text(value: Decimal) -> str:
    """A number, in millions/billions when at most three decimals of them: ``5.4 million``, ``12,500``."""
    sign, digits, exponent = _trimmed(value)
    for power, word in _LARGE:
        if len(digits) + exponent > power:  # at least one of them
            if exponent - power >= -3:
                return f"{number_text(Decimal((sign, digits, exponent - power)))} {word}"
            break
    return number_text(value)


def _trimmed(value: Decimal) -> tuple[int, tuple[int, ...], int]:
    """``value``'s digits without trailing zeros: exact, unlike ``normalize`` which rounds to the context."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int), "finite values only"
    while len(digits) > 1 and digits[-1] == 0:
        digits, exponent = digits[:-1], exponent + 1
    return sign, digits, exponent


def value_text(value: Decimal, kind: str, unit: Optional[str]) -> str:
    """A value with its unit as a reader writes it: ``£5.4 million``, ``40%``, ``3 days``, ``12 km``."""
    if kind == "percent" or unit in ("%", "percent"):
        return f"{number_text(value)}%"
    if unit and unit.upper() in _CURRENCY_SYMBOLS:
        sign, magnitude = ("-", -value) if value < 0 else ("", value)
        return f"{sign}{_CURRENCY_SYMBOLS[unit.upper()]}{amount_text(magnitude)}"
    if kind == "money" and unit:
        return f"{amount_text(value)} {unit}"
    amount = amount_text(value) if kind in ("number", "money") else number_text(value)
    if kind == "duration" and unit and value != 1:
        unit += "s"  # duration units are stored singular: "2 month" reads "2 months"
    return f"{amount} {unit}" if unit else amount


def date_text(iso: Optional[str]) -> str:
    """A claim's date in words: ``3 March 2026``, ``26 April (year not given)``, ``the week of 12 May 2025``."""
    return date_words(iso)


def figure_reading(figure: Figure) -> str:
    """What a figure says, for a reader: ``about 1,200 residents (1,080–1,320)``, ``£5.4 million``, ``40%``."""
    return figure_text(figure, lambda value, f: value_text(value, f.kind, f.unit),
                       lambda f: date_words(f.date) or f.text)


def figure_gloss(figure: Figure) -> str:
    """The figure's reading when it says more than its own words (``About 1,200`` -> ``about 1,200 (1,080–1,320)``);
    "" when it would only repeat them (``46 people``)."""
    reading = figure_reading(figure)
    return "" if " ".join(reading.casefold().split()) == " ".join(figure.text.casefold().split()) else reading


def moment_text(moment: Optional[datetime]) -> str:
    """A time in UTC to the minute, in words: ``4 March 2026, 07:30 UTC`` (no zone said when it has none)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        return f"{day_text(moment.date())}, {moment:%H:%M}"
    moment = moment.astimezone(timezone.utc)
    return f"{day_text(moment.date())}, {moment:%H:%M} UTC"


def published_text(iso: Optional[str]) -> str:
    """A stored publication date or time (ISO 8601) in words; a value that is no ISO date is shown as stored."""
    if not iso:
        return ""
    if "T" not in iso and " " not in iso.strip():
        return date_words(iso) or iso
    try:
        return moment_text(datetime.fromisoformat(iso))
    except ValueError:
        return iso
