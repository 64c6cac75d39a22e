"""Islamic holidays ("Ramadan 2018", "Eid al-Fitr") on the Gregorian calendar.

Uses the tabular (arithmetical) Islamic calendar: it can differ by a day from the sighted or Umm al-Qura
dates that a country announces, which is close enough to place a holiday named in a report.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from math import ceil
from typing import Optional

from fact_review.claims.dates.resolve import Interval, When, day_of

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
    rf"eid{_AL}ad[h]?a|bakri?{_SEP}eid|bakrid|bakr{_SEP}id": (12, 10),
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


# ---------------------------------------------------------------------------------------------- Hebrew calendar

_HEBREW_EPOCH = -1373427  # 1 Tishri AM 1 as a proleptic Gregorian ordinal (Reingold & Dershowitz)


def _elapsed_days(year: int) -> int:
    months = (235 * year - 234) // 19
    parts = 12084 + 13753 * months
    days = months * 29 + parts // 25920
    return days + 1 if (3 * (days + 1)) % 7 < 3 else days


def _new_year_delay(year: int) -> int:
    before, this, after = _elapsed_days(year - 1), _elapsed_days(year), _elapsed_days(year + 1)
    if after - this == 356:
        return 2
    return 1 if this - before == 382 else 0


def rosh_hashanah(hebrew_year: int) -> date:
    """1 Tishri of ``hebrew_year``."""
    return date.fromordinal(_HEBREW_EPOCH + _elapsed_days(hebrew_year) + _new_year_delay(hebrew_year))


def _passover(gregorian_year: int) -> date:
    return rosh_hashanah(gregorian_year + 3761) - timedelta(days=163)  # 15 Nisan is 163 days before 1 Tishri


def _hanukkah(gregorian_year: int) -> date:
    year = gregorian_year + 3761
    length = (rosh_hashanah(year + 1) - rosh_hashanah(year)).days
    heshvan = 30 if length % 10 == 5 else 29
    return rosh_hashanah(year) + timedelta(days=30 + heshvan + 24)  # 25 Kislev


# name regex -> (first day in a Gregorian year, days): written as from the eve (sundown) to the last day.
_JEWISH: dict[str, tuple] = {
    r"rosh\s+hashan?nah?": (lambda y: rosh_hashanah(y + 3761), 2),
    r"yom\s+kippur": (lambda y: rosh_hashanah(y + 3761) + timedelta(days=9), 1),
    r"sukkot|succot": (lambda y: rosh_hashanah(y + 3761) + timedelta(days=14), 7),
    r"c?hann?ukk?ah?|chanukk?ah|hanukkah": (_hanukkah, 8),
    r"passover|pesach": (_passover, 8),
    r"purim": (lambda y: _passover(y) - timedelta(days=30), 1),
    r"shavuot|shavuos": (lambda y: _passover(y) + timedelta(days=50), 2),
}
JEWISH_RE = "|".join(f"(?:{name})" for name in _JEWISH)
JEWISH_WORDS = ("rosh", "kippur", "sukkot", "succot", "hanuk", "hannuk", "chanuk", "hanuka", "passover", "pesach",
                "purim", "shavuo")
_JEWISH_COMPILED = [(re.compile(rf"^(?:{name})$", re.IGNORECASE), spec) for name, spec in _JEWISH.items()]


def jewish_holiday(name: str, year: int) -> Optional[Interval]:
    """The holiday ``name`` (matched by ``JEWISH_RE``) in Gregorian ``year``, from its eve to its last day."""
    spec = next((s for regex, s in _JEWISH_COMPILED if regex.match(" ".join(name.split()))), None)
    if spec is None:
        return None
    first_day, days = spec
    first = first_day(year)
    return Interval(day_of(first - timedelta(days=1)), day_of(first + timedelta(days=days - 1)))
