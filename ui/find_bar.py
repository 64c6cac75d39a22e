"""Find in the article text (Ctrl+F): a bar under the panes. Enter finds the next occurrence in the active
pane, Shift+Enter the previous one (F3 and Shift+F3 from anywhere), Esc closes the bar and returns to
the pane. Finding selects the words; it never changes which claim a verdict key rates."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget


def find_in(text: str, needle: str, start: int, backwards: bool) -> Optional[tuple[int, int]]:
    """The next ``[start, end)`` of ``needle`` in ``text`` from ``start`` (case-insensitive), wrapping
    around the end; None when it is not there at all."""
    if not needle:
        return None
    haystack, wanted = text.casefold(), needle.casefold()
    if len(haystack) != len(text):  # casefold changed lengths ("ß" -> "ss"): offsets would shift
        haystack, wanted = text.lower(), needle.lower()
        if len(haystack) != len(text):
            haystack, wanted = text, needle
    if backwards:
        found = haystack.rfind(wanted, 0, max(start, 0))
        if found < 0:
            found = haystack.rfind(wanted)
    else:
        found = haystack.find(wanted, start)
        if found < 0:
            found = haystack.find(wanted)
    return (found, found + len(needle)) if found >= 0 else None


def count_in(text: str, needle: str) -> int:
    return text.casefold().count(needle.casefold()) if needle else 0


class FindField(QLineEdit):
    """Enter finds forwards, Shift+Enter backwards."""

    find = Signal(bool)  # backwards

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.find.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    search = Signal(str, bool)  # (text, backwards)
    closed = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("find-bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        label = QLabel("&Find in the article:", self)
        self.field = FindField(self)
        self.field.setObjectName("find-field")
        self.field.setPlaceholderText("words to find; Enter: next, Shift+Enter: previous, Esc: close")
        self.field.setClearButtonEnabled(True)
        label.setBuddy(self.field)
        self.result = QLabel("", self)
        self.result.setObjectName("find-result")
        layout.addWidget(label)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.result)
        self.field.find.connect(lambda backwards: self.search.emit(self.field.text(), backwards))
        self.hide()

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def text(self) -> str:
        return self.field.text()

    def show_result(self, text: str) -> None:
        self.result.setText(text)
