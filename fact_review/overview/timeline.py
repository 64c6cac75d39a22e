"""The timeline: the days each source places the case's events on, a lane per source.

A mark is a statement's window: the first and last day it allows for its event (either end open: "no
later than April 2024", "after 6+ months of occupation" counted from the incursion). Time facts give the
windows the engine resolved (``FactRow.claim_windows``: a duration gets the days its chain places the event
on); every other check-worthy date claim is placed by its own date. Two marks that cannot both hold (a
date check in conflict, or two statements of one fact in conflict whose windows do not meet) are a
conflict pair.

The axis spans the story: the days of the short, bounded marks, widened to the marks near them. A date far
outside ("built in 1871" in a report of 2026) is off the axis, before or after it, never drawn on a day it
does not name.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Mapping, Optional, Protocol, Sequence

from fact_review.claims.dates.spans import date_span
from fact_review.events.calendar import day_words
from fact_review.overview.figure_table import ArticleLike

FOCUS_DAYS = 62  # a mark this long or shorter, with both ends known, says when the story happens
MIN_REACH_DAYS = 60  # how far around the story's days a mark still counts as near it

BEFORE, ON, AFTER = "before", "on", "after"  # where a mark lies against the axis


class DatedClaimLike(Protocol):
    id: int
    article_id: int
    kind: str
    text: str
    date: Optional[str]
    check_worthy: bool


class TimeFactLike(Protocol):
    key: str
    kind: str
    status: str
    claim_ids: tuple[int, ...]
    claim_windows: tuple[tuple[Optional[str], Optional[str]], ...]


class CheckLike(Protocol):
    kind: str
    status: str
    claim_ids: tuple[int, ...]


@dataclass(frozen=True)
class TimelineMark:
    claim_id: int
    article_id: int
    earliest: Optional[date]  # the first day the statement allows; None: open
    latest: Optional[date]  # the last day (inclusive); None: open
    fact: Optional[str]  # the key of the time fact it belongs to
    conflict: bool  # it cannot hold with another mark
    counted_from: tuple[int, ...] = ()  # a duration: the claims that date the event it counts from
    own: bool = False  # the window is the days the claim's own date names (its words say it best)

    @property
    def bounded(self) -> bool:
        return self.earliest is not None and self.latest is not None

    @property
    def first_known(self) -> date:
        return self.earliest or self.latest  # type: ignore[return-value]

    @property
    def last_known(self) -> date:
        return self.latest or self.earliest  # type: ignore[return-value]


@dataclass(frozen=True)
class Timeline:
    article_ids: tuple[int, ...]  # the lanes, in the case's order
    marks: tuple[TimelineMark, ...]  # by first known day
    conflicts: tuple[tuple[int, int], ...]  # pairs of claim ids whose marks cannot both hold
    first: date  # the axis: its first and last day (inclusive)
    last: date

    def place(self, mark: TimelineMark) -> str:
        """Whether a mark lies before the axis, on it (at least in part), or after it."""
        if mark.latest is not None and mark.latest < self.first:
            return BEFORE
        if mark.earliest is not None and mark.earliest > self.last:
            return AFTER
        return ON


def timeline(articles: Sequence[ArticleLike], claims: Mapping[int, DatedClaimLike], facts: Sequence[TimeFactLike],
             checks: Sequence[CheckLike]) -> Timeline:
    lanes = tuple(a.id for a in sorted(articles, key=lambda a: a.position))
    shown = {claim_id for claim_id, claim in claims.items() if claim.article_id in lanes}
    windows: dict[int, tuple[Optional[date], Optional[date]]] = {}
    fact_of: dict[int, str] = {}
    for fact in facts:
        if fact.kind != "time":
            continue
        for claim_id, (earliest, latest) in zip(fact.claim_ids, fact.claim_windows):
            if claim_id in shown and (earliest or latest):
                windows[claim_id] = (_day(earliest), _day(latest))
        for claim_id in fact.claim_ids:
            if claim_id in shown:
                fact_of[claim_id] = fact.key
    own: dict[int, tuple[date, date]] = {}
    for claim_id in shown:
        claim = claims[claim_id]
        if claim_id in fact_of or claim.check_worthy:
            days = _own_window(claim)
            if days is not None:
                own[claim_id] = days
                windows.setdefault(claim_id, days)
    pairs = _conflict_pairs(facts, checks, windows)
    in_conflict = {c for pair in pairs for c in pair}
    chains = _chains(claims, facts, checks)
    marks = [TimelineMark(claim_id, claims[claim_id].article_id, earliest, latest, fact_of.get(claim_id),
                          claim_id in in_conflict, chains.get(claim_id, ()), own.get(claim_id) == (earliest, latest))
             for claim_id, (earliest, latest) in windows.items()]
    marks.sort(key=lambda m: (m.first_known, m.last_known, lanes.index(m.article_id), m.claim_id))
    first, last = _axis(marks)
    return Timeline(lanes, tuple(marks), tuple(pairs), first, last)


def window_words(mark: TimelineMark) -> str:
    """The days a mark allows, in words: "3 March 2026", "between 1 and 9 March 2026", "no later than 30
    April 2024", "no earlier than 29 January 2025"."""
    first, last = (None if day is None else day_words(day.toordinal()) for day in (mark.earliest, mark.latest))
    if first and last:
        return first if first == last else f"between {first} and {last}"
    return f"no earlier than {first}" if first else f"no later than {last}"


