"""The timeline as a Qt model: a row per mark (``fact_review.overview.timeline``), by date, with its days in
words, its source, its words and whether another source's mark cannot hold with it. The chart draws these
rows."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, QObject, Qt

from fact_review.claims.dates.words import date_words
from fact_review.overview.timeline import Timeline, TimelineMark, timeline, window_words
from ui import palette
from ui.case_state import CaseState
from ui.table_model import ColumnsTableModel


class TimelineModel(ColumnsTableModel):
    COLUMNS = ("When", "Source", "Claim", "Against the other sources")

    def __init__(self, state: CaseState, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._state = state
        self.timeline = timeline((), {}, (), ())
        self._rows: dict[int, int] = {}
        state.reloaded.connect(self.refresh)
        state.factsChanged.connect(self.refresh)
        state.claimRemoved.connect(lambda _id: self.refresh())
        state.claimAdded.connect(lambda _id: self.refresh())
        state.claimChanged.connect(self._on_claim_changed)
        self.refresh()

    def refresh(self) -> None:
        state = self._state
        self.beginResetModel()
        self.timeline: Timeline = timeline(state.articles, state.claims, state.facts, state.checks)
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
        """The claims whose marks cannot hold with this one's."""
        return [b if a == claim_id else a for a, b in self.timeline.conflicts if claim_id in (a, b)]

    def words(self, mark: TimelineMark) -> str:
        """What a mark says: the claim's words, and for a duration the dates it counts from ("August 2024 +
        6+ months")."""
        claims = self._state.claims
        claim = claims.get(mark.claim_id)
        text = claim.text if claim is not None else ""
        anchors = [claims[c].text for c in mark.counted_from if c in claims]
        return " + ".join([*anchors, text]) if anchors else text

    def when(self, mark: TimelineMark) -> str:
        claim = self._state.claims.get(mark.claim_id)
        return (date_words(claim.date) if mark.own and claim is not None else "") or window_words(mark)

    def _row_count(self) -> int:
        return len(self.timeline.marks)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        mark = self.mark(index.row()) if index.isValid() else None
        claim = self._state.claims.get(mark.claim_id) if mark is not None else None
        if claim is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the tooltip: a cut text whole
            column = index.column()
            if column == 0:
                return self.when(mark)
            if column == 1:
                return self._state.article_name(claim.article_id)
            if column == 2:
                return self.words(mark)
            partners = [self._state.claims[c] for c in self.partners(claim.id) if c in self._state.claims]
            if partners:
                return "cannot both hold with " + "; ".join(
                    f"“{p.text}” ({self._state.article_name(p.article_id)})" for p in partners)
            return "compared, holds" if mark.fact else ""
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 2:
            return palette.background(self._state.status_of(claim))
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return palette.foreground(self._state.status_of(claim))
        if role == Qt.ItemDataRole.UserRole:
            return claim.id
        return None
