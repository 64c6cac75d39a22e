"""The case's articles: title, outlet, date and how many of their claims are reviewed."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from ui.case_state import CaseState

COLUMNS = ("Title", "Outlet", "Published", "Reviewed")


class ArticlesModel(QAbstractTableModel):
    def __init__(self, state: CaseState, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._state = state
        self._counts: dict[int, tuple[int, int]] = {}
        state.reloaded.connect(self._reset)
        for signal in (state.claimChanged, state.claimAdded, state.claimRemoved):
            signal.connect(self._on_claim)
        self._count()

    def _count(self) -> None:
        counts: dict[int, list[int]] = {a.id: [0, 0] for a in self._state.articles}
        for claim in self._state.claims.values():
            entry = counts.setdefault(claim.article_id, [0, 0])
            entry[1] += 1
            if claim.verdict is not None and claim.verdict.label:
                entry[0] += 1
        self._counts = {k: (v[0], v[1]) for k, v in counts.items()}

    def _reset(self) -> None:
        self.beginResetModel()
        self._count()
        self.endResetModel()

    def _on_claim(self, _claim_id: int) -> None:
        before = dict(self._counts)
        self._count()
        for row, article in enumerate(self._state.articles):
            if before.get(article.id) != self._counts.get(article.id):
                index = self.index(row, len(COLUMNS) - 1)
                self.dataChanged.emit(index, index)

    def article_id(self, row: int) -> Optional[int]:
        articles = self._state.articles
        return articles[row].id if 0 <= row < len(articles) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._state.articles)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._state.articles)):
            return None
        article = self._state.articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return article.title or f"Article {article.position + 1}"
            if column == 1:
                return article.outlet or ""
            if column == 2:
                return (article.published or "")[:10]
            reviewed, total = self._counts.get(article.id, (0, 0))
            return f"{reviewed} of {total}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return article.url or article.path or article.title
        if role == Qt.ItemDataRole.UserRole:
            return article.id
        return None
