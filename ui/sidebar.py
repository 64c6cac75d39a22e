"""The left column: the case's articles, the review queue and its filters.

Each filter has a label with an Alt mnemonic; from the keyboard Ctrl+Shift+F reaches the first, Tab and
Shift+Tab move between them (plain keys are theirs there, not the window's), Esc goes back to the pane.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fact_review.model import CLAIM_KINDS
from ui.keymap import mark_review_surface
from ui.table_model import table_style

# (text, the service's queue status, check-worthy claims only / context claims only / both): context
# claims (the report's own timing, "now" ...) are left out until the reviewer asks for them
QUEUE_STATUSES = (("Check-worthy claims", None, True), ("Unreviewed", "unreviewed", True),
                  ("Conflicts", "conflicts", None), ("Reviewed", "reviewed", None), ("Flagged", "flagged", None),
                  ("Context claims", None, False), ("All claims", None, None))


def section_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("section")
    return label


class Sidebar(QWidget):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_label("Articles"))
        self.articles_view = QTableView(self)
        self.articles_view.setObjectName("articles")
        table_style(self.articles_view)
        self.articles_view.setMaximumHeight(7 * self.articles_view.verticalHeader().defaultSectionSize())
        layout.addWidget(self.articles_view)
        layout.addWidget(section_label("Review queue"))
        self.filter_status = QComboBox(self)
        self.filter_status.setObjectName("filter-status")
        for text, _status, _worthy in QUEUE_STATUSES:
            self.filter_status.addItem(text)
        self.filter_kind = QComboBox(self)
        self.filter_kind.setObjectName("filter-kind")
        self.filter_kind.addItems(["Any kind", *CLAIM_KINDS])
        self.filter_label = QComboBox(self)
        self.filter_label.setObjectName("filter-label")
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setHorizontalSpacing(4)
        for column, (text, combo) in enumerate((("&Show", self.filter_status), ("K&ind", self.filter_kind),
                                                 ("Verdic&t", self.filter_label))):
            label = QLabel(text, self)
            label.setBuddy(combo)
            filters.addWidget(label, 0, column)
            filters.addWidget(combo, 1, column)
        layout.addLayout(filters)
        self.queue_view = QTableView(self)
        self.queue_view.setObjectName("queue")
        table_style(self.queue_view)
        mark_review_surface(self.queue_view)
        layout.addWidget(self.queue_view, 1)
        QWidget.setTabOrder(self.filter_status, self.filter_kind)
        QWidget.setTabOrder(self.filter_kind, self.filter_label)
        QWidget.setTabOrder(self.filter_label, self.queue_view)

    def filter_combos(self) -> tuple[QComboBox, ...]:
        return self.filter_status, self.filter_kind, self.filter_label

    def queue_status(self) -> Optional[str]:
        return QUEUE_STATUSES[self.filter_status.currentIndex()][1]

    def queue_check_worthy(self) -> Optional[bool]:
        return QUEUE_STATUSES[self.filter_status.currentIndex()][2]

    def queue_kind(self) -> Optional[str]:
        return self.filter_kind.currentText() if self.filter_kind.currentIndex() > 0 else None

    def queue_label(self) -> Optional[str]:
        return self.filter_label.currentText() if self.filter_label.currentIndex() > 0 else None

    def unfiltered(self) -> bool:
        return all(combo.currentIndex() == 0 for combo in self.filter_combos())

    def set_labels(self, labels: list[str]) -> None:
        self.filter_label.clear()
        self.filter_label.addItems(["Any verdict", *labels])

    def resize_columns(self) -> None:
        """Fixed widths: ResizeToContents would read every row again on each verdict."""
        header = self.queue_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((0, 6 * em), (2, 5 * em), (3, 7 * em)):
            header.resizeSection(column, width)
        header = self.articles_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 9 * em), (2, 7 * em), (3, 4 * em)):
            header.resizeSection(column, width)
