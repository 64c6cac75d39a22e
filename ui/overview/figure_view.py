"""The figure table page: who says what, a row per fact and a column per source. Arrow keys move from
cell to cell, Shift with them selects more rows (to merge their facts), Enter (or a double click) goes to
that figure in its article pane; the verdict keys rate the current row's fact (``ui.overview.fact_verdicts``).
The current cell stays on its fact when the table is read again."""
from __future__ import annotations

from typing import Mapping, Optional

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from fact_review.overview.figure_table import FigureRow
from ui.case_state import CaseState
from ui.overview.figure_model import FIXED_COLUMNS, STATUS_WORDS, VERDICT_COLUMN, FigureTableModel
from ui.table_model import table_style


WRAPPED_CELLS = 1500  # up to this many cells, rows grow to hold their figures; a larger case keeps one line


class FigureTablePage(QWidget):
    claimChosen = Signal(int)

    def __init__(self, state: CaseState, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure-table")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.about = QLabel(self)
        self.about.setObjectName("figure-table-about")
        self.about.setWordWrap(True)
        self.set_keys({})
        layout.addWidget(self.about)
        self.model = FigureTableModel(state, self)
        self.table = QTableView(self)
        self.table.setObjectName("figure-table-view")
        table_style(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # rows to merge
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a long source name keeps its start
        self._wrap_due = False
        self._kept: Optional[tuple[FigureRow, int]] = None  # the current cell's row and column across a reset
        header.sectionResized.connect(lambda *_: self._columns_resized())
        self.model.modelAboutToBeReset.connect(self._keep_place)
        self.model.modelReset.connect(self._fit_columns)
        self.model.dataChanged.connect(self._rewrap)
        self._fit_columns()
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def set_keys(self, keys: Mapping[str, str]) -> None:
        """Say which keys work here: ``keys`` maps command ids to their first key (from the keymap)."""
        first, last = keys.get("verdict-1"), keys.get("verdict-5")
        said = [f"{first}–{last} rate the fact and go on to the next" if first and last else "",
                f"{keys['note-edit']} a note" if keys.get("note-edit") else "",
                f"{keys['verdict-final']} the final verdict" if keys.get("verdict-final") else "",
                f"{keys['fact-split']} splits figures off a fact" if keys.get("fact-split") else "",
                f"{keys['fact-merge']} merges the selected facts (Shift+Down selects more)" if keys.get("fact-merge")
                else ""]
        self.about.setText("Each row is one fact, each column a source: the figure as that source states it. Red: "
                           "figures that cannot both hold; struck through: updated by a later report; ✓ figure "
                           "rated; ✎ made by the reviewer.\nEnter goes to the figure in its article"
                           + "".join(f"; {k}" for k in said if k) + ".")

    def current_row(self) -> Optional[int]:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def go_to_row(self, row: int) -> None:
        """Make ``row`` current, in the column the reviewer is in (the first source's at first)."""
        index = self.table.currentIndex()
        column = index.column() if index.isValid() else self._first_source_column()
        target = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(target)

    def _first_source_column(self) -> int:
        return min(len(FIXED_COLUMNS), self.model.columnCount() - 1)

    def _keep_place(self) -> None:
        index = self.table.currentIndex()
        row = self.model.row(index.row()) if index.isValid() else None
        self._kept = (row, index.column()) if row is not None else None

    def _row_like(self, kept: FigureRow) -> Optional[int]:
        """The row now showing the fact ``kept`` showed: the same key with the same claims, else (the facts
        were analysed again and renumbered, or split or merged) the row sharing most of its claims."""
        rows = self.model.table.rows
        same = self.model.table.row_of_fact(kept.key)
        if same is not None and rows[same].claim_ids() == kept.claim_ids():
            return same
        claims = set(kept.claim_ids())
        shared = [(len(claims.intersection(row.claim_ids())), -number) for number, row in enumerate(rows)]
        best = max(shared, default=(0, 0))
        return -best[1] if best[0] else same

    def selected_rows(self) -> list[FigureRow]:
        """The rows of the selected cells (the current row when nothing is selected), top to bottom."""
        numbers = {index.row() for index in self.table.selectionModel().selectedIndexes()}
        if not numbers and self.table.currentIndex().isValid():
            numbers = {self.table.currentIndex().row()}
        return [row for row in (self.model.row(n) for n in sorted(numbers)) if row is not None]

    def _fit_columns(self) -> None:
        metrics = self.table.fontMetrics()
        em = metrics.horizontalAdvance("M")
        header = self.table.horizontalHeader()
        widest = max((metrics.horizontalAdvance(r.label) for r in self.model.table.rows), default=0)
        self.table.setColumnWidth(0, min(max(widest + em, 8 * em), 20 * em))  # a fact's name, whole
        shown = {STATUS_WORDS.get(r.status, r.status) + (" ✎" if r.by_reviewer else "") for r in self.model.table.rows}
        status = max((metrics.horizontalAdvance(word) for word in shown), default=0)
        self.table.setColumnWidth(1, max(status + em, 6 * em))  # each status shown whole ("compatible" too)
        self.table.setColumnWidth(VERDICT_COLUMN, 8 * em)
        few = self.model.columnCount() <= len(FIXED_COLUMNS) + 4  # up to four sources share the width; more scroll
        for column in range(len(FIXED_COLUMNS), self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if few
                                        else QHeaderView.ResizeMode.Interactive)
            if not few:
                self.table.setColumnWidth(column, 11 * em)
        self._wrap_rows()
        kept, self._kept = self._kept, None
        row = self._row_like(kept[0]) if kept is not None else None
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, min(kept[1], self.model.columnCount() - 1)))
        elif self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, self._first_source_column()))

    def _wrap_rows(self) -> None:
        """Long figures wrap onto a second line rather than end in "…" (on a small enough table: this reads
        every cell)."""
        self._wrap_due = False
        if self.model.rowCount() * self.model.columnCount() <= WRAPPED_CELLS:
            self.table.resizeRowsToContents()

    def _rewrap(self, first, last, _roles=()) -> None:
        """A verdict or a tick changed a row's text: its height follows (on a table small enough to wrap)."""
        if self.model.rowCount() * self.model.columnCount() <= WRAPPED_CELLS:
            for row in range(first.row(), last.row() + 1):
                self.table.resizeRowToContents(row)

    def _columns_resized(self) -> None:
        if not self._wrap_due:
            self._wrap_due = True
            QTimer.singleShot(0, self._wrap_rows)

    def _activated(self, index) -> None:
        claim_id = self.model.claim_at(index)
        if claim_id is not None:
            self.claimChosen.emit(claim_id)

    def show_claim(self, claim_id: int) -> None:
        index = self.model.place_of(claim_id)
        if index is not None:
            self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.table.scrollTo(index)
