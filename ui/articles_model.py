"""The case's articles: name, title, date and how many of their claims are reviewed."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, QObject, Qt

from fact_review.reports.figures import published_text
from fact_review.sources import source_name
from ui.case_state import CaseState
from ui.table_model import ColumnsTableModel


class ArticlesModel(ColumnsTableModel):
    COLUMNS = ("Source", "Title", "Published", "Rated")

    def __init__(self, state: CaseState, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._state = state
        self._seen: dict[int, tuple[int, bool]] = {}  # claim id -> (article id, reviewed)
        self._counts: dict[int, list[int]] = {}  # article id -> [reviewed, total]
        state.reloaded.connect(self._reset)
        for signal in (state.claimChanged, state.claimAdded):
            signal.connect(self._on_claim)
        state.claimRemoved.connect(self._on_claim_removed)
        self._count()

    def _count(self) -> None:
        self._seen, self._counts = {}, {a.id: [0, 0] for a in self._state.articles}
        for claim_id in self._state.claims:
            self._add(claim_id)

    def _add(self, claim_id: int) -> int:
        claim = self._state.claims[claim_id]
        reviewed = claim.verdict is not None and claim.verdict.label is not None
        self._seen[claim_id] = (claim.article_id, reviewed)
        counts = self._counts.setdefault(claim.article_id, [0, 0])
        counts[0] += reviewed
        counts[1] += 1
        return claim.article_id

    def _drop(self, claim_id: int) -> None:
        if claim_id in self._seen:
            article_id, reviewed = self._seen.pop(claim_id)
            self._counts[article_id][0] -= reviewed
            self._counts[article_id][1] -= 1

    def _reset(self) -> None:
        self.beginResetModel()
        self._count()
        self.endResetModel()

    def _on_claim(self, claim_id: int) -> None:
        self._drop(claim_id)
        self._changed(self._add(claim_id))

    def _on_claim_removed(self, claim_id: int) -> None:
        article_id = self._seen.get(claim_id, (None, False))[0]
        self._drop(claim_id)
        self._changed(article_id)

    def _changed(self, article_id: Optional[int]) -> None:
        row = next((r for r, a in enumerate(self._state.articles) if a.id == article_id), None)
        if row is not None:
            index = self.index(row, len(self.COLUMNS) - 1)
            self.dataChanged.emit(index, index)

    def article_id(self, row: int) -> Optional[int]:
        articles = self._state.articles
        return articles[row].id if 0 <= row < len(articles) else None

    def _row_count(self) -> int:
        return len(self._state.articles)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._state.articles)):
            return None
        article = self._state.articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return source_name(article)
            if column == 1:
                return article.title if article.title and article.title != source_name(article) else ""
            if column == 2:
                return published_text(article.published)
            reviewed, total = self._counts.get(article.id, (0, 0))
            return f"{reviewed} of {total}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return article.url or article.path or article.title
        if role == Qt.ItemDataRole.UserRole:
            return article.id
        return None
