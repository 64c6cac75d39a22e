"""Atoms of date expressions: the regexes that find them and what each one names.

Each pattern's handler turns a match into an ``Atom`` (or rejects it: "may" as a modal, "2000 pieces").
Atoms are combined afterwards ("Monday" + "morning", "May 25" + "3pm", "July 13" - "15") by ``date_compose``.
Relative expressions are computed from the reference date here; without one their unknown parts stay open.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Callable, Optional, Union

from fact_review.claims.date_calendars import ISLAMIC_RE, ISLAMIC_WORDS, islamic_holiday
from fact_review.claims.date_lexicon import (
    AMBIGUOUS_MONTHS, CARDINAL_RE, DAY_RE, EASTER_HOLIDAYS, FIXED_HOLIDAYS, HOLIDAY_RE, HOLIDAY_WORDS, MONTH_RE, MONTHS,
    ORDINAL_WORD_RE, PARTS_OF_DAY, SEASONS, UNIT_NAMES, UNIT_RE, WEEKDAY_ABBR_RE, WEEKDAY_HOLIDAYS,
    WEEKDAY_WORD_RE, WEEKDAYS, alternation, number_value,
)
from fact_review.claims.date_resolve import (
    Interval, When, add_months, day_of, easter, nth_weekday, shift, valid_day, week_of,
)

# Roles say how an atom may combine: "day" (a calendar day, maybe only a weekday), "time" (a time of day),
# "part" (morning, evening...), "week" (a named week), "period" (month, year, quarter...), "dom" (a day of
# the month alone), "set" (daily), "interval". Roles starting with "weak" are dropped unless combined.
Value = Union[When, Interval]


@dataclass(frozen=True)
class Atom:
    start: int
    end: int
    value: Value
    role: str
    direction: Optional[str] = None  # "past"/"future" when the words fix it ("last", "next")


@dataclass(frozen=True)
class Context:
    text: str
    ref: Optional[datetime]

    @property
    def today(self) -> Optional[date]:
        return self.ref.date() if self.ref else None


Handler = Callable[[re.Match, Context], Optional[Atom]]


# Cheap digit shapes that most numeric patterns need; each is looked for once per text, when needed.
SHAPES: dict[str, re.Pattern] = {
    "#year": re.compile(r"\d{4}"),
    "#colon": re.compile(r"\d:\d"),
    "#slash": re.compile(r"\d\s?[/.-]\s?\d"),
    "#ampm": re.compile(r"\d\s?(?:ish\s*)?[apAP]"),
    "#range": re.compile(r"\d\s*(?:[-–]|to\b|and\b|till\b|until\b)"),
    "#hour": re.compile(r"\dh\d"),
    "#ordinal": re.compile(r"\d(?:st|nd|rd|th)\b"),
    "#quarter": re.compile(r"[qQhH][1-4]|\d[-\s]?[qQhH]"),
}


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern
    handler: Handler
    words: Optional[re.Pattern]  # the lower-cased text must contain one of these words for a match
    shapes: tuple[str, ...]  # ... or one of these digit shapes
    digits: bool  # the regex cannot match without a digit

    def may_match(self, lowered: str, has_digit: bool, found: dict[str, bool]) -> bool:
        if self.digits and not has_digit:
            return False
        if self.words is None and not self.shapes:
            return True
        if self.words is not None and self.words.search(lowered):
            return True
        for shape in self.shapes:
            if shape not in found:
                found[shape] = SHAPES[shape].search(lowered) is not None
            if found[shape]:
                return True
        return False


PATTERNS: list[Pattern] = []


def pattern(regex: str, flags: int = re.IGNORECASE, needs: tuple[str, ...] = (),
            digits: bool = False) -> Callable[[Handler], Handler]:
    """Registers a handler; ``needs`` (words or "#" shapes) and ``digits`` let the finder skip a regex
    that cannot match a text."""
    def register(handler: Handler) -> Handler:
        words = [w for w in needs if not w.startswith("#")]
        shapes = tuple(w for w in needs if w.startswith("#"))
        compiled = re.compile(alternation(words)) if words else None
        PATTERNS.append(Pattern(re.compile(regex, flags), handler, compiled, shapes, digits))
        return handler

    return register


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNITS = ("sec", "min", "hour", "hr", "day", "week", "wk", "fortnight", "month", "year", "yr", "decade")
_PARTS = ("morning", "afternoon", "evening", "night", "tonite")


def _atom(m: re.Match, value: Value, role: str, direction: Optional[str] = None, group: int | str = 0) -> Atom:
    return Atom(m.start(group), m.end(group), value, role, direction)


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def _year(word: str, ref: Optional[datetime]) -> int:
    """A written year; two digits ("'87", "35") are put in the century that keeps them nearest the reference."""
    digits = word.strip("'’")
    if len(digits) == 4:
        return int(digits)
    pivot = (ref.year if ref else 2000) + 20
    year = 1900 + int(digits)
    return year + 100 if year + 100 <= pivot else year


def _before(ctx: Context, m: re.Match, n: int = 24, group: int | str = 0) -> str:
    return ctx.text[max(0, m.start(group) - n):m.start(group)]


def _after(ctx: Context, m: re.Match, n: int = 24, group: int | str = 0) -> str:
    return ctx.text[m.end(group):m.end(group) + n]


_DATE_CUE = re.compile(r"(?:\b(?:in|on|of|since|until|till|by|during|from|through|to|before|after|between|and|"
                       r"early|mid|late|last|this|next|every|each|around|circa|for|the|or)\s*-?|[,(])\s*$",
                       re.IGNORECASE)


def _has_cue(ctx: Context, m: re.Match, group: int | str = 0) -> bool:
    return bool(_DATE_CUE.search(_before(ctx, m, 16, group)))


def _relative_day(ctx: Context, days: int) -> When:
    return day_of(ctx.today + timedelta(days=days)) if ctx.today else When("day")


# ---------------------------------------------------------------------------------------------- numeric dates

@pattern(r"(?<![\w.:/-])(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?![\w-]|\.\d)", needs=("#year",), digits=True)
def _iso(m: re.Match, ctx: Context) -> Optional[Atom]:
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if not valid_day(y, mo, d):
        return None
    w = When("day", y, mo, d)
    if m[4] is not None and int(m[4]) < 24:
        return _atom(m, replace(w, hour=int(m[4]), minute=int(m[5]), second=int(m[6]) if m[6] else None), "day")
    end = m.start(4) - 1 if m[4] is not None else m.end()
    return Atom(m.start(), end, w, "day")


@pattern(r"(?<![\w./:])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|\.\d|-\d+-)", needs=("#slash",), digits=True)
def _numeric_day(m: re.Match, ctx: Context) -> Optional[Atom]:
    a, b, sep = int(m[1]), int(m[3]), m[2]
    if sep == "." and len(m[4]) == 2:
        return None  # "1.2.34" reads as a version number
    year = _year(m[4], ctx.ref)
    month, day = (b, a) if sep == "." or a > 12 else (a, b)  # day.month.year; otherwise US order
    if not valid_day(year, month, day) and valid_day(year, b, a):
        month, day = b, a
    if not valid_day(year, month, day):
        return None
    return _atom(m, When("day", year, month, day), "day")


@pattern(r"(?<![\w./:-])(\d{1,2})/(\d{1,2}),\s?(\d{4})(?![\w/-])", needs=("#slash",), digits=True)
def _numeric_day_comma_year(m: re.Match, ctx: Context) -> Optional[Atom]:
    month, day, year = int(m[1]), int(m[2]), int(m[3])
    return _atom(m, When("day", year, month, day), "day") if valid_day(year, month, day) else None


@pattern(rf"(?:\b(?P<cue>on|this|next|by|until|from|to|between|and|{WEEKDAY_WORD_RE}|{WEEKDAY_ABBR_RE})\s+|(?<=[-–]))"
         r"(?P<md>(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2}))(?![\w/]|\.\d|\s*(?:%|percent))", needs=("#slash",), digits=True)
def _month_day_numeric(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "on 5/12": without a year a slash date needs a cue in front (it could be a fraction or a score)."""
    a, b = int(m["a"]), int(m["b"])
    month, day = (a, b) if a <= 12 else (b, a)
    if not valid_day(None, month, day):
        return None
    cue = (m["cue"] or "").lower()
    direction = "future" if cue == "next" else None
    return Atom(m.start("cue") if cue in ("this", "next") else m.start("md"), m.end(), When("day", None, month, day),
                "day", direction)


