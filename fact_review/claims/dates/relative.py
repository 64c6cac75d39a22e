"""Dates relative to the article's date: "yesterday", "last week", "two days ago", "earlier this month", "now".
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Optional

from fact_review.claims.dates.atoms import (
    Atom, Context, pattern, atom_at, text_before, text_after, relative_day, UNIT_STEMS,
)
from fact_review.claims.dates.lexicon import (
    CARDINAL_RE, ORDINAL_WORD_RE, PARTS_OF_DAY, UNIT_NAMES, UNIT_RE, number_value,
)
from fact_review.claims.dates.resolve import (
    Amounts, Interval, Shift, When, add_months, day_of, has_fine_unit, offset, part_of, valid_day, week_of,
)


# ---------------------------------------------------------------------------------------------- relative days

_REL_DAYS = {"today": 0, "tonight": 0, "tonite": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "tomorow": 1,
             "yesterday": -1, "overnight": 0, "the day after tomorrow": 2, "day after tomorrow": 2,
             "the day before yesterday": -2, "day before yesterday": -2, "last night": -1, "this morning": 0,
             "this afternoon": 0, "this evening": 0, "the next day": 1, "the following day": 1,
             "the previous day": -1, "the day before": -1}


@pattern(r"\b(?:(?:the\s+)?day\s+(?:after\s+tomorrow|before\s+yesterday)|today|tonight|tonite|tomorrow|tomorow|tmrw|"
         r"tmr|yesterday|overnight|last\s+night|this\s+(?:morning|afternoon|evening)|the\s+(?:next|following|"
         r"previous)\s+day|the\s+day\s+before(?=\s*[,.;]|$))\b",
         needs=("today", "yesterday", "tonight", "tonite", "tom", "tmr", "overnight", "night", "this ", "day before",
                "day after", "next day",
                "following day", "previous day"))
def _relative_day_atom(m: re.Match, ctx: Context) -> Optional[Atom]:
    phrase = " ".join(m.group(0).lower().split())
    if phrase == "today" and re.search(r"\bUSA\s+$", text_before(ctx, m, 8)):
        return None
    w = relative_day(ctx, _REL_DAYS[phrase])
    last = phrase.split()[-1]
    if last in PARTS_OF_DAY:
        w = replace(w, part=PARTS_OF_DAY[last])
    return atom_at(m, w, "day")


_NOW = re.compile(r"(?<![\w-])(?:right\s+now|now|at\s+this\s+time|at\s+(?:the\s+)?present(?:\s+time)?|"
                  r"at\s+the\s+moment|currently|presently|nowadays|these\s+days|till\s+date|to\s+date)(?![\w-])",
                  re.IGNORECASE)


@pattern(_NOW.pattern, needs=("now", "this time", "present", "moment", "currently", "presently", "nowadays",
                               "these days", "date"))
def _now(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "now", "currently", "at the moment": the time the report speaks from (TimeML's PRESENT_REF)."""
    if m.group(0).lower() == "now" and re.match(r"\s+that\b", text_after(ctx, m, 8)):
        return None
    if m.group(0).lower() == "to date" and re.search(r"\bup\s+$", text_before(ctx, m, 4), re.IGNORECASE):
        return None  # "up to date" is modern, not a time
    return atom_at(m, When("literal", literal="PRESENT_REF"), "literal")


@pattern(r"\b(?:recently|lately|(?P<past>the\s+past)|(?P<future>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future)|"
         r"soon)\b", needs=("recently", "lately", "the past", "future", "soon"))
