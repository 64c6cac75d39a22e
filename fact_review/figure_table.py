"""Who says what: the case's facts as a table, a row per fact and a column per source, and its dates on a
timeline. The window's figure table and timeline and the reports read these.

A fact is a set of claims that state the same quantity of the same thing, or the time of the same event.
Until the engine's facts are stored with the case, rows are built from the checks that compare such claims
(value and date checks): claims linked by them, directly or through each other, are one fact. A row's
status is its worst check's; a claim in a conflicting check is marked, and in a "superseded" check the
figure of the earlier report is the superseded one.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Mapping, Optional, Protocol, Sequence

from fact_review.claims.dates.spans import date_span

FACT_CHECK_KINDS = ("value", "date")  # checks that compare two statements of one quantity or one time
_STATUS_ORDER = ("conflict", "superseded", "compatible", "agree")
_RANKS = {status: rank for rank, status in enumerate(_STATUS_ORDER)}
CONFLICT, SUPERSEDED, AGREE = _RANKS["conflict"], _RANKS["superseded"], _RANKS["agree"]


class ArticleLike(Protocol):
    id: int
    position: int
    published: Optional[str]


class ClaimLike(Protocol):
    id: int
    article_id: int
    start: int
    kind: str
    noun: Optional[str]
    date: Optional[str]


class CheckLike(Protocol):
    kind: str
    status: str
    explanation: str
    claim_ids: tuple[int, ...]


@dataclass(frozen=True)
class FigureRow:
    id: str
    label: str  # what the figures are of: "runners", "date"
    kind: str  # quantity | time
    status: str  # conflict | superseded | compatible | agree
    cells: tuple[tuple[int, ...], ...]  # per source, in the table's order: the ids of the claims it states
    conflicting: frozenset[int]  # claims in a check whose figures cannot both hold
    superseded: frozenset[int]  # claims a later report updated
    explanations: tuple[str, ...]

    def claim_ids(self) -> list[int]:
        return [claim_id for cell in self.cells for claim_id in cell]


@dataclass(frozen=True)
class FigureTable:
    article_ids: tuple[int, ...]  # the columns, in the case's order
    rows: tuple[FigureRow, ...]  # conflicts first, then in reading order


def figure_table(articles: Sequence[ArticleLike], claims: Mapping[int, ClaimLike],
                 checks: Sequence[CheckLike]) -> FigureTable:
    order = sorted(articles, key=lambda a: a.position)
    column = {a.id: i for i, a in enumerate(order)}
    shown = {claim_id for claim_id, claim in claims.items() if claim.article_id in column}
    fact_checks = [c for c in checks if c.kind in FACT_CHECK_KINDS]
    parent: dict[int, int] = {}

    def root(claim_id: int) -> int:
        while parent.setdefault(claim_id, claim_id) != claim_id:
            parent[claim_id] = parent[parent[claim_id]]
            claim_id = parent[claim_id]
        return claim_id

    # plain loops, no call or list per check: a 50-source case has ~100,000 pairwise checks
    for check in fact_checks:
        first = None
        for claim_id in check.claim_ids:
            if claim_id not in shown:
                continue
            while parent.setdefault(claim_id, claim_id) != claim_id:  # root(), inlined
                claim_id = parent[claim_id] = parent[parent[claim_id]]
            if first is None:
                first = claim_id
            elif claim_id != first:
                parent[claim_id] = first
    group_of = {claim_id: root(claim_id) for claim_id in list(parent)}
    groups: dict[int, Group] = {}
    for claim_id, key in group_of.items():
        groups.setdefault(key, Group()).members.append(claim_id)
    published = {a.id: a.published or "" for a in order}
    for check in fact_checks:
        key = group_of.get(check.claim_ids[0]) if check.claim_ids else None
        if key is None:
            key = next((group_of[c] for c in check.claim_ids if c in group_of), None)
        if key is None:
            continue
        group, rank = groups[key], _RANKS.get(check.status, AGREE)
        if rank < group.rank:
            group.rank = rank
        if rank == CONFLICT:
            group.conflicting.update(check.claim_ids)
        elif rank == SUPERSEDED:
            group.supersede([c for c in check.claim_ids if c in shown], claims, published)
        if len(group.explanations) < Group.EXPLANATIONS:
            group.explanations[check.explanation] = None
    rows = []
    for group in groups.values():
        members = sorted(group.members, key=lambda c: (column[claims[c].article_id], claims[c].start))
        cells = [[] for _ in order]
        for claim_id in members:
            cells[column[claims[claim_id].article_id]].append(claim_id)
        rows.append(FigureRow(f"fact-{members[0]}", _label([claims[c] for c in members]), _kind(claims[members[0]]),
                              group.status, tuple(tuple(cell) for cell in cells), frozenset(group.conflicting),
                              frozenset(group.superseded), tuple(group.explanations)))
    rows.sort(key=lambda r: (_rank(r.status) > 0, _first_place(r, claims, column)))
    return FigureTable(tuple(a.id for a in order), tuple(rows))


class Group:
    """What the checks of one fact add up to (its worst status, marked claims, a few explanations)."""

    EXPLANATIONS = 6  # a fact of fifty sources has hundreds of pairwise checks; the first few say enough

    def __init__(self) -> None:
        self.members: list[int] = []
        self.rank = AGREE
        self.conflicting: set[int] = set()
        self.superseded: set[int] = set()
        self.explanations: dict[str, None] = {}

    @property
    def status(self) -> str:
        return _STATUS_ORDER[self.rank]

    def supersede(self, members: list[int], claims: Mapping[int, ClaimLike], published: Mapping[int, str]) -> None:
        """A "superseded" check: the earlier report's figure is the one a later report updated."""
        latest = max(published[claims[c].article_id] for c in members)
        self.superseded.update(c for c in members if published[claims[c].article_id] < latest)


