"""The figure table: a row per fact and a column per source, each cell the figures as that source states
them. The rows are the engine's facts with the reviewer's splits and merges applied (``ReviewService.facts``);
a total that parts add up to ("367 drones and missiles", "almost 300 drones + 70 missiles") shows its sums
beside it, in the row of the fact that holds the total or in a row of its own.

A cell holds entries: one claim, or the parts of a sum (the ids of the claims it adds up). Conflicting
figures (in a conflict check of a fact in conflict) and superseded ones (a later report updated them) are
marked; a row's status is its fact's, or its sums' when they are more alarming.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Protocol, Sequence

STATUS_ORDER = ("conflict", "superseded", "compatible", "agree")
_RANKS = {status: rank for rank, status in enumerate(STATUS_ORDER)}
TOTAL = "total"  # the kind of a row that only sums give

Entry = tuple[int, ...]  # one figure as a source states it: a claim, or the parts that a sum adds up


class ArticleLike(Protocol):
    id: int
    position: int


class ClaimLike(Protocol):
    id: int
    article_id: int
    start: int
    noun: Optional[str]


class FactLike(Protocol):
    key: str
    kind: str
    status: str
    label: str
    explanation: str
    claim_ids: tuple[int, ...]
    superseded_claim_ids: tuple[int, ...]
    by_reviewer: bool


class CheckLike(Protocol):
    kind: str
    status: str
    explanation: str
    claim_ids: tuple[int, ...]


@dataclass(frozen=True)
class FigureRow:
    key: str  # the fact's key (split and merge name a fact by it); "total:<claim id>" for a row of sums only
    label: str
    kind: str  # quantity | time | total
    status: str  # conflict | superseded | compatible | agree
    cells: tuple[tuple[Entry, ...], ...]  # per source, in the table's order
    fact_claim_ids: tuple[int, ...]  # the fact's own claims (what split and merge move), not its sums' parts
    conflicting: frozenset[int]
    superseded: frozenset[int]
    explanation: str
    by_reviewer: bool = False  # a fact the reviewer made by a split or a merge

    @property
    def is_fact(self) -> bool:
        return self.kind != TOTAL

    def claim_ids(self) -> list[int]:
        """Every claim the row shows, cell by cell."""
        return [claim_id for cell in self.cells for entry in cell for claim_id in entry]


@dataclass(frozen=True)
class FigureTable:
    article_ids: tuple[int, ...]  # the columns, in the case's order
    rows: tuple[FigureRow, ...]  # the most alarming first, then in reading order

    def row_of_fact(self, key: str) -> Optional[int]:
        return next((i for i, row in enumerate(self.rows) if row.key == key), None)


@dataclass
class _Draft:
    key: str
    label: str
    kind: str
    status: str
    claims: list[int]
    entries: list[Entry]
    conflicting: set[int]
    superseded: set[int]
    explanations: list[str]
    by_reviewer: bool = False

    def worsen(self, status: str, explanation: str) -> None:
        if _rank(status) < _rank(self.status):
            self.status = status
        if explanation and explanation not in self.explanations:
            self.explanations.append(explanation)


def figure_table(articles: Sequence[ArticleLike], claims: Mapping[int, ClaimLike], facts: Sequence[FactLike],
                 checks: Sequence[CheckLike]) -> FigureTable:
    """The table of ``facts`` over the claims in hand (``claims``: those not dismissed, by id), with the
    sums of ``checks`` beside their totals."""
    order = sorted(articles, key=lambda a: a.position)
    column = {a.id: i for i, a in enumerate(order)}
    shown = {claim_id for claim_id, claim in claims.items() if claim.article_id in column}
    in_conflict = {claim_id for check in checks if check.status == "conflict" for claim_id in check.claim_ids}
    drafts: list[_Draft] = []
    row_of_claim: dict[int, _Draft] = {}
    for fact in facts:
        members = [c for c in fact.claim_ids if c in shown]
        if not members:
            continue
        draft = _Draft(fact.key, fact.label, fact.kind, fact.status, members, [(c,) for c in members],
                       {c for c in members if c in in_conflict} if fact.status == "conflict" else set(),
                       {c for c in fact.superseded_claim_ids if c in shown}, [fact.explanation], fact.by_reviewer)
        drafts.append(draft)
        for claim_id in members:
            row_of_claim.setdefault(claim_id, draft)
    for check in checks:
        if check.kind != "sum" or len(check.claim_ids) < 2 or not all(c in shown for c in check.claim_ids):
            continue
        total, parts = check.claim_ids[0], tuple(check.claim_ids[1:])
        draft = row_of_claim.get(total)
        if draft is None:
            noun = claims[total].noun
            draft = _Draft(f"{TOTAL}:{total}", f"{noun} in all" if noun else "total", TOTAL, "agree", [total],
                           [(total,)], set(), set(), [])
            drafts.append(draft)
            row_of_claim[total] = draft
        draft.entries.append(parts)
        draft.worsen(check.status, check.explanation)
        if check.status == "conflict":
            draft.conflicting.update(check.claim_ids)
    rows = [_row(draft, claims, column, len(order)) for draft in drafts]
    rows.sort(key=lambda r: (_rank(r.status), _first_place(r, claims, column)))
    return FigureTable(tuple(a.id for a in order), tuple(rows))


def _row(draft: _Draft, claims: Mapping[int, ClaimLike], column: Mapping[int, int], width: int) -> FigureRow:
    cells: list[list[Entry]] = [[] for _ in range(width)]
    for entry in draft.entries:
        homes = {column[claims[c].article_id] for c in entry}
        # a sum sits with its parts when one source gives them all, else with its first part
        cells[homes.pop() if len(homes) == 1 else column[claims[entry[0]].article_id]].append(entry)
    for cell in cells:
        cell.sort(key=lambda entry: claims[entry[0]].start)
    return FigureRow(draft.key, draft.label, draft.kind, draft.status, tuple(tuple(cell) for cell in cells),
                     tuple(draft.claims), frozenset(draft.conflicting), frozenset(draft.superseded),
                     " ".join(draft.explanations), draft.by_reviewer)


def _rank(status: str) -> int:
    return _RANKS.get(status, len(STATUS_ORDER) - 1)  # a status the table does not know counts as agreement


def _first_place(row: FigureRow, claims: Mapping[int, ClaimLike], column: Mapping[int, int]) -> tuple[int, int]:
    first = claims[row.claim_ids()[0]]
    return column[first.article_id], first.start
