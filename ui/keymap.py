"""Keys as data (ARCHITECTURE.md §6): defaults in ``resources/keymap.json``, user overrides in QSettings.

The keymap points keys at command ids; :func:`install_actions` turns the registry and the keymap into
QActions on a window, and :class:`TypingGuard` keeps plain keys ("J", "1", "Space") from firing while
the reviewer types in a text field.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Mapping, Optional

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from fact_review.resource_files import resource_path
from ui.commands import Command, CommandRegistry

DEFAULT_KEYMAP = resource_path("keymap.json")
SETTINGS_GROUP = "keymap"
_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
_FUNCTION_KEYS = range(Qt.Key.Key_F1.value, Qt.Key.Key_F35.value + 1)


class KeymapError(ValueError):
    pass


def is_plain_key(sequence: QKeySequence) -> bool:
    """A key that a text field would take as typing: no Ctrl/Alt/Meta, not a function key or Escape."""
    combo = sequence[0]
    if combo.keyboardModifiers() & _COMMAND_MODIFIERS:
        return False
    key = combo.key().value
    return key not in _FUNCTION_KEYS and key != Qt.Key.Key_Escape.value


def _parse(command_id: str, keys: object) -> tuple[QKeySequence, ...]:
    if isinstance(keys, str):  # QSettings gives back a one-item list as a plain string
        keys = [keys]
    if not isinstance(keys, (list, tuple)):
        raise KeymapError(f"keys for {command_id!r} must be a list of strings, not {keys!r}")
    sequences = []
    for text in keys:
        sequence = QKeySequence(str(text))
        if sequence.isEmpty() or sequence.count() != 1:
            raise KeymapError(f"{text!r} (for {command_id!r}) is not a single key")
        sequences.append(sequence)
    return tuple(sequences)


class Keymap:
    def __init__(self, bindings: Mapping[str, tuple[QKeySequence, ...]]) -> None:
        self._bindings = dict(bindings)

    @classmethod
    def load(cls, registry: CommandRegistry, settings: Optional[QSettings] = None,
             path: Path = DEFAULT_KEYMAP) -> "Keymap":
        data = json.loads(path.read_text(encoding="utf-8"))
        bindings = {cid: _parse(cid, keys) for cid, keys in data.items() if not cid.startswith("_")}
        if settings is not None:
            settings.beginGroup(SETTINGS_GROUP)
            try:
                for cid in settings.childKeys():
                    bindings[cid] = _parse(cid, settings.value(cid))
            finally:
                settings.endGroup()
        unknown = sorted(set(bindings) - {c.id for c in registry})
        if unknown:
            raise KeymapError(f"keymap names unknown commands: {', '.join(unknown)}")
        return cls(bindings)

    def keys(self, command_id: str) -> tuple[QKeySequence, ...]:
        return self._bindings.get(command_id, ())

    def text(self, command_id: str) -> str:
        """The keys as the reviewer reads them: "J", "Ctrl+Z / Backspace"."""
        return " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in self.keys(command_id))

    def conflicts(self) -> dict[str, list[str]]:
        """Keys bound to more than one command."""
        seen: dict[str, list[str]] = {}
        for cid, keys in self._bindings.items():
            for key in keys:
                seen.setdefault(key.toString(), []).append(cid)
        return {key: ids for key, ids in seen.items() if len(ids) > 1}


def install_actions(window: QWidget, registry: CommandRegistry, keymap: Keymap,
                    invoke: Callable[[Command], None]) -> dict[str, QAction]:
    """One QAction per command, on ``window``; single keys never auto-repeat (ARCHITECTURE.md §6)."""
    actions: dict[str, QAction] = {}
    for cmd in registry:
        action = QAction(cmd.title, window)
        action.setObjectName(cmd.id)
        action.setShortcuts(list(keymap.keys(cmd.id)))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setAutoRepeat(False)
        action.triggered.connect(lambda _checked=False, c=cmd: invoke(c))
        window.addAction(action)
        actions[cmd.id] = action
    return actions


def is_text_entry(widget: Optional[QWidget]) -> bool:
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSpinBox):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()


class TypingGuard(QObject):
    """While a text field has focus, actions keep only their modified keys (Ctrl+Z still undoes)."""

    def __init__(self, actions: Mapping[str, QAction], keymap: Keymap, parent: QObject) -> None:
        super().__init__(parent)
        self._actions = actions
        self._keymap = keymap
        self.typing = False
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: Optional[QWidget], new: Optional[QWidget]) -> None:
        typing = is_text_entry(new)
        if typing == self.typing:
            return
        self.typing = typing
        for cid, action in self._actions.items():
            keys = self._keymap.keys(cid)
            action.setShortcuts([k for k in keys if not is_plain_key(k)] if typing else list(keys))