@pattern(r"(?<![\w./:$-])(\d{1,2})\s?([/-])\s?(\d{4})(?![\w/-]|\.\d)", needs=("#slash",), digits=True)
def _month_year_numeric(m: re.Match, ctx: Context) -> Optional[Atom]:
    month = int(m[1])
    return _atom(m, When("month", int(m[3]), month), "period") if 1 <= month <= 12 else None


@pattern(r"(?<![\w./:$-])(\d{4})(?:(/)\s?|(-))(\d{2}|\d(?=\D|$))(?![\w/-]|\.\d|\s*(?:%|percent))", needs=("#year",), digits=True)
def _year_month_numeric(m: re.Match, ctx: Context) -> Optional[Atom]:
    year, tail = int(m[1]), int(m[4])
    if len(m[4]) == 2 and (tail > year % 100 if m[3] else tail == (year + 1) % 100):
        # "2011-12", "2015/16": a span of years, not December 2011
        return _atom(m, Interval(When("year", year), When("year", year // 100 * 100 + tail)), "interval")
    if not 1 <= tail <= 12 or not 1000 <= year <= 2200:
        return None
    return _atom(m, When("month", year, tail), "period")


@pattern(r"(?<![\w$€£.,/-])(1[5-9]\d\d|20\d\d)\s?(?:-|–|—|~|to|through|until)\s?(1[5-9]\d\d|20\d\d)(?![\w%/-]|[.,]\d)", needs=("#year",), digits=True)
def _year_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    a, b = int(m[1]), int(m[2])
    if not a < b:
        return None
    return _atom(m, Interval(When("year", a), When("year", b)), "interval")


# ---------------------------------------------------------------------------------------------- month names

_YEAR_TAIL = r"(?:\s*,?\s*(?:of\s+|in\s+)?(?P<y>\d{4}|['’]\d{2})(?![\d:,%]|\.\d)|\s+of\s+(?P<yy>\d{2})(?![\d:,%]|\.\d))?"


def _month_ok(ctx: Context, m: re.Match, group: str, strong: bool) -> bool:
    """A month word that is also an everyday word ("may", "march") needs a capital or a day/year beside it."""
    word = m[group]
    if word.lower().rstrip(".") not in AMBIGUOUS_MONTHS:
        return True
    return strong or (word[0].isupper() and word.lower() != "may") or (word[0].isupper() and _has_cue(ctx, m))


@pattern(rf"\b(?P<mo>{MONTH_RE})\s*[/.-]?\s*(?P<d>{DAY_RE})"
         rf"(?:\s*\(\s*{WEEKDAY_ABBR_RE}\s*\)|\s*\(\s*(?:mon|wed|sat|sun)\.?\s*\))?{_YEAR_TAIL}(?!\s*(?:%|percent))", needs=_MONTHS)
def _month_day(m: re.Match, ctx: Context) -> Optional[Atom]:
    day = number_value(m["d"])
    written = m["y"] or m["yy"]
    year = _year(written, ctx.ref) if written else None
    month = _month(m["mo"])
    if day is None or not valid_day(year, month, day):
        return None
    if m["mo"] == "may" and not (written or m["d"][-1].isalpha() or _has_cue(ctx, m)):
        return None  # "prices may 5..." is not a date
    return _atom(m, When("day", year, month, day), "day")


@pattern(rf"(?<![\d,.$])\b(?:the\s+)?(?P<d>{DAY_RE})(?:\s+day)?(?P<sep>\s+of\s+|\s+|-|/)(?P<mo>{MONTH_RE})(?![\w-]){_YEAR_TAIL}", needs=_MONTHS)
def _day_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    day = number_value(m["d"])
    year = _year(m["y"], ctx.ref) if m["y"] else None
    month = _month(m["mo"])
    written_ordinal = not m["d"].isdigit()
    strong = bool(m["y"] or m["yy"]) or written_ordinal or m["sep"].strip().lower() in ("of", "-", "/")
    if m["yy"]:
        year = _year(m["yy"], ctx.ref)
    if day is None or not valid_day(year, month, day):
        return None
    if m["mo"].lower().rstrip(".") in AMBIGUOUS_MONTHS and not (strong or m["mo"][0].isupper()):
        return None
    if m["mo"].lower() == "may" and not strong and not ctx.text[m.end("mo"):m.end("mo") + 1] in ("", ".", ","):
        return None
    return _atom(m, When("day", year, month, day), "day")


@pattern(rf"\b(?P<mo>{MONTH_RE})(?:\s*,\s*|\s*-\s*|\s+of\s+|\s+in\s+|\s+)(?P<y>\d{{4}})(?![\d,%:]|\.\d)", needs=_MONTHS, digits=True)
def _month_year(m: re.Match, ctx: Context) -> Optional[Atom]:
    if m["mo"].lower() == "may" and not m["mo"][0].isupper():
        return None
    return _atom(m, When("month", int(m["y"]), _month(m["mo"])), "period")


@pattern(rf"\b(?P<a>{MONTH_RE})\s*(?:-|–|—|to|through|thru|until|till)\s*(?P<b>{MONTH_RE})(?:\s*,?\s*(?P<y>\d{{4}}))?\b", needs=_MONTHS)
def _month_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    a, b = _month(m["a"]), _month(m["b"])
    if not _month_ok(ctx, m, "a", bool(m["y"])) or (m["b"].lower() == "may" and not m["b"][0].isupper()):
        return None
    yb = int(m["y"]) if m["y"] else None
    ya = (yb - 1 if a > b else yb) if yb else None
    return _atom(m, Interval(When("month", ya, a), When("month", yb, b)), "interval")


@pattern(rf"\b(?P<mo>{MONTH_RE})\s*(?P<d1>{DAY_RE})\s*(?:-|–|to|thru|through|until|till)\s*(?P<d2>{DAY_RE})"
         rf"(?![\d:])(?:\s*,?\s*(?P<y>\d{{4}}))?\b", needs=_MONTHS)
def _month_day_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    return _day_range(m, ctx)


@pattern(rf"(?<![\d,.$])\b(?P<d1>{DAY_RE})\s*(?:-|–|to|and|until|till|through)\s*(?P<d2>{DAY_RE})(?:\s+of)?\s+"
         rf"(?P<mo>{MONTH_RE})(?![\w-])(?:\s*,?\s*(?P<y>\d{{4}}))?", needs=_MONTHS)
def _day_day_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    if " and" in m.group(0).lower() and not re.search(r"\bbetween\s*$", _before(ctx, m, 10), re.IGNORECASE):
        return None
    return _day_range(m, ctx)


def _day_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    d1, d2 = number_value(m["d1"]), number_value(m["d2"])
    month, year = _month(m["mo"]), int(m["y"]) if m["y"] else None
    if d1 is None or d2 is None or not d1 < d2 or not valid_day(year, month, d2):
        return None
    if not _month_ok(ctx, m, "mo", bool(m["y"])):
        return None
    return _atom(m, Interval(When("day", year, month, d1), When("day", year, month, d2)), "interval")


_MONTH_MODIFIER = (r"(?:(?P<mod>last|this|next|coming|this\s+coming|previous|early|earlier|mid|mid-|late|"
                   r"(?:the\s+)?(?:end|beginning|start|middle)\s+of|(?:the\s+)?month\s+of)\s*)")


@pattern(rf"(?:\b{_MONTH_MODIFIER})?\b(?P<mo>{MONTH_RE})(?![\w-])(?:\s+(?P<after>after\s+next|next\s+year|last\s+year|this\s+year))?", needs=_MONTHS)
def _bare_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    word = m["mo"]
    mod = (m["mod"] or "").lower()
    if word.endswith(".") and not word[:-1].isalpha():
        return None
    abbreviated = word.lower().rstrip(".") not in ("january", "february", "march", "april", "may", "june", "july",
                                                   "august", "september", "october", "november", "december")
    cue = bool(mod or m["after"]) or _has_cue(ctx, m, "mo")
    if word.lower().rstrip(".") in AMBIGUOUS_MONTHS or abbreviated:
        if not cue or (not word[0].isupper() and not mod):
            return None
    if word.lower() == "may" and re.match(r"\s+(?:be|have|not|also|well|still|seem|need|want|i|we|you)\b",
                                          _after(ctx, m, 12), re.IGNORECASE):
        return None
    if not cue and re.search(r"\b[A-Z][a-z]+\s+$", _before(ctx, m, 20)) and _before(ctx, m, 3)[-2:-1] not in ".!?":
        return None  # "Theresa May", "General August"
    month = _month(word)
    after = (m["after"] or "").lower().split()
    year, direction = None, None
    if ctx.today:
        if "this" in mod.split() or after == ["this", "year"]:
            year = ctx.today.year
        elif mod in ("last", "previous") or after == ["last", "year"]:
            year = ctx.today.year - 1 if (after or month >= ctx.today.month) else ctx.today.year
        elif after == ["next", "year"]:
            year = ctx.today.year + 1
        elif mod in ("next", "coming", "this coming") or after == ["after", "next"]:
            year = ctx.today.year + (1 if month <= ctx.today.month else 0) + (after == ["after", "next"])
    elif mod in ("last", "previous"):
        direction = "past"
    elif mod in ("next", "coming", "this coming"):
        direction = "future"
    return _atom(m, When("month", year, month), "period", direction)


# ---------------------------------------------------------------------------------------------- years

_YEAR_NOT_AFTER = re.compile(r"\s*(?:%|percent|per\b|[a-z]+s\b|km|kg|mph|m\b|ft\b|feet|miles|metres|meters|"
                             r"hours?\b|people|troops|soldiers|drones|missiles)", re.IGNORECASE)
_YEAR_STRONG_BEFORE = re.compile(r"(?:\b(?:in|since|by|until|till|of|from|to|through|during|before|after|"
                                 r"between|and|or|early|mid|late|year|the|its|their|his|her|our|this|that|circa|"
                                 r"around|spring|summer|autumn|fall|winter)\s*-?\s*|['’]s\s+|[,(]\s*)$", re.IGNORECASE)
_YEAR_BAD_BEFORE = re.compile(r"(?:[#$€£¥]|\bno\.?|\bnumber|\bpage|\broom|\bflight|\broute|\bmodel|\bversion|"
                              r"\bpop\.?|\bpopulation|\btel|\bphone|\bcode|\bid)\s*$", re.IGNORECASE)


@pattern(r"(?:\b(?P<mod>early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of|(?:the\s+)?(?:calendar\s+)?year|cy)"
         r"\s*-?\s*)?(?<![\w$€£.,/:-])(?P<y>1[0-9]{3}|20[0-9]{2}|21[0-9]{2})(?![\w%/-]|[.,:]\d|\s*[-–]\s*\d)", needs=("#year",), digits=True)
def _year_number(m: re.Match, ctx: Context) -> Optional[Atom]:
    before = _before(ctx, m, 20, "y")
    if _YEAR_BAD_BEFORE.search(before):
        return None
    if not m["mod"] and not _YEAR_STRONG_BEFORE.search(before):
        if _YEAR_NOT_AFTER.match(_after(ctx, m, 20)) or int(m["y"]) < 1800:
            return None
    return _atom(m, When("year", int(m["y"])), "period")


@pattern(r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>1\d|20)(?P<d>\d)0|['’](?P<d2>\d)0|(?<=the\s)(?P<d3>[1-9])0)['’]?s\b", needs=("0s", "0\'s", "0’s"))
def _decade(m: re.Match, ctx: Context) -> Optional[Atom]:
    if m["c"]:
        year = int(m["c"]) * 100 + int(m["d"]) * 10
    else:
        tens = int(m["d2"] or m["d3"]) * 10
        now = (ctx.ref.year if ctx.ref else 2000) % 100
        year = (2000 if tens <= now else 1900) + tens
    return _atom(m, When("decade", year), "period")


@pattern(rf"\b(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD_RE})[\s-]+century\b", needs=("century",))
def _century(m: re.Match, ctx: Context) -> Optional[Atom]:
    n = number_value(m["n"])
    return _atom(m, When("century", (n - 1) * 100), "period") if n and 1 <= n <= 22 else None


# ---------------------------------------------------------------------------------------------- quarters, seasons

@pattern(r"\b(?:[qQ](?P<q>[1-4])|(?P<hh>[hH][12]))(?:\s*,?\s*(?P<y>\d{4})|\s*(?P<yy>\d{2})\b)?\b"
         r"|\b(?P<y2>\d{4})\s*-?\s*(?:[qQ](?P<q2>[1-4])|[hH](?P<h2>[12]))\b", 0, needs=("#quarter",), digits=True)
def _quarter_code(m: re.Match, ctx: Context) -> Optional[Atom]:
    year = m["y"] or m["y2"] or (f"20{m['yy']}" if m["yy"] else None)
    if m["q"] or m["q2"]:
        grain, sub = "quarter", f"Q{m['q'] or m['q2']}"
    else:
        grain, sub = "half", (m["hh"] or f"H{m['h2']}").upper()
    if year is None and grain == "half":
        return None
    y = int(year) if year else (ctx.today.year if ctx.today else None)
    return _atom(m, When(grain, y, sub=sub), "period")


_ORD4 = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
         "last": 4}


@pattern(r"\b(?P<the>the\s+)?(?P<o>first|1st|second|2nd|third|3rd|fourth|4th|final|last)(?P<sep>\s+|-)(?P<u>quarter|half)"
         r"(?:\s+(?:of\s+)?(?:(?P<y>\d{4})|(?P<rel>this|last|next)\s+year|the\s+year))?\b(?P<of>\s+of\b)?", needs=("quarter", "half"))
def _nth_quarter(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "the third quarter", "first-half profit", "Q3"-like periods; "the second half of the match" is not one."""
    unit = m["u"].lower()
    n = _ORD4[m["o"].lower()]
    if unit == "half" and m["o"].lower() in ("last", "final"):
        n = 2
    if unit == "half" and n > 2:
        return None
    has_year = bool(m["y"] or m["rel"] or "the year" in m.group(0).lower())
    adjective = m["sep"] == "-"
    if not has_year and not adjective and (m["of"] or unit == "half" or not m["the"]
                                           or m["o"].lower() in ("last", "final")):
        return None
    if m["y"]:
        year = int(m["y"])
    elif ctx.today:
        year = ctx.today.year + {"this": 0, "last": -1, "next": 1, None: 0}[(m["rel"] or "").lower() or None]
    else:
        year = None
    sub = f"Q{n}" if unit == "quarter" else f"H{n}"
    end = m.start("of") if m["of"] else m.end()
    return Atom(m.start(), end, When("quarter" if unit == "quarter" else "half", year, sub=sub), "period")


@pattern(r"\b(?:(?P<mod>this|last|next|the\s+coming|coming|early|late|mid)[\s-]+)?(?P<s>spring|summer|autumn|fall|winter)"
         r"(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b", needs=("spring", "summer", "autumn", "fall", "winter"))
def _season(m: re.Match, ctx: Context) -> Optional[Atom]:
    mod = (m["mod"] or "").lower()
    if not (mod or m["y"] or re.search(r"\b(?:in|during|since|by|until|through)\s+(?:the\s+)?$", _before(ctx, m, 16),
                                       re.IGNORECASE)):
        return None
    if m["s"].lower() == "fall" and not (mod or m["y"]) and not _before(ctx, m, 5).lower().endswith("the "):
        return None
    sub = SEASONS[m["s"].lower()]
    if m["y"]:
        year = int(m["y"])
    elif ctx.today:
        year = ctx.today.year + {"last": -1, "next": 1, "coming": 1}.get(mod.split()[-1] if mod else "", 0)
    else:
        year = None
    return _atom(m, When("season", year, sub=sub), "period")


# ---------------------------------------------------------------------------------------------- holidays

_HOLIDAY_KEYS = {k.replace("'", ""): k for k in (*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS)}


def holiday_date(name: str, year: int) -> Optional[date]:
    key = _HOLIDAY_KEYS.get(" ".join(name.lower().replace("’", "'").replace("'", "").split()))
    if name.lower().split()[0] in ("black", "cyber"):
        thanksgiving = nth_weekday(year, 11, 3, 4)
        return thanksgiving + timedelta(days=1 if name.lower().startswith("black") else 4)
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
    mod = (m["mod"] or "").lower()
    if m["y"]:
        d = holiday_date(m["h"], int(m["y"]))
    elif ctx.today:
        year = ctx.today.year + {"this": 0, "last": -1, "next": 1, None: 0}[(m["rel"] or "").lower() or None]
        d = holiday_date(m["h"], year)
        if d and not m["rel"] and mod in ("last", "previous") and d >= ctx.today:
            d = holiday_date(m["h"], year - 1)
        elif d and not m["rel"] and mod in ("next", "following", "") and d < ctx.today and mod:
            d = holiday_date(m["h"], year + 1)
    else:
        d = None
        probe = holiday_date(m["h"], 2001)
        if probe and m["h"].lower().split()[0] not in ("easter", "good", "palm", "black", "cyber"):
            key = _HOLIDAY_KEYS.get(" ".join(m["h"].lower().replace("’", "'").replace("'", "").split()))
            if key in FIXED_HOLIDAYS:
                return _atom(m, When("day", None, probe.month, probe.day), "day")
        return _atom(m, When("day"), "day")
    return _atom(m, day_of(d), "day") if d else None


# ---------------------------------------------------------------------------------------------- weekdays

_PUBLICATION = re.compile(r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Tribune|Mail|Sport|People|Star|"
                          r"Observer|Independent|World|Review|Business|Edition|Bloody)\b")


@pattern(rf"\b(?:(?P<mod>last|this|next|coming|this\s+coming|this\s+past|past|previous|following|upcoming|"
         rf"this\s+upcoming)\s+)?(?P<wd>{WEEKDAY_WORD_RE}|{WEEKDAY_ABBR_RE}(?=\s|$|,))(?!\w)", needs=("monday", "tue", "wed", "thu", "fri", "saturday", "sunday"))
def _weekday_atom(m: re.Match, ctx: Context) -> Optional[Atom]:
    if _PUBLICATION.match(_after(ctx, m, 16)):
        return None
    if not m["wd"][0].isupper() and m["wd"].lower().rstrip(".") in ("fri", "thu", "tue"):
        return None
    wd = _weekday(m["wd"])
    mod = " ".join((m["mod"] or "").lower().split())
    if mod in ("last", "past", "previous", "this past"):
        if not ctx.today:
            return _atom(m, When("day", weekday=wd), "day", "past")
        back = (ctx.today.weekday() - wd) % 7 or 7
        return _atom(m, day_of(ctx.today - timedelta(days=back)), "day")
    if mod in ("next", "following"):
        if not ctx.today:
            return _atom(m, When("day", weekday=wd), "day", "future")
        monday = ctx.today - timedelta(days=ctx.today.weekday())
        return _atom(m, day_of(monday + timedelta(days=7 + wd)), "day")
    if mod in ("this", "coming", "this coming", "upcoming", "this upcoming"):
        if not ctx.today:
            return _atom(m, When("day", weekday=wd), "day", "future")
        if mod == "this":
            monday = ctx.today - timedelta(days=ctx.today.weekday())
            return _atom(m, day_of(monday + timedelta(days=wd)), "day")
        return _atom(m, day_of(ctx.today + timedelta(days=(wd - ctx.today.weekday()) % 7)), "day")
    return _atom(m, When("day", weekday=wd), "day")


# ---------------------------------------------------------------------------------------------- relative days

_REL_DAYS = {"today": 0, "tonight": 0, "tonite": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "tomorow": 1,
             "yesterday": -1, "overnight": 0, "the day after tomorrow": 2, "day after tomorrow": 2,
             "the day before yesterday": -2, "day before yesterday": -2, "last night": -1, "this morning": 0,
             "this afternoon": 0, "this evening": 0, "the next day": 1, "the following day": 1,
             "the previous day": -1, "the day before": -1}


@pattern(r"\b(?:(?:the\s+)?day\s+(?:after\s+tomorrow|before\s+yesterday)|today|tonight|tonite|tomorrow|tomorow|tmrw|"
         r"tmr|yesterday|overnight|last\s+night|this\s+(?:morning|afternoon|evening)|the\s+(?:next|following|"
         r"previous)\s+day|the\s+day\s+before(?=\s*[,.;]|$))\b", needs=("today", "yesterday", "tonight", "tonite", "tom", "tmr", "overnight", "night", "this ", "day before", "day after", "next day",
                "following day", "previous day"))
def _relative_day_atom(m: re.Match, ctx: Context) -> Optional[Atom]:
    phrase = " ".join(m.group(0).lower().split())
    if phrase == "today" and re.search(r"\bUSA\s+$", _before(ctx, m, 8)):
        return None
    w = _relative_day(ctx, _REL_DAYS[phrase])
    last = phrase.split()[-1]
    if last in PARTS_OF_DAY:
        w = replace(w, part=PARTS_OF_DAY[last])
    return _atom(m, w, "day")


_NOW = re.compile(r"(?<![\w-])(?:right\s+now|now|at\s+this\s+time|at\s+present|till\s+date|to\s+date)(?![\w-])",
                  re.IGNORECASE)


@pattern(_NOW.pattern, needs=("now", "this time", "present", "date"))
def _now(m: re.Match, ctx: Context) -> Optional[Atom]:
    if m.group(0).lower() == "now" and re.match(r"\s+that\b", _after(ctx, m, 8)):
        return None
    return _atom(m, When("literal", literal="PRESENT_REF"), "literal")


# ---------------------------------------------------------------------------------------------- relative periods

_PERIOD_UNITS = {"week": "week", "weekend": "weekend", "month": "month", "year": "year", "quarter": "quarter",
                 "decade": "decade", "century": "century", "working week": "week", "work week": "week",
                 "business week": "week"}


@pattern(r"\b(?:(?P<pre>earlier|later|early|late|mid|(?:by\s+)?(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+)?"
         r"(?P<mod>this\s+past|this|current|last|previous|next|coming|the\s+current|the\s+previous|the\s+coming|"
         r"the\s+following|the)"
         r"\s+(?P<u>week(?:end)?|month|year|quarter|decade|century|work(?:ing)?\s+week|business\s+week)"
         r"(?P<after>\s+after\s+next)?\b", needs=("week", "month", "year", "quarter", "decade", "century"))
def _relative_period(m: re.Match, ctx: Context) -> Optional[Atom]:
    mod = m["mod"].lower().split()[-1]
    if mod == "the" and not m["after"]:
        return None
    unit = _PERIOD_UNITS[" ".join(m["u"].lower().split())]
    if mod in ("last", "previous") and re.search(r"\b(?:over|in|during|within|for)\s+(?:the\s+)?$", _before(ctx, m, 12),
                                                 re.IGNORECASE) and m["mod"].lower().startswith("the"):
        return None  # "over the previous year" is a duration
    step = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "the": 0,
            "past": -1}[mod]
    if m["after"]:
        step = 2
    if not ctx.today:
        return _atom(m, When(unit), "week" if unit in ("week", "weekend") else "period",
                     "past" if step < 0 else "future" if step > 0 else None)
    today = ctx.today
    if unit in ("week", "weekend"):
        return _atom(m, week_of(today + timedelta(weeks=step), unit), "week")
    if unit == "month":
        d = add_months(today.replace(day=1), step)
        return _atom(m, When("month", d.year, d.month), "period")
    if unit == "quarter":
        q = (today.month - 1) // 3 + step
        year, q = today.year + q // 4, q % 4
        return _atom(m, When("quarter", year, sub=f"Q{q + 1}"), "period")
    size = {"year": 1, "decade": 10, "century": 100}[unit]
    return _atom(m, When(unit, (today.year // size + step) * size), "period")


_AGO_UNIT = rf"(?:half\s+an?|{CARDINAL_RE}|\d+(?:\.\d+)?)\s+(?:more\s+)?{UNIT_RE}"


@pattern(rf"\b(?P<amounts>{_AGO_UNIT}(?:\s*,?\s*{_AGO_UNIT})*)\s+"
         r"(?P<dir>ago|from\s+now|hence|from\s+today|from\s+tomorrow|from\s+tmrw|before\s+today|after\s+today|"
         r"(?:earlier|later|before|after)(?=\s*[,.;:)]|\s*$))\b",
         needs=("ago", "from", "hence", "today", "earlier", "later", "before", "after"))
def _ago(m: re.Match, ctx: Context) -> Optional[Atom]:
    sign = -1 if m["dir"].lower().split()[0] in ("ago", "before", "earlier") else 1
    base = 1 if m["dir"].lower().endswith(("tomorrow", "tmrw")) else 0
    return _offset_atom(m, ctx, m["amounts"], sign, base)


@pattern(rf"\bin\s+(?:another\s+|just\s+)?(?P<amounts>{_AGO_UNIT})(?:['’]s?\s+time)?\b(?!\s+(?:of|from|to|than|and)\b)", needs=_UNITS)
def _in_units(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "in two days" is a future date; "the highest in 10 years" is a duration (left to the duration finder)."""
    before = _before(ctx, m, 60)
    if re.search(r"(?:est|first|most|record|time|times|years|once|twice|ever)\b[^.;]*$", before, re.IGNORECASE):
        return None
    if not re.search(r"\b(?:will|'ll|shall|going to|back|due|expected|plans?|meet|happen|start|return|come|see|be)\b",
                     before, re.IGNORECASE) and not m.start() == 0:
        return None
    return _offset_atom(m, ctx, m["amounts"], 1, 0)


_AMOUNT = re.compile(rf"(?P<n>half\s+an?|{CARDINAL_RE}|\d+(?:\.\d+)?)\s+(?:more\s+)?(?P<u>{UNIT_RE})", re.IGNORECASE)


def _offset_atom(m: re.Match, ctx: Context, amounts: str, sign: int, base_days: int) -> Optional[Atom]:
    parts = []
    for a in _AMOUNT.finditer(amounts):
        if a["n"].lower().startswith("half"):
            n: Optional[float] = 0.5
        else:
            n = number_value(a["n"]) if not a["n"].replace(".", "").isdigit() else float(a["n"])
        unit = UNIT_NAMES.get(a["u"].lower().rstrip("s")) or UNIT_NAMES.get(a["u"].lower())
        if n is None or unit is None:
            return None
        parts.append((n, unit))
    fine = any(u in ("second", "minute", "hour") for _, u in parts)
    if not ctx.ref:
        return _atom(m, When("day"), "day")
    moment = ctx.ref + timedelta(days=base_days)
    for n, unit in parts:
        if n != int(n):
            if unit not in ("second", "minute", "hour", "day"):
                return None
            moment += sign * timedelta(**{unit + "s": n})
        else:
            moment = shift(moment, sign * int(n), unit)
    w = day_of(moment.date())
    if fine:
        w = replace(w, hour=moment.hour, minute=moment.minute, second=moment.second or None)
    return _atom(m, w, "day")


@pattern(rf"\b(?:the\s+)?(?P<d>\d{{1,2}}(?:st|nd|rd|th)?|{ORDINAL_WORD_RE})(?:\s+day)?\s+of\s+(?:the\s+)?"
         r"(?:(?P<mod>this|next|last|previous|following|current)\s+)?month\b", needs=("month",))
def _day_of_relative_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    day = number_value(m["d"])
    if not day or day > 31:
        return None
    if not ctx.today:
        return _atom(m, When("day", day=day), "day")
    step = {"this": 0, "current": 0, "next": 1, "following": 1, "last": -1, "previous": -1}[(m["mod"] or "this").lower()]
    first = add_months(ctx.today.replace(day=1), step)
    if not valid_day(first.year, first.month, day):
        return None
    return _atom(m, When("day", first.year, first.month, day), "day")


@pattern(rf"\b(?P<on>on\s+)?(?P<dom>(?:the\s+)?(?P<d>(?:[0-2]?\d|3[01])(?:st|nd|rd|th)|{ORDINAL_WORD_RE}))\b"
         r"(?!\s+(?:of|century|day))", needs=("#ordinal", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "teenth", "tieth"))
def _day_of_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "on the 21st" alone; "the 4th" only next to a weekday ("Tuesday the 4th")."""
    day = number_value(m["d"])
    if not day or day > 31:
        return None
    role = "dom" if m["on"] and m["d"][0].isdigit() else "weak_dom"
    return _atom(m, When("day", day=day), role, group="dom")


# ---------------------------------------------------------------------------------------------- times of day

_AMPM = r"(?P<ap>[ap]\.?\s?m\b\.?|[ap]\.m\.)"


def _hour(h: int, ap: Optional[str]) -> Optional[int]:
    if ap:
        if not 1 <= h <= 12:
            return None
        pm = ap.lower().startswith("p")
        return (h % 12) + (12 if pm else 0)
    return h if 0 <= h <= 24 else None


def _time_atom(m: re.Match, h: Optional[int], minute: Optional[int] = None, second: Optional[int] = None,
               role: str = "time", group: int | str = 0) -> Optional[Atom]:
    if h is None or not 0 <= (minute or 0) < 60 or (h == 24 and (minute or second)):
        return None
    return _atom(m, When("time", hour=h, minute=minute, second=second), role, group=group)


@pattern(r"(?<![\w:.,/])(?P<h>[01]?\d|2[0-4]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?"
         r"(?:\s*(?P<ap>[ap]\.?\s?m\b\.?|[ap]\.m\.)|(?P<p>[ap])(?![\w]))?(?![\d:])", needs=("#colon",), digits=True)
def _clock(m: re.Match, ctx: Context) -> Optional[Atom]:
    ap = m["ap"] or m["p"]
    return _time_atom(m, _hour(int(m["h"]), ap), int(m["m"]), int(m["s"]) if m["s"] else None)


@pattern(rf"(?<![\w.,:/$£€])(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<m>[0-5]\d))?\s*(?:ish\s*)?{_AMPM}(?![a-z])"
         r"(?:\s+approximately)?", needs=("#ampm",), digits=True)
def _hour_ampm(m: re.Match, ctx: Context) -> Optional[Atom]:
    hour = _hour(int(m["h"]), m["ap"])
    if hour == 0 and not m["m"]:
        hour = 24  # "12am" is midnight, the end of the day
    return _time_atom(m, hour, int(m["m"]) if m["m"] else None)


@pattern(r"(?:\b(?:at|@)\s*)(?P<t>(?P<h>1[0-2]|[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<p>[ap])\b(?!\.?\s?m\b)\.?)", needs=("#ampm",), digits=True)
def _hour_p(m: re.Match, ctx: Context) -> Optional[Atom]:
    return _time_atom(m, _hour(int(m["h"]), m["p"] + "m"), int(m["m"]) if m["m"] else None, group="t")


@pattern(r"(?<![\w.])(?P<h>[01]?\d|2[0-3])h(?P<m>[0-5]\d)\b", needs=("#hour",), digits=True)
def _hour_h(m: re.Match, ctx: Context) -> Optional[Atom]:
    return _time_atom(m, int(m["h"]), int(m["m"]))


_HOUR_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve")
_HOUR_RE = rf"(?:1[0-2]|0?[1-9]|{_HOUR_WORDS})"


@pattern(rf"\b(?:12\s+)?(?P<w>noon|midday|mid-day|midnight)\b|\b(?P<h>{_HOUR_RE})(?:ish)?\s*o['’]?\s?clock(?:\s*{_AMPM})?", needs=("noon", "midday", "mid-day", "midnight", "clock"))
def _named_hour(m: re.Match, ctx: Context) -> Optional[Atom]:
    if m["w"]:
        return _time_atom(m, 24 if m["w"].lower() == "midnight" else 12)  # midnight ends the day: T24
    return _time_atom(m, _hour(number_value(m["h"]) or 0, m["ap"]))


_MINUTES_RE = r"(?:\d{1,2}|a\s+quarter|quarter|half|five|ten|fifteen|twenty(?:[\s-]five)?|twenty|thirty|forty(?:[\s-]five)?)"


@pattern(rf"\b(?P<mn>{_MINUTES_RE})\s+(?:minutes\s+)?(?P<rel>past|after|to|till|before)\s+"
         rf"(?P<h>noon|midnight|{_HOUR_RE})(?:\s*{_AMPM}|\s*o['’]?\s?clock)?(?![\w:])", needs=("past", "after", " to ", "till", "before"))
def _minutes_past(m: re.Match, ctx: Context) -> Optional[Atom]:
    word = " ".join(m["mn"].lower().replace("-", " ").split())
    minutes = {"a quarter": 15, "quarter": 15, "half": 30}.get(word) or number_value(word)
    named = m["h"].lower() in ("noon", "midnight")
    strong = named or m["ap"] or "clock" in m.group(0).lower() or word in ("a quarter", "quarter", "half")
    if m["rel"].lower() in ("to", "till", "before") and m["mn"][0].isdigit() and "minutes" not in m.group(0).lower():
        return None  # "5 to 6pm" is a range
    if not minutes or minutes >= 60 or (m["rel"].lower() != "past" and not strong):
        return None
    hour = {"noon": 12, "midnight": 0}.get(m["h"].lower())
    if hour is None:
        hour = _hour(number_value(m["h"]) or 0, m["ap"])
    if hour is None:
        return None
    total = hour * 60 + (minutes if m["rel"].lower() in ("past", "after") else -minutes)
    return _time_atom(m, (total // 60) % 24, total % 60)


@pattern(rf"\b(?:at|@|around|about|by)\s+(?P<h>1[0-2]|0?[1-9]|{_HOUR_WORDS})(?:[\s:.](?P<m>[0-5]\d|fifteen|thirty|"
         r"forty-five|twenty|ten|five))?(?![\w,:%]|\.\d|\s*(?:%|percent|per|[a-z]+s\b|of\b|and\b|to\b|million|billion))", needs=("at", "@", "around", "about", "by"), digits=True)
def _weak_hour(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "at 7": a time only next to a day or part of the day ("tomorrow at 7", "at 7 in the morning")."""
    minute = number_value(m["m"]) if m["m"] else None
    if m["m"] and minute is None:
        return None
    return _time_atom(m, number_value(m["h"]), minute, role="weak_time", group="h")


@pattern(r"\b(?:(?:(?:early|late|later|earlier)\s+)?(?:in|during)\s+the\s+(?:(?P<el>early|late)\s+)?(?P<p>morning|afternoon|evening)|(?:in\s+the\s+)?"
         r"(?P<el2>early|late)\s+(?P<p2>morning|afternoon|evening|tonight|tonite)|at\s+(?P<p3>night))\b", needs=_PARTS)
def _part_phrase(m: re.Match, ctx: Context) -> Optional[Atom]:
    word = (m["p"] or m["p2"] or m["p3"]).lower()
    if word in ("tonight", "tonite"):
        w = _relative_day(ctx, 0)
        return _atom(m, replace(w, part="NI"), "day")
    return _atom(m, When("time", part=PARTS_OF_DAY[word]), "part")


@pattern(r"\b(?P<p>morning|afternoon|afternoonish|evening|night)s?\b", needs=_PARTS)
def _part_word(m: re.Match, ctx: Context) -> Optional[Atom]:
    return _atom(m, When("time", part=PARTS_OF_DAY[m["p"].lower()]), "weak_part")


# ---------------------------------------------------------------------------------------------- recurrences

_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "semi-annually": "P0.5Y", "biweekly": "P2W"}
_SET_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "weekend": "WE"}


@pattern(rf"\b(?:(?P<word>daily|nightly|weekly|monthly|annually|yearly|quarterly|hourly|semi-annually|biweekly)"
         rf"|(?:every|each)\s+(?:(?P<n>{CARDINAL_RE})\s+)?(?P<u>day|week|weekend|month|year)s?"
         rf"|(?:every|each)\s+(?P<wd>{WEEKDAY_WORD_RE})|once\s+a\s+(?P<u2>day|week|month|year))\b", needs=("daily", "nightly", "weekly", "monthly", "annually", "yearly", "quarterly", "hourly", "every", "each", "once"))
def _recurrence(m: re.Match, ctx: Context) -> Optional[Atom]:
    if m["word"]:
        if m["word"][0].isupper() and m.start() > 0 and ctx.text[m.start() - 2:m.start() - 1] not in ".!?\n":
            return None  # "Daily Mail"
        if re.match(r"\s+(?!basis\b|by\b|and\b|or\b|to\b|at\b|in\b|on\b|for\b|from\b|since\b|until\b)[a-z]",
                    _after(ctx, m, 12)):
            return None  # "daily life": an adjective, not a recurrence
        return _atom(m, When("literal", literal=_SET_WORDS[m["word"].lower()]), "set")
    if m["wd"]:
        return _atom(m, When("literal", literal=f"XXXX-WXX-{_weekday(m['wd']) + 1}"), "set")
    unit = (m["u"] or m["u2"]).lower()
    n = number_value(m["n"]) if m["n"] else 1
    return _atom(m, When("literal", literal=f"P{n}{_SET_UNITS[unit]}"), "set")


@pattern(rf"(?<![\w.:/$£€])(?:from\s+)?(?P<h1>1[0-2]|0?[1-9])(?:[:.](?P<m1>[0-5]\d))?\s*(?P<ap1>[ap]\.?m\b\.?)?\s*(?:-|–|to|till|until)\s*"
         rf"(?P<h2>1[0-2]|0?[1-9])(?:[:.](?P<m2>[0-5]\d))?\s*{_AMPM}(?![a-z])", needs=("#ampm",), digits=True)
def _hour_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "5 to 6pm", "3-8pm", "11-1pm": the first hour shares the second's am/pm unless it would come after it."""
    h1, h2 = int(m["h1"]), int(m["h2"])
    end = _hour(h2, m["ap"])
    start = _hour(h1, m["ap1"] or m["ap"])
    if start is None or end is None:
        return None
    if not m["ap1"] and (start, int(m["m1"] or 0)) > (end, int(m["m2"] or 0)):
        start -= 12
    first = When("time", hour=start, minute=int(m["m1"]) if m["m1"] else None)
    return _atom(m, Interval(first, When("time", hour=end, minute=int(m["m2"]) if m["m2"] else None)), "interval")


@pattern(r"\b(?:from\s+|between\s+)?(?P<h1>1[0-2]|0?[1-9])(?::(?P<m1>[0-5]\d))?\s*(?:-|–|to|till|until|and)\s*"
         r"(?P<h2>1[0-2]|0?[1-9])(?::(?P<m2>[0-5]\d))?(?![\w:/.,%-]|\s*(?:%|percent|[a-z]))", needs=("#range",), digits=True)
def _weak_hour_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "from 7 to 7:30", "11-4": hours only when next to a day ("Monday 11-4", "this evening from 7 to 7:30")."""
    h1, h2 = int(m["h1"]), int(m["h2"])
    if h2 < h1 or (h2 == h1 and int(m["m2"] or 0) <= int(m["m1"] or 0)):
        h2 += 12
    first = When("time", hour=h1, minute=int(m["m1"]) if m["m1"] else None)
    role = "interval" if m["m1"] or m["m2"] else "weak_interval"  # "11:30-1:30" is a time range on its own
    return _atom(m, Interval(first, When("time", hour=h2, minute=int(m["m2"]) if m["m2"] else None)), role)


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
        "5th": 5, "last": -1}


@pattern(rf"\b(?:the\s+)?(?P<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?P<wd>{WEEKDAY_WORD_RE})"
         rf"\s+(?:of|in)\s+(?P<mo>{MONTH_RE})(?![\w-])(?:\s*,?\s*(?P<y>\d{{4}}))?", needs=_MONTHS)
def _nth_weekday_of_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    month, wd, n = _month(m["mo"]), _weekday(m["wd"]), _NTH[m["n"].lower()]
    year = int(m["y"]) if m["y"] else (ctx.today.year if ctx.today else None)
    if year is None:
        return _atom(m, When("day", None, month), "day")
    d = nth_weekday(year, month, wd, n)
    return _atom(m, day_of(d), "day") if d.month == month else None


@pattern(r"\b(?:the\s+)?(?:week\s+(?P<n>\d{1,2})|(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)\s+week)\s+(?:of|in)\s+"
         r"(?P<y>\d{4})\b", needs=("week",), digits=True)
def _week_of_year(m: re.Match, ctx: Context) -> Optional[Atom]:
    n = int(m["n"]) if m["n"] else _NTH[m["o"].lower()]
    return _atom(m, When("week", int(m["y"]), week=n), "week") if 1 <= n <= 53 else None


@pattern(r"\b(?:over\s+|during\s+|at\s+)?the\s+weekend\b", needs=("weekend",))
def _the_weekend(m: re.Match, ctx: Context) -> Optional[Atom]:
    return _atom(m, When("weekend"), "week")


@pattern(r"\b(?:by\s+)?(?:the\s+)?(?P<pos>end|beginning|start|middle)\s+of\s+(?:the\s+)?(?P<u>year|month|week)\b", needs=("end of", "beginning of", "start of", "middle of"))
def _part_of_current_period(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "by the end of the year": the current year (its part is not written in the value)."""
    unit = m["u"].lower()
    if not ctx.today:
        return _atom(m, When(unit), "week" if unit == "week" else "period")
    if unit == "week":
        return _atom(m, week_of(ctx.today), "week")
    if unit == "month":
        return _atom(m, When("month", ctx.today.year, ctx.today.month), "period")
    return _atom(m, When("year", ctx.today.year), "period")


@pattern(r"\b(?:(?P<mod>last|this|next|current|previous|coming)\s+)?(?P<kind>fiscal|financial|school)(?:\s+year)?"
         r"(?:\s+(?P<y>\d{4}|\d{2}(?!\d)))?\b|\b(?P<code>fy|sy)\s?['’]?(?P<y2>\d{4}|\d{2})\b", needs=("fiscal", "financial", "school", "fy", "sy"))
def _fiscal_year(m: re.Match, ctx: Context) -> Optional[Atom]:
    prefix = (m["code"] or ("SY" if (m["kind"] or "").lower() == "school" else "FY")).upper()
    written = m["y"] or m["y2"]
    if written:
        year: Optional[int] = _year(written, ctx.ref)
    elif m["mod"]:
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m["mod"].lower(), 0)
        year = ctx.today.year + step if ctx.today else None
    else:
        return None
    return _atom(m, When("literal", literal=f"{prefix}{year if year else 'XXXX'}"), "period")


