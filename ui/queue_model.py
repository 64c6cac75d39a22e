"""The review queue: a table over claim ids (the service decides which and in what order)."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from ui import palette
from ui.case_state import CaseState
from ui.table_model import ColumnsTableModel


CONTEXT_FONT = QFont()
CONTEXT_FONT.setItalic(True)


def verdict_text(claim) -> str:
    """The Verdict column: the label, a flag, and whether the claim is in conflict (rated or not)."""
    verdict = claim.verdict
    parts = [verdict.label if verdict and verdict.label else "", "⚑" if verdict and verdict.flagged else ""]
    text = " ".join(p for p in parts if p)
    if claim.in_conflict:
        text = f"{text} · in conflict" if text else "in conflict"
    return text


class QueueFilter:
    """What the queue shows: a review status, a claim kind, a verdict label (None = any), and whether the
    claims worth checking (True, the default), the context claims (False) or both (None)."""

    def __init__(self, status: Optional[str] = None, kind: Optional[str] = None,
                 label: Optional[str] = None, check_worthy: Optional[bool] = True) -> None:
        self.status, self.kind, self.label, self.check_worthy = status, kind, label, check_worthy


class QueueModel(ColumnsTableModel):
    COLUMNS = ("Article", "Claim", "Kind", "Verdict")

    def __init__(self, state: CaseState, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._state = state
        self._filter = QueueFilter()
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        state.claimChanged.connect(self._on_claim_changed)
        state.claimRemoved.connect(self._on_claim_removed)
        state.claimAdded.connect(lambda _id: self.refresh())
        state.reloaded.connect(self.refresh)
        self.refresh()

    # --- the ids -------------------------------------------------------------------------------------
    def set_filter(self, queue_filter: QueueFilter) -> None:
        self._filter = queue_filter
        self.refresh()

    def refresh(self) -> None:
        """Ask the service again. A verdict does not refresh the queue: rows stay put while the reviewer works."""
        f = self._filter
        ids = [i for i in self._state.service.review_queue(self._state.case.id, status=f.status, kind=f.kind,
                                                           label=f.label, check_worthy=f.check_worthy)
               if i in self._state.claims]
        if ids == self._ids:
            return
        self.beginResetModel()
        self._set_ids(ids)
        self.endResetModel()

    def _set_ids(self, ids: list[int]) -> None:
        self._ids = ids
        self._rows = {claim_id: row for row, claim_id in enumerate(ids)}

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, claim_id: Optional[int]) -> Optional[int]:
        return self._rows.get(claim_id) if claim_id is not None else None

    def claim_id(self, row: int) -> Optional[int]:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _on_claim_changed(self, claim_id: int) -> None:
        row = self._rows.get(claim_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def _on_claim_removed(self, claim_id: int) -> None:
        row = self._rows.get(claim_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._set_ids(self._ids[:row] + self._ids[row + 1:])
        self.endRemoveRows()

    # --- Qt ------------------------------------------------------------------------------------------
    def _row_count(self) -> int:
        return len(self._ids)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        claim = self._state.claims.get(self._ids[index.row()])
        if claim is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._state.article_name(claim.article_id)
            if column == 1:
                return claim.text
            if column == 2:
                return claim.kind
            if column == 3:
                return verdict_text(claim)
        if role == Qt.ItemDataRole.BackgroundRole and column == 1:
            return palette.background(self._state.status_of(claim))
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return palette.foreground(self._state.status_of(claim))
        if role == Qt.ItemDataRole.FontRole and column == 1 and not claim.check_worthy:
            return CONTEXT_FONT
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return claim.text if claim.check_worthy else f"{claim.text} — context, not worth checking: {claim.why}"
        if role == Qt.ItemDataRole.UserRole:
            return claim.id
        return None
