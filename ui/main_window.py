"""The review window: the case's articles and review queue, two linked article panes (or another view of
the case), the inspector, and a status bar with the progress of the review.

Every user action is a registered command (``ui.commands``) bound to keys from the keymap; the commands
live in mixins by subject (claims, matches and panes, articles, the case, views). The window calls the
review service, applies what it answers to the case state, and pushes an undo command.

Hooks for other views (team mode, say): ``center.addWidget`` takes a page of the centre, ``state`` signals
every change, and a module of commands registers its own (``ui.commands.command``) before the window
is made.
"""
from __future__ import annotations

import getpass
import logging
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (QApplication, QDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout,
                               QWidget)

from fact_review.errors import ExplainedError, InputError
from fact_review.reports.figures import published_text
from fact_review.store import CaseRow, ClaimRow, ReadOnlyError, ReviewService, ServerUnavailableError, StaleError
from ui import window_memory
from ui.article_commands import ArticleCommands
from ui.article_pane import ArticlePane
from ui.articles_model import ArticlesModel
from ui.case_commands import REVIEWER_SETTING, CaseCommands
from ui.case_state import CaseState, Span
from ui.center import CenterViews
from ui.commands import REGISTRY, Command
from ui.inspector import Inspector
from ui.keymap import KeyGuard, Keymap, install_actions
from ui.linked_marks import LinkedMarks
from ui.match_commands import MatchCommands
from ui.menus import build_menus, plain_text
from ui.overview.fact_commands import FactCommands
from ui.overview.fact_verdicts import FACT_HINT_COMMANDS, FactVerdicts
from ui.queue_model import QueueFilter, QueueModel
from ui.review_commands import ReviewCommands
from ui.sidebar import Sidebar, section_label
from ui.status_bar import ReviewStatusBar
from ui.team.commands import TeamCommands
from ui.team.live import LiveRefresh
from ui.team.panel import TeamPanel
from ui.undo import IdRenames
from ui.view_commands import ViewCommands
from ui.workers import ImportRunner

log = logging.getLogger(__name__)

HINT_COMMANDS = ("claim-next", "claim-prev", "verdict-1", "verdict-5", "claim-skip", "note-edit", "pane-switch",
                 "match-next", "undo", "command-palette", "cheat-sheet")