def _day(iso: Optional[str]) -> Optional[date]:
    return date.fromisoformat(iso) if iso else None


def _own_window(claim: DatedClaimLike) -> Optional[tuple[date, date]]:
    """The days a date claim names by itself, when its year is known."""
    if claim.kind != "date" or not claim.date:
        return None
    span = date_span(claim.date)
    if span is None or not span.year_known:
        return None
    return span.start, span.end - timedelta(days=1)


def _meet(a: tuple, b: tuple) -> bool:
    """Whether two windows (earliest, latest; None open) share a day."""
    return (a[0] is None or b[1] is None or a[0] <= b[1]) and (b[0] is None or a[1] is None or b[0] <= a[1])


def _conflict_pairs(facts: Sequence[TimeFactLike], checks: Sequence[CheckLike],
                    windows: Mapping[int, tuple]) -> list[tuple[int, int]]:
    pairs: dict[frozenset[int], tuple[int, int]] = {}
    for check in checks:
        if check.kind == "date" and check.status == "conflict":
            members = [c for c in check.claim_ids if c in windows]
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if not _meet(windows[a], windows[b]):
                        pairs.setdefault(frozenset((a, b)), (a, b))
    for fact in facts:
        if fact.kind != "time" or fact.status != "conflict":
            continue
        members = [c for c in fact.claim_ids if c in windows]
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if not _meet(windows[a], windows[b]):
                    pairs.setdefault(frozenset((a, b)), (a, b))
    return list(pairs.values())


def _chains(claims: Mapping[int, DatedClaimLike], facts: Sequence[TimeFactLike],
            checks: Sequence[CheckLike]) -> dict[int, tuple[int, ...]]:
    """For each duration of a time fact that an order check names: the dates in that check of other facts,
    which date the event the duration counts from ("August 2024" for "6+ months")."""
    fact_of = {c: fact.key for fact in facts if fact.kind == "time" for c in fact.claim_ids}
    chains: dict[int, tuple[int, ...]] = {}
    for check in checks:
        if check.kind != "order":
            continue
        for claim_id in check.claim_ids:
            claim = claims.get(claim_id)
            if claim is None or claim.kind != "duration" or claim_id not in fact_of:
                continue
            anchors = tuple(c for c in check.claim_ids if c in claims and claims[c].kind == "date"
                            and fact_of.get(c) != fact_of[claim_id])
            if anchors:
                chains.setdefault(claim_id, anchors)
    return chains


def _axis(marks: Sequence[TimelineMark]) -> tuple[date, date]:
    """The days of the story (short bounded marks), widened to every mark that ends or starts near them."""
    if not marks:
        today = date.today()
        return today, today
    focus = [m for m in marks if m.bounded and (m.latest - m.earliest).days <= FOCUS_DAYS] or list(marks)
    first, last = min(m.first_known for m in focus), max(m.last_known for m in focus)
    reach = max((last - first).days, MIN_REACH_DAYS)
    low, high = _shifted(first, -reach), _shifted(last, reach)
    for mark in marks:
        short = not mark.bounded or (mark.latest - mark.earliest).days <= FOCUS_DAYS
        if not short:
            continue  # a year said in passing does not stretch the story's axis
        for day in (mark.earliest, mark.latest):
            if day is not None and low <= day <= high:
                first, last = min(first, day), max(last, day)
    return _shifted(first, -1), _shifted(last, 1)


def _shifted(day: date, days: int) -> date:
    """``day`` moved by ``days``, kept on the calendar (a claim may name year 1 or 9999)."""
    return date.fromordinal(min(max(day.toordinal() + days, date.min.toordinal()), date.max.toordinal()))
