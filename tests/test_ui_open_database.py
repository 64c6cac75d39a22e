"""Case > Open another database (Ctrl+Shift+O) in the real window: a file, or a desk's server by its address
(against a real PostgreSQL server), with a password that is used and never saved; a bad address, a server
that cannot be reached or a database that is not there is said inside the dialog, and the database the
window has open stays open."""
from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import make_url

from test_ui_support import Ctrl, Key, Shift, make_case, press, type_text, wait_for_dialog, window_on_case
from ui.dialogs.case_properties import CasePropertiesDialog
from ui.dialogs.database_dialog import DatabaseDialog


@pytest.fixture
def review(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "desk.db") as (window, service, case):
        yield window, service, case
        if window.service is not service:
            window.service.close()


def open_dialog(qtbot, window) -> DatabaseDialog:
    press(qtbot, Key.Key_O, Ctrl | Shift)
    return wait_for_dialog(qtbot, window, DatabaseDialog, "database-dialog")


def choose_server(qtbot, dialog: DatabaseDialog, address: str, password: str = "") -> None:
    dialog.address.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.address)
    type_text(qtbot, address)  # typing in the address chooses the server
    if password:
        dialog.password.setFocus()
        type_text(qtbot, password)
    press(qtbot, Key.Key_Return)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


def test_a_server_is_opened_by_its_address_and_its_password_is_never_saved(review, qtbot, pg_db):
    window, service, case = review
    dialog = open_dialog(qtbot, window)
    assert dialog.file_choice.isChecked() and dialog.path.text() == str(service.path)
    choose_server(qtbot, dialog, pg_db, password="s3cret-pass")  # the test server trusts local connections
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.service.is_server and "s3cret" not in window.service.location
    assert window.service.location == make_url(pg_db).set(password="s3cret-pass").render_as_string()  # ***
    assert window.state.case.name == "First case"  # a new desk database starts with an empty case
    remembered = window.settings.value("database/path")
    assert remembered == pg_db and "s3cret" not in remembered  # the test server's URL has no password
    assert all("s3cret" not in str(window.settings.value(key)) for key in window.settings.allKeys())
    assert "Opened postgresql+psycopg://" in window.status.currentMessage()

    press(qtbot, Key.Key_Return, Qt.KeyboardModifier.AltModifier)  # the properties name the server, no password
    properties = wait_for_dialog(qtbot, window, CasePropertiesDialog, "case-properties")
    assert properties.database.text() == window.service.location and not properties.show_folder.isEnabled()
    press(qtbot, Key.Key_Escape)
    qtbot.waitUntil(lambda: not properties.isVisible())

    dialog = open_dialog(qtbot, window)  # and back to the file, through the same dialog
    assert dialog.server_choice.isChecked() and dialog.address.text() == window.service.location
    dialog.path.setFocus()
    dialog.path.selectAll()
    type_text(qtbot, str(service.path))
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.service.path == service.path and window.state.case.name == case.name


@pytest.mark.parametrize("address, problem", [
    ("mysql://ana@db.example/desk", "unsupported database URL"),
    ("postgresql+psycopg://ana@127.0.0.1:{port}", "name the database after the last '/'"),
    ("db.example/desk", "a server address starts with postgresql+psycopg://"),
    ("postgresql+psycopg://ana@127.0.0.1:{port}/desk", "cannot reach the database server"),
])
def test_an_address_that_cannot_be_opened_is_said_and_the_open_database_stays(review, qtbot, address, problem):
    window, service, case = review
    before = window.settings.value("database/path")
    dialog = open_dialog(qtbot, window)
    choose_server(qtbot, dialog, address.format(port=closed_port()))
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert problem in dialog.problem.text() and "The database you have open stays open" in dialog.problem.text()
    assert dialog.isVisible() and QApplication.focusWidget() is dialog.address  # correct it and try again
    assert window.service is service and window.state.case.id == case.id
    assert window.settings.value("database/path") == before
    dialog.reject()


def test_a_database_the_server_does_not_have_is_said_in_the_dialog(review, qtbot, pg_db):
    window, service, _case = review
    dialog = open_dialog(qtbot, window)
    choose_server(qtbot, dialog, make_url(pg_db).set(database="no_such_desk").render_as_string(hide_password=False))
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert "no_such_desk" in dialog.problem.text() and "does not exist" in dialog.problem.text()
    assert window.service is service
    dialog.reject()


def test_a_file_in_a_folder_that_does_not_exist_is_refused(review, qtbot, tmp_path):
    window, service, _case = review
    dialog = open_dialog(qtbot, window)
    dialog.path.selectAll()
    type_text(qtbot, str(tmp_path / "nowhere" / "desk.db"))
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert "no such folder" in dialog.problem.text() and window.service is service
    other = tmp_path / "other.db"
    make_case(other, "Other case")[0].close()
    dialog.path.selectAll()
    type_text(qtbot, str(other))
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.service.path == other and window.state.case.name == "Other case"
    assert window.settings.value("database/path") == str(other)


def test_a_start_on_a_remembered_server_that_cannot_be_reached_opens_the_local_file_and_says_why(tmp_path):
    from ui.app import open_at_start

    fallback = tmp_path / "fact-review.db"
    make_case(fallback, "Local case")[0].close()
    gone = f"postgresql+psycopg://ana@127.0.0.1:{closed_port()}/desk"
    service, case, problem = open_at_start(None, gone, fallback, None, last_case="Local case")
    try:
        assert service.path == fallback and case.name == "Local case"
        assert gone in problem and "cannot reach the database server" in problem and str(fallback) in problem
    finally:
        service.close()
    with pytest.raises(Exception, match="cannot reach the database server"):  # asked for by --db: said, not replaced
        open_at_start(gone, "", fallback, None)


def test_a_start_opens_the_remembered_server(pg_db, tmp_path):
    from ui.app import open_at_start

    service, case, problem = open_at_start(None, pg_db, tmp_path / "unused.db", None)
    try:
        assert service.is_server and case.name == "First case" and problem is None
        assert not (tmp_path / "unused.db").exists()
    finally:
        service.close()
