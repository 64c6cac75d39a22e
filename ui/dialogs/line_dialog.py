"""A one-line question (an evidence url, the reviewer's name): Enter accepts once the text is valid, Esc
cancels; a problem is said inside the dialog, next to the field, instead of closing it."""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.dialogs.parts import ProblemLabel, answer_buttons

Check = Callable[[str], Optional[str]]  # the text -> what is wrong with it, or None


class LineDialog(QDialog):
    answered = Signal(str)  # the text, stripped, once it passed the check

    def __init__(self, name: str, title: str, question: str, text: str, check: Check,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self._check = check
        layout = QVBoxLayout(self)
        label = QLabel(question, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.field = QLineEdit(text, self)
        self.field.setObjectName("field")
        self.field.selectAll()
        label.setBuddy(self.field)
        layout.addWidget(self.field)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        answer_buttons(self, layout)
        self.field.setFocus()

    def accept(self) -> None:
        text = self.field.text().strip()
        problem = self._check(text)
        if problem is not None:
            self.problem.say(problem)
            self.field.setFocus()
            return
        super().accept()
        self.answered.emit(text)
