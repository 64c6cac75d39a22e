"""Calendar values of date expressions, their resolution against a reference date, and their ISO rendering.

A ``When`` is what an expression names, at its grain, with the parts it leaves open set to ``None``
("April 26" has no year, "Tuesday" only a weekday). ``resolve`` fills the open parts from the reference
date (the article's publication date) and ``render`` writes ISO 8601 / TIMEX strings, with ``X`` for
parts still unknown.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal, Optional

Direction = Literal["past", "future", "near", "this"]  # "this": in the reference's year


@dataclass(frozen=True)
class When:
    grain: str  # century decade year half quarter season month week weekend day time literal
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None  # 0 = Monday, when a day is named only by its weekday
    week: Optional[int] = None  # ISO week, grain week/weekend
    sub: Optional[str] = None  # Q1..Q4, H1/H2, SP/SU/FA/WI
    hour: Optional[int] = None
    minute: Optional[int] = None
    second: Optional[int] = None
    part: Optional[str] = None  # part of the day: MO AF EV NI
    literal: Optional[str] = None  # rendered as is (PRESENT_REF, P1D)


@dataclass(frozen=True)
class Interval:
    start: When
    end: When  # inclusive: "July 13-15" ends on the 15th


Amounts = tuple[tuple[float, str], ...]  # ((3, "day"), (2, "hour")): "3 days 2 hours"


@dataclass(frozen=True)
class Shift:
    """A date moved by amounts of time: "three days before Christmas" is Christmas shifted by -3 days."""

    base: When
    amounts: Amounts
    sign: int


def offset(moment: datetime, amounts: Amounts, sign: int) -> datetime:
    """``moment`` moved by ``amounts``; fractions only of units up to a day ("half an hour")."""
    for n, unit in amounts:
        if n != int(n):
            if unit not in ("second", "minute", "hour", "day"):
                raise ValueError(f"a fraction of a {unit}")
            moment += sign * timedelta(**{unit + "s": n})
        else:
            moment = shift(moment, sign * int(n), unit)
    return moment


def has_fine_unit(amounts: Amounts) -> bool:
    return any(unit in ("second", "minute", "hour") for _, unit in amounts)


def resolve_shift(s: Shift, ref: Optional[datetime], direction: "Direction") -> When:
    """The shifted day, once the base is a known day; else a day with nothing known."""
    base = resolve(s.base, ref, direction)
    if base.grain != "day" or base.year is None or base.month is None or base.day is None:
        return When("day")
    moved = offset(datetime(base.year, base.month, base.day, base.hour or 0, base.minute or 0), s.amounts, s.sign)
    w = day_of(moved.date())
    if base.hour is not None or has_fine_unit(s.amounts):
        w = replace(w, hour=moved.hour, minute=moved.minute)
    return w


def part_of(w: When, position: str) -> "When | Interval":
    """The part of a period that "the beginning of", "the middle of" or "the end of" names: a month's first,
    middle or last ten days, a week's first three days (Monday to Wednesday) or last three (Friday to Sunday),
    a year's first or last three months. Other periods, and the middle of a week or a year, stay whole."""
    position = {"start": "beginning", "mid": "middle", "mid-": "middle"}.get(position, position)
    if w.grain == "month" and w.month is not None:
        last = calendar.monthrange(w.year or 2001, w.month)[1]
        first_day, last_day = {"beginning": (1, 10), "middle": (11, 20), "end": (21, last)}[position]
        return Interval(replace(w, grain="day", day=first_day), replace(w, grain="day", day=last_day))
    if w.grain in ("week", "weekend") and w.year is not None and w.week is not None and position != "middle":
        monday = date.fromisocalendar(w.year, w.week, 1)
        offsets = (0, 2) if position == "beginning" else (4, 6)
        return Interval(day_of(monday + timedelta(days=offsets[0])), day_of(monday + timedelta(days=offsets[1])))
    if w.grain == "year" and position != "middle":
        months = (1, 3) if position == "beginning" else (10, 12)
        return Interval(When("month", w.year, months[0]), When("month", w.year, months[1]))
    return w