def _rank(status: str) -> int:
    return _RANKS.get(status, len(_STATUS_ORDER) - 1)  # a status the table does not know counts as agreement


def _first_place(row: FigureRow, claims: Mapping[int, ClaimLike], column: Mapping[int, int]) -> tuple[int, int]:
    first = claims[row.claim_ids()[0]]
    return column[first.article_id], first.start


def _kind(claim: ClaimLike) -> str:
    return "time" if claim.kind == "date" else "quantity"


def _label(members: Sequence[ClaimLike]) -> str:
    """What the figures count, as most of them say it; "date" for times; the kind when no noun is given."""
    if all(c.kind == "date" for c in members):
        return "date"
    nouns = Counter(c.noun.lower() for c in members if c.noun)
    return nouns.most_common(1)[0][0] if nouns else members[0].kind


# --- the timeline ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TimelineMark:
    claim_id: int
    article_id: int
    start: date
    end: date  # exclusive: a day's mark ends the next day
    fact: Optional[str]  # the figure-table row it belongs to, when it is compared with another source
    conflict: bool  # in a date check whose dates cannot both hold


@dataclass(frozen=True)
class Timeline:
    article_ids: tuple[int, ...]  # the lanes, in the case's order
    marks: tuple[TimelineMark, ...]  # by date
    conflicts: tuple[tuple[int, int], ...]  # pairs of claim ids whose dates cannot both hold


def timeline(articles: Sequence[ArticleLike], claims: Mapping[int, ClaimLike], checks: Sequence[CheckLike],
             table: Optional[FigureTable] = None) -> Timeline:
    """Every date claim whose day, month or year is known, placed on the calendar per source."""
    table = table or figure_table(articles, claims, checks)
    fact_of = {claim_id: row.id for row in table.rows for claim_id in row.claim_ids()}
    conflicts = []
    for check in checks:
        if check.kind == "date" and check.status == "conflict":
            members = [c for c in check.claim_ids if c in claims]
            conflicts += [(a, b) for i, a in enumerate(members) for b in members[i + 1:]
                          if claims[a].article_id != claims[b].article_id or len(members) == 2]
    in_conflict = {c for pair in conflicts for c in pair}
    marks = []
    for claim in claims.values():
        if claim.kind != "date" or not claim.date or claim.article_id not in table.article_ids:
            continue
        span = date_span(claim.date)
        if span is None or not span.year_known:
            continue
        marks.append(TimelineMark(claim.id, claim.article_id, span.start, span.end, fact_of.get(claim.id),
                                  claim.id in in_conflict))
    marks.sort(key=lambda m: (m.start, m.end, table.article_ids.index(m.article_id)))
    return Timeline(table.article_ids, tuple(marks), tuple(conflicts))
