"""What the dialogs share: a problem said inside the dialog (which stays open) and the answer buttons."""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QDialog, QDialogButtonBox, QLabel


class ProblemLabel(QLabel):
    """Hidden until there is a problem; then shown whole, the dialog growing to hold every line of it."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__("", dialog)
        self.setObjectName("error-banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.show()
        self.window().adjustSize()


def answer_buttons(dialog: QDialog, layout: QBoxLayout, accept: Optional[Callable[[], None]] = None,
                   ok: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok) -> QDialogButtonBox:
    """``ok`` and Cancel under ``layout``: Enter answers through ``accept`` (the dialog's own by default),
    Esc cancels."""
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel, parent=dialog)
    buttons.accepted.connect(accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return buttons
