"""Mark a span as a claim, or correct one: kind (type its first letter), value, unit, noun, qualifier...

For a new claim the fields start from what the extractor reads in the selected words; the reviewer
corrects them. Values are read as Decimal exactly as typed.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fact_review.claims.dates.words import date_words
from fact_review.model import CLAIM_KINDS
from ui.dialogs.parts import ProblemLabel, answer_buttons

TEXT_FIELDS = ("unit", "noun", "qualifier", "date")
NUMBER_FIELDS = ("value", "low", "high")


def _text(value) -> str:
    return "" if value is None else str(value)


class ClaimDialog(QDialog):
    """``fields()`` gives kind/value/unit/noun/qualifier/low/high/date once accepted."""

    def __init__(self, title: str, quote: str, initial, parent: Optional[QWidget] = None) -> None:
        """``initial``: any object with the claim fields (a Claim or ClaimRow), or None."""
        super().__init__(parent)
        self.setObjectName("claim-dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        quote_label = QLabel(f"“{quote}”")
        quote_label.setWordWrap(True)
        quote_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(quote_label)
        form = QFormLayout()
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.addItems(list(CLAIM_KINDS))
        if initial is not None and initial.kind in CLAIM_KINDS:
            self.kind.setCurrentText(initial.kind)
        form.addRow("&Kind (type its first letter)", self.kind)
        self.edits: dict[str, QLineEdit] = {}
        for name in ("value", "unit", "noun", "qualifier", "low", "high", "date"):
            edit = QLineEdit(_text(getattr(initial, name, None)) if initial is not None else "", self)
            edit.setObjectName(name)
            self.edits[name] = edit
            form.addRow(f"&{name.capitalize()}", edit)
        self.date_reading = QLabel("", self)  # the date field takes ISO 8601; this says how it reads
        self.date_reading.setObjectName("date-reading")
        form.addRow("", self.date_reading)
        self.edits["date"].textChanged.connect(lambda text: self.date_reading.setText(
            f"reads: {date_words(text.strip()) or text.strip()}" if text.strip() else ""))
        self.edits["date"].textChanged.emit(self.edits["date"].text())
        self.error = ProblemLabel(self)
        layout.addWidget(self.error)
        layout.addLayout(form)
        answer_buttons(self, layout, self._accept_if_valid)
        self.kind.setFocus()

    def _accept_if_valid(self) -> None:
        try:
            self.fields()
        except ValueError as error:
            self.error.say(str(error))
            return
        self.accept()

    def fields(self) -> dict[str, object]:
        values: dict[str, object] = {"kind": self.kind.currentText()}
        for name in NUMBER_FIELDS:
            text = self.edits[name].text().strip().replace(",", "")
            try:
                values[name] = Decimal(text) if text else None
            except InvalidOperation:
                raise ValueError(f"{name.capitalize()} must be a number, like 1200 or 3.5 (not {text!r})") from None
        for name in TEXT_FIELDS:
            values[name] = self.edits[name].text().strip() or None
        return values
