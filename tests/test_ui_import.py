"""Import from the window (menu path, paste, drag and drop) off the GUI thread; errors shown, never raised;
closing during analysis is clean; first run opens the demo case; exports from the Export dialog."""
from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from fact_review.cli import main
from fact_review.pipeline import analyse_article
from fact_review.store import open_service
from ui.app import install_excepthook, open_database
from ui.demo import demo_articles, demo_files
from ui.dialogs.export_dialog import ExportDialog
from test_ui_support import make_settings, open_window, press, wait_for_dialog, window_on_case

THIRD = "Runners praise the Lakeside course\n\nSome 300 volunteers worked along the route on Sunday.\n"


@pytest.fixture
def opened(qtbot, tmp_path):
    with window_on_case(qtbot, tmp_path, "import.db") as (window, service, case):
        yield window, service, case


def _wait_import(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20000)


def test_importing_a_file_adds_an_article_without_blocking(opened, qtbot, tmp_path):
    window, service, case = opened
    path = tmp_path / "third.txt"
    path.write_text(THIRD, encoding="utf-8")
    window.import_sources([path])
    assert window.import_cancel.isVisible()
    _wait_import(qtbot, window)
    titles = [a.title for a in window.state.articles]
    assert titles[-1] == "Runners praise the Lakeside course"
    assert window.articles_model.rowCount() == 3
    assert not window.banner.isVisible() and not window.import_cancel.isVisible()


def test_a_bad_file_is_reported_in_the_window_and_saved_work_is_untouched(opened, qtbot, tmp_path):
    window, service, case = opened
    press(qtbot, Qt.Key.Key_3)
    rated = service.review_queue(case.id, status="reviewed")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    window.import_sources([binary, tmp_path / "missing.txt"])
    _wait_import(qtbot, window)
    assert window.banner.isVisible()
    assert "missing.txt" in window.banner.text() and "photo.txt" in window.banner.text()
    assert len(window.state.articles) == 2
    assert service.review_queue(case.id, status="reviewed") == rated


def test_clipboard_text_becomes_a_new_article(opened, qtbot):
    from ui.dialogs.article_dialog import ArticleDialog

    window, service, case = opened
    QApplication.clipboard().setText(THIRD)
    press(qtbot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_for_dialog(qtbot, window, ArticleDialog, "article-dialog")
    press(qtbot, Qt.Key.Key_Return)  # the metadata as found (the first line is the title)
    qtbot.waitUntil(lambda: len(service.articles(case.id)) == 3)
    _wait_import(qtbot, window)
    assert [a.text for a in service.articles(case.id)][-1] == THIRD


def test_dropped_files_are_imported(opened, qtbot, tmp_path):
    window, service, case = opened
    path = tmp_path / "dropped.txt"
    path.write_text(THIRD, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    _wait_import(qtbot, window)
    assert service.articles(case.id)[-1].path == str(path)


def test_closing_the_window_during_analysis_cancels_cleanly(qtbot, tmp_path):
    started, release = threading.Event(), threading.Event()

    def slow_analysis(article):
        started.set()
        release.wait()  # held until the window cancels the import
        return analyse_article(article)

    service = open_service(tmp_path / "close.db", analyse=slow_analysis)
    case = service.create_case("Closing")
    window = open_window(qtbot, service, case, make_settings(tmp_path))
    paths = []
    for name in ("one", "two"):
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(f"{name.title()} report\n\nAbout {len(name)}0 people came.\n", encoding="utf-8")
    window.import_sources(paths)
    qtbot.waitUntil(started.is_set)
    job = window.runner.job
    cancel = job.cancel

    def cancel_and_release():
        cancel()
        release.set()

    job.cancel = cancel_and_release
    window.close()
    assert not window.runner.busy
    assert len(service.articles(case.id)) == 1  # the article being analysed is kept, the next one is not
    service.close()


def test_first_run_creates_the_database_with_the_demo_case(tmp_path):
    db = tmp_path / "data" / "fact-review.db"
    service, case = open_database(db, None)
    try:
        name, articles = demo_articles()
        assert db.exists() and case.name == name
        stored = service.articles(case.id)
        assert [a.outlet for a in stored] == [a.outlet for a in articles]
        assert len(service.claims(case.id)) > 10
        assert any(check.is_discrepancy for check in service.checks(case.id))  # a planted one is found
    finally:
        service.close()
    service, again = open_database(db, None, last_case=name)
    try:
        assert again.id == case.id and len(service.list_cases()) == 1  # imported once only
    finally:
        service.close()


def test_the_demo_files_carry_their_own_metadata_so_the_command_line_imports_the_same_case(tmp_path, capsys):
    name, articles = demo_articles()
    assert len(articles) == 3
    for article in articles:
        assert article.title and article.outlet and article.published and article.url.startswith("https://")
        assert article.text.startswith(article.title + "\n\n")  # paragraphs apart, headed by the title
        assert len(article.text.split("\n\n")) >= 7
    db = tmp_path / "cli.db"
    assert main(["import", "--db", str(db), "--case", name, *map(str, demo_files())]) == 0
    capsys.readouterr()
    service, case = open_database(tmp_path / "app.db", None)
    try:
        from_app = [(a.title, a.outlet, a.url, a.published, a.content_hash) for a in service.articles(case.id)]
    finally:
        service.close()
    with open_service(db) as service:
        case = service.get_case(name)
        from_cli = [(a.title, a.outlet, a.url, a.published, a.content_hash) for a in service.articles(case.id)]
    assert from_cli == from_app == [(a.title, a.outlet, a.url, a.published, a.content_hash) for a in articles]


def test_uncaught_exceptions_are_logged_and_shown(monkeypatch, caplog, tmp_path):
    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    install_excepthook(tmp_path / "fact-review.log")
    with caplog.at_level(logging.ERROR, logger="ui"):
        try:
            raise ValueError("boom in a slot")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    assert shown and "boom in a slot" in shown[0] and "saved work is safe" in shown[0]
    assert "uncaught exception" in caplog.text


def test_export_dialog_writes_the_report_with_a_default_name(opened, qtbot, tmp_path):
    window, service, case = opened
    window.settings.setValue("export/folder", str(tmp_path))
    press(qtbot, Qt.Key.Key_3)
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_for_dialog(qtbot, window, ExportDialog, "export-dialog")
    press(qtbot, Qt.Key.Key_M)  # Markdown, by its first letter
    assert dialog.selected_format() == "md"
    assert dialog.path.text() == str(tmp_path / "Lakeside Marathon.md")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Lakeside Marathon" in (tmp_path / "Lakeside Marathon.md").read_text(encoding="utf-8")
    assert "Report written" in window.statusBar().currentMessage()


def test_the_app_starts_on_a_new_database_with_the_demo_case_and_closes(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer

    from ui import app as app_module
    from ui.main_window import MainWindow

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # the log
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # QSettings
    monkeypatch.setattr(app_module.faulthandler, "enable", lambda **_kwargs: None)  # pytest has its own
    monkeypatch.setattr(app_module.faulthandler, "disable", lambda: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    application = QApplication.instance()
    monkeypatch.setattr(application, "setStyleSheet", lambda _sheet: None)
    seen = []

    def look_and_close():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend((w.state.case.name, len(w.state.articles), w.current_claim is not None) for w in windows)
        for window in windows:
            window.close()

    QTimer.singleShot(0, look_and_close)
    assert app_module.run(["--db", str(tmp_path / "first.db")]) == 0
    assert seen == [(demo_articles()[0], 3, True)]
    assert (tmp_path / "state" / "fact-review" / "log" / "crash.log").exists()
