"""The command palette (Ctrl+K or Ctrl+Shift+P): every registered command, found by typing part of its name,
shown with its menu and its keys. Up and Down choose, Enter runs the command, Esc closes."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget
from rapidfuzz import fuzz

from ui.commands import CommandRegistry
from ui.keymap import Keymap
from ui.table_model import ColumnsTableModel, table_style

MIN_SCORE = 80  # rapidfuzz partial_ratio: "exprt" still finds "Export a report", "zzz" finds nothing


def match_score(query: str, text: str) -> float:
    """How well ``query`` names ``text``: 200+ for a word prefix, 100+ for a substring, else fuzzy (0-100)."""
    query, text = " ".join(query.casefold().split()), text.casefold()
    if not query:
        return 1.0
    words = text.replace("-", " ").split()
    if all(any(w.startswith(q) for w in words) for q in query.split()):
        return 200 + (50 if text.startswith(query) else 0)
    if query in text:
        return 100.0
    return fuzz.partial_ratio(query, text)


class CommandsModel(ColumnsTableModel):
    """The commands whose title, id or menu match the query, best first."""

    COLUMNS = ("Command", "Menu", "Keys")

    def __init__(self, registry: CommandRegistry, keymap: Keymap, titles: dict[str, str],
                 parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._rows = [(cmd.id, titles.get(cmd.id, cmd.title), cmd.category, keymap.text(cmd.id)) for cmd in registry]
        self._shown = list(range(len(self._rows)))

    def set_query(self, query: str) -> None:
        scored = []
        for index, (cid, title, category, _keys) in enumerate(self._rows):
            score = max(match_score(query, title), match_score(query, cid), match_score(query, category) - 50)
            if score >= MIN_SCORE or not query.strip():
                scored.append((-score, index))
        self.beginResetModel()
        self._shown = [index for _score, index in sorted(scored)]
        self.endResetModel()

    def command_id(self, row: int) -> Optional[str]:
        return self._rows[self._shown[row]][0] if 0 <= row < len(self._shown) else None

    def _row_count(self) -> int:
        return len(self._shown)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._shown)):
            return None
        cid, title, category, keys = self._rows[self._shown[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return (title, category, keys)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return cid
        if role == Qt.ItemDataRole.UserRole:
            return cid
        return None


class _QueryField(QLineEdit):
    """Up and Down move the choice in the list while the reviewer types."""

    step = Signal(int)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}
        if event.key() in steps:
            self.step.emit(steps[event.key()])
            return
        super().keyPressEvent(event)


class CommandPalette(QDialog):
    chosen = Signal(str)  # a command id, once the palette has closed

    def __init__(self, registry: CommandRegistry, keymap: Keymap, titles: dict[str, str],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("command-palette")
        self.setWindowTitle("Commands")
        layout = QVBoxLayout(self)
        label = QLabel("&Type part of a command's name; Enter runs it:", self)
        self.query = _QueryField(self)
        self.query.setObjectName("query")
        label.setBuddy(self.query)
        layout.addWidget(label)
        layout.addWidget(self.query)
        self.model = CommandsModel(registry, keymap, titles, self)
        self.table = QTableView(self)
        self.table.setObjectName("commands")
        table_style(self.table)
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda _index: self.accept())
        layout.addWidget(self.table, 1)
        self.query.textChanged.connect(self._filter)
        self.query.returnPressed.connect(self.accept)
        self.query.step.connect(self._step)
        self._filter("")
        if parent is not None:
            available = parent.screen().availableGeometry()
            self.resize(min(720, int(available.width() * 0.8)), min(520, int(available.height() * 0.8)))
        self.query.setFocus()

    def _filter(self, text: str) -> None:
        self.model.set_query(text)
        if self.model.rowCount():
            self.table.selectRow(0)

    def _step(self, delta: int) -> None:
        rows = self.model.rowCount()
        if rows:
            current = self.table.currentIndex().row() if self.table.currentIndex().isValid() else 0
            self.table.selectRow(max(0, min(rows - 1, current + delta)))

    def chosen_id(self) -> Optional[str]:
        index = self.table.currentIndex()
        return self.model.command_id(index.row()) if index.isValid() else None

    def accept(self) -> None:
        cid = self.chosen_id()
        if cid is None:
            return
        super().accept()
        self.chosen.emit(cid)
