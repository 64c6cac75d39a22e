"""A claim's date as a person writes it: ``date_words("XXXX-04-26") -> "26 April (year unknown)"``.

The extractor stores dates as ISO 8601 / TIMEX at their precision (``date_resolve.render``); those codes
stay in JSON and CSV. The window and the human-readable reports show these words instead, so no
``PRESENT_REF``, ``2025-W20`` or ``XXXX`` ever reaches a reviewer. Every form ``render`` writes has a
reading here; a value that is none of them (typed by hand) is shown as it was typed.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_YEAR_PARTS = {"Q1": "the first quarter of", "Q2": "the second quarter of", "Q3": "the third quarter of",
               "Q4": "the fourth quarter of", "H1": "the first half of", "H2": "the second half of",
               "SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_LITERALS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year", "WE": "weekend", "H": "hour", "MIN": "minute"}
_FISCAL = {"FY": "fiscal year", "SY": "school year"}
_UNKNOWN_YEAR = "year unknown"

_TIME = r"(?:T(?:(?P<part>MO|AF|EV|NI|DT)|(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?)?)" \
        r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
_DAY = re.compile(rf"(?P<year>\d{{4}}|XXXX)-(?P<month>\d{{2}}|XX)-(?P<day>\d{{2}}|XX){_TIME}")
_WEEKDAY = re.compile(rf"XXXX-WXX-(?P<weekday>[1-7]){_TIME}")
_WEEK = re.compile(r"(?P<year>\d{4}|XXXX)-W(?P<week>\d{2}|XX)(?P<weekend>-WE)?")
_MONTH = re.compile(r"(?P<year>\d{4}|XXXX)-(?P<month>\d{2}|XX)")
_YEAR_PART = re.compile(r"(?P<year>\d{4}|XXXX)-(?P<part>Q[1-4]|H[12]|SP|SU|FA|WI)")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"(?P<decade>\d{3})X")
_CENTURY = re.compile(r"(?P<century>\d{2})XX")
_TIME_ALONE = re.compile(_TIME)
_EVERY = re.compile(r"P(?P<time>T)?(?P<n>\d+(?:\.\d+)?)(?P<unit>WE|D|W|M|Y|H|MIN)")
_FISCAL_YEAR = re.compile(r"(?P<kind>FY|SY)(?P<year>\d{4}|XXXX)")


def date_words(value: Optional[str]) -> str:
    """``value`` (a claim's ``date``) in words; "" for none."""
    if not value:
        return ""
    value = value.strip()
    if "/" in value:
        first, _, last = value.partition("/")
        return f"{_point(first) or first} to {_point(last) or last}"
    return _point(value) or value


def _point(value: str) -> Optional[str]:
    if value in _LITERALS:
        return _LITERALS[value]
    if value == "XXXX":
        return f"a year ({_UNKNOWN_YEAR})"
    for pattern, reading in _READINGS:
        found = pattern.fullmatch(value)
        if found:
            return reading(found)
    return None


def _day(m: re.Match) -> Optional[str]:
    year, month, day = m["year"], m["month"], m["day"]
    if month != "XX" and not 1 <= int(month) <= 12:
        return None
    if day == "XX":
        when = _month_text(year, month)
        return f"a day in {when}" + _time_text(m, ", ")
    if month == "XX":
        words = f"the {_ordinal(int(day))} (month {'and year ' if year == 'XXXX' else ''}unknown)"
        return words + _time_text(m, ", ")
    if year == "XXXX":
        words = f"{int(day)} {MONTHS[int(month) - 1]} ({_UNKNOWN_YEAR})"
    else:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            return None
        words = f"{int(day)} {MONTHS[int(month) - 1]} {year}"
    return words + _time_text(m, ", ")


def _weekday(m: re.Match) -> str:
    return f"a {WEEKDAYS[int(m['weekday']) - 1]} (date unknown)" + _time_text(m, ", ")


def _week(m: re.Match) -> Optional[str]:
    what = "weekend" if m["weekend"] else "week"
    if "X" in m["year"] + m["week"]:
        return f"a {what} (date unknown)"
    try:
        monday = date.fromisocalendar(int(m["year"]), int(m["week"]), 1)
    except ValueError:
        return None
    if m["weekend"]:
        return f"the weekend of {_span_text(monday + timedelta(days=5), monday + timedelta(days=6))}"
    return f"the week of {_day_text(monday)}"


def _month(m: re.Match) -> Optional[str]:
    if m["month"] != "XX" and not 1 <= int(m["month"]) <= 12:
        return None
    return _month_text(m["year"], m["month"])


def _year_part(m: re.Match) -> str:
    year = m["year"] if m["year"] != "XXXX" else f"a year ({_UNKNOWN_YEAR})"
    return f"{_YEAR_PARTS[m['part']]} {year}"


def _decade(m: re.Match) -> str:
    return f"the {m['decade']}0s"


def _century(m: re.Match) -> str:
    return f"the {m['century']}00s"


def _time_alone(m: re.Match) -> Optional[str]:
    return _time_text(m, "") or None


def _every(m: re.Match) -> str:
    amount, unit = m["n"], _UNITS[m["unit"]]
    if m["time"] and m["unit"] == "M":
        unit = "minute"
    if amount in ("1", "1.0"):
        return f"every {unit}"
    if amount == "0.5":
        return f"twice a {unit}"
    return f"every {amount} {unit}s"


def _fiscal(m: re.Match) -> str:
    kind = _FISCAL[m["kind"]]
    return f"{kind} {m['year']}" if m["year"] != "XXXX" else f"a {kind} ({_UNKNOWN_YEAR})"


_READINGS = (
    (_DAY, _day), (_WEEKDAY, _weekday), (_WEEK, _week), (_YEAR_PART, _year_part), (_MONTH, _month),
    (_YEAR, lambda m: m.group(0)), (_DECADE, _decade), (_CENTURY, _century), (_EVERY, _every),
    (_FISCAL_YEAR, _fiscal), (_TIME_ALONE, _time_alone),
)


def _month_text(year: str, month: str) -> str:
    if month == "XX":
        return f"a month of {year}" if year != "XXXX" else f"a month ({_UNKNOWN_YEAR})"
    name = MONTHS[int(month) - 1]
    return f"{name} {year}" if year != "XXXX" else f"{name} ({_UNKNOWN_YEAR})"


def _time_text(m: re.Match, lead: str) -> str:
    """The time of a match of ``_TIME``: "15:00", "morning" (with ``lead`` before it), or ""."""
    if m["part"]:
        return lead + _PARTS_OF_DAY[m["part"]]
    if m["hour"] is None:
        return ""
    zone = m["zone"]
    zone_text = "" if not zone else " UTC" if zone in ("Z", "+00:00", "+0000") else f" (UTC{zone})"
    return f"{lead}{m['hour']}:{m['minute'] or '00'}{zone_text}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _day_text(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _span_text(first: date, last: date) -> str:
    """Two days in words, saying the shared month and year once: "17–18 May 2025"."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {MONTHS[last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {_day_text(last)}"
    return f"{_day_text(first)} – {_day_text(last)}"
