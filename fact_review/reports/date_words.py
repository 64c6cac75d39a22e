"""A claim's date as a person writes it, from the ISO 8601 / TIMEX form the extractor stores.

``3 March 2026``, ``the morning of 4 March 2026``, ``the weekend of 7–8 March 2026``, ``the first quarter of
2026``, ``the 1990s``, ``every week``, ``26 April (year not given)``. A form this module cannot read gives ""
so that the report shows the claim's own words instead: never a code such as ``2026-W10-WE``.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NO_YEAR = "(year not given)"
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}
_PERIODS = {"Q1": "the first quarter of", "Q2": "the second quarter of", "Q3": "the third quarter of",
            "Q4": "the fourth quarter of", "H1": "the first half of", "H2": "the second half of",
            "SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_EVERY = {"D": "day", "W": "week", "M": "month", "Y": "year", "WE": "weekend"}
_FISCAL = {"FY": "fiscal year", "SY": "school year"}

_TIME = r"(?:T(?P<time>MO|AF|EV|NI|\d{2}(?::\d{2}(?::\d{2})?)?))?"
_DAY = re.compile(rf"(?P<y>\d{{4}}|XXXX)(?:-(?P<m>\d{{2}}|XX)(?:-(?P<d>\d{{2}}|XX))?)?{_TIME}")
_WEEK = re.compile(r"(?P<y>\d{4})-W(?P<w>\d{2})(?P<we>-WE)?")
_WEEKDAY = re.compile(rf"XXXX-WXX(?:-(?P<wd>[1-7]))?{_TIME}")
_PERIOD = re.compile(r"(?P<y>\d{4}|XXXX)-(?P<p>Q[1-4]|H[12]|SP|SU|FA|WI)")
_DECADE = re.compile(r"(?P<d>\d{3})X")
_CENTURY = re.compile(r"(?P<c>\d{2})XX")
_TIME_ALONE = re.compile(_TIME)
_RECURRENCE = re.compile(r"P(?P<n>\d+)(?P<u>WE|[DWMY])")
_FISCAL_YEAR = re.compile(r"(?P<k>FY|SY)(?P<y>\d{4}|XXXX)")


def date_words(code: Optional[str]) -> str:
    """``code`` in words, or "" when it is empty or a form that has no reading here."""
    if not code:
        return ""
    if "/" in code:
        start, _, end = code.partition("/")
        days = _plain_day(start), _plain_day(end)
        if days[0] and days[1]:
            return _days_range(*days)
        first, last = date_words(start), date_words(end)
        return f"from {first} to {last}" if first and last else ""
    for pattern, reader in _READERS:
        found = pattern.fullmatch(code)
        if found:
            return reader(found)
    return _REFERENCES.get(code, "")


def day_text(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _plain_day(code: str) -> Optional[date]:
    try:
        return date.fromisoformat(code) if len(code) == 10 else None
    except ValueError:
        return None


def _days_range(first: date, last: date) -> str:
    """``1–5 March 2026``, ``28 February–3 March 2026``, ``30 December 2025–2 January 2026``."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{day_text(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]}–{day_text(last)}"
    return f"{day_text(first)}–{day_text(last)}"


def _year(year: str) -> Optional[str]:
    return None if year == "XXXX" else year


def _clock(time: str) -> str:
    """``15`` -> ``15:00``; ``07:30`` and ``07:30:15`` as written."""
    return f"{time}:00" if len(time) == 2 else time


def _with_time(day: str, time: Optional[str]) -> str:
    if not time:
        return day
    if time in _PARTS_OF_DAY:
        return f"the {_PARTS_OF_DAY[time]} of {day}"
    return f"{day} at {_clock(time)}"


def _day(found: re.Match) -> str:
    year, month, day = _year(found["y"]), found["m"], found["d"]
    if month in (None, "XX"):
        if day not in (None, "XX") or year is None:
            return ""  # "XXXX", "2026-XX-05": nothing a reader could place
        return _with_time(year if month is None else f"a month of {year}", found["time"])
    if not 1 <= int(month) <= 12:
        return ""
    month_name = MONTHS[int(month) - 1]
    if day in (None, "XX"):
        words = f"{month_name} {year}" if year else f"{month_name} {NO_YEAR}"
        return _with_time(words if day is None else f"a day in {words}", found["time"])
    if year is None:
        return _with_time(f"{int(day)} {month_name} {NO_YEAR}", found["time"])
    try:
        return _with_time(day_text(date(int(year), int(month), int(day))), found["time"])
    except ValueError:  # 30 February
        return ""


def _week(found: re.Match) -> str:
    try:
        monday = date.fromisocalendar(int(found["y"]), int(found["w"]), 1)
    except ValueError:
        return ""
    if not found["we"]:
        return f"the week of {day_text(monday)}"
    return f"the weekend of {_days_range(monday + timedelta(days=5), monday + timedelta(days=6))}"


def _weekday(found: re.Match) -> str:
    if not found["wd"]:
        return "a week (date not given)" if not found["time"] else ""
    name = WEEKDAYS[int(found["wd"]) - 1]
    time = found["time"]
    if time in _PARTS_OF_DAY:
        return f"a {name} {_PARTS_OF_DAY[time]}"
    return f"a {name} at {_clock(time)}" if time else f"a {name}"


def _period(found: re.Match) -> str:
    year, words = _year(found["y"]), _PERIODS[found["p"]]
    if year:
        return f"{words} {year}"
    return f"{words.removesuffix(' of')} {NO_YEAR}"  # "the first quarter (year not given)"


def _decade(found: re.Match) -> str:
    return f"the {found['d']}0s"


def _century(found: re.Match) -> str:
    number = int(found["c"]) + 1
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"the {number}{suffix} century"


def _time_alone(found: re.Match) -> str:
    time = found["time"]
    if not time:
        return ""
    return _PARTS_OF_DAY.get(time) or _clock(time)


def _recurrence(found: re.Match) -> str:
    count, unit = int(found["n"]), _EVERY[found["u"]]
    return f"every {unit}" if count == 1 else f"every {count} {unit}s"


def _fiscal_year(found: re.Match) -> str:
    year = _year(found["y"])
    return f"{_FISCAL[found['k']]} {year}" if year else f"the {_FISCAL[found['k']]}"


_READERS = (
    (_DAY, _day), (_WEEK, _week), (_WEEKDAY, _weekday), (_PERIOD, _period), (_DECADE, _decade),
    (_CENTURY, _century), (_TIME_ALONE, _time_alone), (_RECURRENCE, _recurrence), (_FISCAL_YEAR, _fiscal_year),
)