class MainWindow(ReviewCommands, MatchCommands, FactCommands, FactVerdicts, ArticleCommands, CaseCommands,
                 ViewCommands, TeamCommands, LinkedMarks, QMainWindow):
    def __init__(self, service: ReviewService, case: CaseRow, *, settings: Optional[QSettings] = None) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.service = service
        self.settings = settings if settings is not None else QSettings()
        # who gives the verdicts, as reports show it: set "reviewer/name" in the settings, else the login name
        self.reviewer = str(self.settings.value(REVIEWER_SETTING, "") or getpass.getuser())
        service.reviewer = self.reviewer  # the rows the window reads are this reviewer's view
        self.live = LiveRefresh(self)  # other reviewers' changes, every few seconds (ui.team)
        self.live.changed.connect(self.on_team_changes)
        self.live.failed.connect(self.show_error)
        self.live.recovered.connect(lambda: self.message("The database server answers again"))
        self.undo_stack = QUndoStack(self)
        self.claim_ids = IdRenames()
        self.match_ids = IdRenames()
        self.current_claim: Optional[int] = None
        self.current_match: Optional[int] = None
        self.focus: Optional[tuple[int, Span]] = None  # the current claim's statement, whose matches are marked
        self.link_source: Optional[tuple[int, int, int]] = None
        self.skipped: dict[int, None] = {}  # claims skipped in this session, oldest first (an ordered set)
        self.skipped_facts: dict[str, None] = {}  # and facts, by key
        self.active = 0
        self.runner = ImportRunner(self)
        self._syncing_queue = False
        self._closing = False
        self._inspector_due = False
        self.state = CaseState(service, case, self)
        self._build()
        self.keymap = Keymap.load(REGISTRY, self.settings)
        self.actions = install_actions(self, REGISTRY, self.keymap, self.run_command)
        self.key_guard = KeyGuard(self.actions, self.keymap, self)
        QApplication.instance().focusChanged.connect(self.track_focus)  # claims or facts: where the keyboard is
        self.setAcceptDrops(True)
        self._layout_due = window_memory.restore(self, self.splitters(), self.settings)
        self._open_state(self.state)

    # --- building ------------------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 4, 6, 2)
        self.banner = QLabel("")
        self.banner.setObjectName("error-banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.sidebar = Sidebar(self)
        self.articles_view, self.queue_view = self.sidebar.articles_view, self.sidebar.queue_view
        self.filter_status, self.filter_kind, self.filter_label = self.sidebar.filter_combos()
        self.articles_view.activated.connect(self._on_article_activated)
        for combo in self.sidebar.filter_combos():
            combo.currentIndexChanged.connect(self._on_filter_changed)

        self.center = CenterViews(self)
        self.center.tabs.currentChanged.connect(self._on_view_tab)
        self.panes = self.center.side_by_side.panes
        self.pane_boxes = self.center.side_by_side.boxes
        for index, pane in enumerate(self.panes):
            pane.claimActivated.connect(lambda claim_id, i=index: self._on_pane_claim(i, claim_id))
        find_bar = self.center.side_by_side.find_bar
        find_bar.search.connect(self.find_text)
        find_bar.closed.connect(lambda: self.active_pane.setFocus())

        self.inspector = Inspector(self.state, self)
        self.inspector.note.finished.connect(self._finish_note)
        self.inspector.note.left.connect(self.save_note)
        right_column = QWidget(self)
        right_layout = QVBoxLayout(right_column)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.inspector_title = section_label("Claim")  # or "Fact", while the figure table has the keyboard
        right_layout.addWidget(self.inspector_title)
        right_layout.addWidget(self.inspector, 1)
        self.team_panel = TeamPanel(self)
        right_layout.addWidget(self.team_panel)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("main-splitter")
        self.main_splitter.setChildrenCollapsible(False)
        for column in (self.sidebar, self.center, right_column):
            self.main_splitter.addWidget(column)
        for index, stretch in enumerate((0, 1, 0)):
            self.main_splitter.setStretchFactor(index, stretch)
        outer.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        self.status = ReviewStatusBar(self)
        self.setStatusBar(self.status)
        self.status.import_cancel.clicked.connect(self.runner.cancel)
        self.status_message, self.hints = self.status.message, self.status.hints
        self.import_progress, self.import_cancel = self.status.import_progress, self.status.import_cancel
        self.review_progress, self.review_state = self.status.progress, self.status.review_state

    def splitters(self) -> list[tuple[QSplitter, tuple[float, ...]]]:
        """The splitters whose layout is remembered, with their shares of the window's width on a first start."""
        return [(self.main_splitter, (0.27, 0.5, 0.23)), (self.center.side_by_side.splitter, (0.25, 0.25))]

    # --- the open case -------------------------------------------------------------------------------
    def _open_state(self, state: CaseState) -> None:
        if state is not self.state:
            self.state.deleteLater()
        self.state = state
        self.undo_stack.clear()
        self.skipped.clear()
        self.skipped_facts.clear()
        self.rating_facts = False
        for old in (getattr(self, "queue", None), getattr(self, "articles_model", None)):
            if old is not None:
                old.deleteLater()
        for pane in self.panes:
            pane.status_of = state.status_of
        self.queue = QueueModel(state, self)
        self.queue_view.setModel(self.queue)
        self.queue_view.selectionModel().currentRowChanged.connect(self._on_queue_row)
        self.articles_model = ArticlesModel(state, self)
        self.articles_view.setModel(self.articles_model)
        self.sidebar.resize_columns()
        self.inspector.set_state(state)
        self.open_case_views(state)
        self.live.follow(state)
        # after the models: when the state changes they are up to date before the window looks at them
        state.claimChanged.connect(self._on_claim_changed)
        state.claimAdded.connect(self._on_claim_changed)
        state.claimRemoved.connect(self._on_claim_removed)
        state.matchesChanged.connect(self._on_matches_changed)
        state.reloaded.connect(self._on_reloaded)
        self.sidebar.set_labels([s.label for s in state.scale])
        for rating in range(1, 6):
            label = state.label_for_rating(rating)
            self.actions[f"verdict-{rating}"].setText(f"Rate {rating}: {label.label}" if label else f"Rate {rating}")
        build_menus(self.menuBar(), REGISTRY, self.actions, self.keymap.command_ids())
        self.setWindowTitle(f"{state.case.name} — Fact Review" + (" (read-only)" if self.service.read_only else ""))
        if self.service.read_only:
            self.show_error(f"Read-only: {self.service.read_only_reason or 'the database cannot be written'}")
        self._on_reloaded()
        self.active_pane.setFocus()

    def _on_reloaded(self) -> None:
        ids = [a.id for a in self.state.articles]
        shown = [p.article_id if p.article_id in ids else None for p in self.panes]
        for index, article_id in enumerate(shown):
            if article_id is None:
                article_id = next((i for i in ids if i not in shown), ids[0] if ids else None)
                shown[index] = article_id
            self._show_article(index, article_id)
        if self.current_claim not in self.state.claims:
            self.current_claim = None
        if self.current_claim is None and self.queue.ids():
            self.set_current_claim(self.queue.ids()[0], focus_pane=False)
        elif self.current_claim is not None:
            self.set_current_claim(self.current_claim, focus_pane=False)
        else:
            self.set_current_claim(None)
        self._update_status()

    def _show_article(self, index: int, article_id: Optional[int]) -> None:
        article = self.state.article(article_id) if article_id is not None else None
        pane = self.panes[index]
        if article is None:
            pane.show_article(None, "", [])
        else:
            pane.show_article(article.id, article.text, self.state.claims_of(article.id))
        self._update_headers()

    def show_article_in_other_pane(self, article_id: int) -> None:
        """Bring an article into view (beside the active one), unless a pane shows it already."""
        if self.pane_of_article(article_id) is None:
            self._show_article(1 - self.active, article_id)
            self._refocus()

    def _update_headers(self) -> None:
        for index, box in enumerate(self.pane_boxes):
            article = self.state.article(box.pane.article_id) if box.pane.article_id is not None else None
            if article is None:
                text = "No article: import one with Ctrl+I, paste one with Ctrl+Shift+V, or drop files here"
            else:
                name = self.state.article_name(article.id)
                bits = [b for b in (article.title if article.title != name else None,
                                    published_text(article.published)) if b]
                text = name + (f"  ·  {'  ·  '.join(bits)}" if bits else "")
            box.set_header(text, index == self.active)

    def pane_of_article(self, article_id: int) -> Optional[int]:
        return next((i for i, p in enumerate(self.panes) if p.article_id == article_id), None)

    @property
    def active_pane(self) -> ArticlePane:
        return self.panes[self.active]

    @property
    def other_pane(self) -> ArticlePane:
        return self.panes[1 - self.active]

    def _set_active(self, index: int) -> None:
        self.active = index
        self._update_headers()

    # --- the current claim ---------------------------------------------------------------------------
    def set_current_claim(self, claim_id: Optional[int], *, move_cursor: bool = True, focus_pane: bool = True) -> None:
        if self.inspector.note.hasFocus():
            self.save_note()  # the note belongs to the claim being left
        claim = self.state.claims.get(claim_id) if claim_id is not None else None
        self.current_claim = claim.id if claim else None
        if claim is None:
            self.focus, self.current_match = None, None
            self._render_marks()
            self._show_inspector()
            self._select_queue_row()
            return
        index = self.pane_of_article(claim.article_id)
        if index is None:
            index = self.active
            self._show_article(index, claim.article_id)
        self._set_active(index)
        pane = self.panes[index]
        if move_cursor:
            pane.move_cursor_to(claim.start)
        if focus_pane:
            self.show_panes()
            pane.setFocus()
        self._focus_on(claim.article_id, self.state.statement_of(claim), self.current_match)
        self._show_inspector()
        self._select_queue_row()

    def _show_inspector(self) -> None:
        """Refresh the inspector once per turn of the event loop, however many changes asked for it."""
        if not self._inspector_due:
            self._inspector_due = True
            QTimer.singleShot(0, self._refresh_inspector)

    def _refresh_inspector(self) -> None:
        self._inspector_due = False
        self.inspector_title.setText("Fact" if self.rating_facts else "Claim")
        if self.rating_facts:
            self.show_fact_in_inspector()
            return
        history = (self.service.verdict_history(self.current_claim, viewer=self.reviewer)
                   if self.current_claim is not None else ())
        self.inspector.show_claim(self.current_claim, self.current_match, history)
        self.team_panel.show_verdicts(self.state.claims.get(self.current_claim), self.reviewer, self.state.case.blind)

    def _select_queue_row(self) -> None:
        row = self.queue.row_of(self.current_claim)
        self._syncing_queue = True
        try:
            if row is None:
                self.queue_view.clearSelection()
            else:
                self.queue_view.selectRow(row)
                self.queue_view.scrollTo(self.queue.index(row, 0))
        finally:
            self._syncing_queue = False

    # --- reactions -----------------------------------------------------------------------------------
    def _on_pane_claim(self, index: int, claim_id: int) -> None:
        self._set_active(index)
        self.set_current_claim(claim_id, move_cursor=False, focus_pane=False)

    def _on_queue_row(self, current, _previous) -> None:
        if self._syncing_queue or not current.isValid():
            return
        self.set_current_claim(self.queue.claim_id(current.row()), focus_pane=False)

    def _on_article_activated(self, index) -> None:
        article_id = self.articles_model.article_id(index.row())
        if article_id is not None and self.pane_of_article(article_id) is None:
            self._show_article(self.active, article_id)
            self._refocus()
        self.show_panes()
        self.active_pane.setFocus()

    def _on_view_tab(self, index: int) -> None:
        """A tab clicked: the keyboard goes with the view shown."""
        page = self.center.currentWidget()
        if page is self.center.side_by_side:
            self.active_pane.setFocus()
        elif page is not None:
            if self.current_claim is not None:
                page.show_claim(self.current_claim)
            page.setFocus()

    def _on_filter_changed(self, _index: int = 0) -> None:
        self.queue.set_filter(QueueFilter(self.sidebar.queue_status(), self.sidebar.queue_kind(),
                                          self.sidebar.queue_label(), self.sidebar.queue_check_worthy()))
        self._select_queue_row()
        self._update_status()

    def _on_claim_changed(self, claim_id: int) -> None:
        claim = self.state.claims[claim_id]
        index = self.pane_of_article(claim.article_id)
        if index is not None:
            self.panes[index].update_claim(claim)
            self._render_marks()
        if claim_id == self.current_claim:
            self._show_inspector()
        self._update_status()

    def _on_claim_removed(self, claim_id: int) -> None:
        for pane in self.panes:
            pane.remove_claim(claim_id)
        if claim_id == self.current_claim:
            self.current_claim = None
            self._render_marks()
            self._show_inspector()
        self._update_status()

    def _on_matches_changed(self) -> None:
        self._refocus()
        if self.current_claim is not None:
            self._show_inspector()

    # --- status --------------------------------------------------------------------------------------
    def _update_status(self) -> None:
        self.status.set_progress(*self.state.reviewed_count())
        self.status.set_reviewer(self.reviewer, self.keymap.text("reviewer-name").split(" / ")[0])
        hints = []
        for cid in FACT_HINT_COMMANDS if self.rating_facts else HINT_COMMANDS:
            keys = self.keymap.text(cid)
            if keys:
                hints.append(f"{keys.split(' / ')[0]} {self._hint_title(cid)}")
        self.status.hints.set_full_text("   ".join(hints))

    def _hint_title(self, command_id: str) -> str:
        rating = command_id.removeprefix("verdict-")
        if rating.isdigit():
            label = self.state.label_for_rating(int(rating))
            return label.label if label else command_id
        return REGISTRY[command_id].hint or plain_text(REGISTRY[command_id].title).lower()

    def _open_dialog(self, dialog: QDialog) -> None:
        """Open without blocking; when it closes, the keyboard goes back to the pane the reviewer was in."""
        def closed() -> None:
            dialog.deleteLater()
            self.activateWindow()
            if self.center.currentWidget() is self.center.side_by_side:
                self.active_pane.setFocus()
            else:
                self.center.currentWidget().setFocus()

        dialog.finished.connect(closed)
        dialog.open()

    def message(self, text: str) -> None:
        self.status.show_message(text)

    def show_error(self, text: str) -> None:
        log.warning("%s", text)
        self.banner.setText(text)
        self.banner.show()

    def run_command(self, cmd: Command) -> None:
        """Every key and menu item comes through here."""
        self.guarded(plain_text(cmd.title), lambda: cmd.run(self))

    def guarded(self, title: str, action: Callable[[], object]) -> None:
        """Run a user action; errors are shown in the window, never raised."""
        self.banner.hide()
        try:
            action()
        except (InputError, ReadOnlyError) as error:
            self.show_error(str(error))
        except StaleError as error:
            self.show_stale(error)
        except ExplainedError as error:
            self.show_explained(error)
        except Exception as error:  # noqa: BLE001 - a user action must never take the window down
            log.exception("%s failed", title)
            self.show_error(f"{title} failed: {type(error).__name__}: {error}")

    def _undo_error(self, error: Exception) -> None:
        log.error("undo/redo failed: %s", error)
        if isinstance(error, StaleError):
            self.show_stale(error)
            return
        self.show_error(f"Undo/redo failed: {error}")

    def show_explained(self, error: ExplainedError) -> None:
        """A failure said in words; a server out of reach also gets a dialog (the work typed is kept)."""
        self.show_error(str(error))
        if isinstance(error, ServerUnavailableError):
            box = QMessageBox(QMessageBox.Icon.Warning, "Fact Review: the database server cannot be reached",
                              f"{error}\n\nNothing was lost: what you saved before is on the server; "
                              "try again once it answers.", QMessageBox.StandardButton.Ok, self)
            box.setObjectName("server-unavailable")
            self._open_dialog(box)

    def _require_claim(self) -> Optional[ClaimRow]:
        claim = self.state.claims.get(self.current_claim) if self.current_claim is not None else None
        if claim is None:
            self.message("No claim selected: press J for the next claim")
        return claim

    # --- window events -------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_sources(paths)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._layout_due:  # a first start: share the width out now that the window has it
            window_memory.share_out(self, self._layout_due)
            self._layout_due = []

    def save_what_is_typed(self) -> None:
        """The note being typed goes to the database (a note left earlier was saved when it lost focus)."""
        if self.inspector.note.hasFocus():
            self.save_note()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.save_what_is_typed()
        self._closing = True
        self.live.stop()
        self.runner.stop()  # cancels the import between articles and waits: what was analysed is kept
        window_memory.save(self, self.splitters(), self.settings)
        event.accept()
