"""Helpers for the window tests: two articles written for these tests, a real review service on a temp
database, the real window, and key presses sent where the reviewer's keyboard would send them."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from fact_review.articles import article_from_text
from fact_review.store import open_service

Key = Qt.Key
Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier

LEFT_TEXT = """City marathon draws record field

More than 12,000 runners started the Lakeside Marathon on Sunday, April 12.
The winner, Ana Brook, finished in 2 hours 9 minutes, organisers said.
Volunteers handed out 40,000 bottles of water along the course.
Medics treated 85 runners, and 6 were taken to hospital.
The race raised £1.2 million for local charities.
"""

RIGHT_TEXT = """Lakeside Marathon: thousands run in the sun

About 11,500 runners started the Lakeside Marathon on Sunday, April 12.
Volunteers handed out 40,000 bottles of water along the course.
Medics treated 58 runners, and six were taken to hospital.
The race raised £1.2 million for local charities, organisers said.
"""


def make_case(db_path: Path, name: str = "Lakeside Marathon"):
    """A window's service on ``db_path`` with a case of the two articles above (real analysis and matching)."""
    service = open_service(db_path, window=True)
    case = service.create_case(name)
    left = article_from_text(LEFT_TEXT, "left.txt")
    right = article_from_text(RIGHT_TEXT, "right.txt")
    result = service.import_articles(case.id, [left, right])
    assert not result.errors, result.errors
    return service, case


def make_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, service, case, settings: QSettings):
    from ui.main_window import MainWindow

    window = MainWindow(service, case, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@contextmanager
def window_on_case(qtbot, tmp_path: Path, db_name: str) -> Iterator[tuple]:
    """(window, service, case): the window on a fresh case of the two articles in ``tmp_path / db_name``;
    the window and the service are closed afterwards."""
    service, case = make_case(tmp_path / db_name)
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    try:
        yield window, service, case
    finally:
        window.close()
        service.close()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    """A key press where the keyboard sends it: to the widget that has focus."""
    for _ in range(times):
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)  # after a dialog, the window takes it back
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def wait_for_dialog(qtbot, parent, kind, name: str):
    """The dialog a key opened, once it has the keyboard focus (dialogs open asynchronously)."""
    qtbot.waitUntil(lambda: parent.findChild(kind, name) is not None and parent.findChild(kind, name).isVisible())
    dialog = parent.findChild(kind, name)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog)
    return dialog
