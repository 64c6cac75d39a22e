"""A claim's date as a person writes it, from the ISO 8601 / TIMEX form the extractor stores.

``3 March 2026``, ``the morning of 4 March 2026``, ``the weekend of 7–8 March 2026``, ``the first quarter of
2026``, ``the 1990s``, ``every week``, ``26 April (year not given)``. The codes stay in JSON and CSV; the
window and the human-readable reports show these words, so no ``PRESENT_REF``, ``2025-W20`` or ``XXXX``
reaches a reader. Every form ``resolve.render`` writes has a reading here; a value that is none of them
(typed by hand, or nonsense such as 30 February) reads as "", so the caller shows the claim's own words.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NO_YEAR = "(year not given)"
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_YEAR_PARTS = {"Q1": "the first quarter of", "Q2": "the second quarter of", "Q3": "the third quarter of",
               "Q4": "the fourth quarter of", "H1": "the first half of", "H2": "the second half of",
               "SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year", "WE": "weekend", "H": "hour", "MIN": "minute"}
_FISCAL = {"FY": "fiscal year", "SY": "school year"}

_TIME = r"(?:T(?:(?P<part>MO|AF|EV|NI|DT)|(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?)?)" \
        r"(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
_DAY = re.compile(rf"(?P<year>\d{{4}}|XXXX)-(?P<month>\d{{2}}|XX)-(?P<day>\d{{2}}|XX){_TIME}")
_WEEKDAY = re.compile(rf"XXXX-WXX-(?P<weekday>[1-7]){_TIME}")
_WEEK = re.compile(r"(?P<year>\d{4}|XXXX)-W(?P<week>\d{2}|XX)(?P<weekend>-WE)?")
_MONTH = re.compile(rf"(?P<year>\d{{4}}|XXXX)-(?P<month>\d{{2}}|XX){_TIME}")
_YEAR_PART = re.compile(r"(?P<year>\d{4}|XXXX)-(?P<part>Q[1-4]|H[12]|SP|SU|FA|WI)")
_YEAR = re.compile(rf"(?P<year>\d{{4}}){_TIME}")
_DECADE = re.compile(r"(?P<decade>\d{3})X")
_CENTURY = re.compile(r"(?P<century>\d{2})XX")
_TIME_ALONE = re.compile(_TIME)
_EVERY = re.compile(r"P(?P<time>T)?(?P<n>\d+(?:\.\d+)?)(?P<unit>WE|D|W|M|Y|H|MIN)")
_FISCAL_YEAR = re.compile(r"(?P<kind>FY|SY)(?P<year>\d{4}|XXXX)")


def date_words(value: Optional[str]) -> str:
    """``value`` (a claim's ``date``) in words; "" for none or a form without a reading."""
    if not value:
        return ""
    value = value.strip()
    if "/" in value:
        first, _, last = value.partition("/")
        days = _plain_day(first), _plain_day(last)
        if days[0] and days[1]:
            return span_text(*days)
        first_words, last_words = _point(first), _point(last)
        return f"from {first_words} to {last_words}" if first_words and last_words else ""
    return _point(value)


def day_text(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def span_text(first: date, last: date) -> str:
    """Two days in words, saying a shared month and year once: ``1–5 March 2026``, ``28 February–3 March
    2026``, ``30 December 2025–2 January 2026``."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{day_text(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]}–{day_text(last)}"
    return f"{day_text(first)}–{day_text(last)}"


def _plain_day(code: str) -> Optional[date]:
    try:
        return date.fromisoformat(code) if len(code) == 10 else None
    except ValueError:
        return None


def _point(value: str) -> str:
    if value in _REFERENCES:
        return _REFERENCES[value]
    for pattern, reading in _READINGS:
        found = pattern.fullmatch(value)
        if found:
            return reading(found)
    return ""


def _with_time(words: str, m: re.Match) -> str:
    """``words`` at the time of a match of ``_TIME``: "the morning of 4 March 2026", "4 March 2026 at 15:00"."""
    if m["part"]:
        return f"the {_PARTS_OF_DAY[m['part']]} of {words}"
    clock = _clock(m)
    return f"{words} at {clock}" if clock else words


def _clock(m: re.Match) -> str:
    if m["hour"] is None:
        return ""
    zone = m["zone"]
    zone_text = "" if not zone else " UTC" if zone in ("Z", "+00:00", "+0000") else f" (UTC{zone})"
    return f"{m['hour']}:{m['minute'] or '00'}{zone_text}"


def _day(m: re.Match) -> str:
    year, month, day = m["year"], m["month"], m["day"]
    if month != "XX" and not 1 <= int(month) <= 12:
        return ""
    if day == "XX":
        return _with_time(f"a day in {_month_text(year, month)}", m)
    if month == "XX":
        unknown = "month and year" if year == "XXXX" else "month"
        return _with_time(f"the {_ordinal(int(day))} ({unknown} not given)", m)
    if year == "XXXX":
        return _with_time(f"{int(day)} {MONTHS[int(month) - 1]} {NO_YEAR}", m)
    try:
        return _with_time(day_text(date(int(year), int(month), int(day))), m)
    except ValueError:  # 30 February
        return ""


def _weekday(m: re.Match) -> str:
    name = WEEKDAYS[int(m["weekday"]) - 1]
    if m["part"]:
        return f"a {name} {_PARTS_OF_DAY[m['part']]}"
    clock = _clock(m)
    return f"a {name} at {clock}" if clock else f"a {name}"


def _week(m: re.Match) -> str:
    what = "weekend" if m["weekend"] else "week"
    if "X" in m["year"] + m["week"]:
        return f"a {what} (date not given)"
    try:
        monday = date.fromisocalendar(int(m["year"]), int(m["week"]), 1)
    except ValueError:
        return ""
    if m["weekend"]:
        return f"the weekend of {span_text(monday + timedelta(days=5), monday + timedelta(days=6))}"
    return f"the week of {day_text(monday)}"


def _month(m: re.Match) -> str:
    if m["month"] != "XX" and not 1 <= int(m["month"]) <= 12:
        return ""
    return _with_time(_month_text(m["year"], m["month"]), m)


def _year_part(m: re.Match) -> str:
    words = _YEAR_PARTS[m["part"]]
    if m["year"] == "XXXX":
        return f"{words.removesuffix(' of')} {NO_YEAR}"  # "the first quarter (year not given)"
    return f"{words} {m['year']}"


def _decade(m: re.Match) -> str:
    return f"the {m['decade']}0s"


def _century(m: re.Match) -> str:
    return f"the {_ordinal(int(m['century']) + 1)} century"


def _time_alone(m: re.Match) -> str:
    return _PARTS_OF_DAY.get(m["part"] or "") or _clock(m)


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
    return f"{kind} {m['year']}" if m["year"] != "XXXX" else f"a {kind} {NO_YEAR}"


_READINGS = (
    (_DAY, _day), (_WEEKDAY, _weekday), (_WEEK, _week), (_YEAR_PART, _year_part), (_MONTH, _month),
    (_YEAR, lambda m: _with_time(m["year"], m)), (_DECADE, _decade), (_CENTURY, _century), (_EVERY, _every),
    (_FISCAL_YEAR, _fiscal), (_TIME_ALONE, _time_alone),
)


def _month_text(year: str, month: str) -> str:
    if month == "XX":
        return f"a month of {year}" if year != "XXXX" else f"a month {NO_YEAR}"
    name = MONTHS[int(month) - 1]
    return f"{name} {year}" if year != "XXXX" else f"{name} {NO_YEAR}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
