"""Settings (Ctrl+,): the reviewer's name, the appearance (the system's, light or dark) and the keys.

Keys are typed as Qt writes them ("J", "Ctrl+Shift+Z", "Down"), several separated by commas; an empty
field leaves a command without a key. Only keys that differ from the defaults are kept (in the settings
group ``keymap``), so a new default reaches the reviewer unless they chose their own. Save checks that
every key is one key and that no key does two things; a problem is said in the dialog, which stays open.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.commands import CommandRegistry
from ui.dialogs.parts import ProblemLabel, answer_buttons
from ui.keymap import Keymap, KeymapError, parse_keys
from ui.theme import APPEARANCES


@dataclass(frozen=True)
class Settings:
    reviewer: str
    appearance: str
    key_overrides: dict[str, tuple[str, ...]]  # command id -> keys, for commands whose keys differ from the default


def keys_text(keys: tuple[QKeySequence, ...]) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.PortableText) for k in keys)


class SettingsDialog(QDialog):
    saved = Signal(object)  # Settings

    def __init__(self, registry: CommandRegistry, defaults: Keymap, current: Keymap, titles: dict[str, str],
                 reviewer: str, appearance: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle("Settings")
        self._defaults = defaults
        self._ids = [cmd.id for cmd in registry]
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.reviewer = QLineEdit(reviewer, self)
        self.reviewer.setObjectName("reviewer")
        form.addRow("&Reviewer's name:", self.reviewer)
        self.appearance = QComboBox(self)
        self.appearance.setObjectName("appearance")
        for _scheme, text in APPEARANCES:
            self.appearance.addItem(text)
        self.appearance.setCurrentIndex(next((i for i, (s, _t) in enumerate(APPEARANCES) if s == appearance), 0))
        form.addRow("&Appearance:", self.appearance)
        layout.addLayout(form)
        keys_label = QLabel("&Keys (several separated by commas; F2 or typing edits one):", self)
        layout.addWidget(keys_label)
        self.keys = QTableWidget(len(self._ids), 3, self)
        self.keys.setObjectName("keys")
        keys_label.setBuddy(self.keys)
        self.keys.setHorizontalHeaderLabels(["Command", "Keys", "Default"])
        self.keys.verticalHeader().hide()
        self.keys.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.keys.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        for row, cid in enumerate(self._ids):
            for column, text in enumerate((titles.get(cid, cid), keys_text(current.keys(cid)),
                                           keys_text(defaults.keys(cid)))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, cid)
                if column != 1:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.keys.setItem(row, column, item)
        header = self.keys.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.keys.setCurrentCell(0, 1)
        layout.addWidget(self.keys, 1)
        self.problem = ProblemLabel(self)
        layout.addWidget(self.problem)
        buttons = answer_buttons(self, layout, ok=QDialogButtonBox.StandardButton.Save)
        reset = QPushButton("Default &keys", self)
        reset.clicked.connect(self._reset_keys)
        buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        if parent is not None:
            available = parent.screen().availableGeometry()
            self.resize(min(760, int(available.width() * 0.9)), min(640, int(available.height() * 0.85)))
        self.reviewer.setFocus()

    def set_keys(self, command_id: str, text: str) -> None:
        self.keys.item(self._ids.index(command_id), 1).setText(text)

    def _reset_keys(self) -> None:
        for row, cid in enumerate(self._ids):
            self.keys.item(row, 1).setText(keys_text(self._defaults.keys(cid)))

    def _read(self) -> Settings:
        name = self.reviewer.text().strip()
        if not name:
            raise KeymapError("Type the name reports should show for your verdicts")
        bindings, overrides = {}, {}
        for row, cid in enumerate(self._ids):
            texts = tuple(t.strip() for t in self.keys.item(row, 1).text().split(",") if t.strip())
            bindings[cid] = parse_keys(cid, list(texts))
            if bindings[cid] != self._defaults.keys(cid):
                overrides[cid] = texts
        clashes = Keymap(bindings).conflicts()
        if clashes:
            key, ids = next(iter(clashes.items()))
            raise KeymapError(f"{key} is given to {' and '.join(ids)}: a key can do one thing only")
        return Settings(name, APPEARANCES[self.appearance.currentIndex()][0], overrides)

    def accept(self) -> None:
        try:
            settings = self._read()
        except KeymapError as error:
            self.problem.say(str(error))
            return
        super().accept()
        self.saved.emit(settings)
