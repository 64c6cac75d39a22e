"""Days as whole numbers, for reasoning about when things happened.

A resolved date (ISO 8601 at its precision, as claims carry it) is the interval of days it allows:
"2024" is 1 January to 31 December 2024, "2024-08" is August, "2025-W20" its ISO week, "a/b" from the
first day of a to the last of b. A month and day without a year ("XXXX-04-26") goes to its nearest
occurrence on or before a reference day (the dateline: news reports what has happened). A duration is
the interval of days it can stand for: months and years vary in length, and a figure written without a
qualifier is rounded ("six months" is five and a half to six and a half), while "at least", "more than"
or "6+" bound one side exactly.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Optional

from fact_review.model import Claim

Days = tuple[Optional[int], Optional[int]]  # an interval of day numbers (date.toordinal()); None is open

_ISO_DAY = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_ISO_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def date_interval(value: Optional[str], reference: Optional[date] = None) -> Optional[tuple[int, int]]:
    """The first and last day that a resolved date allows, or None when it names no day we can place
    (a time of day alone, "PRESENT_REF" without a reference, an unknown year without one)."""
    if not value:
        return None
    if value == "PRESENT_REF":
        return (reference.toordinal(), reference.toordinal()) if reference else None
    if "/" in value:
        low, _, high = value.partition("/")
        first, last = date_interval(low, reference), date_interval(high, reference)
        if first is None or last is None or first[0] > last[1]:
            return None
        return first[0], last[1]
    week = _ISO_WEEK.match(value)
    if week:
        try:
            monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        except ValueError:
            return None
        return monday.toordinal(), monday.toordinal() + 6
    quarter = _ISO_QUARTER.match(value)
    if quarter:
        year, first_month = int(quarter[1]), 3 * int(quarter[2]) - 2
        return _month_span(year, first_month, first_month + 2)
    found = _ISO_DAY.match(value)
    if not found:
        return None
    year, month, day = found[1], found[2], found[3]
    if year == "XXXX":
        if reference is None or month is None:
            return None
        return _nearest_before(int(month), int(day) if day else None, reference)
    try:
        if month is None:
            return date(int(year), 1, 1).toordinal(), date(int(year), 12, 31).toordinal()
        if day is None:
            return _month_span(int(year), int(month), int(month))
        day_number = date(int(year), int(month), int(day)).toordinal()
    except ValueError:
        return None
    return day_number, day_number


def _month_span(year: int, first: int, last: int) -> Optional[tuple[int, int]]:
    try:
        start = date(year, first, 1)
        end = (date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)) - timedelta(days=1)
    except ValueError:
        return None
    return start.toordinal(), end.toordinal()


def _nearest_before(month: int, day: Optional[int], reference: date) -> Optional[tuple[int, int]]:
    """The latest occurrence of the month (and day) that does not start after ``reference``."""
    for year in (reference.year, reference.year - 1, reference.year - 4):  # 29 February needs a leap year
        span = _month_span(year, month, month) if day is None else _day(year, month, day)
        if span is not None and span[0] <= reference.toordinal():
            return span
    return None


def _day(year: int, month: int, day: int) -> Optional[tuple[int, int]]:
    try:
        number = date(year, month, day).toordinal()
    except ValueError:
        return None
    return number, number


def precision(value: Optional[str]) -> str:
    """How finely a resolved date is given: "year", "month" or "day" (weeks and ranges count as days)."""
    found = _ISO_DAY.match(value or "")
    if found and found[2] is None:
        return "year"
    if found and found[3] is None:
        return "month"
    return "day"


FIRST_DAY, LAST_DAY = date.min.toordinal(), date.max.toordinal()


def on_calendar(day: Optional[int]) -> Optional[int]:
    """The day number, or None when it lies outside the calendar (a chain of long durations can get there)."""
    return day if day is not None and FIRST_DAY <= day <= LAST_DAY else None


def day_words(day: int, grain: str = "day") -> str:
    """A day number as a reader writes it, at a grain: "1 February 2025", "February 2025", "2025"."""
    if on_calendar(day) is None:
        return "a day outside the calendar"
    when = date.fromordinal(day)
    if grain == "year":
        return str(when.year)
    if grain == "month":
        return f"{MONTH_NAMES[when.month - 1]} {when.year}"
    return f"{when.day} {MONTH_NAMES[when.month - 1]} {when.year}"


def iso_day(day: Optional[int]) -> Optional[str]:
    return None if on_calendar(day) is None else date.fromordinal(day).isoformat()


def add_months(day: int, months: int) -> int:
    """The same day of the month ``months`` later (the month's last day when it is shorter)."""
    if on_calendar(day) is None:
        return day + months * 30
    when = date.fromordinal(day)
    index = when.year * 12 + when.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        return day + months * 30
    last = _month_span(year, month + 1, month + 1)
    length = last[1] - last[0] + 1 if last else 28
    return date(year, month + 1, min(when.day, length)).toordinal()


# The fewest and most days of n consecutive calendar months, for n up to a year.
def _month_runs(february: int, pick) -> list[int]:
    lengths = (31, february, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return [0] + [pick(sum(lengths[(s + k) % 12] for k in range(n)) for s in range(12)) for n in range(1, 12)]


_FEWEST_DAYS = _month_runs(28, min)
_MOST_DAYS = _month_runs(29, max)
# Units of time in days: (fewest, most) for one unit; months are handled by count (above).
_UNIT_DAYS = {
    "second": (Decimal(1) / 86400, Decimal(1) / 86400), "minute": (Decimal(1) / 1440, Decimal(1) / 1440),
    "hour": (Decimal(1) / 24, Decimal(1) / 24), "day": (Decimal(1), Decimal(1)), "week": (Decimal(7), Decimal(7)),
    "fortnight": (Decimal(14), Decimal(14)), "year": (Decimal(365), Decimal(366)),
    "decade": (Decimal(3652), Decimal(3653)), "century": (Decimal(36524), Decimal(36525)),
}
TIME_UNITS = frozenset(_UNIT_DAYS) | {"month"}


def duration_days(claim: Claim) -> Optional[tuple[int, Optional[int]]]:
    """The fewest and most whole days a duration claim allows (most is None when it is open above), or None
    when it is not a duration we can count ("weeks", "over the years")."""
    if claim.unit not in TIME_UNITS:
        return None
    low = claim.low if claim.low is not None or claim.high is not None else claim.value
    high = claim.high if claim.low is not None or claim.high is not None else claim.value
    if low is None and high is None:
        return None
    rounded = claim.low is None and claim.high is None  # written plainly: a rounded figure
    slack = Decimal("0.5") if rounded and claim.unit not in ("day", "hour", "minute", "second") else Decimal(0)
    fewest = 0 if low is None else _days(max(low - slack, Decimal(0)), claim.unit, fewest=True)
    most = None if high is None else _days(high + slack, claim.unit, fewest=False)
    if rounded and claim.unit == "day":
        fewest, most = max(fewest - 1, 0), (None if most is None else most + 1)  # counting both ends, or not
    return fewest, most


def _days(count: Decimal, unit: str, *, fewest: bool) -> int:
    if unit == "month":
        whole = int(count)
        years, rest = divmod(whole, 12)
        base = years * (365 if fewest else 366) + (_FEWEST_DAYS if fewest else _MOST_DAYS)[rest]
        part = (count - whole) * (28 if fewest else 31)
        return int(base + part) if fewest else int(base - (-part // 1))
    one = _UNIT_DAYS[unit][0 if fewest else 1]
    total = count * one
    return int(total) if fewest else int(-(-total // 1))


def later_by(day: int, claim: Claim) -> int:
    """The earliest day a duration claim's lower bound reaches from ``day``, by the calendar ("six months
    after 1 August 2024" is 1 February 2025), for explanations."""
    low = claim.low if claim.low is not None else (claim.value if claim.high is None else None)
    if low is None:
        return day
    return day + _calendar_days(day, low, claim.unit)


def earlier_by(day: int, claim: Claim) -> int:
    """The latest day that lies a duration claim's lower bound before ``day``, by the calendar."""
    low = claim.low if claim.low is not None else (claim.value if claim.high is None else None)
    if low is None:
        return day
    return day + _calendar_days(day, -low, claim.unit)


def _calendar_days(day: int, count: Decimal, unit: Optional[str]) -> int:
    """The days from ``day`` to ``count`` units later (earlier when negative), by the calendar for whole
    months and years, by the unit's length otherwise."""
    if unit in ("month", "year") and count == count.to_integral_value():
        return add_months(day, int(count) * (12 if unit == "year" else 1)) - day
    if unit == "month":
        return int(count * Decimal("30.44"))
    one = _UNIT_DAYS.get(unit or "day", (Decimal(1), Decimal(1)))[0]
    return int(count * one)
