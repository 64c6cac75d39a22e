"""Commands on the case: open or create one, open another database, the case's properties, import
articles (files, clipboard), export a report and its publishing settings, the reviewer's settings, the
cheat sheet, quit. A mixin of the main window (``self`` is the MainWindow)."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from fact_review.errors import InputError
from fact_review.reports.export import write_report
from fact_review.store import ImportResult, display_name, remembered
from ui.case_state import CaseState
from ui.commands import REGISTRY, command
from ui.dialogs.case_properties import CasePropertiesDialog
from ui.dialogs.cheatsheet import CheatSheet
from ui.dialogs.database_dialog import DatabaseDialog
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.line_dialog import LineDialog
from ui.dialogs.publishing_dialog import PublishingDialog
from ui.dialogs.settings_dialog import Settings, SettingsDialog
from ui.keymap import Keymap
from ui.menus import plain_text
from ui.review_commands import short
from ui.theme import APPEARANCE_SETTING, apply_appearance
from ui.workers import ImportJob, Source

REVIEWER_SETTING = "reviewer/name"
DATABASE_SETTING = "database/path"  # the database the app opens when no --db is given


def reviewer_problem(name: str) -> str | None:
    return "Type the name reports should show for your verdicts" if not name else None


class CaseCommands:
    # --- case, import, export ------------------------------------------------------------------------
    @command("case-open", title="Open or create a case…", category="Case")
    def case_open(self) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("case-dialog")
        dialog.setWindowTitle("Open case")
        dialog.setLabelText("Case (type a new name to create one):")
        dialog.setComboBoxEditable(True)
        dialog.setComboBoxItems([c.name for c in self.service.list_cases()])
        dialog.setTextValue(self.state.case.name)
        dialog.textValueSelected.connect(self.open_case)
        self._open_dialog(dialog)

    def open_case(self, name: str) -> None:
        name = name.strip()
        if not name or name == self.state.case.name:
            return
        self.current_claim, self.focus, self.current_match = None, None, None
        self._open_state(CaseState(self.service, self.service.get_or_create_case(name), self))

    @command("article-import", title="Import articles…", category="Case")
    def article_import(self) -> None:
        dialog = QFileDialog(self, "Import articles", str(Path.home()),
                             "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)")
        dialog.setObjectName("import-dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.filesSelected.connect(lambda files: self.import_sources([Path(f) for f in files]))
        self._open_dialog(dialog)

    def import_sources(self, sources: Sequence[Source]) -> None:
        if self.service.read_only:
            self.show_error(f"Read-only: {self.service.read_only_reason or 'cannot import'}")
            return
        if self.runner.busy:
            self.message("An import is running already")
            return
        job = ImportJob(self.service, self.state.case.id, sources)
        job.progress.connect(self._on_import_progress)
        job.succeeded.connect(self._on_import_done)
        job.failed.connect(lambda text: self.show_error(f"Import failed: {text}"))
        job.done.connect(self._on_import_finished)
        self.import_progress.setRange(0, 0)
        self.import_progress.show()
        self.import_cancel.show()
        self.message(f"Importing {len(sources)} article(s)…")
        self.runner.start(job)

    def _on_import_progress(self, done: int, total: int) -> None:
        self.import_progress.setRange(0, max(total, 1))
        self.import_progress.setValue(done)

    def _on_import_done(self, result: ImportResult) -> None:
        if self._closing:
            return
        if result.errors:
            self.show_error("Not imported: " + "; ".join(result.errors))
        self.undo_stack.clear()  # an import re-matches the case: older steps may not apply any more
        self.state.reload()
        shown = (result.added or result.updated)[:1]
        if shown:
            self.show_article_in_other_pane(shown[0])
        self.message(f"Imported: {len(result.added)} new, {len(result.updated)} updated, "
                     f"{len(result.unchanged)} unchanged")

    def _on_import_finished(self) -> None:
        self.import_progress.hide()
        self.import_cancel.hide()

    @command("report-export", title="Export a report…", category="Case")
    def report_export(self) -> None:
        dialog = ExportDialog(self.state.case, self._write_report, self.settings, self)
        dialog.exported.connect(lambda path: self.message(f"Report written to {path}"))
        dialog.failed.connect(self.show_error)
        self._open_dialog(dialog)

    @command("publishing-settings", title="Publishing settings…", category="Case")
    def publishing_settings(self) -> None:
        dialog = PublishingDialog(self.service, self.state.case, self)
        dialog.saved.connect(lambda: self.message("Publishing settings saved: reports use them from now on"))
        self._open_dialog(dialog)

    def _write_report(self, fmt: str, path: Path) -> None:
        from ui.reports_pdf import render_pdf  # loads Qt's PDF machinery only when a report is written

        write_report(self.service, self.state.case.name, fmt, path, render_pdf=render_pdf)

    # --- the database and the case's properties -----------------------------------------------------
    @command("case-properties", title="Properties of the case (where it is kept)…", category="Case")
    def case_properties(self) -> None:
        case = self.state.case
        dialog = CasePropertiesDialog(case, len(self.state.articles), self.service.progress(case.id),
                                      self.service.location, self.service.path, self.service.read_only_reason, self)
        dialog.open_other.connect(self.database_open)
        self._open_dialog(dialog)

    @command("database-open", title="Open another database (a file or a server)…", category="Case")
    def database_open(self) -> None:
        current = self.service.path if self.service.path is not None else self.service.location
        self._open_dialog(DatabaseDialog(current, self.open_database, self))

    def open_database(self, db: Path | str) -> None:
        """Switch the window to the database ``db`` (a file, created when new, or a server URL) and its last
        or first case; the next start opens it too (a server without its password). Nothing changes when
        it cannot be opened: the error is raised and the current database stays open."""
        from ui.app import open_database

        if display_name(db) == self.service.location or (
                isinstance(db, Path) and self.service.path is not None and db.resolve() == self.service.path.resolve()):
            self.message(f"{display_name(db)} is open already")
            return
        if self.runner.busy:
            raise InputError("an import is running: open the other database once it is done")
        if self.inspector.note.hasFocus():
            self.save_note()
        service, case = open_database(db, None)
        old, self.service = self.service, service
        self.current_claim, self.focus, self.current_match = None, None, None
        self._open_state(CaseState(service, case, self))
        old.close()
        self.settings.setValue(DATABASE_SETTING, remembered(db))
        self.message(f"Opened {service.location}" + (" (read-only)" if service.read_only else ""))

    # --- the reviewer's settings ----------------------------------------------------------------------
    @command("settings", title="Settings: your name, appearance, keys…", category="Edit")
    def settings_edit(self) -> None:
        titles = {cid: plain_text(action.text()) for cid, action in self.actions.items()}
        dialog = SettingsDialog(REGISTRY, Keymap.load(REGISTRY), self.keymap, titles, self.reviewer,
                                str(self.settings.value(APPEARANCE_SETTING, "system")), self)
        dialog.saved.connect(lambda chosen: self.guarded("Save the settings", lambda: self.apply_settings(chosen)))
        self._open_dialog(dialog)

    def apply_settings(self, chosen: Settings) -> None:
        Keymap.save_overrides(self.settings, chosen.key_overrides)
        self.keymap = Keymap.load(REGISTRY, self.settings)
        self.key_guard.keymap = self.keymap
        self.key_guard.apply()
        self.describe_view_keys()
        if chosen.appearance != self.settings.value(APPEARANCE_SETTING, "system"):
            self.settings.setValue(APPEARANCE_SETTING, chosen.appearance)
            apply_appearance(QApplication.instance(), chosen.appearance)
            self._show_inspector()  # its colours follow the palette
        if chosen.reviewer != self.reviewer:
            self.set_reviewer(chosen.reviewer)
        self._update_status()
        self.message("Settings saved")

    @command("reviewer-name", title="Set the reviewer's name…", category="Edit")
    def reviewer_name(self) -> None:
        dialog = LineDialog("reviewer-dialog", "Reviewer",
                            "Your name, as reports and the verdict history show it on the verdicts and notes "
                            "you give from now on:", self.reviewer, reviewer_problem, self)
        dialog.answered.connect(self.set_reviewer)
        self._open_dialog(dialog)

    def set_reviewer(self, name: str) -> None:
        self.settings.setValue(REVIEWER_SETTING, name)
        self.reviewer = name
        self.service.reviewer = name
        self.state.reload()  # each reviewer sees their own verdicts (and, under blind review, only those)
        self._update_status()
        self.message(f"Verdicts are now given as {name}")

    @command("cheat-sheet", title="Show every key", category="Help", hint="all keys")
    def cheat_sheet(self) -> None:
        titles = {cid: plain_text(action.text()) for cid, action in self.actions.items()}
        sheet = CheatSheet(REGISTRY, self.keymap, titles, self)
        self._open_dialog(sheet)

    @command("quit", title="Quit", category="Case")
    def quit(self) -> None:
        self.close()
