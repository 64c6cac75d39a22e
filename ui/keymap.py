"""Keys as data (ARCHITECTURE.md §6): defaults in ``resources/keymap.json``, user overrides in QSettings.

The keymap points keys at command ids; :func:`install_actions` turns the registry and the keymap into
QActions on a window, and :class:`KeyGuard` keeps plain keys ("J", "1", "Space") from firing anywhere
but on the review surfaces (never while the reviewer types in a text field).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

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


def parse_keys(command_id: str, keys: object) -> tuple[QKeySequence, ...]:
    """``keys`` as key sequences; None or an empty list is no key (QSettings gives an empty list back as None)."""
    if keys is None or keys == "":
        return ()
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
        self._bindings = dict(bindings)  # in the keymap file's order, which the menus follow

    @classmethod
    def load(cls, registry: CommandRegistry, settings: Optional[QSettings] = None,
             path: Path = DEFAULT_KEYMAP) -> "Keymap":
        data = json.loads(path.read_text(encoding="utf-8"))
        bindings = {cid: parse_keys(cid, keys) for cid, keys in data.items() if not cid.startswith("_")}
        if settings is not None:
            settings.beginGroup(SETTINGS_GROUP)
            try:
                for cid in settings.childKeys():
                    bindings[cid] = parse_keys(cid, settings.value(cid))
            finally:
                settings.endGroup()
        unknown = sorted(set(bindings) - {c.id for c in registry})
        if unknown:
            raise KeymapError(f"keymap names unknown commands: {', '.join(unknown)}")
        return cls(bindings)

    @staticmethod
    def save_overrides(settings: QSettings, overrides: Mapping[str, Sequence[str]]) -> None:
        """Replace the reviewer's key overrides (command id -> keys as text) in ``settings``."""
        settings.beginGroup(SETTINGS_GROUP)
        try:
            settings.remove("")
            for cid, keys in overrides.items():
                settings.setValue(cid, list(keys))
        finally:
            settings.endGroup()

    def command_ids(self) -> list[str]:
        """The bound commands, in the keymap file's order."""
        return list(self._bindings)

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


REVIEW_SURFACE = "review-surface"  # a widget property: plain keys (J, 1, Space, Tab) are commands there
SURFACE_COMMANDS = "review-surface-commands"  # a widget property: ... only these commands' plain keys


def mark_review_surface(widget: QWidget, commands: Optional[Sequence[str]] = None) -> None:
    """Plain keys are the window's commands while ``widget`` has the focus (the article panes, the queue);
    with ``commands``, only those commands' plain keys, the others staying the widget's own (the figure
    table rates its facts with the verdict keys, and its letters still find a row)."""
    widget.setProperty(REVIEW_SURFACE, True)
    if commands is not None:
        widget.setProperty(SURFACE_COMMANDS, list(commands))


def plain_key_commands(widget: Optional[QWidget]) -> Optional[frozenset[str]]:
    """The commands whose plain keys work while ``widget`` has the focus: None for all of them (a review
    surface, or no focus at all), else those it names; none where the widget uses plain keys itself (a text
    field types them, a combo box picks with them, a list moves with them)."""
    if widget is None:
        return None
    if not widget.property(REVIEW_SURFACE):
        return frozenset()
    commands = widget.property(SURFACE_COMMANDS)
    return frozenset(commands) if commands is not None else None


class KeyGuard(QObject):
    """While the focus is off the review surfaces, actions keep only their modified keys: typing a note
    never rates a claim, Tab moves between the queue filters, Ctrl+Z still undoes and Esc goes back."""

    def __init__(self, actions: Mapping[str, QAction], keymap: Keymap, parent: QObject) -> None:
        super().__init__(parent)
        self._actions = actions
        self.keymap = keymap
        self.plain_commands: Optional[frozenset[str]] = None  # whose plain keys work now; None: every command's
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: Optional[QWidget], new: Optional[QWidget]) -> None:
        if new is not None and new.window() is not self.parent():
            return  # a dialog or a popup: the window's shortcuts do not reach it anyway
        allowed = plain_key_commands(new)
        if allowed != self.plain_commands:
            self.plain_commands = allowed
            self.apply()

    def apply(self) -> None:
        """Set every action's keys from the keymap, the plain ones only where they are commands now."""
        allowed = self.plain_commands
        for cid, action in self._actions.items():
            keys = self.keymap.keys(cid)
            action.setShortcuts(list(keys) if allowed is None or cid in allowed
                                else [k for k in keys if not is_plain_key(k)])
