"""The figure table page: who says what, a row per fact and a column per source. Arrow keys move from
cell to cell, Shift with them selects more rows (to merge their facts), Enter (or a double click) goes to
that figure in its article pane."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from fact_review.overview.figure_table import FigureRow
from ui.case_state import CaseState
from ui.overview.figure_model import FigureTableModel
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
        self.set_keys("", "")
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
        header.sectionResized.connect(lambda *_: self._columns_resized())
        self.model.modelReset.connect(self._fit_columns)
        self._fit_columns()
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def set_keys(self, split: str, merge: str) -> None:
        """Say which keys split and merge facts (they come from the keymap)."""
        keys = [f"{split} splits figures off a fact" if split else "",
                f"{merge} merges the selected facts (Shift+Down selects more)" if merge else ""]
        self.about.setText("Each row is one fact, each column a source: the figure as that source states it. Red: "
                           "figures that cannot both hold; struck through: updated by a later report; ✓ rated; ✎ "
                           "made by the reviewer. Enter goes to the figure in its article"
                           + "".join(f"; {k}" for k in keys if k) + ".")

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
        self.table.setColumnWidth(1, 7 * em)
        few = self.model.columnCount() <= 6  # up to four sources share the width; more scroll sideways
        for column in range(2, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if few
                                        else QHeaderView.ResizeMode.Interactive)
            if not few:
                self.table.setColumnWidth(column, 11 * em)
        self._wrap_rows()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, min(2, self.model.columnCount() - 1)))

    def _wrap_rows(self) -> None:
        """Long figures wrap onto a second line rather than end in "…" (on a small enough table: this reads
        every cell)."""
        self._wrap_due = False
        if self.model.rowCount() * self.model.columnCount() <= WRAPPED_CELLS:
            self.table.resizeRowsToContents()

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