def _vague_reference(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "recently", "in the past" (PAST_REF), "soon", "in the future" (FUTURE_REF): a time before or after the
    report that the words do not fix."""
    after = text_after(ctx, m, 24)
    word = m.group(0).lower()
    if m["past"] or m["future"]:
        if not re.match(r"\s*(?:$|[,.;:!?)]|(?:and|or|but|as|when|where|to|for|in|of|with|is|was|will|has|had|"
                        r"that|which|than|\w+ly)\b)", after, re.IGNORECASE) \
                or re.match(r"\s+of\b", after):
            return None  # "the past week", "the future president", "the future of the plant"
    elif word == "soon" and re.search(r"\b(?:as|how|too|so)\s+$", text_before(ctx, m, 5), re.IGNORECASE):
        return None  # "as soon as", "too soon"
    literal = "FUTURE_REF" if m["future"] or word == "soon" else "PAST_REF"
    return atom_at(m, When("literal", literal=literal), "literal")


# ---------------------------------------------------------------------------------------------- relative periods

_PERIOD_UNITS = {"week": "week", "weekend": "weekend", "month": "month", "year": "year", "quarter": "quarter",
                 "decade": "decade", "century": "century", "working week": "week", "work week": "week",
                 "business week": "week", "yr": "year", "season": "season", "seasons": "season"}


_DURATION_CUE = re.compile(r"\b(?:over|in|during|within|for)\s+(?:the\s+)?$", re.IGNORECASE)


@pattern(r"\b(?:(?P<pre>earlier|later|early|late|mid|(?:by\s+)?(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+)?"
         r"(?P<mod>this\s+past|this|current|last|previous|next|coming|the\s+current|the\s+previous|the\s+coming|"
         r"the\s+following|(?:the\s+)?(?:latest|most\s+recent|just[-\s]ended)|past|the)"
         r"\s+(?P<u>week(?:end)?|month|year|yr|quarter|decade|century|work(?:ing)?\s+week|business\s+week|seasons?)"
         r"(?P<after>\s+after\s+next)?\b", needs=("week", "month", "year", "yr", "quarter", "decade", "century", "season"))
def _relative_period(m: re.Match, ctx: Context) -> Optional[Atom]:
    mod = m["mod"].lower().split()[-1]
    if mod == "the" and not m["after"]:
        return None
    if mod == "past" and m["mod"].lower() == "past" and not m["pre"]:
        return None  # "past week" alone: "the past week" is a duration, "this past week" a date
    unit = _PERIOD_UNITS[" ".join(m["u"].lower().split())]
    if mod in ("last", "previous") and m["mod"].lower().startswith("the") \
            and _DURATION_CUE.search(text_before(ctx, m, 12)):
        return None  # "over the previous year" is a duration
    step = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "the": 0,
            "past": -1, "latest": -1, "recent": -1, "just-ended": -1, "ended": -1}[mod]
    if m["after"]:
        step = 2
    if not ctx.today:
        return atom_at(m, When(unit), "week" if unit in ("week", "weekend") else "period",
                     "past" if step < 0 else "future" if step > 0 else None)
    today = ctx.today
    position = _position(m["pre"])
    if unit in ("week", "weekend"):
        week = week_of(today + timedelta(weeks=step), unit)
        return _part_atom(m, week, position, "week")
    if unit == "month":
        d = add_months(today.replace(day=1), step)
        return _part_atom(m, When("month", d.year, d.month), position, "period")
    if unit == "season":  # meteorological seasons in a row: spring, summer, autumn, then the winter that starts
        # in December of the same year
        position = 3 if today.month in (12, 1, 2) else (today.month - 3) // 3
        count = (today.year - (today.month < 3)) * 4 + position + step
        return atom_at(m, When("season", count // 4, sub=("SP", "SU", "FA", "WI")[count % 4]), "period")
    if unit == "quarter":
        q = (today.month - 1) // 3 + step
        year, q = today.year + q // 4, q % 4
        return atom_at(m, When("quarter", year, sub=f"Q{q + 1}"), "period")
    size = {"year": 1, "decade": 10, "century": 100}[unit]
    return _part_atom(m, When(unit, (today.year // size + step) * size), position, "period")


def _position(pre: Optional[str]) -> Optional[str]:
    """ "the end of" -> "end", "mid" -> "middle"; None for "early", "late", "earlier", "later" (which keep the
    whole period, as news annotation does)."""
    if not pre:
        return None
    words = pre.lower().replace("-", " ").split()
    for word in ("end", "beginning", "start", "middle", "mid"):
        if word in words:
            return word
    return None


def _part_atom(m: re.Match, whole: When, position: Optional[str], role: str) -> Atom:
    """The atom of a period, or of the part of it that "the end of" (...) names."""
    value = part_of(whole, position) if position else whole
    return atom_at(m, value, "interval" if isinstance(value, Interval) else role)


@pattern(r"\byear[-\s]+(?:earlier|ago)(?P<q>\s+(?:quarter|period))?\b",
         needs=("year-earlier", "year earlier", "year-ago", "year ago"))
def _year_earlier(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "year-earlier" (earnings news: the same period a year before): the year before, or the quarter a year
    before the one just reported."""
    before = text_before(ctx, m, 3)
    if re.search(r"\ba\s*$", before, re.IGNORECASE) and not m["q"]:
        return None  # "a year earlier" is an offset of its own
    if not ctx.today:
        return atom_at(m, When("year"), "period")
    if m["q"] and m["q"].split()[0].lower() == "quarter":
        index = (ctx.today.month - 1) // 3 - 1  # the quarter just reported ...
        year, index = ctx.today.year + index // 4 - 1, index % 4  # ... a year before
        return atom_at(m, When("quarter", year, sub=f"Q{index + 1}"), "period")
    return atom_at(m, When("year", ctx.today.year - 1), "period")


_AGO_UNIT = rf"(?:half\s+an?|{CARDINAL_RE}|\d+(?:\.\d+)?)\s+(?:more\s+)?{UNIT_RE}"


@pattern(rf"\b(?P<amounts>{_AGO_UNIT}(?:\s*,?\s*{_AGO_UNIT})*)\s+"
         r"(?P<dir>ago|from\s+now|hence|from\s+today|from\s+tomorrow|from\s+tmrw|before\s+today|after\s+today|"
         r"(?:earlier|later)(?!\s+(?:than|on|in|this|that|today|tomorrow)\b)|(?:before|after)(?=\s*[,.;:)]|\s*$))\b",
         needs=("ago", "from", "hence", "today", "earlier", "later", "before", "after"))
def _ago(m: re.Match, ctx: Context) -> Optional[Atom]:
    sign = -1 if m["dir"].lower().split()[0] in ("ago", "before", "earlier") else 1
    base = 1 if m["dir"].lower().endswith(("tomorrow", "tmrw")) else 0
    # "two years ago" names a year; "three years from today" counts from a day to a day
    by_years = not re.search(r"today|tomorrow|tmrw|now", m["dir"], re.IGNORECASE)
    return _offset_atom(m, ctx, m["amounts"], sign, base, by_years)


@pattern(rf"\b(?P<mod>past|last|previous|next|coming|upcoming)\s+(?P<amounts>{_AGO_UNIT})\b(?!\s+of\b)",
         needs=("past", "last", "previous", "next", "coming", "upcoming"))
def _bare_period(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "past 3 weeks", "next 3 days" without "the": the days up to the report, or from the day after it
    ("the past three years" measures time instead: a duration, read by the numeric scanner)."""
    if re.search(r"\bthe\s+$", text_before(ctx, m, 5), re.IGNORECASE):
        return None
    amounts = _amounts(m["amounts"])
    if amounts is None or has_fine_unit(amounts) or any(n != int(n) for n, _ in amounts):
        return None
    sign = -1 if m["mod"].lower() in ("past", "last", "previous") else 1
    if not ctx.today:
        return atom_at(m, Interval(When("day"), When("day")), "interval")
    if len(amounts) == 1 and amounts[0][1] in ("week", "month", "year"):
        return atom_at(m, _whole_units(ctx.today, int(amounts[0][0]), amounts[0][1], sign), "interval")
    moment = datetime.combine(ctx.today, datetime.min.time())
    if sign < 0:
        first, last = offset(moment, amounts, -1).date(), ctx.today - timedelta(days=1)
    else:
        first, last = ctx.today + timedelta(days=1), offset(moment, amounts, 1).date()
    return atom_at(m, Interval(day_of(first), day_of(last)), "interval")


def _whole_units(today: date, n: int, unit: str, sign: int) -> Interval:
    """ "last 2 weeks" said on a Tuesday: the two whole weeks before this one; "next 3 months": the three
    months after this one (calendar units, as a schedule reads them)."""
    if unit == "week":
        monday = today - timedelta(days=today.weekday())
        first = monday - timedelta(weeks=n) if sign < 0 else monday + timedelta(weeks=1)
        return Interval(week_of(first), week_of(first + timedelta(weeks=n - 1)))
    if unit == "month":
        first = add_months(today.replace(day=1), -n if sign < 0 else 1)
        last = add_months(first, n - 1)
        return Interval(When("month", first.year, first.month), When("month", last.year, last.month))
    first_year = today.year - n if sign < 0 else today.year + 1
    return Interval(When("year", first_year), When("year", first_year + n - 1))


@pattern(rf"\bin\s+(?:another\s+|just\s+|about\s+|around\s+|roughly\s+|approximately\s+)?(?P<amounts>{_AGO_UNIT})"
         r"(?:['’]s?\s+time)?\b"
         r"(?!\s+(?:of|from|to|than|and)\b)",
         needs=UNIT_STEMS)
def _in_units(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "in two days" is a future date; "the highest in 10 years" is a duration (left to the duration finder)."""
    before = text_before(ctx, m, 60)
    if re.search(r"(?:est|first|most|record|time|times|years|once|twice|ever)\b[^.;]*$", before, re.IGNORECASE):
        return None
    if re.match(r"an?\s+(?:sec|second|min|minute|moment)\b", m["amounts"], re.IGNORECASE):
        return None  # "in a second", "in a minute": soon, not a time
    if not re.search(r"\b(?:will|'ll|shall|going to|back|due|expected|plans?|planned|meet|happen|start|return|come|"
                     r"see|be|want|wants|need|needs|hope|hopes|aim|aims|intend|intends|schedule|should|could|would|can|"
                     r"may|might|must|promised?|vowed?|pledged?)\b", before, re.IGNORECASE) and not m.start() == 0:
        return None
    return _offset_atom(m, ctx, m["amounts"], 1, 0)


_AMOUNT = re.compile(rf"(?P<n>half\s+an?|{CARDINAL_RE}|\d+(?:\.\d+)?)\s+(?:more\s+)?(?P<u>{UNIT_RE})", re.IGNORECASE)


def _amounts(text: str) -> Optional[Amounts]:
    """ "2 years 1 month" -> ((2, "year"), (1, "month"))."""
    parts = []
    for a in _AMOUNT.finditer(text):
        if a["n"].lower().startswith("half"):
            n: Optional[float] = 0.5
        else:
            n = number_value(a["n"]) if not a["n"].replace(".", "").isdigit() else float(a["n"])
        unit = UNIT_NAMES.get(a["u"].lower().rstrip("s")) or UNIT_NAMES.get(a["u"].lower())
        if n is None or unit is None:
            return None
        parts.append((n, unit))
    return tuple(parts)


def _offset_atom(m: re.Match, ctx: Context, text: str, sign: int, base_days: int,
                 by_years: bool = False) -> Optional[Atom]:
    amounts = _amounts(text)
    if amounts is None:
        return None
    years = by_years and all(unit in ("year", "decade", "century") and n == int(n) for n, unit in amounts)
    if not ctx.ref:
        return atom_at(m, When("year" if years else "day"), "period" if years else "day")
    moment = offset(ctx.ref + timedelta(days=base_days), amounts, sign)
    if years:
        return atom_at(m, When("year", moment.year), "period")
    w = day_of(moment.date())
    if has_fine_unit(amounts):
        w = replace(w, hour=moment.hour, minute=moment.minute, second=moment.second or None)
    return atom_at(m, w, "day")


@pattern(rf"\b(?P<amounts>{_AGO_UNIT}(?:\s*,?\s*{_AGO_UNIT})*)\s+(?P<dir>from|after|before)(?=\s+\S)",
         needs=("from", "after", "before"))
def _offset_before_a_date(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "three days before" of "three days before Christmas": kept only when a day follows."""
    amounts = _amounts(m["amounts"])
    if amounts is None:
        return None
    return atom_at(m, Shift(When("day"), amounts, -1 if m["dir"].lower() == "before" else 1), "weak_offset")


@pattern(rf"\b(?:the\s+)?(?P<d>\d{{1,2}}(?:st|nd|rd|th)?|{ORDINAL_WORD_RE})(?:\s+day)?\s+of\s+(?:the\s+)?"
         r"(?:(?P<mod>this|next|last|previous|following|current)\s+)?month\b", needs=("month",))
def _day_of_relative_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    day = number_value(m["d"])
    if not day or day > 31:
        return None
    if not ctx.today:
        return atom_at(m, When("day", day=day), "day")
    steps = {"this": 0, "current": 0, "next": 1, "following": 1, "last": -1, "previous": -1}
    step = steps[(m["mod"] or "this").lower()]
    first = add_months(ctx.today.replace(day=1), step)
    if not valid_day(first.year, first.month, day):
        return None
    return atom_at(m, When("day", first.year, first.month, day), "day")


@pattern(rf"\b(?P<on>on\s+)?(?P<dom>(?:the\s+)?(?P<d>(?:[0-2]?\d|3[01])(?:st|nd|rd|th)|{ORDINAL_WORD_RE}))\b"
         r"(?!\s+(?:of|century|day))",
         needs=("#ordinal", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                "tenth", "eleventh", "twelfth", "teenth", "tieth"))
def _day_of_month(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "on the 21st" alone; "the 4th" only next to a weekday ("Tuesday the 4th")."""
    day = number_value(m["d"])
    if not day or day > 31:
        return None
    role = "dom" if m["on"] and m["d"][0].isdigit() else "weak_dom"
    if role == "weak_dom" and _NOUN_AFTER.match(text_after(ctx, m)):
        return None  # "the second round", "the 4th fleet"
    return atom_at(m, When("day", day=day), role, group="dom")


_NOUN_AFTER = re.compile(r"\s+(?!(?:at|in|of|on|and|or|to|from|until|till|through|by|for|with|the|this|next|last)\b)"
                         r"[a-z]")


@pattern(r"\b(?:over\s+|during\s+|at\s+)?the\s+weekend\b", needs=("weekend",))
def _the_weekend(m: re.Match, ctx: Context) -> Optional[Atom]:
    return atom_at(m, When("weekend"), "week")


_BUSINESS_ABBREVIATIONS = {"eod": "day", "cob": "day", "eow": "week", "eom": "month", "boy": "year", "eoy": "year",
                           "eoq": "quarter"}


@pattern(r"\b(?:by\s+)?(?:the\s+)?(?:(?P<pos>end|beginning|start|middle|rest)\s+of\s+(?:the\s+)?(?P<u>year|month|"
         r"week|day|quarter)\b|(?P<u2>year|month|quarter)[-\s]end\b|mid-?(?P<u3>year|month)\b"
         r"|(?P<abbr>EOD|COB|EOW|EOM|EOQ|EOY|BOY)\b)",
         re.IGNORECASE | re.ASCII,
         needs=("end of", "beginning of", "start of", "middle of", "rest of", "end", "mid", "eod", "cob", "eow", "eom",
                "eoq", "eoy", "boy"))
def _part_of_current_period(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "by the end of the year", "year-end", "midyear", "by EOY" (business shorthand, in capitals): the current
    period (its part is not in the value); "the rest of the week" runs from the report to the period's end."""
    if m["abbr"] and not m["abbr"].isupper():
        return None  # "boy", "cob": words
    unit = (m["u"] or m["u2"] or m["u3"] or _BUSINESS_ABBREVIATIONS.get((m["abbr"] or "").lower(), "")).lower()
    if unit == "day":
        return atom_at(m, relative_day(ctx, 0), "day")  # "by the end of the day", "EOD": today
    if unit == "quarter":
        if not ctx.today:
            return atom_at(m, When("quarter"), "period")
        return atom_at(m, When("quarter", ctx.today.year, sub=f"Q{(ctx.today.month - 1) // 3 + 1}"), "period")
    position = (m["pos"] or "").lower() or ("end" if m["u2"] or (m["abbr"] or "").lower().startswith("eo")
                                            else "beginning" if m["abbr"] else "middle")
    if position == "rest" and ctx.today:
        return atom_at(m, Interval(day_of(ctx.today), day_of(_period_end(ctx.today, unit))), "interval")
    if not ctx.today:
        return atom_at(m, When(unit), "week" if unit == "week" else "period")
    if position == "end" and re.match(r"by\b", m.group(0), re.IGNORECASE):
        # "by the end of the month", "by EOY": a deadline, from the report to the period's end
        return atom_at(m, Interval(day_of(ctx.today), day_of(_period_end(ctx.today, unit))), "interval")
    if unit == "week":
        return _part_atom(m, week_of(ctx.today), position, "week")
    if unit == "month":
        return _part_atom(m, When("month", ctx.today.year, ctx.today.month), position, "period")
    return _part_atom(m, When("year", ctx.today.year), position, "period")


def _period_end(today: date, unit: str) -> date:
    if unit == "week":
        return today + timedelta(days=6 - today.weekday())
    if unit == "month":
        return add_months(today.replace(day=1), 1) - timedelta(days=1)
    return date(today.year, 12, 31)


@pattern(r"\b(?:(?P<pre>earlier|later|early|late)\s+in\s+)?the\s+(?P<u>year|month|quarter)\b(?!\s+(?:before|after|"
         r"earlier|later|ago|\d))",
         needs=("the year", "the month", "the quarter"))
def _the_current_period(m: re.Match, ctx: Context) -> Optional[Atom]:
    """ "for the year", "earlier in the month": the period the article is in."""
    unit = m["u"].lower()
    if re.search(r"\b(?:of|per|a|each|every)\s+$", text_before(ctx, m, 8), re.IGNORECASE) and not m["pre"]:
        return None  # "person of the year", "once per the month"
    today = ctx.today
    if today is None:
        return atom_at(m, When(unit), "period")
    if unit == "month":
        return atom_at(m, When("month", today.year, today.month), "period")
    if unit == "quarter":  # in earnings news, the quarter just reported (past tense) or the current one
        return atom_at(m, When("quarter"), "period")
    return atom_at(m, When("year", today.year), "period")