@pattern(rf"\b(?:(?P<mod>last|this|next)\s+)?(?P<h>{ISLAMIC_RE})\b(?:\s+(?:of\s+)?(?P<y>\d{{4}}))?", needs=ISLAMIC_WORDS)
def _islamic_holiday(m: re.Match, ctx: Context) -> Optional[Atom]:
    if m["y"]:
        year: Optional[int] = int(m["y"])
    elif ctx.today:
        year = ctx.today.year + {"last": -1, "next": 1}.get((m["mod"] or "").lower(), 0)
    else:
        return _atom(m, When("day"), "day")
    value = islamic_holiday(m["h"], year)
    if value is None:
        return None
    return _atom(m, value, "interval" if isinstance(value, Interval) else "day")


@pattern(r"\b(?:(?P<pre>earlier|later|early|late)\s+in\s+)?the\s+(?P<u>year|month|quarter)\b(?!\s+(?:before|after|earlier|later|ago|\d))",
         needs=("the year", "the month", "the quarter"))
def _the_current_period(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "for the year", "earlier in the month": the period the article is in."""
    unit = m["u"].lower()
    if re.search(r"\b(?:of|per|a|each|every)\s+$", _before(ctx, m, 8), re.IGNORECASE) and not m["pre"]:
        return None  # "person of the year", "once per the month"
    today = ctx.today
    if today is None:
        return _atom(m, When(unit), "period")
    if unit == "month":
        return _atom(m, When("month", today.year, today.month), "period")
    if unit == "quarter":
        return _atom(m, When("quarter", today.year, sub=f"Q{(today.month - 1) // 3 + 1}"), "period")
    return _atom(m, When("year", today.year), "period")
