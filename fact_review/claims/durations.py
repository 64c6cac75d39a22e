"""Durations written without digits or with a lead-in: "an hour", "half an hour", "a year", "all month",
"a few hours", "over the past week", "in the last 24 hours", "an hour and a half".

Durations with a number ("6+ months", "three-years-long") are read by the scanner through
``units.unit_after``; this module covers the forms that start with a word.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Sequence

from fact_review.claims import lexicon as lx
from fact_review.claims.numbers import read_number
from fact_review.claims.tokens import Token
from fact_review.claims.units import duration_unit_at

D = Decimal
# "for/in the last 3 months" reads as a date range in most annotations; "over the past week" as a duration.
_LEAD_PREPOSITIONS = frozenset({"over", "during", "throughout"})
_PERIODS = frozenset({"past", "last", "previous", "preceding", "next", "coming", "following"})
_VAGUE_COUNTS = {"few": "few", "several": "several", "many": "many", "couple": "a couple"}
# Words before "a year", "a day" that make it a frequency or a rate, not a duration.
_RATE_WORDS = frozenset({"once", "twice", "thrice", "times", "per", "a", "an"})
# Words after "a second" that show it is a duration; otherwise it is the ordinal ("a second night").
_AFTER_DURATION = frozenset({"ago", "later", "earlier", "before", "after", "or", "and", "to", "of", "in",
                             "for", "more", "longer", "left"})


_VAGUE_PLURALS = {"days": "day", "weeks": "week", "months": "month", "years": "year", "decades": "decade",
                  "hours": "hour", "minutes": "minute", "centuries": "century"}
_BARE_UNIT_LEADS = frozenset({"for", "within", "after", "over", "in", "taking", "took", "takes", "last", "lasted"})
_SINGLE_PERIOD_UNITS = frozenset({"week", "month", "year", "decade", "century", "fortnight"})
_OFFSET_WORDS = frozenset({"from", "before", "after", "since", "until", "till"})
_DATE_WORDS = frozenset({"today", "tomorrow", "yesterday", "tonight", "now", "noon", "midnight", "new", "christmas",
                         "easter"}) | lx.WEEKDAYS | lx.MONTHS
# Without "the", "next 3 days" and "past 2 weeks" are periods on the calendar (the date extractor's); "within 9
# months" and "the past three years" measure time.
_PERIOD_DETERMINERS = frozenset({"next", "previous", "first", "coming", "last", "past", "final"})


def is_date_offset(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A span of time that points at a date rather than measuring one: "3 days from Tuesday", "5 days
    before new year", "for 2 hours from 2pm", "the first 2 weeks of 2021", "within 9 months"."""
    n = len(tokens)
    if end < n and tokens[end].low in ("earlier", "later", "ago", "hence"):
        return True
    if end + 1 < n and tokens[end].low in _OFFSET_WORDS:
        nxt = tokens[end + 1]
        if nxt.low in _DATE_WORDS or nxt.kind == "num":
            return True
    if end + 1 < n and tokens[end].low == "of" and tokens[end + 1].kind == "num":
        return True  # "the first 2 weeks of 2021"
    return start > 0 and tokens[start - 1].low in _PERIOD_DETERMINERS \
        and not (start > 1 and tokens[start - 2].low == "the" and tokens[start - 1].low != "first")


@dataclass(frozen=True)
class Duration:
    start: int
    end: int
    value: Optional[Decimal]
    unit: str
    qualifier: Optional[str] = None  # "few", "several" for vague counts
    low: Optional[Decimal] = None


def half_more(tokens: Sequence[Token], j: int) -> tuple[Decimal, int]:
    """ "and a half", "and half" after a unit: 0.5 more."""
    if j + 1 < len(tokens) and tokens[j].low == "and":
        k = j + 1
        if tokens[k].low in ("a", "an") and k + 1 < len(tokens):
            k += 1
        if tokens[k].low == "half":
            return D("0.5"), k + 1
    return D(0), j


