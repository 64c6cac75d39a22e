"""Combining neighbouring date atoms into one expression.

"Monday" + "morning", "May 25" + "at 3pm", "3pm" + "today", "last week" + "Sunday", "Tuesday" + "the 4th",
and ranges: "from Monday to Friday", "between 2015 and Feb 2018", "1pm-2pm".
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date
from typing import Optional

from fact_review.claims.dates.lexicon import WEEKDAY_ANY_RE
from fact_review.claims.dates.atoms import Atom
from fact_review.claims.dates.resolve import Interval, Shift, When, render
from fact_review.claims.dates.spans import SEASON_MONTHS
from fact_review.claims.dates.zones import attach_zones

_GAP_AT = re.compile(r"\s*(?:,\s*)?(?:at|@|around|about|after|before|by|until|from|"
                     r"no\s+later\s+than|no\s+earlier\s+than|-)?\s*",
                     re.IGNORECASE)
_GAP_FOR = re.compile(r"\s+for\s+", re.IGNORECASE)  # "on Saturday for 9am": a booking
_GAP_FROM = re.compile(r"\s*(?:,\s*)?(?:from|between|at)?\s*", re.IGNORECASE)
_ENDS_WITH_WEEKDAY = re.compile(rf"{WEEKDAY_ANY_RE}\s*$", re.IGNORECASE)
_GAP_ON = re.compile(r"\s*(?:,\s*)?(?:on|of)?\s*", re.IGNORECASE)
_GAP_PART_AFTER = re.compile(r"\s*(?:,\s*)?(?:in\s+the|in|during\s+the)?\s*", re.IGNORECASE)
_GAP_PART_BEFORE = re.compile(r"\s+(?:of|on)\s+(?:this\s+)?", re.IGNORECASE)
_GAP_RANGE = re.compile(r"\s*(?:-|–|—|~|/|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_GAP_LIST = re.compile(r"\s*,?\s*", re.IGNORECASE)
_GAP_WEEKDAY_OF_WEEK = re.compile(r"\s+of\s+", re.IGNORECASE)
_GAP_YEAR = re.compile(r"\s*,?\s*(?:of|in)?\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)

_RANGE_ROLES = {"day", "time", "period", "week"}


def compose(atoms: list[Atom], text: str) -> list[Atom]:
    """Non-overlapping atoms (longest first), merged left to right, ranges last ("from this Friday 5/12 to
    next Sunday 5/20"); weak atoms left alone are dropped."""
    merged = _fold(_fold(attach_zones(_non_overlapping(atoms), text), text, ranges=False), text, ranges=True)
    return [a for a in merged if not a.role.startswith("weak")]


def _fold(atoms: list[Atom], text: str, ranges: bool) -> list[Atom]:
    out: list[Atom] = []
    for atom in atoms:
        while out:
            merged = _combine(out[-1], atom, text[out[-1].end:atom.start], text, ranges)
            if merged is None:
                break
            out.pop()
            atom = merged
        out.append(atom)
    return out


def _non_overlapping(atoms: list[Atom]) -> list[Atom]:
    """Longest atoms first; an atom overlapping one already taken is left out."""
    starts: list[int] = []  # of the atoms taken, sorted; they never overlap, so neighbours decide
    taken: list[Atom] = []
    for atom in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
        i = bisect_right(starts, atom.start)
        if i and taken[i - 1].end > atom.start or i < len(taken) and taken[i].start < atom.end:
            continue
        starts.insert(i, atom.start)
        taken.insert(i, atom)
    return taken


def _merged(a: Atom, b: Atom, value, role: str) -> Atom:
    return Atom(a.start, b.end, value, role, a.direction or b.direction, a.fallback or b.fallback)


def _is_when(atom: Atom) -> bool:
    return isinstance(atom.value, When)


def _adjust_hour(hour: int, part: Optional[str]) -> int:
    """ "3 in the afternoon" is 15:00; "tonight at 1am" stays 01:00."""
    if part in ("AF", "EV") and hour < 12:
        return hour + 12
    if part == "NI" and 6 <= hour < 12:
        return hour + 12
    return hour


def _at_time(day: When, time: When) -> When:
    if time.hour is None:
        return replace(day, part=time.part)
    return replace(day, hour=_adjust_hour(time.hour, day.part or time.part), minute=time.minute,
                   second=time.second, part=None, zone=time.zone)


def _time_in_part(time: When, part: Optional[str]) -> When:
    return replace(time, hour=_adjust_hour(time.hour, part), part=None) if time.hour is not None else time


def _on_day(value, day: When):
    if isinstance(value, Interval):
        return Interval(_on_day(value.start, day), _on_day(value.end, day))
    return _at_time(day, value) if value.grain == "time" else value


def _has_hour(atom: Atom) -> bool:
    return _is_when(atom) and atom.value.hour is not None


def _combine(a: Atom, b: Atom, gap: str, text: str, ranges: bool) -> Optional[Atom]:
    """``a`` and ``b`` as one expression, when the words between them (``gap``) allow it."""
    if len(gap) > 20:
        return None
    if ranges and _GAP_RANGE.fullmatch(gap) and gap.strip():
        ranged = _range(a, b, gap, text)
        if ranged is not None:
            return ranged
    for rule in (_named_day_in_year, _after_day, _after_week, _after_time, _after_set, _after_part, _after_month, _after_offset):
        merged = rule(a, b, gap, text)
        if merged is not None:
            return merged
    return None


def _named_day_in_year(a: Atom, b: Atom, gap: str, text: str) -> Optional[Atom]:
    """A holiday followed by its year in words or after a comma: "Diwali two thousand nineteen"."""
    if a.in_year is None or b.role not in ("period", "weak_period") or not _is_when(b) or b.value.grain != "year" \
            or b.value.year is None or not _GAP_YEAR.fullmatch(gap):
        return None
    value = a.in_year(b.value.year)
    if value is None:
        return None
    return _merged(a, b, value, "interval" if isinstance(value, Interval) else "day")


def _after_day(a: Atom, b: Atom, gap: str, text: str) -> Optional[Atom]:
    """A day followed by its time, part of the day, day of the month, date, hours, week or year."""
    if a.role != "day" or not _is_when(a):
        return None
    rb, day = b.role, a.value
    if day.hour is not None:  # "5 tomorrow" + "afternoon", "Christmas at 8:00" + "early morning"
        if rb in ("part", "weak_part") and _GAP_PART_AFTER.fullmatch(gap) and day.part is None:
            return _merged(a, b, replace(day, hour=_adjust_hour(day.hour, b.value.part)), "day")
        return None
    if rb in ("time", "weak_time") and _has_hour(b) and (_GAP_AT.fullmatch(gap) or rb == "time" and _GAP_FOR.fullmatch(gap)):
        return _merged(a, b, _at_time(day, b.value), "day")
    if rb == "weak_part" and text[b.end - 1] in "sS" and day.weekday is not None and day.month is None \
            and gap.isspace():  # "Tuesday afternoons": every Tuesday afternoon
        return _merged(a, b, When("literal", literal=f"XXXX-WXX-{day.weekday + 1}T{b.value.part}"), "set")
    if rb in ("part", "weak_part") and _GAP_PART_AFTER.fullmatch(gap) and day.part is None:
        return _merged(a, b, replace(day, part=b.value.part), "day")
    if rb in ("dom", "weak_dom") and day.weekday is not None and day.month is None and _GAP_LIST.fullmatch(gap):
        return _merged(a, b, b.value, "day")
    if rb == "day" and _ENDS_WITH_WEEKDAY.search(text[a.start:a.end]) and _is_when(b) \
            and b.value.month is not None and _GAP_LIST.fullmatch(gap):
        # "Tuesday, Jan 15": the date says it all, and its weekday tells the year when it is not written
        return _merged(a, b, replace(b.value, weekday=day.weekday) if b.value.year is None else b.value, "day")
    if rb in ("interval", "weak_interval") and _times_only(b.value) and _GAP_FROM.fullmatch(gap):
        return _merged(a, b, _on_day(b.value, day), "interval")
    if rb == "week" and day.weekday is not None and _GAP_WEEKDAY_OF_WEEK.fullmatch(gap):
        return _merged(a, b, _weekday_in_week(b.value, day.weekday), "day")
    if rb == "period" and b.value.grain == "year" and day.year is None and day.month and _GAP_YEAR.fullmatch(gap):
        return _merged(a, b, replace(day, year=b.value.year), "day")
    return None


def _after_week(a: Atom, b: Atom, gap: str, text: str) -> Optional[Atom]:
    """A week followed by a weekday or a span of weekdays: "last week Sunday", "next week from Monday to Friday"."""
    if a.role != "week" or not _is_when(a):
        return None
    if b.role == "interval" and _GAP_FROM.fullmatch(gap) \
            and b.value.start.weekday is not None and b.value.end.weekday is not None:
        days = Interval(_weekday_in_week(a.value, b.value.start.weekday),
                        _weekday_in_week(a.value, b.value.end.weekday))
        return _merged(a, b, days, "interval")
    if b.role == "day" and _is_when(b) and b.value.weekday is not None and b.value.month is None \
            and _GAP_LIST.fullmatch(gap):
        return _merged(a, b, _weekday_in_week(a.value, b.value.weekday), "day")
    return None


def _after_time(a: Atom, b: Atom, gap: str, text: str) -> Optional[Atom]:
    """A time (or hours) followed by its day, part of the day or recurrence: "3pm today", "3 in the
    afternoon", "6am every day"."""
    ra, rb = a.role, b.role
    if ra == "time" and rb == "set" and _is_when(a) and a.value.hour is not None and gap.isspace():
        merged = _after_set(b, a, " at ", text)
        return _merged(a, b, merged.value, "set") if merged is not None else None
    if ra in ("time", "weak_time", "interval") and rb == "day" and _is_when(b) and b.value.hour is None \
            and _GAP_ON.fullmatch(gap) and (ra != "interval" or _times_only(a.value)):
        return _merged(a, b, _on_day(a.value, b.value), "day" if ra != "interval" else "interval")
    if ra in ("time", "weak_time") and rb in ("part", "weak_part") and _GAP_PART_AFTER.fullmatch(gap) \
            and not (ra == "weak_time" and rb == "weak_part"):
        return _merged(a, b, _time_in_part(a.value, b.value.part), "time")
    return None


def _after_set(a: Atom, b: Atom, gap: str, text: str) -> Optional[Atom]:
    """A recurrence followed by its time: "each Monday at 4pm", "every day at 7pm"."""
    if a.role != "set" or b.role != "time" or not _GAP_AT.fullmatch(gap):
        return None
    literal = a.value.literal or ""
    if not (literal.startswith(("XXXX-WXX", "XXXX-XX-XXT")) or literal in ("P1D", "P1W", "P1WE")):
        return None  # "every month at noon": no single time of day
    prefix = literal if literal.startswith("XXXX-WXX") else ""
    return _merged(a, b, When("literal", literal=prefix + render(b.value)), "set")


def _after_part(a: Atom, b: Atom, gap: str, text: str) -> Optional[Atom]:
    """A part of the day followed by its time or day: "in the morning at 7", "morning of Christmas"."""
    if a.role == "part" and b.role in ("time", "weak_time") and _GAP_AT.fullmatch(gap):
        return _merged(a, b, _time_in_part(b.value, a.value.part), "time")
    if a.role in ("part", "weak_part") and b.role == "day" and _is_when(b) and _GAP_PART_BEFORE.fullmatch(gap):
        return _merged(a, b, replace(b.value, part=a.value.part), "day")
    return None


def _after_month(a: Atom, b: Atom, gap: str, text: str) -> Optional[Atom]:
    """A month, a day or a span of days without its year followed by one: "June, next year", "March of 2020",
    "25 January nineteen eighty-six", "2 to 7 Feb, two thousand and eighteen"."""
    if b.role != "period" or not _is_when(b) or b.value.grain != "year" or b.value.year is None \
            or not _GAP_YEAR.fullmatch(gap):
        return None
    if a.role == "period" and _is_when(a) and a.value.grain == "month" and a.value.year is None:
        return _merged(a, b, replace(a.value, year=b.value.year), "period")
    if a.role == "day" and _is_when(a) and a.value.month is not None and a.value.year is None \
            and a.value.weekday is None:
        return _merged(a, b, replace(a.value, year=b.value.year), "day")
    if a.role == "interval" and isinstance(a.value, Interval) and a.value.start.year is None \
            and a.value.end.year is None and a.value.end.month is not None:
        year = b.value.year
        start_year = year - 1 if (a.value.start.month or 0) > a.value.end.month else year
        value = Interval(replace(a.value.start, year=start_year), replace(a.value.end, year=year))
        return _merged(a, b, value, "interval")
    return None


def _after_offset(a: Atom, b: Atom, gap: str, text: str) -> Optional[Atom]:
    """An offset followed by the day it counts from: "three days before" + "Christmas"."""
    if a.role != "weak_offset" or b.role != "day" or not _is_when(b) or not gap.isspace():
        return None
    return _merged(a, b, Shift(b.value, a.value.amounts, a.value.sign), "day")


def _kind(w: When) -> str:
    if w.grain == "time":
        return "time"
    return "weekday" if w.weekday is not None and w.month is None else "calendar"


def _times_only(value) -> bool:
    return isinstance(value, Interval) and value.start.grain == "time" and value.end.grain == "time"


def _weekday_in_week(week: When, weekday: int) -> When:
    if week.year is None or week.week is None:
        return When("day", weekday=weekday)
    try:
        d = date.fromisocalendar(week.year, week.week, weekday + 1)
    except ValueError:  # "week 53" of a year that has 52
        return When("day", weekday=weekday)
    return When("day", d.year, d.month, d.day)


def _first_month(w: When) -> int:
    """The month a date's span starts in, for ordering a range's ends within a year (0: unknown):
    "the third quarter to May 2024" starts in July, so in 2023."""
    if w.month:
        return w.month
    if w.grain in ("quarter", "half") and w.sub and w.sub[1:].isdigit():
        return (int(w.sub[1:]) - 1) * (3 if w.grain == "quarter" else 6) + 1
    return SEASON_MONTHS.get(w.sub or "", 0) if w.grain == "season" else 0


def _unnumbered_part(w: When) -> bool:
    """"The quarter", "the half": which one is read from the reference date and the tense; the year of a
    range's other end would leave it a quarter of no number ("2024-QX")."""
    return w.grain in ("quarter", "half") and w.sub is None


def _range(a: Atom, b: Atom, gap: str, text: str) -> Optional[Atom]:
    if isinstance(a.value, Interval) and a.role == "interval" and a.value.start.grain == "day" \
            and (isinstance(b.value, Interval) or b.role in ("day", "period")):
        # "from the end of March to the middle of September": from the first part's start to the second's end
        a = replace(a, value=a.value.start, role="day")
    if isinstance(b.value, Interval) and b.role == "interval" and b.value.end.grain == "day" \
            and a.role in ("day", "period") and _is_when(a):
        b = replace(b, value=b.value.end, role="day")  # "from April until the end of June"
    if not (_is_when(a) and _is_when(b)):
        return None
    if gap.strip().lower() == "and" and not _BETWEEN.search(text[max(0, a.start - 10):a.start]):
        return None
    if gap == "/" and not all(v.year and v.month and v.day for v in (a.value, b.value)):
        return None  # an ISO 8601 interval joins two full dates: "2015-03-28T17:00/2015-03-29T21:00"
    ra = "time" if a.role == "weak_time" and _has_hour(a) and b.role == "time" else a.role
    if ra not in _RANGE_ROLES or b.role not in _RANGE_ROLES:
        return None
    start, end = a.value, b.value
    kinds = {_kind(start), _kind(end)}
    if kinds == {"calendar", "weekday"} and start.grain == end.grain == "day":
        kinds = {"calendar"}  # "from next Monday to Friday"
    if len(kinds) > 1 and not (start.grain == "time" and end.hour is not None) \
            and not (end.grain == "time" and start.hour is not None):
        return None  # "the closest Monday to Oct 5th" is no range
    if start.grain == "time" and end.grain == "day" and end.hour is not None:  # "1pm-2pm tomorrow"
        start = _at_time(replace(end, hour=None, minute=None, second=None), start)
    if end.grain == "time" and start.hour is not None and start.grain == "day":
        end = _at_time(replace(start, hour=None, minute=None, second=None), end)
    if start.hour is not None and end.hour is not None and end.hour < start.hour < 12 < end.hour + 12:
        end = replace(end, hour=end.hour + 12)  # "11:30-1:30"
    if start.hour is not None and end.hour is not None and start.hour < 12 <= end.hour \
            and (start.hour + 12, start.minute or 0) <= (end.hour, end.minute or 0):
        start = replace(start, hour=start.hour + 12)  # "4 - 6:30 pm"
    if end.zone and start.hour is not None and not start.zone:  # "from 1pm to 2pm GMT"
        start = replace(start, zone=end.zone)
    if (start.year is None) != (end.year is None) and (_unnumbered_part(start) or _unnumbered_part(end)):
        return None  # "the quarter to May 2024": two dates, not one span
    if start.year is None and end.year is not None and start.grain != "time":
        start = replace(start, year=end.year if _first_month(start) <= _first_month(end) else end.year - 1)
    elif end.year is None and start.year is not None and end.grain != "time":
        end = replace(end, year=start.year if _first_month(end) >= _first_month(start) else start.year + 1)
    return Atom(a.start, b.end, Interval(start, end), "interval", a.direction or b.direction,
                a.fallback or b.fallback)
