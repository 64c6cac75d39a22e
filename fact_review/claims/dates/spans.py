"""The days a date claim covers, for comparing claims: ``date_span("2025-W21") -> DateSpan(2025-05-19, 2025-05-26)``.

Reads every form ``find_dates`` writes at its precision: years, months, days (a time or part of the day is
ignored), ISO weeks and weekends, quarters, halves, seasons (meteorological), decades ("199X"), centuries
("19XX") and ranges "a/b" (from the start of a to the end of b). An unknown year ("XXXX-04-26") gives a span
in the placeholder leap year 2000 with ``year_known`` false. Forms without a place on the calendar
(recurrences "P1D", times alone "T15", "PRESENT_REF", fiscal years, "XXXX-WXX-2") give None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

from fact_review.claims.dates.resolve import add_months

_PLACEHOLDER_YEAR = 2000  # a leap year, so that "XXXX-02-29" exists
_POINT = re.compile(r"^(?P<y>\d{4}|XXXX)(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(?P<y>\d{4})-W(?P<w>\d{2})(?P<we>-WE)?$")
_PART = re.compile(r"^(?P<y>\d{4}|XXXX)-(?P<p>Q[1-4]|H[12]|SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(?P<d>\d{3})X$")
_CENTURY = re.compile(r"^(?P<c>\d{2})XX$")
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class DateSpan:
    start: date
    end: date  # exclusive
    year_known: bool = True

    def overlaps(self, other: "DateSpan") -> bool:
        return self.start < other.end and other.start < self.end


def date_span(value: str) -> Optional[DateSpan]:
    """The days ``value`` (a claim's ``date``) covers, or None when it names no stretch of the calendar."""
    try:
        if "/" in value:
            first, _, last = value.partition("/")
            a, b = _point_span(first), _point_span(last)
            if a is None or b is None or b.end <= a.start:
                return None
            return DateSpan(a.start, b.end, a.year_known and b.year_known)
        return _point_span(value)
    except ValueError:  # a day that does not exist ("2019-02-30")
        return None


def _point_span(value: str) -> Optional[DateSpan]:
    m = _POINT.match(value)
    if m:
        known = m["y"] != "XXXX"
        year = int(m["y"]) if known else _PLACEHOLDER_YEAR
        if m["m"] is None:
            return DateSpan(date(year, 1, 1), date(year + 1, 1, 1), known)
        first = date(year, int(m["m"]), 1)
        if m["d"] is None:
            return DateSpan(first, add_months(first, 1), known)
        day = date(year, int(m["m"]), int(m["d"]))
        return DateSpan(day, day + timedelta(days=1), known)
    m = _WEEK.match(value)
    if m:
        monday = date.fromisocalendar(int(m["y"]), int(m["w"]), 1)
        if m["we"]:
            return DateSpan(monday + timedelta(days=5), monday + timedelta(days=7))
        return DateSpan(monday, monday + timedelta(days=7))
    m = _PART.match(value)
    if m:
        known = m["y"] != "XXXX"
        year = int(m["y"]) if known else _PLACEHOLDER_YEAR
        part = m["p"]
        if part in SEASON_MONTHS:
            first = date(year, SEASON_MONTHS[part], 1)
            if part == "WI":  # winter 2025 runs from December 2025 into February 2026
                return DateSpan(first, date(year + 1, 3, 1), known)
            return DateSpan(first, add_months(first, 3), known)
        months = 3 if part[0] == "Q" else 6
        first = date(year, (int(part[1]) - 1) * months + 1, 1)
        return DateSpan(first, add_months(first, months), known)
    m = _DECADE.match(value)
    if m:
        start = int(m["d"]) * 10
        return DateSpan(date(max(1, start), 1, 1), date(start + 10, 1, 1))
    m = _CENTURY.match(value)
    if m:
        start = int(m["c"]) * 100
        return DateSpan(date(max(1, start), 1, 1), date(start + 100, 1, 1))
    return None