def _one_unit(tokens: Sequence[Token], i: int) -> Optional[Duration]:
    """ "a year", "an hour", "one hour and a half", "half an hour", "half year", "all month", "the hour"."""
    n = len(tokens)
    t = tokens[i]
    if t.low in ("a", "an", "another"):
        found = duration_unit_at(tokens, i + 1, False)
        if found is None or tokens[i + 1].low in ("h", "min", "sec", "hr", "mo", "ms"):
            return None
        unit, end = found
        if i > 0 and tokens[i - 1].low in _RATE_WORDS:
            return None
        if tokens[i + 1].low == "second":
            if i > 0 and tokens[i - 1].low == "in":
                return None  # "in a second": a moment, not a measured time
            nxt = tokens[end] if end < n else None
            if nxt is not None and nxt.kind in ("word", "num") and nxt.low not in _AFTER_DURATION:
                return None  # "a second straight night"
        extra, end = half_more(tokens, end)
        return Duration(i, end, D(1) + extra, unit)
    if t.low == "half":
        k = i + 1
        if k < n and tokens[k].text == "-" and not tokens[k].gap:
            k += 1
        if k < n and tokens[k].low in ("a", "an"):
            k += 1
        found = duration_unit_at(tokens, k, False)
        if found is None:
            return None
        unit, end = found
        return Duration(i, end, D("0.5"), unit)
    if t.low == "all" or (t.low in ("the", "full", "whole", "entire") and i > 0 and tokens[i - 1].low == "for"):
        k = i + 1  # "all month", "for the hour", "for full year"
        if t.low == "all" and k < n and tokens[k].text == "-" and not tokens[k].gap:
            k += 1
        found = duration_unit_at(tokens, k, False)
        if found is None or tokens[k].low not in ("day", "week", "month", "year", "night", "hour"):
            return None
        unit, end = found
        if end < n and tokens[end].kind == "word" and tokens[end].low not in _AFTER_DURATION:
            return None  # "the hour hand"
        return Duration(i, end, D(1), unit)
    return None


def _vague_units(tokens: Sequence[Token], i: int) -> Optional[Duration]:
    """ "a few hours", "several weeks", "a couple of days", "few hours"."""
    n = len(tokens)
    k = i
    if tokens[k].low == "a" and k + 1 < n:
        k += 1
    word = tokens[k].low
    if word not in _VAGUE_COUNTS or (k == i + 1 and word not in ("few", "couple")):
        return None
    k += 1
    if word == "couple" and k < n and tokens[k].low == "of":
        k += 1
    found = duration_unit_at(tokens, k, False)
    if found is None or not tokens[k].low.endswith("s"):
        return None
    unit, end = found
    if word == "couple":
        return Duration(i, end, D(2), unit)
    phrase = ("a " if k - i > 1 and tokens[i].low == "a" else "") + _VAGUE_COUNTS[word]
    return Duration(i, end, None, unit, qualifier=phrase, low=D(2))


def _over_the_period(tokens: Sequence[Token], i: int) -> Optional[Duration]:
    """ "over the past week", "during the last 24 hours", "over the next two years", and from "the" on:
    "(in) the past three years", "(for) the last decade" (a stretch of time up to or from the report)."""
    n = len(tokens)
    lead = 1 if tokens[i].low in _LEAD_PREPOSITIONS else 0
    if not (i + lead + 2 < n and tokens[i + lead].low == "the" and tokens[i + lead + 1].low in _PERIODS):
        return None
    k = i + lead + 2
    found = duration_unit_at(tokens, k, False)
    if found is not None and not lead and (tokens[k].low not in _SINGLE_PERIOD_UNITS
                                           or tokens[i + 1].low not in ("past", "last")
                                           or found[1] < n and tokens[found[1]].low in ("of", "before", "after")):
        return None  # "the next day", "the last week of May": dates
    if found is not None:
        unit, end = found
        extra, end = half_more(tokens, end)
        return Duration(i, end, D(1) + extra, unit)
    inner = _vague_units(tokens, k)
    if inner is not None:
        return Duration(i, inner.end, inner.value, inner.unit, inner.qualifier, inner.low)
    number = read_number(tokens, k)
    if number is None or number.value is None or number.ordinal:
        return None
    found = duration_unit_at(tokens, number.end, not tokens[number.end].gap if number.end < n else False)
    if found is None:
        return None
    unit, end = found
    extra, end = half_more(tokens, end)
    return Duration(i, end, number.value + extra, unit)


def _bare_units(tokens: Sequence[Token], i: int, floor: int) -> Optional[Duration]:
    """ "for years", "within weeks", "after months of talks", "in recent years": a stretch of time whose
    length the words leave open (value null, the unit known)."""
    t = tokens[i]
    if t.low not in _VAGUE_PLURALS or i == 0:
        return None
    prev = tokens[i - 1]
    if prev.low == "recent" and i - 1 >= floor:
        return Duration(i - 1, i + 1, None, _VAGUE_PLURALS[t.low])
    if prev.low in _PERIODS and i > 1 and tokens[i - 2].low == "the" and i - 2 >= floor:
        return Duration(i - 2, i + 1, None, _VAGUE_PLURALS[t.low])  # "the coming months"
    if prev.low in _BARE_UNIT_LEADS:
        return Duration(i, i + 1, None, _VAGUE_PLURALS[t.low])
    return None


def wordless_duration(tokens: Sequence[Token], i: int, floor: int = 0) -> Optional[Duration]:
    t = tokens[i]
    if t.kind != "word" or t.masked:
        return None
    if t.low in _LEAD_PREPOSITIONS:
        return _over_the_period(tokens, i)
    if t.low == "the":
        return _over_the_period(tokens, i) or _one_unit(tokens, i)  # "the past year"; "for the hour"
    return _one_unit(tokens, i) or _vague_units(tokens, i) or _bare_units(tokens, i, floor)
