"""The building blocks of date patterns: ``Atom`` (a found piece of a date expression), the pattern registry
and the helpers the pattern modules share.

Each pattern's handler turns a regex match into an ``Atom`` or rejects it ("may" as a modal, "2000 pieces").
Atoms are combined afterwards ("Monday" + "morning", "May 25" + "3pm", "July 13" - "15") by ``compose``.
Relative expressions are computed from the reference date by their handlers; without one their unknown parts
stay open.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, Optional, Union

from fact_review.claims.dates.lexicon import MONTHS, WEEKDAYS, alternation
from fact_review.claims.dates.resolve import Interval, Shift, When, day_of


# Roles say how an atom may combine: "day" (a calendar day, maybe only a weekday), "time" (a time of day),
# "part" (morning, evening...), "week" (a named week), "period" (month, year, quarter...), "dom" (a day of
# the month alone), "set" (daily), "interval". Roles starting with "weak" are dropped unless combined.
Value = Union[When, Interval, Shift]


@dataclass(frozen=True)
class Atom:
    start: int
    end: int
    value: Value
    role: str
    direction: Optional[str] = None  # "past"/"future" when the words fix it ("last", "next")
    fallback: Optional[str] = None  # the direction when the sentence gives none ("this": Christmas of this year)


@dataclass(frozen=True)
class Context:
    text: str
    ref: Optional[datetime]

    @property
    def today(self) -> Optional[date]:
        return self.ref.date() if self.ref else None


Handler = Callable[[re.Match, Context], Optional[Atom]]


_DIGIT = re.compile(r"\d")
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
    words: frozenset[str]  # the lower-cased text must contain one of these words for a match
    shapes: tuple[str, ...]  # ... or one of these digit shapes
    digits: bool  # the regex cannot match without a digit

    def may_match(self, facts: TextFacts) -> bool:
        """Whether the regex can match the text of ``facts`` (see ``Prefilter``)."""
        if self.digits and not facts.has_digit:
            return False
        if not self.words and not self.shapes:
            return True
        if self.words & facts.present:
            return True
        return any(facts.has_shape(shape) for shape in self.shapes)


class TextFacts:
    """What ``Pattern.may_match`` asks of a text, each looked for once, when first asked."""

    def __init__(self, text: str, prefilter: Prefilter) -> None:
        self.lowered = text.lower()
        self.has_digit = _DIGIT.search(text) is not None
        self._prefilter = prefilter
        self._present: Optional[frozenset[str]] = None
        self._shapes: dict[str, bool] = {}

    @property
    def present(self) -> frozenset[str]:
        """The need words of the patterns in the text."""
        if self._present is None:
            self._present = self._prefilter.present(self.lowered)
        return self._present

    def has_shape(self, shape: str) -> bool:
        found = self._shapes.get(shape)
        if found is None:
            found = self._shapes[shape] = SHAPES[shape].search(self.lowered) is not None
        return found


class Prefilter:
    """Which need words of the patterns a text holds, found in one pass over it."""

    def __init__(self, patterns: list[Pattern]) -> None:
        words = set().union(*(p.words for p in patterns))
        # zero-width, so that it looks at every position; the longest word starting there is taken, and a
        # word counts every shorter need word inside it ("today" holds "day")
        self._regex = re.compile(f"(?=({alternation(words, literal=True)}))")
        self._inside = {w: frozenset(v for v in words if v in w) for w in words}

    def facts(self, text: str) -> TextFacts:
        return TextFacts(text, self)

    def present(self, lowered: str) -> frozenset[str]:
        found: set[str] = set()
        for m in self._regex.finditer(lowered):
            found |= self._inside[m.group(1)]
        return frozenset(found)


PATTERNS: list[Pattern] = []


def pattern(regex: str, flags: int = re.IGNORECASE, needs: tuple[str, ...] = (),
            digits: bool = False) -> Callable[[Handler], Handler]:
    """Registers a handler; ``needs`` (words or "#" shapes) and ``digits`` let the finder skip a regex
    that cannot match a text."""
    def register(handler: Handler) -> Handler:
        words = frozenset(w for w in needs if not w.startswith("#"))
        shapes = tuple(w for w in needs if w.startswith("#"))
        PATTERNS.append(Pattern(re.compile(regex, flags), handler, words, shapes, digits))
        return handler

    return register


MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
UNIT_STEMS = ("sec", "min", "hour", "hr", "day", "week", "wk", "fortnight", "month", "year", "yr", "decade")
PART_WORDS = ("morning", "afternoon", "evening", "night", "tonite")


def atom_at(m: re.Match, value: Value, role: str, direction: Optional[str] = None, group: int | str = 0) -> Atom:
    return Atom(m.start(group), m.end(group), value, role, direction)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def written_year(word: str, ref: Optional[datetime]) -> int:
    """A written year; two digits ("'87", "35") are put in the century that keeps them nearest the reference."""
    digits = word.strip("'’")
    if len(digits) == 4:
        return int(digits)
    pivot = (ref.year if ref else 2000) + 20
    year = 1900 + int(digits)
    return year + 100 if year + 100 <= pivot else year


def text_before(ctx: Context, m: re.Match, n: int = 24, group: int | str = 0) -> str:
    return ctx.text[max(0, m.start(group) - n):m.start(group)]


def text_after(ctx: Context, m: re.Match, n: int = 24, group: int | str = 0) -> str:
    return ctx.text[m.end(group):m.end(group) + n]


_DATE_CUE = re.compile(r"(?:\b(?:in|on|of|since|until|till|by|during|from|through|to|before|after|between|and|"
                       r"early|mid|late|last|this|next|every|each|around|circa|for|the|or)\s*-?|[,(])\s*$",
                       re.IGNORECASE)


def has_date_cue(ctx: Context, m: re.Match, group: int | str = 0) -> bool:
    return bool(_DATE_CUE.search(text_before(ctx, m, 16, group)))


def relative_day(ctx: Context, days: int) -> When:
    return day_of(ctx.today + timedelta(days=days)) if ctx.today else When("day")
