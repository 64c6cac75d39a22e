"""The figure table page: who says what, a row per fact and a column per source. Arrow keys move from
cell to cell, Enter (or a double click) goes to that figure in its article pane."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ui.case_state import CaseState
from ui.overview.figure_model import FigureTableModel
from ui.table_model import table_style


class FigureTablePage(QWidget):
    claimChosen = Signal(int)

    def __init__(self, state: CaseState, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure-table")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        about = QLabel("Each row is one fact, each column a source: the figure as that source states it. Red: "
                       "figures that cannot both hold; struck through: updated by a later report; ✓ rated. "
                       "Enter goes to the figure in its article.", self)
        about.setWordWrap(True)
        layout.addWidget(about)
        self.model = FigureTableModel(state, self)
        self.table = QTableView(self)
        self.table.setObjectName("figure-table-view")
        table_style(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.model.modelReset.connect(self._fit_columns)
        self._fit_columns()
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def _fit_columns(self) -> None:
        em = self.fontMetrics().horizontalAdvance("M")
        header = self.table.horizontalHeader()
        self.table.setColumnWidth(0, 8 * em)
        self.table.setColumnWidth(1, 6 * em)
        few = self.model.columnCount() <= 6  # up to four sources share the width; more scroll sideways
        for column in range(2, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if few
                                        else QHeaderView.ResizeMode.Interactive)
            if not few:
                self.table.setColumnWidth(column, 11 * em)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, min(2, self.model.columnCount() - 1)))

    def _activated(self, index) -> None:
        claim_id = self.model.claim_at(index)
        if claim_id is not None:
            self.claimChosen.emit(claim_id)

    def show_claim(self, claim_id: int) -> None:
        index = self.model.place_of(claim_id)
        if index is not None:
            self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.table.scrollTo(index)
