"""Date claims: ``find_dates(text, reference) -> list[Claim]`` (kind "date", ISO 8601 ``date``, value null).

Finds absolute, partial and relative dates and times of day with the patterns of ``patterns`` (calendar
dates), ``holidays``, ``parts`` (parts of a period: "the last day of October"), ``relative``, ``spelled``
(dates in words) and ``times``, combines neighbours with ``compose``, and resolves what is left open against
``reference`` (the article's publication date): "Tuesday" becomes the Tuesday the sentence's tense points to,
"April 26" the nearest April 26 (or the one the tense points to). Without a reference the unknown parts are
written as X ("XXXX-04-26"). All of it is calendar arithmetic: dateparser is not needed. ``spans.date_span``
reads the values back as days.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Optional

from fact_review.claims.dates import holidays, parts, patterns, relative, spelled, times
from fact_review.claims.dates.atoms import PATTERNS, Atom, Context, Prefilter
from fact_review.claims.dates.compose import compose
from fact_review.claims.dates.resolve import (
    Direction, Interval, Shift, When, render, render_interval, resolve, resolve_shift,
)
from fact_review.claims.dates.spans import date_span
from fact_review.claims.regex_starts import StartIndex
from fact_review.model import Claim

_FUTURE = re.compile(r"\b(?:will|won['’]t|shall|would(?!\s+(?:not\s+)?have\b)|going\s+to|plans?\s+to|planned|"
                     r"scheduled|expected|due\s+to|set\s+to|upcoming|next|coming|until|till)\b|['’]ll\b",
                     re.IGNORECASE)
_PAST = re.compile(r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)"  # "will be held" is passive, not past
                   r"\b(?:was|were|had|did|ago|last|earlier|previously|since|saw|took|came|went|began|fell|rose|won|"
                   r"lost|made|gave|hit|struck|left|met|held|led|ran|got|became|brought|found|sent|spent|built|"
                   r"paid|sold|kept|shot|fought|flew|drove|broke|spoke|wrote|stood|"
                   r"(?!(?:planned|scheduled|expected)\b)[a-z]{2,}ed)\b",
                   re.IGNORECASE)
# Reporting verbs say when something was said, not when it happens: after a date they count only when
# nothing else does.
_REPORTING = re.compile(r"\b(?:said|says|told|tells|according)\b", re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|told)\b", re.IGNORECASE)  # before a date it dates the telling: "said Tuesday"
_SENTENCE_END = re.compile(r"[.!?\n]\s")
# The words around a date that stands alone ("Saturday at 9am", "on March 3"): no verb, nothing else.
_ALONE = re.compile(r"^[\s\W]*(?:(?:at|on|in|for|by|from|until|till|to|the|this|of|and|or)\b[\s\W]*)*$",
                    re.IGNORECASE)

PATTERN_MODULES = (patterns, holidays, parts, relative, spelled, times)  # importing them registers their patterns
_PREFILTER = Prefilter(PATTERNS)
_STARTS = StartIndex([p.regex for p in PATTERNS])  # each pattern is tried only where it can start


def find_dates(text: str, reference: Optional[datetime]) -> list[Claim]:
    """Every date expression of ``text`` in order of position, resolved against ``reference`` when given."""
    if not text:
        return []
    ctx = Context(text, reference)
    facts = _PREFILTER.facts(text)
    atoms = []
    for i, m in _STARTS.matches(text, lambda i: PATTERNS[i].may_match(facts)):
        try:
            atom = PATTERNS[i].handler(m, ctx)
        except (ValueError, OverflowError):  # off the calendar: "Christmas 0000", "9999 decades ago"
            continue
        if atom is not None and atom.start < atom.end:
            atoms.append(atom)
    claims = []
    for atom in compose(atoms, text):
        direction = _direction(atom, text) if reference is not None and _open(atom.value) else "near"
        try:
            date = _render(atom, reference, direction)
        except (ValueError, OverflowError):  # the reference moves it off the calendar
            continue
        claims.append(Claim(start=atom.start, end=atom.end, text=text[atom.start:atom.end], kind="date", date=date))
    return claims


def _render(atom: Atom, reference: Optional[datetime], direction: Direction) -> str:
    value = atom.value
    if isinstance(value, Interval):
        start = resolve(value.start, reference, direction)
        end = value.end
        if reference is not None and end.year is None and end.month is not None and start.year is not None:
            end = replace(end, year=start.year)  # the end follows the start: "Nov 28 - Dec 3"
            if (end.month, end.day or 0) < (start.month or 0, start.day or 0):
                end = replace(end, year=start.year + 1)
        if reference is not None and end.weekday is not None and end.month is None and start.year is not None \
                and start.day is not None:  # "from next Monday to Friday": the first Friday after
            first = date(start.year, start.month, start.day)
            d = first + timedelta(days=(end.weekday - first.weekday()) % 7)
            end = replace(end, year=d.year, month=d.month, day=d.day, weekday=None)
        end = resolve(end, reference, direction)
        first, last = date_span(render(start)), date_span(render(end))
        if first and last and last.end <= first.start:
            raise ValueError("a range that ends before it starts")  # "Q3 - this May"
        return render_interval(Interval(start, end))
    if isinstance(value, Shift):
        return render(resolve_shift(value, reference, direction))
    return render(resolve(value, reference, direction))


def _open(value: When | Interval | Shift) -> bool:
    """Whether resolving ``value`` needs a direction: a weekday, a month or day without its year."""
    if isinstance(value, Interval):
        return _open(value.start) or _open(value.end)
    if isinstance(value, Shift):
        return _open(value.base)
    return (value.weekday is not None and value.month is None) or (value.year is None and value.month is not None) \
        or (value.grain == "weekend" and value.week is None) \
        or (value.grain in ("quarter", "half") and value.year is None)


def _direction(atom: Atom, text: str) -> Direction:
    """Which way an open date points: fixed by its words ("last", "next"), else by the sentence's tense."""
    if atom.direction in ("past", "future"):
        return atom.direction  # type: ignore[return-value]
    left = text[max(0, atom.start - 160):atom.start]
    ends = list(_SENTENCE_END.finditer(left))
    if ends:
        left = left[ends[-1].end():]
    right = text[atom.end:atom.end + 100]
    end = _SENTENCE_END.search(right)
    if end:
        right = right[:end.start()]
    # The verb governing a date mostly comes before it ("announced in November, would take effect in April");
    # a reporting verb right before it dates the report ("said Tuesday that ...").
    before = [(m.end(), "future") for m in _FUTURE.finditer(left)]
    before += [(m.end(), "past") for m in _PAST.finditer(left)]
    before += [(m.end(), "past") for m in _SAID.finditer(left)]
    if before:
        return max(before)[1]  # type: ignore[return-value]
    after = [(m.start(), "future") for m in _FUTURE.finditer(right)]
    after += [(m.start(), "past") for m in _PAST.finditer(right)]
    if after:
        return min(after)[1]  # type: ignore[return-value]
    if _REPORTING.search(right):
        return "past"
    if _ALONE.match(left) and _ALONE.match(right):
        return "future"  # a date standing alone, as in a listing or a schedule: the coming one
    if atom.fallback in ("this", "past", "future"):
        return atom.fallback  # type: ignore[return-value]
    value = atom.value
    if isinstance(value, When) and value.weekday is not None:
        return "past"  # news reports on what happened
    return "near"