def day_of(d: date) -> When:
    return When("day", d.year, d.month, d.day)


def week_of(d: date, grain: str = "week") -> When:
    iso = d.isocalendar()
    return When(grain, iso[0], week=iso[1])


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: datetime, amount: int, unit: str) -> datetime:
    """``d`` moved by ``amount`` units (negative: back in time)."""
    if unit in ("second", "minute", "hour", "day", "week", "fortnight"):
        seconds = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "fortnight": 1209600}
        return d + timedelta(seconds=amount * seconds[unit])
    months = amount * {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    moved = add_months(d.date(), months)
    return d.replace(year=moved.year, month=moved.month, day=moved.day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (n=-1: last) ``weekday`` of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def valid_day(year: Optional[int], month: int, day: int) -> bool:
    """Whether the day exists (February 29 exists when the year is unknown)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year or 2000, month)[1]


def _pick_year(ref: date, month: int, day: Optional[int], direction: Direction) -> int:
    """The year of a month (and day) named without one, relative to ``ref``."""
    if month == 2 and day == 29:  # only leap years have it: the nearest one in the right direction
        years = range(ref.year - 4, ref.year + 5)
        leap = [y for y in years if calendar.isleap(y)]
        if direction == "past":
            leap = [y for y in leap if date(y, 2, 29) <= ref] or leap
        elif direction == "future":
            leap = [y for y in leap if date(y, 2, 29) >= ref] or leap
        return min(leap, key=lambda y: abs((date(y, 2, 29) - ref).days))

    if direction == "this":
        return ref.year

    def key(y: int) -> date:
        return date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))

    this = key(ref.year)
    if direction == "past":
        same_period = this <= ref if day else month <= ref.month
        return ref.year if same_period else ref.year - 1
    if direction == "future":
        same_period = this >= ref if day else month >= ref.month
        return ref.year if same_period else ref.year + 1
    return min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: abs((key(y) - ref).days))


def _year_of_weekday(ref: date, month: int, day: int, weekday: int, direction: Direction) -> int:
    """The year next to ``ref`` (a year either side) in which ``month``/``day`` falls on ``weekday`` ("Sunday,
    Feb 10"), else the year the direction picks (the weekday may be a slip)."""
    fits = [y for y in range(ref.year - 1, ref.year + 2) if valid_day(y, month, day)
            and date(y, month, day).weekday() == weekday]
    if not fits:
        return _pick_year(ref, month, day, direction)
    return min(fits, key=lambda y: abs((date(y, month, day) - ref).days))


def _pick_weekday(ref: date, weekday: int, direction: Direction) -> date:
    back = (ref.weekday() - weekday) % 7
    if direction == "future":
        return ref + timedelta(days=(weekday - ref.weekday()) % 7)
    return ref - timedelta(days=back)


def resolve(w: When, ref: Optional[datetime], direction: Direction) -> When:
    """``w`` with the parts it left open taken from ``ref`` (unchanged without a reference)."""
    if ref is None:
        return w
    today = ref.date()
    if w.literal == "PRESENT_REF":  # "now" is the reference day
        return day_of(today)
    if w.grain == "day" and w.weekday is not None and w.month is None:
        d = _pick_weekday(today, w.weekday, direction)
        return replace(w, year=d.year, month=d.month, day=d.day, weekday=None)
    if w.grain == "weekend" and w.week is None:  # "over the weekend": the one just past, or the coming one
        saturday = today + timedelta(days=5 - today.weekday())
        if direction == "past" and today.weekday() < 5:
            saturday -= timedelta(days=7)
        return week_of(saturday, "weekend")
    if w.grain == "day" and w.month is None and w.day is not None:  # "on the 21st"
        return replace(w, year=w.year or today.year, month=today.month)
    if w.grain == "time" and w.hour is not None:  # a time of day alone is read on the reference day
        return replace(w, grain="day", year=today.year, month=today.month, day=today.day)
    if w.year is None and w.month is not None and w.day is not None and w.weekday is not None:
        return replace(w, year=_year_of_weekday(today, w.month, w.day, w.weekday, direction), weekday=None)
    if w.year is None and w.month is not None and w.grain in ("month", "day"):
        return replace(w, year=_pick_year(today, w.month, w.day, direction))
    if w.year is None and w.grain in ("quarter", "half"):
        return _pick_part_of_year(w, today, direction)
    if w.year is None and w.grain in ("season", "year"):
        return replace(w, year=today.year)
    return w


def _pick_part_of_year(w: When, today: date, direction: Direction) -> When:
    """A quarter or half named without its year: "the third quarter" is the latest one in a report on
    results (past tense), the coming one in a forecast, else the nearest; "the quarter" alone is the one
    just reported (past) or the current one."""
    months = 3 if w.grain == "quarter" else 6
    current = (today.month - 1) // months  # 0-based index of the part the reference is in
    if w.sub is None:  # "the quarter"
        index = current - 1 if direction == "past" else current
        year, index = today.year + index // (12 // months), index % (12 // months)
        return replace(w, year=year, sub=f"{'Q' if months == 3 else 'H'}{index + 1}")
    index = int(w.sub[1]) - 1

    def start(year: int) -> date:
        return date(year, index * months + 1, 1)

    if direction == "past":
        return replace(w, year=today.year if start(today.year) <= today else today.year - 1)
    if direction == "future":
        return replace(w, year=today.year if index >= current else today.year + 1)
    if direction == "this":
        return replace(w, year=today.year)

    def distance(year: int) -> int:
        first, last = start(year), add_months(start(year), months) - timedelta(days=1)
        return 0 if first <= today <= last else min(abs((first - today).days), abs((last - today).days))

    return replace(w, year=min((today.year - 1, today.year, today.year + 1), key=distance))


def _y(year: Optional[int]) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def _time(w: When) -> str:
    if w.hour is None:
        return f"T{w.part}" if w.part else ""
    if w.minute is None:  # "3pm": an hour, not a minute
        return f"T{w.hour:02d}"
    out = f"T{w.hour:02d}:{w.minute:02d}"
    return out + (f":{w.second:02d}" if w.second is not None else "")


def render(w: When) -> str:
    """ISO 8601 / TIMEX at the grain of ``w``: "2025-05-25", "2025-05", "XXXX-04-26", "2025-W21", "T15:00"."""
    g = w.grain
    if g == "literal":
        return w.literal or ""
    if g == "century":
        return "XXXX" if w.year is None else f"{w.year // 100:02d}XX"
    if g == "decade":
        return "XXXX" if w.year is None else f"{w.year // 10:03d}X"
    if g == "year":
        return _y(w.year)
    if g in ("half", "quarter", "season"):
        return f"{_y(w.year)}-{w.sub or ('QX' if g == 'quarter' else 'HX')}"
    if g == "month":
        return f"{_y(w.year)}-{w.month:02d}" if w.month else f"{_y(w.year)}-XX"
    if g in ("week", "weekend"):
        base = f"{_y(w.year)}-W{w.week:02d}" if w.week else "XXXX-WXX"
        return base + ("-WE" if g == "weekend" else "")
    if g == "time":
        return _time(w)
    if w.weekday is not None and w.month is None:
        return f"XXXX-WXX-{w.weekday + 1}{_time(w)}"
    month = f"{w.month:02d}" if w.month else "XX"
    day = f"{w.day:02d}" if w.day else "XX"
    return f"{_y(w.year)}-{month}-{day}{_time(w)}"


def render_interval(i: Interval) -> str:
    return f"{render(i.start)}/{render(i.end)}"
