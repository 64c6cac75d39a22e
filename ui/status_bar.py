"""The window's status bar: the last message (shown whole, wrapping onto a second line when long), the
keys of the commonest commands, who is reviewing, the review's progress and, once every check-worthy
claim has a verdict, that the case is reviewed; and an import's progress with its Cancel button."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

MESSAGE_SECONDS = 8


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when it is narrower than its text (the whole text is its tooltip)."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width()))


class ReviewStatusBar(QStatusBar):
    """Two rows: the message, whole; under it the key hints, the reviewer, the progress and the case state."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        body = QWidget(self)
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(1)
        # QStatusBar's own message line is one line that cuts long texts: a wrapping label replaces it
        self.message = QLabel("", body)
        self.message.setObjectName("status-message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing())
        rows.addWidget(self.message)
        self._clear = QTimer(self)
        self._clear.setSingleShot(True)
        self._clear.timeout.connect(lambda: self.show_message(""))

        self.hints = ElidedLabel(body)
        self.hints.setObjectName("key-hints")
        self.import_progress = QProgressBar(body)
        self.import_progress.setMaximumWidth(160)
        self.import_progress.hide()
        self.import_cancel = QPushButton("Cancel import", body)
        self.import_cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.import_cancel.hide()
        self.reviewer = QLabel("", body)
        self.reviewer.setObjectName("reviewer")
        self.reviewer.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(body)
        self.progress.setObjectName("review-progress")
        self.progress.setMinimumWidth(self.progress.fontMetrics().horizontalAdvance("9999 of 9999 reviewed · 999 flagged")
                                      + 24)
        self.review_state = QLabel("✓ Case reviewed", body)
        self.review_state.setObjectName("review-state")
        self.review_state.hide()
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.hints, 1)
        for widget in (self.import_progress, self.import_cancel, self.reviewer, self.progress, self.review_state):
            row.addWidget(widget)
        rows.addLayout(row)
        self.addWidget(body, 1)

    def show_message(self, text: str, seconds: int = MESSAGE_SECONDS) -> None:
        self.message.setText(text)
        if text:
            self._clear.start(seconds * 1000)

    def currentMessage(self) -> str:  # noqa: N802 - QStatusBar's name, for the label that replaces its line
        return self.message.text()

    def set_progress(self, reviewed: int, total: int, flagged: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(reviewed)
        left = total - reviewed
        self.progress.setFormat(f"{reviewed} of {total} reviewed" + (f" · {flagged} flagged" if flagged else ""))
        self.progress.setToolTip(f"{left} check-worthy claim(s) left to review" if left else
                                 "Every check-worthy claim has a verdict")
        self.review_state.setVisible(total > 0 and left == 0)

    def set_reviewer(self, name: str, keys: str) -> None:
        self.reviewer.setText(f"Reviewer: {name}")
        self.reviewer.setToolTip("Verdicts and notes are saved under this name"
                                 + (f" ({keys} changes it)" if keys else ""))
