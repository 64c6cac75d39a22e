"""The menu bar, generated from the command registry: one menu per category, each with an Alt mnemonic,
and every item with a mnemonic of its own within its menu, so the whole menu tree works from the keyboard
(F10 or Alt opens it)."""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar

from ui.commands import CommandRegistry

MENU_TITLES = {"Case": "&Case", "Edit": "&Edit", "View": "&View", "Claims": "C&laims", "Verdicts": "Ve&rdicts",
               "Matches": "&Matches", "Help": "&Help"}


def plain_text(text: str) -> str:
    """A title without its mnemonic marker: "&Open case" -> "Open case", "R&&D" -> "R&D"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with "&" before its first letter not yet ``taken`` (words' first letters preferred)."""
    text = plain_text(text).replace("&", "&&")
    starts = [i for i, c in enumerate(text) if c.isalnum() and (i == 0 or not text[i - 1].isalnum())]
    for i in starts + list(range(len(text))):
        letter = text[i].lower()
        if text[i].isalnum() and letter not in taken:
            taken.add(letter)
            return text[:i] + "&" + text[i:]
    return text


def build_menus(menu_bar: QMenuBar, registry: CommandRegistry, actions: Mapping[str, QAction],
                order: Sequence[str] = ()) -> None:
    """Menus by category; within one, commands in ``order`` (the keymap file's) come first, in that order."""
    place = {cid: i for i, cid in enumerate(order)}
    menu_bar.clear()
    for category, commands in registry.by_category():
        menu = menu_bar.addMenu(MENU_TITLES.get(category, category))
        menu.setObjectName(f"menu-{category.lower()}")
        ordered = sorted(commands, key=lambda cmd: place.get(cmd.id, len(place)))
        add_items(menu, (actions[cmd.id] for cmd in ordered))


def add_items(menu, items: Iterable[QAction]) -> None:
    taken: set[str] = set()
    for action in items:
        action.setText(with_mnemonic(action.text(), taken))
        menu.addAction(action)
