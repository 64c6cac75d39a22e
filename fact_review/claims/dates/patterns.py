"""Calendar dates: numeric and ISO forms, month names, years, decades, centuries, quarters, seasons, weekdays
and fiscal years.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import Optional

from fact_review.claims.dates.atoms import (
    Atom, Context, pattern, atom_at, month_number, weekday_number, written_year, text_before, text_after,
    has_date_cue, MONTH_STEMS,
)
from fact_review.claims.dates.lexicon import (
    AMBIGUOUS_MONTHS, DAY_RE, MONTH_RE, ORDINAL_WORD_RE, SEASONS, WEEKDAY_ABBR_RE, WEEKDAY_WORD_RE, number_value,
)
from fact_review.claims.dates.resolve import Interval, When, day_of, nth_weekday, part_of, valid_day


# ---------------------------------------------------------------------------------------------- numeric dates

@pattern(r"(?<![\w.:/-])(?P<y>\d{4})(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
         r"(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?(?![\w/-]|\.\d)",
         needs=("#year",), digits=True)
def _iso(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "2025-05-25", "2025-05-25T10:30", "2015/08/12"."""
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if m["sep"] == "." and (len(m["mo"]) < 2 or len(m["d"]) < 2):
        return None  # "2020.1.1" reads as a version number
    if not valid_day(y, mo, d):
        return None
    w = When("day", y, mo, d)
    if m["h"] is not None and int(m["h"]) < 24:
        second = int(m["s"]) if m["s"] else None
        return atom_at(m, replace(w, hour=int(m["h"]), minute=int(m["mi"]), second=second), "day")
    return Atom(m.start(), m.end("d"), w, "day")


@pattern(r"(?<![\w./:])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|\.\d|-\d+-)", needs=("#slash",), digits=True)
def _numeric_day(m: re.Match, ctx: Context) -> Optional[Atom]:
    a, b, sep = int(m[1]), int(m[3]), m[2]
    if sep == "." and len(m[4]) == 2:
        return None  # "1.2.34" reads as a version number
    year = written_year(m[4], ctx.ref)
    month, day = (b, a) if sep == "." or a > 12 else (a, b)  # day.month.year; otherwise US order
    if not valid_day(year, month, day) and valid_day(year, b, a):
        month, day = b, a
    if not valid_day(year, month, day):
        return None
    return atom_at(m, When("day", year, month, day), "day")


@pattern(r"(?<![\w./:-])(\d{1,2})/(\d{1,2}),\s?(\d{4})(?![\w/-])", needs=("#slash",), digits=True)
def _numeric_day_comma_year(m: re.Match, ctx: Context) -> Optional[Atom]:
    month, day, year = int(m[1]), int(m[2]), int(m[3])
    return atom_at(m, When("day", year, month, day), "day") if valid_day(year, month, day) else None


@pattern(rf"(?:\b(?P<cue>on|this|next|by|until|from|to|between|and|or|{WEEKDAY_WORD_RE}|{WEEKDAY_ABBR_RE})\s+|(?<=[-–])"
         r"|(?<=/\d,\s)|(?<=/\d\d,\s)"  # or the next in a list of dates: "on 11/20, 11/22 or 11/25"
         r"|(?<![\w/.])(?=\d{1,2}/\d{1,2}\s*[-–]\s*\d{1,2}/\d{1,2}(?![\d/]|\s+of\b)))"  # or a range: "10/1-11/7"
         r"(?P<md>(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2}))(?![\w/]|\.\d|\s*(?:%|percent|of\b))",
         needs=("#slash",), digits=True)
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
    return atom_at(m, When("month", int(m[3]), month), "period") if 1 <= month <= 12 else None


@pattern(r"(?<![\w./:$-])(\d{4})(?:(/)\s?|(-))(\d{2}|\d(?=\D|$))(?![\w/-]|\.\d|\s*(?:%|percent))",
         needs=("#year",), digits=True)
