"""The adjudicator's final verdict on a claim or a fact: every reviewer's verdict and note above, a label
of the case's scale and a note below. Enter records it, Esc cancels."""
from __future__ import annotations

from collections import Counter
from html import escape
from typing import Optional, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from fact_review.store import ScaleLabel, VerdictRow
from fact_review.store.rows import RatedByReviewers
from ui.dialogs.parts import answer_buttons


def verdicts_html(verdicts: Sequence[VerdictRow], noun: str = "claim") -> str:
    """Each reviewer's verdict and note, one line each."""
    if not verdicts:
        return f"<i>No reviewer has rated this {noun} yet.</i>"
    return "<br>".join(
        f"<b>{escape(v.reviewer or 'unnamed')}</b>: {escape(v.label or 'no verdict')}"
        + (f" — {escape(v.note)}" if v.note else "") for v in verdicts)


class FinalVerdictDialog(QDialog):
    answered = Signal(str, str)  # label, note

    def __init__(self, text: str, noun: str, rated: RatedByReviewers, scale: Sequence[ScaleLabel],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("final-verdict-dialog")
        self.setWindowTitle(f"Final verdict on the {noun}")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        said = QLabel(f"<p>“{escape(text)}”</p><p>{verdicts_html(rated.verdicts, noun)}</p>", self)
        said.setObjectName("reviewers-verdicts")
        said.setTextFormat(Qt.TextFormat.RichText)
        said.setWordWrap(True)
        layout.addWidget(said)
        form = QFormLayout()
        self.label = QComboBox(self)
        self.label.setObjectName("final-label")
        self.label.addItems([step.label for step in scale])
        self.label.setCurrentText(self._proposed(rated))
        form.addRow("&Final verdict:", self.label)
        self.note = QLineEdit((rated.final.note or "") if rated.final else "", self)
        self.note.setObjectName("final-note")
        self.note.setPlaceholderText("why this verdict settles it (reports show it)")
        form.addRow("&Note:", self.note)
        layout.addLayout(form)
        answer_buttons(self, layout)
        self.label.setFocus()

    @staticmethod
    def _proposed(rated: RatedByReviewers) -> str:
        """The final verdict so far, else the label most reviewers gave."""
        if rated.final is not None and rated.final.label:
            return rated.final.label
        given = Counter(v.label for v in rated.verdicts if v.label)
        return given.most_common(1)[0][0] if given else ""

    def accept(self) -> None:
        super().accept()
        self.answered.emit(self.label.currentText(), self.note.text().strip())
