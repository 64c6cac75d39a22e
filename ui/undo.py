"""Undoable review changes (a QUndoStack covers every change the reviewer makes).

The window performs a change through the service first (so an error reaches the reviewer before anything
is pushed) and pushes a command holding the service's answer; undo and redo put back the ``before`` and
``after`` states that answer carries. A redone "add" gets a new id from the database: :class:`IdRenames`
lets the commands pushed after it keep finding it.
"""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtGui import QUndoCommand

from fact_review.store import ClaimEdit, ClaimRow, MatchChange, MatchRow, VerdictChange, VerdictRow
from ui.case_state import CaseState


class IdRenames:
    """Commands keep the id a row had when it was first made; a redone "add" gives it a new one."""

    def __init__(self) -> None:
        self._latest: dict[int, int] = {}  # first id -> latest id
        self._first: dict[int, int] = {}  # latest id -> first id

    def __call__(self, first: int) -> int:
        return self._latest.get(first, first)

    def first(self, latest: int) -> int:
        return self._first.get(latest, latest)

    def renamed(self, first: int, new: int) -> None:
        self._first.pop(self._latest.pop(first, first), None)
        if new != first:
            self._latest[first], self._first[new] = new, first

    def fresh(self, row_id: int) -> None:
        """A new row: if the database reused an id it once gave another row, forget that row's renames."""
        first = self._first.pop(row_id, None)
        if first is not None:
            del self._latest[first]
        latest = self._latest.pop(row_id, None)
        if latest is not None:
            del self._first[latest]