def _year_month_numeric(m: re.Match, ctx: Context) -> Optional[Atom]:
    year, tail = int(m[1]), int(m[4])
    if len(m[4]) == 2 and (tail > year % 100 if m[3] else tail == (year + 1) % 100):
        # "2011-12", "2015/16": a span of years, not December 2011
        return atom_at(m, Interval(When("year", year), When("year", year // 100 * 100 + tail)), "interval")
    if not 1 <= tail <= 12 or not 1000 <= year <= 2200:
        return None
    return atom_at(m, When("month", year, tail), "period")


@pattern(r"(?<![\w$€£.,/-])(1[5-9]\d\d|20\d\d)\s?(?:-|–|—|~|to|through|until)\s?"
         r"(1[5-9]\d\d|20\d\d)(?![\w%/-]|[.,]\d)",
         needs=("#year",), digits=True)
def _year_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    a, b = int(m[1]), int(m[2])
    if not a < b:
        return None
    return atom_at(m, Interval(When("year", a), When("year", b)), "interval")


# ---------------------------------------------------------------------------------------------- month names

_YEAR_TAIL = (r"(?:\s*,?\s*(?:of\s+|in\s+)?(?P<y>\d{4}|['’]\d{2})(?![\d:%]|[.,]\d)"
              r"|\s+of\s+(?P<yy>\d{2})(?![\d:%]|[.,]\d))?")


def _month_ok(ctx: Context, m: re.Match, group: str, strong: bool) -> bool:
    """A month word that is also an everyday word ("may", "march") needs a capital or a day/year beside it."""
    word = m[group]
    if word.lower().rstrip(".") not in AMBIGUOUS_MONTHS:
        return True
    return strong or (word[0].isupper() and word.lower() != "may") or (word[0].isupper() and has_date_cue(ctx, m))


@pattern(rf"\b(?P<mo>{MONTH_RE})\s*[/.-]?\s*(?:the\s+(?=\S+(?:st|nd|rd|th)\b))?(?P<d>{DAY_RE})"
         rf"(?:\s*\(\s*{WEEKDAY_ABBR_RE}\s*\)|\s*\(\s*(?:mon|wed|sat|sun)\.?\s*\))?{_YEAR_TAIL}(?!\s*(?:%|percent))",
         needs=MONTH_STEMS)
def _month_day(m: re.Match, ctx: Context) -> Optional[Atom]:
    day = number_value(m["d"])
    written = m["y"] or m["yy"]
    year = written_year(written, ctx.ref) if written else None
    month = month_number(m["mo"])
    if day is None or not valid_day(year, month, day):
        return None
    if m["mo"] == "may" and not (written or m["d"][-1].isalpha() or has_date_cue(ctx, m)):
        return None  # "prices may 5..." is not a date
    if m["mo"].islower() and not written and _WORD_AFTER.match(text_after(ctx, m)):
        return None  # "to march 10 miles"
    return atom_at(m, When("day", year, month, day), "day")


_WORD_AFTER = re.compile(r"\s+(?!(?:at|in|on|and|or|to|the|this|next|last|from|until|till|through|by|for|with|"
                         r"was|is|will|when)\b)[a-z]")


@pattern(rf"(?<![\d,.$])\b(?:the\s+)?(?P<d>{DAY_RE})(?:\s+day)?(?P<sep>\s+of\s+|\s+|-|"
         rf"/)(?P<mo>{MONTH_RE})(?![\w-]){_YEAR_TAIL}",
         needs=MONTH_STEMS)
def _day_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    day = number_value(m["d"])
    year = written_year(m["y"], ctx.ref) if m["y"] else None
    month = month_number(m["mo"])
    written_ordinal = not m["d"].isdigit()
    strong = bool(m["y"] or m["yy"]) or written_ordinal or m["sep"].strip().lower() in ("of", "-", "/") \
        or has_date_cue(ctx, m, "d")  # "on 14 nov"
    if m["yy"]:
        year = written_year(m["yy"], ctx.ref)
    if day is None or not valid_day(year, month, day):
        return None
    if m["mo"].lower().rstrip(".") in AMBIGUOUS_MONTHS and not (strong or m["mo"][0].isupper()):
        return None
    if m["mo"].lower() == "may" and not strong and not ctx.text[m.end("mo"):m.end("mo") + 1] in ("", ".", ","):
        return None
    return atom_at(m, When("day", year, month, day), "day")


@pattern(rf"\b(?P<mo>{MONTH_RE})(?:\s*,\s*|\s*-\s*|\s+of\s+|\s+in\s+|\s+)(?P<y>\d{{4}})(?![\d%:]|[.,]\d)",
         needs=MONTH_STEMS, digits=True)
def _month_year(m: re.Match, ctx: Context) -> Optional[Atom]:
    if m["mo"].lower() == "may" and not m["mo"][0].isupper():
        return None
    return atom_at(m, When("month", int(m["y"]), month_number(m["mo"])), "period")


@pattern(rf"\b(?P<a>{MONTH_RE})\s*(?:-|–|—|to|through|thru|until|"
         rf"till)\s*(?P<b>{MONTH_RE})(?:\s*,?\s*(?P<y>\d{{4}}))?\b",
         needs=MONTH_STEMS)
def _month_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    a, b = month_number(m["a"]), month_number(m["b"])
    if not _month_ok(ctx, m, "a", bool(m["y"])) or (m["b"].lower() == "may" and not m["b"][0].isupper()):
        return None
    yb = int(m["y"]) if m["y"] else None
    ya = (yb - 1 if a > b else yb) if yb else None
    return atom_at(m, Interval(When("month", ya, a), When("month", yb, b)), "interval")


_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)


@pattern(rf"\b(?P<mo>{MONTH_RE})\s*(?P<d1>{DAY_RE})\s*(?P<to>-|–|to|thru|through|until|till|and)\s*(?P<d2>{DAY_RE})"
         rf"(?![\d:])(?:\s*,?\s*(?P<y>\d{{4}}))?\b", needs=MONTH_STEMS)
def _month_day_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    if m["to"].lower() == "and" and not _BETWEEN.search(text_before(ctx, m, 10)):
        return None  # "May 20 and 25" is a list unless "between" comes first
    return _day_range(m, ctx)


@pattern(rf"(?<![\d,.$])\b(?P<d1>{DAY_RE})\s*(?:-|–|to|and|until|till|through)\s*(?P<d2>{DAY_RE})(?:\s+of)?\s+"
         rf"(?P<mo>{MONTH_RE})(?![\w-])(?:\s*,?\s*(?P<y>\d{{4}}))?", needs=MONTH_STEMS)
def _day_day_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    if " and" in m.group(0).lower() and not _BETWEEN.search(text_before(ctx, m, 10)):
        return None
    return _day_range(m, ctx)


def _day_range(m: re.Match, ctx: Context) -> Optional[Atom]:
    d1, d2 = number_value(m["d1"]), number_value(m["d2"])
    month, year = month_number(m["mo"]), int(m["y"]) if m["y"] else None
    if d1 is None or d2 is None or not d1 < d2 or not valid_day(year, month, d2):
        return None
    if m["mo"] == "may" and not (m["y"] or has_date_cue(ctx, m)):
        return None  # two numbers after a lower-case "may" are no dates
    return atom_at(m, Interval(When("day", year, month, d1), When("day", year, month, d2)), "interval")


_NAME_AFTER = re.compile(rf"\s+(?!(?i:{MONTH_RE}|{WEEKDAY_WORD_RE}|fourth|first|the)\b)[A-Z][a-z]+")
_MONTH_MODIFIER = (r"(?:(?P<mod>last|this|next|coming|this\s+coming|previous|early|earlier|mid|mid-|late|"
                   r"(?:the\s+)?(?:end|beginning|start|middle)\s+of|(?:the\s+)?month\s+of)\s*)")


@pattern(rf"(?:\b{_MONTH_MODIFIER})?\b(?P<mo>{MONTH_RE})(?![\w-])(?:\s+(?P<after>after\s+next|next\s+year|"
         rf"last\s+year|this\s+year))?",
         needs=MONTH_STEMS)
def _bare_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    word = m["mo"]
    mod = (m["mod"] or "").lower()
    if word.endswith(".") and not word[:-1].isalpha():
        return None
    abbreviated = word.lower().rstrip(".") not in ("january", "february", "march", "april", "may", "june", "july",
                                                   "august", "september", "october", "november", "december")
    cue = bool(mod or m["after"]) or has_date_cue(ctx, m, "mo")
    if word.lower().rstrip(".") in AMBIGUOUS_MONTHS or abbreviated:
        if not cue or (not word[0].isupper() and not mod):
            return None
    if word.lower() == "may" and re.match(r"\s+(?:be|have|not|also|well|still|seem|need|want|i|we|you)\b",
                                          text_after(ctx, m, 12), re.IGNORECASE):
        return None
    after_name = re.search(r"\b[A-Z][a-z]+\s+$", text_before(ctx, m, 20))
    if not cue and after_name and text_before(ctx, m, 3)[-2:-1] not in ".!?":
        return None  # "Theresa May", "General August"
    if not cue and _NAME_AFTER.match(text_after(ctx, m, 20)):
        return None  # "June Carter", "April Ryan"
    month = month_number(word)
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
    position = next((p for p in ("end", "beginning", "start", "middle", "mid") if p in mod.replace("-", " ").split()),
                    None)
    if position:  # "the end of April": its last ten days; "mid-March": the middle ten
        return Atom(m.start(), m.end(), part_of(When("month", year, month), position), "interval", direction)
    return atom_at(m, When("month", year, month), "period", direction)


# ---------------------------------------------------------------------------------------------- years

# After a year-like number, a unit or a counted noun makes it a count ("2021 people"), whatever precedes it;
# any other plural does so only without a word that introduces years ("deliver 2000 pieces").
_COUNT_AFTER = re.compile(r"\s*(?:%|percent|per\b|km\b|kg\b|mph\b|m\b|ft\b|feet\b|miles\b|metres\b|meters\b|"
                          r"hours?\b|people\b|persons\b|residents\b|troops\b|soldiers\b|drones\b|missiles\b|"
                          r"dollars\b|euros\b|pounds\b|tonnes\b|tons\b|units\b|votes\b|deaths\b)", re.IGNORECASE)
_PLURAL_AFTER = re.compile(r"\s*[a-z]+s\b")
_YEAR_STRONG_BEFORE = re.compile(r"(?:\b(?:in|since|by|until|till|of|from|to|through|during|before|after|"
                                 r"between|and|or|early|mid|late|year|the|its|their|his|her|our|this|that|circa|"
                                 r"around|spring|summer|autumn|fall|winter)\s*-?\s*|['’]s\s+|[,(]\s*)$",
                                 re.IGNORECASE)
_YEAR_BAD_BEFORE = re.compile(r"(?:[#$€£¥]|\bno\.?|\bnumber|\bpage|\broom|\bflight|\broute|\bmodel|\bversion|"
                              r"\bpop\.?|\bpopulation|\btel|\bphone|\bcode|\bid)\s*$", re.IGNORECASE)


@pattern(r"(?:\b(?P<mod>early|mid|late|(?:the\s+)?(?:end|beginning|start|middle)\s+of|"
         r"(?:the\s+)?(?:calendar\s+)?year|cy)"
         r"\s*-?\s*)?(?<![\w$€£.,/:-])(?P<y>1[0-9]{3}|20[0-9]{2}|21[0-9]{2})(?![\w%/-]|[.,:]\d|\s*[-–]\s*\d)",
         needs=("#year",), digits=True)
def _year_number(m: re.Match, ctx: Context) -> Optional[Atom]:
    before = text_before(ctx, m, 20, "y")
    if _YEAR_BAD_BEFORE.search(before):
        return None
    if not m["mod"] and not _YEAR_STRONG_BEFORE.search(before):
        if _PLURAL_AFTER.match(text_after(ctx, m, 20)) or int(m["y"]) < 1800:
            return None
    if _COUNT_AFTER.match(text_after(ctx, m, 20)):
        return None
    return atom_at(m, When("year", int(m["y"])), "period")


@pattern(r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>1\d|20)(?P<d>\d)0|['’](?P<d2>\d)0|"
         r"(?<=the\s)(?P<d3>[1-9])0)['’]?s\b",
         needs=("0s", "0\'s", "0’s"))
def _decade(m: re.Match, ctx: Context) -> Optional[Atom]:
    if m["c"]:
        year = int(m["c"]) * 100 + int(m["d"]) * 10
    else:
        tens = int(m["d2"] or m["d3"]) * 10
        now = (ctx.ref.year if ctx.ref else 2000) % 100
        year = (2000 if tens <= now else 1900) + tens
    return atom_at(m, When("decade", year), "period")


@pattern(r"\b(?:in|since|of|by|until|from|to|before|after|during|class\s+of)\s+(?P<y>['’]\d{2})(?![\w'’%])",
         needs=("'", "’"), digits=True)
def _short_year(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "in '87": a year written with two digits after an apostrophe."""
    return atom_at(m, When("year", written_year(m["y"], ctx.ref)), "period", group="y")


_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                 "eighties": 80, "nineties": 90}


@pattern(r"\b(?:the|in)\s+(?:(?:early|mid|late)[\s-]+)?(?P<c>nineteen[\s-]+|twenty[\s-]+)?(?P<w>twenties|thirties|forties|"
         r"fifties|sixties|seventies|eighties|nineties)\b", needs=("ties",))
def _decade_word(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "the eighties", "the nineteen-sixties"."""
    tens = _DECADE_WORDS[m["w"].lower()]
    if m["c"]:
        century = 1900 if m["c"].lower().startswith("nineteen") else 2000
    else:
        century = 2000 if tens <= (ctx.ref.year if ctx.ref else 2000) % 100 else 1900
    return atom_at(m, When("decade", century + tens), "period")


@pattern(rf"\b(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD_RE})[\s-]+century\b", needs=("century",))
def _century(m: re.Match, ctx: Context) -> Optional[Atom]:
    n = number_value(m["n"])
    return atom_at(m, When("century", (n - 1) * 100), "period") if n and 1 <= n <= 22 else None


# ---------------------------------------------------------------------------------------------- quarters, seasons

@pattern(r"\b(?:[qQ](?P<q>[1-4])|(?P<hh>[hH][12]))(?:\s*,?\s*(?P<y>\d{4})|\s*(?P<yy>\d{2})\b)?\b"
         r"|\b(?P<y2>\d{4}|(?P<yy2>\d{2}))\s*-?\s*(?:[qQ](?P<q2>[1-4])|[hH](?P<h2>[12]))\b", 0, needs=("#quarter",),
         digits=True)
def _quarter_code(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "Q3", "Q3 2024", "2024Q3", "18q4", "H1 2025"."""
    short = m["yy"] or m["yy2"]
    year = (m["y"] or m["y2"]) if not m["yy2"] else None
    year = year or (str(written_year(short, ctx.ref)) if short else None)
    if m["q"] or m["q2"]:
        grain, sub = "quarter", f"Q{m['q'] or m['q2']}"
    else:
        grain, sub = "half", (m["hh"] or f"H{m['h2']}").upper()
    if year is None and grain == "half":
        return None
    return atom_at(m, When(grain, int(year) if year else None, sub=sub), "period")


_ORD4 = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
         "last": 4}


@pattern(r"\b(?:(?P<rel0>this|last|next)\s+year['’]s\s+)?(?P<the>the\s+)?"
         r"(?P<o>first|1st|second|2nd|third|3rd|fourth|4th|final|last)(?P<sep>\s+|-)(?P<u>quarter|qtr|half)"
         r"(?:\s+(?:of\s+)?(?:(?P<y>\d{4})|(?P<rel>this|last|next)\s+year|the\s+year))?\b(?P<of>\s+of\b)?",
         needs=("quarter", "qtr", "half"))
def _nth_quarter(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "the third quarter", "first-half profit", "Q3"-like periods; "the second half of the match" is not one."""
    unit = "quarter" if m["u"].lower() == "qtr" else m["u"].lower()
    n = _ORD4[m["o"].lower()]
    if unit == "half" and m["o"].lower() in ("last", "final"):
        n = 2
    if unit == "half" and n > 2:
        return None
    rel = (m["rel"] or m["rel0"] or "").lower() or None
    has_year = bool(m["y"] or rel or "the year" in m.group(0).lower())
    adjective = m["sep"] == "-"
    if not has_year and not adjective and m["u"].lower() != "qtr" \
            and (m["of"] or not m["the"] or m["o"].lower() in ("last", "final")):
        return None  # "the second half of the match", "a second quarter"
    if m["y"]:
        year: Optional[int] = int(m["y"])
    elif rel or "the year" in m.group(0).lower():
        year = ctx.today.year + {"this": 0, "last": -1, "next": 1, None: 0}[rel] if ctx.today else None
    else:
        year = None  # "the third quarter": the one the sentence's tense points to
    sub = f"Q{n}" if unit == "quarter" else f"H{n}"
    end = m.start("of") if m["of"] else m.end()
    return Atom(m.start(), end, When("quarter" if unit == "quarter" else "half", year, sub=sub), "period")


_SEASON_CUE = re.compile(r"\b(?:in|during|since|by|until|through)\s+(?:the\s+)?$", re.IGNORECASE)


@pattern(r"\b(?:(?P<mod>this|last|next|the\s+coming|coming|early|late|mid)[\s-]+)?(?P<s>spring|summer|autumn|fall|"
         r"winter)"
         r"(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b", needs=("spring", "summer", "autumn", "fall", "winter"))
def _season(m: re.Match, ctx: Context) -> Optional[Atom]:
    mod = (m["mod"] or "").lower()
    if not (mod or m["y"] or _SEASON_CUE.search(text_before(ctx, m, 16))):
        return None
    if m["s"].lower() == "fall" and not (mod or m["y"]) and not text_before(ctx, m, 5).lower().endswith("the "):
        return None
    sub = SEASONS[m["s"].lower()]
    if m["y"]:
        year = int(m["y"])
    elif ctx.today:
        year = ctx.today.year + {"last": -1, "next": 1, "coming": 1}.get(mod.split()[-1] if mod else "", 0)
    else:
        year = None
    return atom_at(m, When("season", year, sub=sub), "period")


# ---------------------------------------------------------------------------------------------- weekdays

_PUBLICATION = re.compile(r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Tribune|Mail|Sport|People|Star|"
                          r"Observer|Independent|World|Review|Business|Edition|Bloody)\b")


@pattern(rf"\b(?:(?P<mod>last|this|next|coming|this\s+coming|this\s+past|past|previous|following|upcoming|"
         rf"this\s+upcoming)\s+)?(?P<wd>{WEEKDAY_WORD_RE}|{WEEKDAY_ABBR_RE}(?=\s|$|,))(?!\w)",
         needs=("monday", "tue", "wed", "thu", "fri", "saturday", "sunday"))
def _weekday_atom(m: re.Match, ctx: Context) -> Optional[Atom]:
    if _PUBLICATION.match(text_after(ctx, m, 16)):
        return None
    if not m["wd"][0].isupper() and m["wd"].lower().rstrip(".") in ("fri", "thu", "tue"):
        return None
    wd = weekday_number(m["wd"])
    mod = " ".join((m["mod"] or "").lower().split())
    if mod in ("last", "past", "previous", "this past"):
        if not ctx.today:
            return atom_at(m, When("day", weekday=wd), "day", "past")
        back = (ctx.today.weekday() - wd) % 7 or 7
        return atom_at(m, day_of(ctx.today - timedelta(days=back)), "day")
    if mod in ("next", "following"):
        if not ctx.today:
            return atom_at(m, When("day", weekday=wd), "day", "future")
        monday = ctx.today - timedelta(days=ctx.today.weekday())
        return atom_at(m, day_of(monday + timedelta(days=7 + wd)), "day")
    if mod in ("this", "coming", "this coming", "upcoming", "this upcoming"):
        if not ctx.today:
            return atom_at(m, When("day", weekday=wd), "day", "future")
        if mod == "this":
            monday = ctx.today - timedelta(days=ctx.today.weekday())
            return atom_at(m, day_of(monday + timedelta(days=wd)), "day")
        return atom_at(m, day_of(ctx.today + timedelta(days=(wd - ctx.today.weekday()) % 7)), "day")
    return atom_at(m, When("day", weekday=wd), "day")


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
        "5th": 5, "last": -1}


@pattern(rf"\b(?:the\s+)?(?P<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?P<wd>{WEEKDAY_WORD_RE})"
         rf"\s+(?:of|in)\s+(?P<mo>{MONTH_RE})(?![\w-])(?:\s*,?\s*(?P<y>\d{{4}}))?", needs=MONTH_STEMS)
def _nth_weekday_of_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    month, wd, n = month_number(m["mo"]), weekday_number(m["wd"]), _NTH[m["n"].lower()]
    year = int(m["y"]) if m["y"] else (ctx.today.year if ctx.today else None)
    if year is None:
        return atom_at(m, When("day", None, month), "day")
    d = nth_weekday(year, month, wd, n)
    return atom_at(m, day_of(d), "day") if d.month == month else None


@pattern(r"\b(?:the\s+)?(?:week\s+(?P<n>\d{1,2})|(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)\s+week)\s+(?:of|"
         r"in)\s+"
         r"(?P<y>\d{4})\b", needs=("week",), digits=True)
def _week_of_year(m: re.Match, ctx: Context) -> Optional[Atom]:
    n = int(m["n"]) if m["n"] else _NTH[m["o"].lower()]
    return atom_at(m, When("week", int(m["y"]), week=n), "week") if 1 <= n <= 53 else None


@pattern(r"\b(?:(?P<mod>last|this|next|current|previous|coming)\s+)?(?P<kind>fiscal|financial|school)(?:\s+year)?"
         r"(?:\s+(?P<y>\d{4}|\d{2}(?!\d)))?\b|\b(?P<code>fy|sy)\s?['’]?(?P<y2>\d{4}|\d{2})\b",
         needs=("fiscal", "financial", "school", "fy", "sy"))
def _fiscal_year(m: re.Match, ctx: Context) -> Optional[Atom]:
    prefix = (m["code"] or ("SY" if (m["kind"] or "").lower() == "school" else "FY")).upper()
    written = m["y"] or m["y2"]
    if prefix == "FY":  # "fiscal 1989" is the fiscal year that ends in 1989: the year 1989
        return _fiscal_as_year(m, ctx, written)
    if written:
        year: Optional[int] = written_year(written, ctx.ref)
    elif m["mod"]:
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m["mod"].lower(), 0)
        year = ctx.today.year + step if ctx.today else None
    else:
        return None
    return atom_at(m, When("literal", literal=f"{prefix}{'XXXX' if year is None else f'{year:04d}'}"), "period")


def _fiscal_as_year(m: re.Match, ctx: Context, written: Optional[str]) -> Optional[Atom]:
    if written:
        return atom_at(m, When("year", written_year(written, ctx.ref)), "period")
    if not m["mod"]:
        return None
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m["mod"].lower(), 0)
    return atom_at(m, When("year", ctx.today.year + step if ctx.today else None), "period")
