"""Case > Open another database (Ctrl+Shift+O): a file on this computer (a new name creates one) or a desk's
PostgreSQL server, by its address and, when the server asks for one, a password.

The password is for this session only: it goes to the server and is never written to the settings (the
next start takes it from PGPASSWORD or a pgpass file, or asks again). The dialog tries the database before
it closes: a wrong address, a server that cannot be reached or a refused password is said inside the
dialog, which stays open, and the database the window has open stays open.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Union

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QButtonGroup, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QVBoxLayout, QWidget)

from fact_review.errors import ExplainedError, InputError
from fact_review.store import is_url, server_address
from ui.dialogs.parts import ProblemLabel, answer_buttons

Open = Callable[[Union[Path, str]], None]  # opens the database (a file, or a server URL) or raises
ADDRESS_SHAPE = "postgresql+psycopg://user@host:5432/dbname"
FILE_TYPES = "Fact Review databases (*.db *.sqlite *.sqlite3);;All files (*)"


class DatabaseDialog(QDialog):
    def __init__(self, current: Union[Path, str], open_database: Open, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("database-dialog")
        self.setWindowTitle("Open another database")
        self.setMinimumWidth(560)
        self._open = open_database
        on_server = is_url(current)
        layout = QVBoxLayout(self)

        self.file_choice = QRadioButton("A &file on this computer (a new name creates it)", self)
        self.file_choice.setObjectName("file-choice")
        layout.addWidget(self.file_choice)
        row = QHBoxLayout()
        self.path = QLineEdit("" if on_server else str(current), self)
        self.path.setObjectName("path")
        self.path.setPlaceholderText(str(Path.home() / "review.db"))
        browse = QPushButton("&Browse…", self)
        browse.setObjectName("browse")
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addLayout(row)

        self.server_choice = QRadioButton("A desk's &server (PostgreSQL)", self)
        self.server_choice.setObjectName("server-choice")
        layout.addWidget(self.server_choice)
        form = QFormLayout()
        self.address = QLineEdit(str(current) if on_server else "", self)
        self.address.setObjectName("address")
        self.address.setPlaceholderText(ADDRESS_SHAPE)
        form.addRow("&Address:", self.address)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("only if the server asks for one")
        form.addRow("&Password:", self.password)
        layout.addLayout(form)
        note = QLabel("The password is used for this session only and never saved. To be asked no more, put it "
                      "in the PGPASSWORD environment variable or in ~/.pgpass, as every PostgreSQL tool reads it.",
                      self)
        note.setWordWrap(True)
        note.setObjectName("password-note")
        layout.addWidget(note)

        choices = QButtonGroup(self)
        choices.addButton(self.file_choice)
        choices.addButton(self.server_choice)
        (self.server_choice if on_server else self.file_choice).setChecked(True)
        # typing in a field chooses its kind of database
        self.path.textEdited.connect(lambda _text: self.file_choice.setChecked(True))
        for field in (self.address, self.password):
            field.textEdited.connect(lambda _text: self.server_choice.setChecked(True))

        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        answer_buttons(self, layout)
        (self.address if on_server else self.path).setFocus()

    def chosen(self) -> Union[Path, str]:
        """The database the dialog points at: a file's path, or the server URL to open (with the password);
        ``InputError`` when what is typed cannot be one."""
        if self.server_choice.isChecked():
            return server_address(self.address.text(), self.password.text())
        text = self.path.text().strip()
        if not text:
            raise InputError("give the database file's name (or choose a server)")
        if is_url(text):
            raise InputError(f"{text}: an address goes under “A desk's server”, not as a file name")
        path = Path(text).expanduser()
        if path.is_dir():
            raise InputError(f"{path}: a folder, not a database file")
        if not path.parent.is_dir():
            raise InputError(f"{path.parent}: no such folder")
        return path

    def accept(self) -> None:
        try:
            database = self.chosen()
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a server may take seconds to answer
            try:
                self._open(database)
            finally:
                QGuiApplication.restoreOverrideCursor()
        except (InputError, ExplainedError) as error:
            self.problem.say(f"{error}\n\nThe database you have open stays open.")
            (self.address if self.server_choice.isChecked() else self.path).setFocus()
            return
        super().accept()

    def _browse(self) -> None:
        start = self.path.text().strip() or str(Path.home())
        dialog = QFileDialog(self, "Open or create a database", start, FILE_TYPES)
        dialog.setObjectName("database-file-dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)  # a new name creates a database
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.fileSelected.connect(self._file_chosen)
        dialog.open()

    def _file_chosen(self, path: str) -> None:
        self.path.setText(path)
        self.file_choice.setChecked(True)
        self.path.setFocus()
