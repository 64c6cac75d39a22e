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

from fact_review.claims.date_lexicon import WEEKDAY_ANY_RE
from fact_review.claims.date_atoms import Atom
from fact_review.claims.date_resolve import Interval, When, render

_GAP_AT = re.compile(r"\s*(?:,\s*)?(?:at|@|around|about|after|before|by|until|from|"
                     r"no\s+later\s+than|no\s+earlier\s+than|-)?\s*",
                     re.IGNORECASE)
_GAP_FROM = re.compile(r"\s*(?:,\s*)?(?:from|between|at)?\s*", re.IGNORECASE)
_ENDS_WITH_WEEKDAY = re.compile(rf"{WEEKDAY_ANY_RE}\s*$", re.IGNORECASE)
_GAP_ON = re.compile(r"\s*(?:,\s*)?(?:on|of)?\s*", re.IGNORECASE)
_GAP_PART_AFTER = re.compile(r"\s*(?:,\s*)?(?:in\s+the|in|during\s+the)?\s*", re.IGNORECASE)
_GAP_PART_BEFORE = re.compile(r"\s+(?:of|on)\s+(?:this\s+)?", re.IGNORECASE)
_GAP_RANGE = re.compile(r"\s*(?:-|–|—|~|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_GAP_LIST = re.compile(r"\s*,?\s*", re.IGNORECASE)
_GAP_WEEKDAY_OF_WEEK = re.compile(r"\s+of\s+", re.IGNORECASE)
_GAP_YEAR = re.compile(r"\s*,?\s*(?:of|in)?\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)

_RANGE_ROLES = {"day", "time", "period", "week"}


def compose(atoms: list[Atom], text: str) -> list[Atom]:
    """Non-overlapping atoms (longest first), merged left to right, ranges last ("from this Friday 5/12 to
    next Sunday 5/20"); weak atoms left alone are dropped."""
    merged = _fold(_fold(_non_overlapping(atoms), text, ranges=False), text, ranges=True)
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
                   second=time.second, part=None)


def _time_in_part(time: When, part: Optional[str]) -> When:
    return replace(time, hour=_adjust_hour(time.hour, part), part=None) if time.hour is not None else time


def _on_day(value, day: When):
    if isinstance(value, Interval):
        return Interval(_on_day(value.start, day), _on_day(value.end, day))
    return _at_time(day, value) if value.grain == "time" else value


def _has_hour(atom: Atom) -> bool:
    return _is_when(atom) and atom.value.hour is not None


def _combine(a: Atom, b: Atom, gap: str, text: str, ranges: bool) -> Optional[Atom]:
    if len(gap) > 20:
        return None
    ra, rb = a.role, b.role
    if ranges and _GAP_RANGE.fullmatch(gap) and gap.strip():
        ranged = _range(a, b, gap, text)
        if ranged is not None:
            return ranged
    if ra == "day" and _is_when(a) and a.value.hour is None:
        if rb in ("time", "weak_time") and _has_hour(b) and _GAP_AT.fullmatch(gap):
            return _merged(a, b, _at_time(a.value, b.value), "day")
        if rb in ("part", "weak_part") and _GAP_PART_AFTER.fullmatch(gap) and a.value.part is None:
            return _merged(a, b, replace(a.value, part=b.value.part), "day")
        if rb in ("dom", "weak_dom") and a.value.weekday is not None and a.value.month is None \
                and _GAP_LIST.fullmatch(gap):
            return _merged(a, b, b.value, "day")
        if rb == "day" and _ENDS_WITH_WEEKDAY.search(text[a.start:a.end]) and _is_when(b) \
                and b.value.month is not None and _GAP_LIST.fullmatch(gap):
            return _merged(a, b, b.value, "day")  # "Tuesday, Jan 15": the date says it all
        if rb in ("interval", "weak_interval") and _times_only(b.value) and _GAP_FROM.fullmatch(gap):
            return _merged(a, b, _on_day(b.value, a.value), "interval")
        if rb == "week" and a.value.weekday is not None and _GAP_WEEKDAY_OF_WEEK.fullmatch(gap):
            return _merged(a, b, _weekday_in_week(b.value, a.value.weekday), "day")
        if rb == "period" and b.value.grain == "year" and a.value.year is None and a.value.month \
                and _GAP_YEAR.fullmatch(gap):
            return _merged(a, b, replace(a.value, year=b.value.year), "day")
    if ra == "week" and rb == "interval" and _GAP_FROM.fullmatch(gap) and _is_when(a) \
            and b.value.start.weekday is not None and b.value.end.weekday is not None:
        # "next week from Monday to Friday"
        days = Interval(_weekday_in_week(a.value, b.value.start.weekday),
                        _weekday_in_week(a.value, b.value.end.weekday))
        return _merged(a, b, days, "interval")
    if ra == "week" and rb == "day" and _is_when(b) and b.value.weekday is not None and b.value.month is None \
            and _GAP_LIST.fullmatch(gap):
        return _merged(a, b, _weekday_in_week(a.value, b.value.weekday), "day")
    if ra in ("time", "weak_time", "interval") and rb == "day" and _is_when(b) and b.value.hour is None \
            and _GAP_ON.fullmatch(gap) and (ra != "interval" or _times_only(a.value)):
        return _merged(a, b, _on_day(a.value, b.value), "day" if ra != "interval" else "interval")
    if ra == "set" and rb == "time" and _GAP_AT.fullmatch(gap):  # "each Monday at 4pm", "every day at 7pm"
        literal = a.value.literal or ""
        prefix = literal if literal.startswith("XXXX-WXX") else ""
        return _merged(a, b, When("literal", literal=prefix + render(b.value)), "set")
    if ra in ("time", "weak_time") and rb in ("part", "weak_part") and _GAP_PART_AFTER.fullmatch(gap) \
            and not (ra == "weak_time" and rb == "weak_part"):
        return _merged(a, b, _time_in_part(a.value, b.value.part), "time")
    if ra == "part" and rb in ("time", "weak_time") and _GAP_AT.fullmatch(gap):
        return _merged(a, b, _time_in_part(b.value, a.value.part), "time")
    if ra in ("part", "weak_part") and rb == "day" and _is_when(b) and _GAP_PART_BEFORE.fullmatch(gap):
        return _merged(a, b, replace(b.value, part=a.value.part), "day")
    if ra == "period" and rb == "period" and a.value.grain == "month" and a.value.year is None \
            and b.value.grain == "year" and _GAP_YEAR.fullmatch(gap):
        return _merged(a, b, replace(a.value, year=b.value.year), "period")
    return None


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


def _range(a: Atom, b: Atom, gap: str, text: str) -> Optional[Atom]:
    if not (_is_when(a) and _is_when(b)):
        return None
    if gap.strip().lower() == "and" and not _BETWEEN.search(text[max(0, a.start - 10):a.start]):
        return None
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
    if start.year is None and end.year is not None and start.grain not in ("time",):
        start = replace(start, year=end.year if (start.month or 0) <= (end.month or 0) else end.year - 1)
    elif end.year is None and start.year is not None and end.grain not in ("time",):
        end = replace(end, year=start.year if (end.month or 0) >= (start.month or 0) else start.year + 1)
    return Atom(a.start, b.end, Interval(start, end), "interval", a.direction or b.direction,
                a.fallback or b.fallback)
