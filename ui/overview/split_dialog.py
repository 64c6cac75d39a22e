"""Split figures off a fact: the fact's claims in a list, each with its source; the reviewer ticks the ones
that state something else (Space ticks, Enter splits, Esc cancels). Some, not all, must be ticked."""
from __future__ import annotations

from typing import Optional, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.dialogs.parts import ProblemLabel, answer_buttons


class SplitFactDialog(QDialog):
    chosen = Signal(list)  # the ids of the claims to split off, in the list's order

    def __init__(self, label: str, figures: Sequence[tuple[int, str, str]], ticked: set[int],
                 parent: Optional[QWidget] = None) -> None:
        """``figures``: (claim id, its text, its source's name) of each claim of the fact."""
        super().__init__(parent)
        self.setObjectName("split-fact")
        self.setWindowTitle("Split figures off a fact")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        question = QLabel(f"Which figures of “{label}” state something else? They become a fact of their own "
                          "(Space ticks a figure, Enter splits them off, Esc cancels).", self)
        question.setWordWrap(True)
        layout.addWidget(question)
        self.figures = QListWidget(self)
        self.figures.setObjectName("split-figures")
        for claim_id, text, source in figures:
            item = QListWidgetItem(f"“{text}” — {source}", self.figures)
            item.setData(Qt.ItemDataRole.UserRole, claim_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if claim_id in ticked else Qt.CheckState.Unchecked)
        first_ticked = next((i for i in range(self.figures.count())
                             if self.figures.item(i).checkState() == Qt.CheckState.Checked), 0)
        self.figures.setCurrentRow(first_ticked)
        question.setBuddy(self.figures)
        self.figures.installEventFilter(self)  # Enter splits: the list would keep it for itself
        layout.addWidget(self.figures)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        answer_buttons(self, layout)
        self.figures.setFocus()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.figures and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def ticked(self) -> list[int]:
        items = [self.figures.item(i) for i in range(self.figures.count())]
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        ticked = self.ticked()
        if not ticked or len(ticked) == self.figures.count():
            self.problem.say("Tick some of the figures, not none and not all: the ticked ones become a fact of "
                             "their own, the others stay.")
            self.figures.setFocus()
            return
        super().accept()
        self.chosen.emit(ticked)
