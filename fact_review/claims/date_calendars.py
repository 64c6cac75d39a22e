"""Islamic holidays ("Ramadan 2018", "Eid al-Fitr") on the Gregorian calendar.

Uses the tabular (arithmetical) Islamic calendar: it can differ by a day from the sighted or Umm al-Qura
dates that a country announces, which is close enough to place a holiday named in a report.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from math import ceil
from typing import Optional

from fact_review.claims.date_resolve import Interval, When, day_of

_EPOCH_JD = 1948439.5  # 1 Muharram AH 1 (civil epoch), Julian day
_JD_OF_ORDINAL_ZERO = 1721424.5


def islamic_to_gregorian(year: int, month: int, day: int) -> date:
    jd = day + ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _EPOCH_JD - 1
    return date.fromordinal(int(jd - _JD_OF_ORDINAL_ZERO))


_SEP = r"[\s-]*"
_AL = rf"(?:{_SEP}(?:al|ul|el|e)\b{_SEP}|{_SEP})"
# name regex -> (Islamic month, day); day 0 marks Ramadan as a whole, -1 the last Friday of Ramadan.
ISLAMIC_HOLIDAYS: dict[str, tuple[int, int]] = {
    r"rama[dz]h?an": (9, 0),
    rf"eid{_AL}fitr": (10, 1),
    rf"eid{_AL}ad[h]?a|bakri?{_SEP}eid|bakrid": (12, 10),
    r"islamic\s+new\s+year|hijri\s+new\s+year|arabic\s+new\s+year": (1, 1),
    r"ashura": (1, 10),
    rf"mawlid(?:{_AL}nabi)?|milad{_AL}nabi|the\s+prophet['’]?s\s+birthday": (3, 12),
    rf"lail[ae]?t{_AL}qadr|laylat{_AL}qadr|night\s+of\s+power": (9, 27),
    rf"isra{_SEP}(?:and{_SEP})?mi['’]?raj|lailat{_AL}miraj|the\s+prophet['’]?s\s+ascension": (7, 27),
    rf"jamat{_SEP}ul{_SEP}vida|jumu['’]?atul{_SEP}wida": (9, -1),
}
ISLAMIC_WORDS = ("rama", "eid", "bakr", "new year", "ashura", "mawlid", "milad", "prophet", "qadr", "power", "isra",
                 "vida", "wida")
ISLAMIC_RE = "|".join(f"(?:{name})" for name in ISLAMIC_HOLIDAYS)
_COMPILED = [(re.compile(rf"^(?:{name})$", re.IGNORECASE), spec) for name, spec in ISLAMIC_HOLIDAYS.items()]


def _in_year(month: int, day: int, year: int) -> int:
    """The Islamic year whose ``month``/``day`` falls in Gregorian ``year``."""
    guess = int((year - 622) * 33 / 32)
    for ah in range(guess - 1, guess + 3):
        if islamic_to_gregorian(ah, month, max(day, 1)).year == year:
            return ah
    return guess


def islamic_holiday(name: str, year: int) -> Optional[When | Interval]:
    """The holiday ``name`` (matched by ``ISLAMIC_RE``) in Gregorian ``year``: a day, or Ramadan's days."""
    spec = next((s for regex, s in _COMPILED if regex.match(" ".join(name.split()))), None)
    if spec is None:
        return None
    month, day = spec
    ah = _in_year(month, day, year)
    if day > 0:
        return day_of(islamic_to_gregorian(ah, month, day))
    first = islamic_to_gregorian(ah, 9, 1)
    last = islamic_to_gregorian(ah, 10, 1) - timedelta(days=1)
    if day == 0:
        return Interval(day_of(first), day_of(last))
    return day_of(last - timedelta(days=(last.weekday() - 4) % 7))  # the last Friday of Ramadan
