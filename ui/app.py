"""Start the desktop app: ``fact-review open [--db FILE|URL] [--case NAME] [FILE...]`` (or ``python main.py ...``).

Faulthandler is on, uncaught exceptions are logged and shown (never a silent exit), and on first run
(no database yet) a database is created in the user data folder with the demo case in it.
"""
from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from pathlib import Path
from typing import Optional, Sequence, Union

from platformdirs import user_log_dir

from fact_review.desktop.identity import APP_ID, ICON_SIZES, ICON_SVG_NAME, icon_png_name
from fact_review.resource_files import resource_path

LAST_CASE = "case/last"
FIRST_SERVER_CASE = "First case"
log = logging.getLogger("ui")


def _configure_logging() -> Path:
    folder = Path(user_log_dir("fact-review", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fact-review.log"
    logging.basicConfig(filename=path, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return path


def install_excepthook(log_path: Optional[Path] = None) -> None:
    """Uncaught exceptions (in slots too) are logged and shown in a message box, and the app goes on."""
    def show(kind, value, tb) -> None:
        log.error("uncaught exception", exc_info=(kind, value, tb))
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            traceback.print_exception(kind, value, tb)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "Fact Review: something went wrong",
                          f"{kind.__name__}: {value}\n\nYour saved work is safe."
                          + (f"\nDetails are in {log_path}" if log_path else ""))
        box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
        box.exec()

    sys.excepthook = show


def open_database(db: Path | str, case_name: Optional[str], last_case: str = ""):
    """The review service on ``db`` (a file or a server URL) and the case to show: on first run (no
    database file yet, or no case) the demo case is imported so that a new user sees the product working
    at once; a desk's server gets an empty first case instead (the demo is not the desk's data)."""
    from fact_review.store import is_url, open_service
    from ui.demo import import_demo_case

    first_run = not is_url(db) and not Path(db).exists()
    service = open_service(db, window=True)
    try:
        if case_name:
            case = service.get_or_create_case(case_name)
        elif service.is_server and not service.list_cases():
            case = service.create_case(FIRST_SERVER_CASE)
        elif first_run or not service.list_cases():
            case = import_demo_case(service)
        else:
            case = service.get_case(last_case) or service.list_cases()[0]
    except BaseException:
        service.close()
        raise
    return service, case


def open_at_start(given: Optional[Union[str, Path]], remembered: str, fallback: Path, case_name: Optional[str],
                  last_case: str = ""):
    """The service and case a start opens, and what to tell the reviewer (None: nothing): ``given`` (``--db``)
    or else the database used last (``remembered``, from the settings) or else ``fallback`` (the file in
    the user data folder). When the remembered one cannot be opened now (a server out of reach, or one
    that wants a password the settings never keep), the fallback opens instead and the reason is told;
    a ``given`` one that fails raises."""
    from fact_review.store import display_name

    if given or not remembered:
        return (*open_database(given or fallback, case_name, last_case), None)
    try:
        return (*open_database(remembered, case_name, last_case), None)
    except Exception as error:  # noqa: BLE001 - said to the reviewer, who opens it again when it can be
        log.warning("cannot open %s: %s", display_name(remembered), error)
        problem = (f"The database you used last, {display_name(remembered)}, cannot be opened now:\n{error}\n\n"
                   f"{fallback} is open instead; Case > Open another database (Ctrl+Shift+O) opens the other one "
                   "again, with its password if it needs one.")
        return (*open_database(fallback, case_name, last_case), problem)


def run(argv: Sequence[str]) -> int:
    """``python main.py [--db FILE|URL] [--case NAME] [FILE...]``: the command line's ``open``."""
    from fact_review.cli import WINDOW_COMMAND, main

    return main([WINDOW_COMMAND, *argv])


def open_window(db: Optional[Union[str, Path]], case_name: Optional[str], files: Sequence[Union[str, Path]] = ()
                ) -> int:
    """Show the window on ``db`` (a file or a server URL; default: the file in the user data folder) and
    ``case_name``, importing ``files``
    (``-`` is standard input); returns the exit status when the window closes."""
    log_path = _configure_logging()
    # a hard crash (a segfault in Qt) leaves its Python stack next to the log
    with open(log_path.with_name("crash.log"), "a", encoding="utf-8") as crash_log:
        faulthandler.enable(file=crash_log)
        try:
            return _run_window(db, case_name, [Path(file) for file in files], log_path)
        finally:
            faulthandler.disable()


def application_icon():
    """The app's icon in every size it is drawn at (title bar, task switcher, dock), SVG for the rest."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", icon_png_name(size))), QSize(size, size))
    icon.addFile(str(resource_path("icons", ICON_SVG_NAME)))
    return icon


def _run_window(db: Optional[Union[str, Path]], case_name: Optional[str], files: list[Path], log_path: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from fact_review.store import default_db_path, display_name
    from ui.case_commands import DATABASE_SETTING
    from ui.main_window import MainWindow
    from ui.session_end import SessionEnd
    from ui.theme import APPEARANCE_SETTING, apply_appearance

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName("Fact Review")
    app.setApplicationName("Fact Review")
    app.setDesktopFileName(APP_ID)  # pairs the window with the installed desktop entry (Wayland, docks)
    app.setWindowIcon(application_icon())
    install_excepthook(log_path)
    settings = QSettings()
    apply_appearance(app, str(settings.value(APPEARANCE_SETTING, "system")))
    remembered = str(settings.value(DATABASE_SETTING, "") or "")  # a URL stays a string
    try:
        service, case, problem = open_at_start(db, remembered, default_db_path(), case_name,
                                               str(settings.value(LAST_CASE, "")))
    except Exception as error:  # noqa: BLE001 - said in a window, not a traceback
        shown = display_name(db or default_db_path())
        log.exception("cannot open %s", shown)
        QMessageBox.critical(None, "Fact Review", f"The database {shown} cannot be opened:\n{error}")
        return 1
    if problem:
        QMessageBox.warning(None, "Fact Review", problem)
    try:
        window = MainWindow(service, case, settings=settings)
    except BaseException:
        service.close()
        raise
    ending = SessionEnd(app, window)  # a logout or kill saves the note being typed, as Ctrl+Q does
    try:
        window.show()
        if service.recovery is not None:  # a damaged file was replaced by its backup: never silently
            log.warning("%s", service.recovery.message())
            notice = QMessageBox(QMessageBox.Icon.Warning, "Fact Review", service.recovery.message(), parent=window)
            notice.open()
        if files:
            window.import_sources(files)
        status = app.exec()
        settings.setValue(LAST_CASE, window.state.case.name)
        return status
    finally:
        ending.close()
        window.service.close()  # the window may have switched to another database
