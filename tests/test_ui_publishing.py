"""The publishing settings dialog in the real window, from the keyboard: the desk's publisher and the case's
review URL and draft/final state, saved only when every address is a web address."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_ui_support import Ctrl, Key, Shift, press, type_text, wait_for_dialog, window_on_case

from fact_review.store import CaseSettings, DeskSettings
from ui.dialogs.publishing_dialog import PublishingDialog


def _open(qtbot, window) -> PublishingDialog:
    press(qtbot, Key.Key_E, Ctrl | Shift)
    return wait_for_dialog(qtbot, window, PublishingDialog, "publishing-dialog")


def _fill(qtbot, dialog, field: str, text: str) -> None:
    widget = dialog.findChild(type(dialog.publisher_name), field)
    widget.setFocus()
    widget.selectAll()
    type_text(qtbot, text)


def test_the_desk_and_the_case_are_set_from_the_keyboard_and_reach_the_service(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "publish.db") as (window, service, case):
        dialog = _open(qtbot, window)
        assert QApplication.focusWidget() is dialog.publisher_name  # typing starts at once
        type_text(qtbot, "Lakeside Fact Desk")
        _fill(qtbot, dialog, "publisher-url", "https://facts.example")
        _fill(qtbot, dialog, "review-url", "https://facts.example/marathon")
        dialog.final.setFocus()
        press(qtbot, Key.Key_Space)
        press(qtbot, Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert service.desk_settings() == DeskSettings("Lakeside Fact Desk", "https://facts.example", None)
        assert service.case_settings(case.id) == CaseSettings("https://facts.example/marathon", "final")
        assert "Publishing settings saved" in window.statusBar().currentMessage()

        again = _open(qtbot, window)  # shows what is stored
        assert again.publisher_name.text() == "Lakeside Fact Desk" and again.final.isChecked()
        press(qtbot, Key.Key_Escape)


def test_a_bad_address_is_said_in_the_dialog_and_nothing_is_saved(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "publish-bad.db") as (window, service, case):
        dialog = _open(qtbot, window)
        type_text(qtbot, "Desk")
        _fill(qtbot, dialog, "review-url", "facts.example/marathon")
        press(qtbot, Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.problem.isVisible())
        assert dialog.isVisible() and "review URL must be a web address" in dialog.problem.text()
        assert service.desk_settings() == DeskSettings()  # the valid desk was not saved alone
        assert service.case_settings(case.id) == CaseSettings()
        press(qtbot, Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
