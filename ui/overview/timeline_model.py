"""The timeline as a Qt model: a row per dated claim (in date order), with its source, its words and
whether another source's date for the same event cannot hold with it. The chart draws these rows."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, QObject, Qt

from fact_review.claims.dates.words import date_words
from fact_review.figure_table import Timeline, TimelineMark, timeline
from ui import palette
from ui.case_state import CaseState
from ui.table_model import ColumnsTableModel


class TimelineModel(ColumnsTableModel):
    COLUMNS = ("When", "Source", "Claim", "Against the other sources")

    def __init__(self, state: CaseState, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._state = state
        self.timeline = Timeline((), (), ())
        self._rows: dict[int, int] = {}
        state.reloaded.connect(self.refresh)
        state.claimRemoved.connect(lambda _id: self.refresh())
        state.claimAdded.connect(lambda _id: self.refresh())
        state.claimChanged.connect(self._on_claim_changed)
        self.refresh()

    def refresh(self) -> None:
        state = self._state
        self.beginResetModel()
        self.timeline = timeline(state.articles, state.claims, state.checks)
        self._rows = {mark.claim_id: row for row, mark in enumerate(self.timeline.marks)}
        self.endResetModel()

    def _on_claim_changed(self, claim_id: int) -> None:
        row = self._rows.get(claim_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def mark(self, row: int) -> Optional[TimelineMark]:
        return self.timeline.marks[row] if 0 <= row < len(self.timeline.marks) else None

    def row_of(self, claim_id: int) -> Optional[int]:
        return self._rows.get(claim_id)

    def partners(self, claim_id: int) -> list[int]:
        """The claims whose dates cannot hold with this one's."""
        return [b if a == claim_id else a for a, b in self.timeline.conflicts if claim_id in (a, b)]

    def _row_count(self) -> int:
        return len(self.timeline.marks)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        mark = self.mark(index.row()) if index.isValid() else None
        claim = self._state.claims.get(mark.claim_id) if mark is not None else None
        if claim is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return date_words(claim.date) or claim.text
            if column == 1:
                return self._state.article_name(claim.article_id)
            if column == 2:
                return claim.text
            partners = [self._state.claims[c] for c in self.partners(claim.id) if c in self._state.claims]
            if partners:
                return "cannot both hold with " + "; ".join(
                    f"“{p.text}” ({self._state.article_name(p.article_id)})" for p in partners)
            return "compared, holds" if mark.fact else ""
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 2:
            return palette.background(self._state.status_of(claim))
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return palette.CLAIM_TEXT
        if role == Qt.ItemDataRole.UserRole:
            return claim.id
        return None
