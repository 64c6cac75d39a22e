"""Named days: fixed and movable holidays, the Islamic and Jewish ones, and the Lunar New Year.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from fact_review.claims.dates.atoms import Atom, Context, pattern, atom_at
from fact_review.claims.dates.calendars import (
    ISLAMIC_RE, ISLAMIC_WORDS, JEWISH_RE, JEWISH_WORDS, islamic_holiday, jewish_holiday,
)
from fact_review.claims.dates.lexicon import EASTER_HOLIDAYS, FIXED_HOLIDAYS, HOLIDAY_RE, HOLIDAY_WORDS, WEEKDAY_HOLIDAYS
from fact_review.claims.dates.resolve import Interval, When, day_of, easter, nth_weekday


# ---------------------------------------------------------------------------------------------- holidays

_HOLIDAY_KEYS = {k.replace("'", ""): k for k in (*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS)}


def holiday_date(name: str, year: int) -> Optional[date]:
    key = _HOLIDAY_KEYS.get(" ".join(name.lower().replace("’", "'").replace("'", "").split()))
    first = name.lower().split()[0]
    if first in ("black", "cyber"):
        thanksgiving = nth_weekday(year, 11, 3, 4)
        return thanksgiving + timedelta(days=1 if first == "black" else 4)
    if first == "election":  # US federal elections: the Tuesday after the first Monday of November
        return nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    if first == "parsi":  # the Shahenshahi year has 365 days: its new year moves back a day after each Feb 29
        return date(2018, 8, 17) + timedelta(days=365 * (year - 2018))
    if key in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[key]
        return date(year, month, day)
    if key in WEEKDAY_HOLIDAYS:
        return nth_weekday(year, *WEEKDAY_HOLIDAYS[key])
    if key in EASTER_HOLIDAYS:
        return easter(year) + timedelta(days=EASTER_HOLIDAYS[key])
    return None


@pattern(rf"\b(?:(?P<mod>last|this|next|previous|following)\s+)?(?P<h>{HOLIDAY_RE})(?!\w)"
         r"(?:\s+(?:of\s+)?(?:(?P<y>\d{4})|(?P<rel>this|last|next)\s+year))?", needs=HOLIDAY_WORDS)
def _holiday(m: re.Match, ctx: Context) -> Optional[Atom]:
    """A named holiday: in the year written, else the one its words or the sentence point to."""
    name, mod = m["h"], (m["mod"] or "").lower()
    if m["y"]:
        d = holiday_date(name, int(m["y"]))
        return atom_at(m, day_of(d), "day") if d else None
    key = _HOLIDAY_KEYS.get(" ".join(name.lower().replace("’", "'").replace("'", "").split()))
    if key in FIXED_HOLIDAYS and not mod and not m["rel"]:  # the sentence's tense, else this year's, chooses
        return Atom(m.start(), m.end(), When("day", None, *FIXED_HOLIDAYS[key]), "day", fallback="this")
    if not ctx.today:
        return atom_at(m, When("day"), "day")
    year = ctx.today.year + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    d = holiday_date(name, year)
    if d and not m["rel"] and mod in ("last", "previous") and d >= ctx.today:
        d = holiday_date(name, year - 1)
    elif d and not m["rel"] and mod in ("next", "following") and d <= ctx.today:
        d = holiday_date(name, year + 1)
    return atom_at(m, day_of(d), "day") if d else None


@pattern(rf"\b(?:(?P<mod>last|this|next)\s+)?(?:(?P<h>{ISLAMIC_RE})|"
         rf"(?P<j>{JEWISH_RE}))\b(?:\s+(?:of\s+)?(?P<y>\d{{4}}))?",
         needs=ISLAMIC_WORDS + JEWISH_WORDS)
def _lunar_holiday(m: re.Match, ctx: Context) -> Optional[Atom]:
    """Islamic and Jewish holidays: "Ramadan 2018", "Eid al-Fitr", "Hanukkah", "Yom Kippur"."""
    if m["y"]:
        year: Optional[int] = int(m["y"])
    elif ctx.today:
        year = ctx.today.year + {"last": -1, "next": 1}.get((m["mod"] or "").lower(), 0)
    else:
        return atom_at(m, When("day"), "day")
    value = islamic_holiday(m["h"], year) if m["h"] else jewish_holiday(m["j"], year)
    if value is None:
        return None
    return atom_at(m, value, "interval" if isinstance(value, Interval) else "day")


# The first day of the Chinese (Lunar) New Year, as the almanacs give it (a lunisolar date: a table, not a rule).
LUNAR_NEW_YEAR = {
    1990: (1, 27), 1991: (2, 15), 1992: (2, 4), 1993: (1, 23), 1994: (2, 10), 1995: (1, 31), 1996: (2, 19),
    1997: (2, 7), 1998: (1, 28), 1999: (2, 16), 2000: (2, 5), 2001: (1, 24), 2002: (2, 12), 2003: (2, 1),
    2004: (1, 22), 2005: (2, 9), 2006: (1, 29), 2007: (2, 18), 2008: (2, 7), 2009: (1, 26), 2010: (2, 14),
    2011: (2, 3), 2012: (1, 23), 2013: (2, 10), 2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28),
    2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10),
    2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
}


@pattern(r"\b(?:(?P<mod>last|this|next)\s+)?(?:chinese|lunar)\s+(?:lunar\s+)?new\s+years?(?:['’]s?\s+day)?\b"
         r"(?:\s+(?:of\s+)?(?P<y>\d{4}))?", needs=("chinese", "lunar"))
def _lunar_new_year(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "Chinese New Year", "Lunar New Year 2024", "last Chinese New Year" (the one before the report)."""
    if m["y"]:
        year: Optional[int] = int(m["y"])
    elif ctx.today:
        year = ctx.today.year
    else:
        return atom_at(m, When("day"), "day")
    if year not in LUNAR_NEW_YEAR:
        return None
    d = date(year, *LUNAR_NEW_YEAR[year])
    mod = (m["mod"] or "").lower()
    if not m["y"] and ctx.today and mod == "last" and d > ctx.today:
        d = date(year - 1, *LUNAR_NEW_YEAR[year - 1]) if year - 1 in LUNAR_NEW_YEAR else None
    elif not m["y"] and ctx.today and mod == "next" and d <= ctx.today:
        d = date(year + 1, *LUNAR_NEW_YEAR[year + 1]) if year + 1 in LUNAR_NEW_YEAR else None
    return atom_at(m, day_of(d), "day") if d else None
