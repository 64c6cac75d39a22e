"""The middle of the window: two article panes side by side under headers that name their articles, the
colour key, and the find bar; other views of the case (the figure table, the timeline) are pages beside
it, one shown at a time."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from ui.article_pane import ArticlePane, Legend
from ui.find_bar import FindBar
from ui.keymap import mark_review_surface


class PaneBox(QFrame):
    """An article pane under a header naming the article (its name, title and date)."""

    def __init__(self, pane: ArticlePane, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.setObjectName("pane-box")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.header = QLabel("")
        self.header.setObjectName("pane-header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.header)
        layout.addWidget(pane, 1)

    def set_header(self, text: str, active: bool) -> None:
        if (text, active) == (self.header.text(), self.header.property("active")):
            return  # restyling costs a relayout; this runs on every step through the claims
        self.header.setText(text)
        self.header.setProperty("active", active)
        self.header.style().unpolish(self.header)
        self.header.style().polish(self.header)


class SideBySide(QWidget):
    """The two article panes, their colour key and the find bar."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.panes = [ArticlePane("left", self), ArticlePane("right", self)]
        for pane in self.panes:
            mark_review_surface(pane)
        self.boxes = [PaneBox(p, self) for p in self.panes]
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("panes-splitter")
        self.splitter.setChildrenCollapsible(False)
        for box in self.boxes:
            self.splitter.addWidget(box)
        self.find_bar = FindBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.find_bar)
        layout.addWidget(Legend(self))


class CenterViews(QStackedWidget):
    """The views of the case, one at a time; the side-by-side panes are the first."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.side_by_side = SideBySide(self)
        self.addWidget(self.side_by_side)

    def show_view(self, view: QWidget) -> None:
        self.setCurrentWidget(view)
