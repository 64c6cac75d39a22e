"""Case > Properties (Alt+Enter): the case's counts and where it is kept (the database file, or the server's
address), with buttons to show that file in the system's file manager and to open another database."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fact_review.reports.figures import moment_text
from fact_review.store import CaseRow, Progress


class CasePropertiesDialog(QDialog):
    open_other = Signal()  # the reviewer asked to open another database

    def __init__(self, case: CaseRow, articles: int, progress: Progress, location: str, database: Optional[Path],
                 read_only: Optional[str], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("case-properties")
        self.setWindowTitle(f"Properties of {case.name}")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("Case:", self._text(case.name))
        form.addRow("Created:", self._text(moment_text(case.created_at)))
        form.addRow("Articles:", self._text(str(articles)))
        form.addRow("Claims:", self._text(f"{progress.total}, {progress.reviewed} reviewed, {progress.flagged} "
                                          f"flagged, {progress.conflicts} in conflict"))
        self.database = self._text(location)  # a server's address never shows its password
        self.database.setObjectName("database")
        form.addRow("Database file:" if database is not None else "Database server:", self.database)
        if read_only:
            form.addRow("Read-only:", self._text(read_only))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        self.show_folder = QPushButton("&Show in folder", self)
        self.show_folder.setObjectName("show-folder")
        self.show_folder.setEnabled(database is not None and database.parent.is_dir())
        if database is not None:
            folder = str(database.parent)
            self.show_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))
        other = QPushButton("&Open another database…", self)
        other.clicked.connect(self._open_other)
        buttons.addButton(self.show_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def _text(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        return label

    def _open_other(self) -> None:
        self.accept()
        self.open_other.emit()