class ServiceCommand(QUndoCommand):
    """An undoable change. Undo and redo write only over what this window itself wrote last: each row's
    version after the window's last write is kept in ``state.written``, and the store refuses a row that
    someone else changed since (``StaleError``), so an undo never undoes another reviewer's work."""

    def __init__(self, text: str, state: CaseState, on_error: Callable[[Exception], None]) -> None:
        super().__init__(text)
        self.state = state
        self._on_error = on_error
        self._done = True  # the window already performed the change

    def _expected(self, key: tuple, default: Optional[int] = None) -> Optional[int]:
        return self.state.written.get(key, default)

    def _wrote(self, key: tuple, version: Optional[int]) -> None:
        self.state.written[key] = version

    def _forget_claim(self, claim_id: int) -> None:
        """A deleted claim took its verdict rows along: a claim made again under its id starts without."""
        for key in [k for k in self.state.written if k[0] in ("claim", "verdict") and k[1] == claim_id]:
            del self.state.written[key]

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)

    def _guard(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as error:  # noqa: BLE001 - Qt calls this; the window shows what went wrong
            self.setObsolete(True)
            self._on_error(error)


class _VerdictRowCommand(ServiceCommand):
    """A verdict, a note or a flag: a change to one verdict row (a reviewer's own, or the final one), whose
    undo and redo put back the state before or after it."""

    def __init__(self, text: str, state: CaseState, change: VerdictChange, on_error: Callable[[Exception], None],
                 reviewer: Callable[[], str]) -> None:
        super().__init__(text, state, on_error)
        self.change = change
        self._reviewer = reviewer  # who undoes or redoes a final verdict, for the history
        self._wrote(self._key(), change.version or 0)

    def _key(self) -> tuple:
        raise NotImplementedError

    def _put_back(self, verdict: Optional[VerdictRow], reviewer: Optional[str], expected: Optional[int]
                  ) -> VerdictChange:
        raise NotImplementedError

    def _restore(self, verdict: Optional[VerdictRow]) -> None:
        # a reviewer's own row stays theirs; the final row names whoever sets it. A row not there yet
        # (a claim made again by the redo of its marking): version 0
        reviewer = self._reviewer() if self.change.final else self.change.reviewer
        key = self._key()
        done = self._put_back(verdict, reviewer, self._expected(key, 0))
        self._wrote(key, done.version or 0)

    def _redo(self) -> None:
        self._restore(self.change.after)

    def _undo(self) -> None:
        self._restore(self.change.before)


class VerdictCommand(_VerdictRowCommand):
    """A change to a claim's verdict row."""

    def __init__(self, text: str, state: CaseState, change: VerdictChange, claim_ids: IdRenames,
                 on_error: Callable[[Exception], None], reviewer: Callable[[], str]) -> None:
        self.claim_id = claim_ids.first(change.claim_id)
        self._claim_ids = claim_ids
        super().__init__(text, state, change, on_error, reviewer)

    def _key(self) -> tuple:
        return "verdict", self._claim_ids(self.claim_id), None if self.change.final else self.change.reviewer

    def _put_back(self, verdict, reviewer, expected) -> VerdictChange:
        done = self.state.service.restore_verdict(self._claim_ids(self.claim_id), verdict, reviewer=reviewer,
                                                  final=self.change.final, expected_version=expected)
        self.state.apply_verdict(done)
        return done


class FactVerdictCommand(_VerdictRowCommand):
    """A change to a fact's verdict row, on its rated fact (whose id stays while the fact's key may change)."""

    def __init__(self, text: str, state: CaseState, change: VerdictChange, on_error: Callable[[Exception], None],
                 reviewer: Callable[[], str]) -> None:
        self.fact_id = change.fact_id
        super().__init__(text, state, change, on_error, reviewer)

    def _key(self) -> tuple:
        return "fact-verdict", self.fact_id, None if self.change.final else self.change.reviewer

    def _put_back(self, verdict, reviewer, expected) -> VerdictChange:
        done = self.state.service.restore_fact_verdict(self.fact_id, verdict, reviewer=reviewer,
                                                       final=self.change.final, expected_version=expected)
        self.state.apply_fact_verdict(done)
        return done


class ClaimEditCommand(ServiceCommand):
    """A correction or a dismissal: ``restore_claim`` puts back either state."""

    def __init__(self, text: str, state: CaseState, edit: ClaimEdit, claim_ids: IdRenames,
                 on_error: Callable[[Exception], None]) -> None:
        super().__init__(text, state, on_error)
        self.edit = edit
        self.claim_id = claim_ids.first(edit.claim_id)
        self._claim_ids = claim_ids
        self._wrote(("claim", edit.claim_id), edit.after.version)

    def _restore(self, row: ClaimRow) -> None:
        claim_id = self._claim_ids(self.claim_id)
        done = self.state.service.restore_claim(claim_id, row, expected_version=self._expected(("claim", claim_id)))
        self._wrote(("claim", claim_id), done.after.version)
        self.state.apply_claim(done.after)

    def _redo(self) -> None:
        self._restore(self.edit.after)

    def _undo(self) -> None:
        self._restore(self.edit.before)


class AddClaimCommand(ServiceCommand):
    def __init__(self, text: str, state: CaseState, row: ClaimRow, claim_ids: IdRenames,
                 on_error: Callable[[Exception], None]) -> None:
        super().__init__(text, state, on_error)
        self.row = row
        self.claim_id = row.id
        self._wrote(("claim", row.id), row.version)
        claim_ids.fresh(row.id)
        self._claim_ids = claim_ids

    def _redo(self) -> None:
        r = self.row
        added = self.state.service.add_claim(
            r.article_id, r.start, r.end, r.kind, value=r.value, unit=r.unit, noun=r.noun,
            qualifier=r.qualifier, low=r.low, high=r.high, date=r.date)
        self._claim_ids.renamed(r.id, added.id)
        self._wrote(("claim", added.id), added.version)
        self.state.apply_claim(added)

    def _undo(self) -> None:
        claim_id = self._claim_ids(self.row.id)
        self.state.service.delete_claim(claim_id, expected_version=self._expected(("claim", claim_id)))
        self._forget_claim(claim_id)
        self.state.remove_claim(claim_id)


class MatchStatusCommand(ServiceCommand):
    def __init__(self, text: str, state: CaseState, change: MatchChange, match_ids: IdRenames,
                 on_error: Callable[[Exception], None]) -> None:
        super().__init__(text, state, on_error)
        self.change = change
        self._wrote(("match", change.match_id), change.version)
        self.match_id = match_ids.first(change.match_id)
        self._match_ids = match_ids

    def _set(self, status: str) -> None:
        match_id = self._match_ids(self.match_id)
        done = self.state.service.set_match_status(match_id, status,
                                                   expected_version=self._expected(("match", match_id)))
        self._wrote(("match", match_id), done.version)
        self.state.set_match_status(match_id, status, done.version)

    def _redo(self) -> None:
        self._set(self.change.after)

    def _undo(self) -> None:
        self._set(self.change.before)


class AddMatchCommand(ServiceCommand):
    def __init__(self, text: str, state: CaseState, row: MatchRow, match_ids: IdRenames,
                 on_error: Callable[[Exception], None]) -> None:
        super().__init__(text, state, on_error)
        self.row = row
        self._wrote(("match", row.id), row.version)
        match_ids.fresh(row.id)
        self._match_ids = match_ids

    def _redo(self) -> None:
        r = self.row
        added = self.state.service.add_match(
            r.case_id, (r.a_article_id, r.a_start, r.a_end), (r.b_article_id, r.b_start, r.b_end))
        self._match_ids.renamed(r.id, added.id)
        self._wrote(("match", added.id), added.version)
        self.state.apply_match(added)

    def _undo(self) -> None:
        match_id = self._match_ids(self.row.id)
        self.state.service.delete_match(match_id, expected_version=self._expected(("match", match_id)))
        self.state.remove_match(match_id)
