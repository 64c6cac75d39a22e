"""The whole window from the keyboard: the command palette, find in the text, every dialog opened and
closed by keys, an article's metadata, the reviewer's settings and the claim's history."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog

from ui.commands import REGISTRY
from ui.dialogs.article_dialog import ArticleDialog
from ui.dialogs.command_palette import CommandPalette, CommandsModel
from ui.dialogs.settings_dialog import SettingsDialog
from ui.find_bar import find_in
from ui.keymap import Keymap
from ui.menus import plain_text, with_mnemonic
from test_ui_support import Ctrl, Key, Shift, press, type_text, wait_for_dialog, window_on_case


@pytest.fixture
def window(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "reach.db") as (window, service, case):
        yield window, service, case
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()


def test_the_command_palette_lists_every_command_with_its_keys_and_runs_the_one_typed(window, qtbot):
    window, service, case = window
    press(qtbot, Key.Key_K, Ctrl)
    palette = wait_for_dialog(qtbot, window, CommandPalette, "command-palette")
    model = palette.model
    listed = {model.command_id(row): model.index(row, 2).data() for row in range(model.rowCount())}
    assert listed == {cmd.id: window.keymap.text(cmd.id) for cmd in REGISTRY}
    type_text(qtbot, "next unrev")
    assert palette.chosen_id() == "claim-next-unreviewed"
    first = window.current_claim
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: not palette.isVisible())
    assert window.current_claim != first
    press(qtbot, Key.Key_P, Ctrl | Shift)
    again = wait_for_dialog(qtbot, window, CommandPalette, "command-palette")
    type_text(qtbot, "zzzzqq")
    assert again.model.rowCount() == 0
    press(qtbot, Key.Key_Escape)
    qtbot.waitUntil(lambda: not again.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.active_pane)


def test_the_palettes_model_passes_qtmodeltester(qtmodeltester, qapp):
    import ui.main_window  # noqa: F401 - registers the window's commands

    model = CommandsModel(REGISTRY, Keymap.load(REGISTRY), {})
    qtmodeltester.check(model)
    model.set_query("exprt")  # a typo still finds it
    assert model.command_id(0) == "report-export"
    model.set_query("verdict")
    qtmodeltester.check(model)
    assert model.rowCount() and all("verdict" in (model.index(r, 0).data() + model.command_id(r)).lower()
                                    or model.index(r, 1).data() == "Verdicts" for r in range(model.rowCount()))


def test_find_selects_each_occurrence_in_turn_and_leaves_the_current_claim_alone(window, qtbot):
    window, service, case = window
    chosen = window.current_claim
    pane = window.active_pane
    press(qtbot, Key.Key_F, Ctrl)
    bar = window.center.side_by_side.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    type_text(qtbot, "runners")
    press(qtbot, Key.Key_Return)
    starts = [i for i in range(len(pane.text)) if pane.text.lower().startswith("runners", i)]
    first = pane.selection()
    assert first is not None and first[0] in starts and pane.text[first[0]:first[1]].lower() == "runners"
    press(qtbot, Key.Key_F3)
    second = pane.selection()
    assert second[0] in starts and second != first
    press(qtbot, Key.Key_Return, Shift)
    assert pane.selection() == first
    assert bar.result.text().endswith(f"of {len(starts)}")
    press(qtbot, Key.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is pane
    assert window.current_claim == chosen


@given(st.text(alphabet="abcAB ß", max_size=30), st.text(alphabet="abAB ß", min_size=1, max_size=3),
       st.integers(0, 30), st.booleans())
def test_find_in_gives_a_span_holding_the_words(text, needle, start, backwards):
    found = find_in(text, needle, start, backwards)
    if found is None:
        assert needle.casefold() not in text.casefold() or len(text.casefold()) != len(text)
    else:
        assert text[found[0]:found[1]].lower() == needle.lower() or text[found[0]:found[1]] == needle


@pytest.mark.parametrize("text", ["Next claim", "Rate 1: False", "Nr. 5", "Ångström"])
def test_mnemonics_go_on_unused_letters_and_read_back_plain(text):
    taken = {"n", "r"}
    marked = with_mnemonic(text, set(taken))
    assert plain_text(marked) == text and marked.count("&") == 1
    assert marked[marked.index("&") + 1].lower() not in taken


DIALOG_KEYS = [  # (command, key, modifiers, object name of the dialog it opens)
    ("case-open", Key.Key_O, Ctrl, "case-dialog"), ("article-import", Key.Key_I, Ctrl, "import-dialog"),
    ("report-export", Key.Key_E, Ctrl, "export-dialog"), ("article-edit", Key.Key_F2, None, "article-dialog"),
    ("case-properties", Key.Key_Return, Qt.KeyboardModifier.AltModifier, "case-properties"),
    ("database-open", Key.Key_O, Ctrl | Shift, "database-dialog"), ("settings", Key.Key_Comma, Ctrl, "settings-dialog"),
    ("reviewer-name", Key.Key_R, Ctrl | Shift, "reviewer-dialog"), ("evidence-edit", Key.Key_U, None, "evidence-dialog"),
    ("claim-edit", Key.Key_C, None, "claim-dialog"), ("cheat-sheet", Key.Key_F1, None, "cheat-sheet"),
    ("command-palette", Key.Key_K, Ctrl, "command-palette"),
]


@pytest.mark.parametrize("command_id, key, modifiers, name", DIALOG_KEYS, ids=[d[0] for d in DIALOG_KEYS])
def test_every_dialog_opens_from_its_key_and_closes_with_esc(window, qtbot, command_id, key, modifiers, name):
    window, *_ = window
    press(qtbot, key, modifiers or Qt.KeyboardModifier.NoModifier)
    dialog = wait_for_dialog(qtbot, window, QDialog, name)
    press(qtbot, Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.active_pane)


def test_an_articles_metadata_is_edited_from_the_keyboard_and_undone(window, qtbot):
    window, service, case = window
    article = service.articles(case.id)[window.active]
    press(qtbot, Key.Key_F2)
    dialog = wait_for_dialog(qtbot, window, ArticleDialog, "article-dialog")
    assert dialog.fields["title"].text() == article.title
    dialog.fields["outlet"].setFocus()
    type_text(qtbot, "Lakeside Echo")
    dialog.fields["published"].setFocus()
    type_text(qtbot, "12 April")
    press(qtbot, Key.Key_Return)
    assert dialog.isVisible() and "2025-05-25" in dialog.problem.text()  # said in the dialog, kept open
    dialog.fields["published"].clear()
    type_text(qtbot, "2026-04-13")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    edited = service.articles(case.id)[window.active]
    assert (edited.outlet, edited.published) == ("Lakeside Echo", "2026-04-13")
    assert window.pane_boxes[window.active].header.text().startswith("Lakeside Echo")
    dates = [c for c in service.claims(case.id, article.id) if c.kind == "date"]
    assert dates and all(c.date.startswith("2026-04-12") for c in dates)  # "Sunday, April 12" now has a year
    press(qtbot, Key.Key_Z, Ctrl)
    assert service.articles(case.id)[window.active].outlet is None
    assert window.articles_model.index(window.active, 0).data() == article.title


def test_settings_change_the_name_the_keys_and_the_appearance(window, qtbot, qapp):
    window, service, case = window
    old_palette = qapp.palette()
    press(qtbot, Key.Key_Comma, Ctrl)
    dialog = wait_for_dialog(qtbot, window, SettingsDialog, "settings-dialog")
    dialog.reviewer.clear()
    type_text(qtbot, "Ana Checker")
    dialog.set_keys("claim-next", "J, Down")
    dialog.set_keys("claim-prev", "Down")
    press(qtbot, Key.Key_Return)
    assert dialog.isVisible() and "Down" in dialog.problem.text()  # a key can do one thing only
    dialog.set_keys("claim-prev", "K, Up")
    dialog.appearance.setCurrentIndex(2)  # dark
    dialog.reviewer.setFocus()
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    try:
        assert window.reviewer == "Ana Checker" and "Ana Checker" in window.status.reviewer.text()
        assert qapp.palette().color(QPalette.ColorRole.Base).lightness() < 80
        first = window.current_claim
        press(qtbot, Key.Key_Down)
        assert window.current_claim != first
        press(qtbot, Key.Key_Up)
        assert window.current_claim == first
        assert window.settings.value("keymap/claim-next") == ["J", "Down"]
        assert window.settings.value("keymap/verdict-1") is None  # defaults are not copied
    finally:
        qapp.setPalette(old_palette)


def test_the_history_says_who_flagged_rated_and_undid(window, qtbot):
    window, service, case = window
    window.set_reviewer("Bo")
    claim = window.current_claim
    press(qtbot, Key.Key_F)
    press(qtbot, Key.Key_2)
    window.set_current_claim(claim)
    press(qtbot, Key.Key_Z, Ctrl)  # undoes the verdict
    window._refresh_inspector()
    history = window.inspector.details.toPlainText()
    assert history.count("by Bo") == 3 and "flagged" in history
    assert [e.reviewer for e in service.verdict_history(claim)] == ["Bo", "Bo", "Bo"]
