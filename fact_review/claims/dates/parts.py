"""Parts of a period counted from its start or its end: "the last day of October 2015", "the first week of
October", "the third month of 2021", "the first two weeks of 2021", "the last weekend of October", "the first
Monday of next month".

Weeks are ISO weeks (Monday to Sunday); a week belongs to the month (or year) that holds its Thursday, as ISO
weeks belong to years, so "the first week of October 2014" is the week of 29 September.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Optional

from fact_review.claims.dates.atoms import Atom, Context, atom_at, month_number, pattern, weekday_number
from fact_review.claims.dates.lexicon import CARDINAL_RE, MONTH_RE, WEEKDAY_WORD_RE, number_value
from fact_review.claims.dates.resolve import Interval, When, add_months, day_of, nth_weekday, week_of

_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
        "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
        "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12, "12th": 12, "last": -1, "final": -1}
_NTH_RE = "|".join(sorted(_NTH, key=len, reverse=True))
# The period counted in: a month (with or without its year), a year, or this/next/last month or year.
_PERIOD = (rf"(?:(?P<mo>{MONTH_RE})(?![\w-])(?:\s*,?\s*(?P<my>\d{{4}}))?|(?P<y>\d{{4}})(?![\d%])"
           r"|(?:the\s+)?(?P<rel>this|next|last|previous|current|coming|the)\s+(?P<ru>month|year))")


def _period(m: re.Match, ctx: Context) -> Optional[tuple[str, date, date]]:
    """(grain, first day, last day) of the period the expression counts in, when its year is known."""
    if m["mo"]:
        month = month_number(m["mo"])
        if m["my"]:
            year = int(m["my"])
        elif ctx.today:
            year = ctx.today.year
        else:
            return None
        return "month", date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if m["y"]:
        year = int(m["y"])
        return "year", date(year, 1, 1), date(year, 12, 31)
    if not ctx.today:
        return None
    step = {"this": 0, "current": 0, "the": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}[m["rel"].lower()]
    if m["ru"].lower() == "month":
        first = add_months(ctx.today.replace(day=1), step)
        return "month", first, add_months(first, 1) - timedelta(days=1)
    year = ctx.today.year + step
    return "year", date(year, 1, 1), date(year, 12, 31)


def _weeks(first: date, last: date) -> list[date]:
    """Mondays of the ISO weeks whose Thursday lies in [first, last]."""
    monday = first - timedelta(days=first.weekday())
    if monday + timedelta(days=3) < first:
        monday += timedelta(weeks=1)
    out = []
    while monday + timedelta(days=3) <= last:
        out.append(monday)
        monday += timedelta(weeks=1)
    return out


@pattern(rf"\b(?:the\s+)?(?P<n>{_NTH_RE})\s+(?P<u>day|week|weekend|month)\s+(?:of|in)\s+{_PERIOD}",
         needs=("day", "week", "month"))
def _nth_part(m: re.Match, ctx: Context) -> Optional[Atom]:
    n, unit = _NTH[m["n"].lower()], m["u"].lower()
    if unit == "month" and (m["mo"] or m["ru"] and m["ru"].lower() == "month"):
        return None  # "the first month of May"
    period = _period(m, ctx)
    if period is None:
        return None
    grain, first, last = period
    if unit == "day":
        d = first + timedelta(days=n - 1) if n > 0 else last
        return atom_at(m, day_of(d), "day") if d <= last else None
    if unit == "month":
        if not 1 <= n <= 12 and n != -1:
            return None
        month = 12 if n == -1 else n
        return atom_at(m, When("month", first.year, month), "period")
    if unit == "weekend":
        saturdays = [first + timedelta(days=k) for k in range((last - first).days + 1)
                     if (first + timedelta(days=k)).weekday() == 5]
        if not saturdays or n > len(saturdays):
            return None
        return atom_at(m, week_of(saturdays[n - 1 if n > 0 else -1], "weekend"), "week")
    mondays = _weeks(first, last)
    if not mondays or n > len(mondays):
        return None
    return atom_at(m, week_of(mondays[n - 1 if n > 0 else -1]), "week")


@pattern(rf"\b(?:the\s+)?(?P<end>first|last|final)\s+(?P<k>{CARDINAL_RE})\s+(?P<u>days|weeks|months)\s+(?:of|in)\s+"
         rf"{_PERIOD}", needs=("days", "weeks", "months"))
def _first_units(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "the first two weeks of 2021", "the last 10 days of May"."""
    k = number_value(m["k"])
    period = _period(m, ctx)
    if not k or period is None:
        return None
    _, first, last = period
    unit, from_start = m["u"].lower(), m["end"].lower() == "first"
    if unit == "days":
        a, b = (first, first + timedelta(days=k - 1)) if from_start else (last - timedelta(days=k - 1), last)
        return atom_at(m, Interval(day_of(a), day_of(b)), "interval") if first <= a <= b <= last else None
    if unit == "weeks":
        mondays = _weeks(first, last)
        if k > len(mondays):
            return None
        chosen = mondays[:k] if from_start else mondays[-k:]
        return atom_at(m, Interval(week_of(chosen[0]), week_of(chosen[-1])), "interval")
    if first.month != 1 or last.month != 12 or k > 12:
        return None
    months = (1, k) if from_start else (13 - k, 12)
    return atom_at(m, Interval(When("month", first.year, months[0]), When("month", first.year, months[1])),
                   "interval")


@pattern(rf"\b(?:the\s+)?(?P<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?P<wd>{WEEKDAY_WORD_RE})"
         r"\s+(?:of|in)\s+(?:the\s+)?(?P<rel>this|next|last|previous|coming|current|the)\s+month\b",
         needs=("month",))
def _nth_weekday_of_relative_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "the first Monday of next month"."""
    if not ctx.today:
        return atom_at(m, When("day"), "day")
    step = {"this": 0, "current": 0, "the": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}[m["rel"].lower()]
    first = add_months(ctx.today.replace(day=1), step)
    d = nth_weekday(first.year, first.month, weekday_number(m["wd"]), _NTH[m["n"].lower()])
    return atom_at(m, day_of(d), "day") if d.month == first.month else None
