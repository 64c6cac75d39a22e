"""The keyboard model: every command has a key, is in the cheat sheet, and fires from its key; keys are
data with user overrides; plain keys never fire while the reviewer types."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

import ui.main_window  # noqa: F401 - registers the window's commands
from ui.dialogs.cheatsheet import CheatSheet
from ui.commands import REGISTRY, CommandRegistry
from ui.keymap import DEFAULT_KEYMAP, Keymap, KeymapError, is_plain_key
from test_ui_support import make_case, make_settings, open_window, press, type_text, wait_for_dialog, window_on_case

COMMAND_IDS = sorted(c.id for c in REGISTRY)


@pytest.fixture
def window(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "keys.db") as (window, _, _):
        yield window
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()


def test_the_acceptance_list_of_commands_is_registered():
    wanted = {"claim-next", "claim-prev", "claim-next-unreviewed", "verdict-1", "verdict-2", "verdict-3",
              "verdict-4", "verdict-5", "verdict-unverifiable", "claim-skip", "claim-flag", "note-edit",
              "match-next", "match-prev", "discrepancy-next", "discrepancy-prev", "match-accept", "match-reject",
              "match-link", "pane-switch", "pane-swap", "article-pick-left", "article-pick-right", "claim-mark",
              "claim-edit", "claim-dismiss", "undo", "redo", "case-open", "article-import", "article-paste",
              "report-export", "cheat-sheet", "quit"}
    assert wanted <= set(COMMAND_IDS)


def test_every_command_has_a_default_key_and_no_key_is_bound_twice():
    keymap = Keymap.load(REGISTRY)
    assert [cid for cid in COMMAND_IDS if not keymap.keys(cid)] == []
    assert keymap.conflicts() == {}


def test_the_cheat_sheet_lists_every_command_with_its_keys(window, qtbot):
    press(qtbot, Qt.Key.Key_F1)
    sheet = wait_for_dialog(qtbot, window, CheatSheet, "cheat-sheet")
    assert sorted(sheet.command_ids()) == COMMAND_IDS
    for cid in COMMAND_IDS:
        assert sheet.keys_of(cid) == window.keymap.text(cid) != ""
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not sheet.isVisible())


@pytest.mark.parametrize("command_id", COMMAND_IDS)
def test_each_command_fires_from_its_key(window, qtbot, command_id):
    QApplication.clipboard().setText("Pasted report\n\nSome 40 people came.")
    action = window.actions[command_id]
    for sequence in window.keymap.keys(command_id):
        combination = sequence[0]
        with qtbot.waitSignal(action.triggered, timeout=1000):
            press(qtbot, combination.key(), combination.keyboardModifiers())
        for widget in QApplication.topLevelWidgets():  # close what the command opened
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        if command_id == "quit":
            assert not window.isVisible()
            return
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        window.active_pane.setFocus()
        assert not window.banner.isVisible(), window.banner.text()
    qtbot.waitUntil(lambda: not window.runner.busy)  # article-paste imports in the background


def test_plain_keys_do_not_fire_while_typing_but_modified_keys_do(window, qtbot):
    start = window.current_claim
    press(qtbot, Qt.Key.Key_E)
    type_text(qtbot, "jk 12345 0 ? ad")
    assert window.current_claim == start
    assert window.service.claim(start).verdict is None
    assert window.inspector.note.toPlainText() == "jk 12345 0 ? ad"
    assert window.actions["undo"].shortcuts() == [QKeySequence("Ctrl+Z")]  # Backspace edits the note
    press(qtbot, Qt.Key.Key_Escape)
    assert window.actions["undo"].shortcuts() == [QKeySequence("Ctrl+Z"), QKeySequence("Backspace")]


def test_user_overrides_in_settings_replace_default_keys(tmp_path):
    settings = QSettings(str(tmp_path / "keys.ini"), QSettings.Format.IniFormat)
    settings.setValue("keymap/claim-next", ["Down", "J"])
    settings.setValue("keymap/claim-prev", "Up")
    keymap = Keymap.load(REGISTRY, settings)
    assert keymap.keys("claim-next") == (QKeySequence("Down"), QKeySequence("J"))
    assert keymap.keys("claim-prev") == (QKeySequence("Up"),)
    assert keymap.keys("verdict-1") == (QKeySequence("1"),)


def test_user_overrides_reach_the_window(qtbot, tmp_path):
    settings = make_settings(tmp_path)
    settings.setValue("keymap/claim-next", "Down")
    service, case = make_case(tmp_path / "keys.db")
    window = open_window(qtbot, service, case, settings)
    try:
        first = window.current_claim
        window.panes[0].move_cursor_to(0)
        window.set_current_claim(first)
        press(qtbot, Qt.Key.Key_J)
        assert window.current_claim == first
        press(qtbot, Qt.Key.Key_Down)
        assert window.current_claim != first
    finally:
        window.close()
        service.close()


def test_a_keymap_naming_an_unknown_command_or_a_chord_is_refused(tmp_path):
    path = tmp_path / "keymap.json"
    path.write_text(json.dumps({"claim-nxet": ["J"]}))
    with pytest.raises(KeymapError, match="claim-nxet"):
        Keymap.load(REGISTRY, path=path)
    path.write_text(json.dumps({"claim-next": ["Ctrl+X, J"]}))
    with pytest.raises(KeymapError, match="not a single key"):
        Keymap.load(REGISTRY, path=path)


def test_the_default_keymap_file_names_only_registered_commands():
    data = json.loads(DEFAULT_KEYMAP.read_text(encoding="utf-8"))
    assert {k for k in data if not k.startswith("_")} == set(COMMAND_IDS)


@pytest.mark.parametrize("text, plain", [("J", True), ("1", True), ("Space", True), ("?", True),
                                         ("Backspace", True), ("Ctrl+Z", False), ("Alt+Down", False),
                                         ("F1", False), ("Ctrl+Shift+V", False)])
def test_plain_keys_are_the_ones_a_text_field_would_type(text, plain):
    assert is_plain_key(QKeySequence(text)) is plain


def test_a_command_id_is_registered_once():
    registry = CommandRegistry()
    registry.command("a-b", title="A", category="Claims")(lambda w: None)
    with pytest.raises(ValueError, match="twice"):
        registry.command("a-b", title="A again", category="Claims")(lambda w: None)
    with pytest.raises(ValueError, match="category"):
        registry.command("c-d", title="C", category="Nowhere")(lambda w: None)
