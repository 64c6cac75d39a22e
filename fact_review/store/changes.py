"""The change log: every write appends what it changed (``case_change``) in its own transaction, and a
window polls the log to refresh just that (a verdict, a claim, the matches, the articles) within a few
seconds of another reviewer's change.

Ids come from a sequence, and on a server transactions commit out of id order: a change with a lower id
can become visible after a higher one was read. ``ChangeFeed`` therefore remembers the ids it skipped
and asks for them again until they appear, or until ``GAP_SECONDS`` have passed (a rolled-back
transaction leaves its id unused for ever).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Optional

from sqlalchemy import Connection, func, insert, select

from fact_review.store.errors import StaleError
from fact_review.store.models import CaseChange

VERDICT, CLAIM, MATCH, ARTICLE, ARTICLES, CASE = "verdict", "claim", "match", "article", "articles", "case"
FACT_VERDICT = "fact_verdict"  # subject: the rated fact (``store.fact_verdicts``)
GAP_SECONDS = 120.0
CHANGE = CaseChange.__table__


@dataclass(frozen=True)
class ChangeRow:
    """One change: ``kind`` says what to refresh; ``subject_id`` is the claim, match or article (None:
    the whole case, as after an import)."""

    id: int
    case_id: int
    at: datetime
    reviewer: Optional[str]
    kind: str
    subject_id: Optional[int]


def record(connection: Connection, case_id: int, kind: str, subject_id: Optional[int], reviewer: Optional[str],
           at: datetime) -> None:
    connection.execute(insert(CHANGE).values(case_id=case_id, kind=kind, subject_id=subject_id, reviewer=reviewer,
                                             at=at))


def newest_id(connection: Connection) -> int:
    return connection.execute(select(func.coalesce(func.max(CHANGE.c.id), 0))).scalar_one()


def read_after(connection: Connection, low: int) -> list[ChangeRow]:
    """Every change (of any case) with an id above ``low``, in id order."""
    return [ChangeRow(*row) for row in connection.execute(
        select(CHANGE.c.id, CHANGE.c.case_id, CHANGE.c.at, CHANGE.c.reviewer, CHANGE.c.kind, CHANGE.c.subject_id)
        .where(CHANGE.c.id > low).order_by(CHANGE.c.id)
    )]


class ChangeFeed:
    """The changes to one case that this reader has not seen yet, each handed out once."""

    def __init__(self, case_id: int, start: int, clock: Callable[[], float] = time.monotonic):
        self.case_id = case_id
        self._high = start  # the highest id read
        self._gaps: dict[int, float] = {}  # ids below ``_high`` not read yet -> when first missed
        self._clock = clock

    @property
    def low(self) -> int:
        """Read from above this id: the oldest gap still awaited, else the highest id read."""
        return min(self._gaps) - 1 if self._gaps else self._high

    def take(self, rows: list[ChangeRow]) -> list[ChangeRow]:
        """From ``read_after(low)``'s rows, the ones new to this reader and of its case."""
        now = self._clock()
        fresh = [row for row in rows if row.id > self._high or row.id in self._gaps]
        for row in fresh:
            self._gaps.pop(row.id, None)
        top = max((row.id for row in rows), default=self._high)
        read = {row.id for row in rows}
        for missing in range(self._high + 1, top):
            if missing not in read:
                self._gaps[missing] = now
        self._high = max(self._high, top)
        self._gaps = {gap: since for gap, since in self._gaps.items() if now - since < GAP_SECONDS}
        return [row for row in fresh if row.case_id == self.case_id]


def last_author(connection: Connection, kind: str, subject_id: int) -> Optional[str]:
    """Who made the newest change of ``kind`` to ``subject_id`` (for "changed by ... since")."""
    return connection.execute(
        select(CHANGE.c.reviewer).where(CHANGE.c.kind == kind, CHANGE.c.subject_id == subject_id)
        .order_by(CHANGE.c.id.desc()).limit(1)
    ).scalar()


def refuse_if_stale(connection: Connection, kind: str, subject_id: int, what: str, stored: int,
                    expected: Optional[int], current: object) -> None:
    """A change made on a copy older than the stored row is refused, saying who changed it."""
    if expected is None or stored == expected:
        return
    author = last_author(connection, kind, subject_id)
    raise StaleError(f"{what} was changed{f' by {author}' if author else ''} after you loaded it: your change "
                     "was not applied; the window now shows the current state", current)
