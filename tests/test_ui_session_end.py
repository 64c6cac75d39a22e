"""A logout, a shutdown or a kill saves the note being typed and closes the window cleanly (SIGTERM ended
the window with status 143 and the note only on screen; Ctrl+Q saved it)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from fact_review.store import open_service
from test_ui_support import Key, make_case, make_settings, open_window, press, type_text

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

# The real start of the window (ui.app.open_window), with the reviewer typing a note once it is shown.
TYPING_REVIEWER = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from ui.app import open_window

    app = QApplication([sys.argv[0]])

    def type_when_ready():
        window = next((w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()), None)
        if window is None or QApplication.focusWidget() is None:
            window is not None and window.activateWindow()
            QTimer.singleShot(20, type_when_ready)
            return
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_E)  # note-edit
        QTest.keyClicks(QApplication.focusWidget(), "ask the hospital")
        assert window.inspector.note.hasFocus() and window.inspector.note.toPlainText() == "ask the hospital"
        print("typed", window.current_claim, flush=True)

    QTimer.singleShot(0, type_when_ready)
    sys.exit(open_window(sys.argv[1], sys.argv[2]))
""")


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_an_ending_signal_saves_the_note_being_typed_and_closes_cleanly(tmp_path, ending):
    db = tmp_path / "review.db"
    service, case = make_case(db)
    service.close()
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path),
                       XDG_DATA_HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path))
    window = subprocess.Popen([sys.executable, "-c", TYPING_REVIEWER, str(db), case.name], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=environment)
    try:
        said = window.stdout.readline().split()
        assert said[:1] == ["typed"], window.communicate(timeout=30)
        window.send_signal(ending)
        _, errors = window.communicate(timeout=60)
    finally:
        window.kill()
    assert window.returncode == 0, errors
    with open_service(db, read_only=True) as reopened:
        assert reopened.claim(int(said[1])).verdict.note == "ask the hospital"


def test_the_session_managers_commit_request_saves_the_note_and_leaves_the_window_open(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from ui.session_end import SessionEnd

    service, case = make_case(tmp_path / "review.db")
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    ending = SessionEnd(QApplication.instance(), window)
    try:
        queue = service.review_queue(case.id)
        press(qtbot, Key.Key_E)
        type_text(qtbot, "count the beds")
        ending.commit_data()
        assert service.claim(queue[0]).verdict.note == "count the beds"
        assert window.isVisible() and window.inspector.note.hasFocus()  # a logout may still be cancelled
    finally:
        ending.close()
        window.close()
        service.close()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handlers before it are back
