"""The middle of the window: two article panes side by side under headers that name their articles, the
colour key, and the find bar; other views of the case (the figure table, the timeline) are pages beside
it, one shown at a time."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSplitter, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from ui.article_pane import ArticlePane, Legend
from ui.case_state import CaseState
from ui.find_bar import FindBar
from ui.keymap import mark_review_surface
from ui.overview.figure_view import FigureTablePage
from ui.overview.timeline_view import TimelinePage


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


class CenterViews(QWidget):
    """The views of the case, one at a time under a row of tabs (Ctrl+1, Ctrl+2, Ctrl+3 from the keys):
    the two panes side by side, the figure table and the timeline."""

    TITLES = ("Side by side", "Figure table", "Timeline")

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("view-tabs")
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys switch views; Tab stays with the panes
        self.tabs.setDrawBase(False)
        self.stack = QStackedWidget(self)
        self.side_by_side = SideBySide(self)
        self.stack.addWidget(self.side_by_side)
        self.figures: Optional[FigureTablePage] = None
        self.timeline: Optional[TimelinePage] = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        self.tabs.currentChanged.connect(lambda index: self.stack.setCurrentIndex(index))

    def set_case(self, state: CaseState) -> tuple[FigureTablePage, TimelinePage]:
        """New figure table and timeline pages for the case ``state`` holds."""
        for old in (self.figures, self.timeline):
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
        self.figures, self.timeline = FigureTablePage(state, self), TimelinePage(state, self)
        self.stack.addWidget(self.figures)
        self.stack.addWidget(self.timeline)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for title in self.TITLES:
            self.tabs.addTab(title)
        return self.figures, self.timeline

    def set_tab_keys(self, keys: tuple[str, ...]) -> None:
        for index, key in enumerate(keys):
            self.tabs.setTabToolTip(index, f"{self.TITLES[index]} ({key})" if key else self.TITLES[index])

    def show_view(self, view: QWidget) -> None:
        self.tabs.setCurrentIndex(self.stack.indexOf(view))

    def currentWidget(self) -> QWidget:  # noqa: N802 - as QStackedWidget says it
        return self.stack.currentWidget()
