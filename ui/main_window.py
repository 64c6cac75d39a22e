"""The review window: the case's articles, two linked article panes, the inspector and the review queue.

Every user action is a registered command (``ui.commands``) bound to keys from the keymap; the commands
live in three mixins by subject (claims, matches and panes, the case). The window calls the review service,
applies what it answers to the case state, and pushes an undo command.
"""
from __future__ import annotations

import getpass
import logging
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fact_review.errors import InputError
from fact_review.model import CLAIM_KINDS
from fact_review.store import CaseRow, ClaimRow, MatchRow, ReadOnlyError, ReviewService
from ui.article_pane import ArticlePane, Legend
from ui.articles_model import ArticlesModel
from ui.case_commands import REVIEWER_SETTING, CaseCommands
from ui.case_state import CaseState, Span, match_sides
from ui.commands import REGISTRY, Command
from ui.inspector import Inspector
from ui.keymap import Keymap, TypingGuard, install_actions
from ui.match_commands import MatchCommands
from ui.queue_model import QueueFilter, QueueModel
from ui.review_commands import ReviewCommands
from ui.undo import IdRenames
from ui.workers import ImportRunner

log = logging.getLogger(__name__)

QUEUE_STATUSES = (("All claims", None), ("Unreviewed", "unreviewed"), ("Conflicts", "conflicts"),
                  ("Reviewed", "reviewed"), ("Flagged", "flagged"))
HINT_COMMANDS = ("claim-next", "claim-prev", "verdict-1", "verdict-5", "claim-skip", "note-edit", "pane-switch",
                 "match-next", "undo", "cheat-sheet")


class PaneBox(QFrame):
    """An article pane under a header naming the article (title, outlet, date)."""

    def __init__(self, pane: ArticlePane, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.setObjectName("pane-box")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.header = QLabel("")
        self.header.setObjectName("pane-header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.header)
        layout.addWidget(pane, 1)

    def set_header(self, text: str, active: bool) -> None:
        if (text, active) == (self.header.text(), self.header.property("active")):
            return  # restyling costs a relayout; this runs on every step through the claims
        self.header.setText(text)
        self.header.setProperty("active", active)
        self.header.style().unpolish(self.header)
        self.header.style().polish(self.header)


class MainWindow(ReviewCommands, MatchCommands, CaseCommands, QMainWindow):
    def __init__(self, service: ReviewService, case: CaseRow, *, settings: Optional[QSettings] = None) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.service = service
        self.settings = settings if settings is not None else QSettings()
        # who gives the verdicts, as reports show it: set "reviewer/name" in the settings, else the login name
        self.reviewer = str(self.settings.value(REVIEWER_SETTING, "") or getpass.getuser())
        self.undo_stack = QUndoStack(self)
        self.claim_ids = IdRenames()
        self.match_ids = IdRenames()
        self.current_claim: Optional[int] = None
        self.current_match: Optional[int] = None
        self.focus: Optional[tuple[int, Span]] = None  # the statement whose matches are marked
        self._focus_matches: list[MatchRow] = []
        self.link_source: Optional[tuple[int, int, int]] = None
        self.skipped: dict[int, None] = {}  # claims skipped in this session, oldest first (an ordered set)
        self.active = 0
        self.runner = ImportRunner(self)
        self._syncing_queue = False
        self._closing = False
        self._inspector_due = False
        self.state = CaseState(service, case, self)
        self._build()
        self.keymap = Keymap.load(REGISTRY, self.settings)
        self.actions = install_actions(self, REGISTRY, self.keymap, self.run_command)
        self.typing_guard = TypingGuard(self.actions, self.keymap, self)
        self._build_menus()
        self.setAcceptDrops(True)
        self._open_state(self.state)

    # --- building ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.resize(1500, 920)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 4, 6, 2)
        self.banner = QLabel("")
        self.banner.setObjectName("error-banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.hide()
        outer.addWidget(self.banner)

        left_column = QWidget(self)
        left_layout = QVBoxLayout(left_column)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._section_label("Articles"))
        self.articles_view = QTableView(self)
        self.articles_view.setObjectName("articles")
        self._table_style(self.articles_view)
        self.articles_view.setMaximumHeight(130)
        self.articles_view.activated.connect(self._on_article_activated)
        left_layout.addWidget(self.articles_view)
        left_layout.addWidget(self._section_label("Review queue"))
        filters = QHBoxLayout()
        self.filter_status = QComboBox(self)
        self.filter_status.setObjectName("filter-status")
        for text, _status in QUEUE_STATUSES:
            self.filter_status.addItem(text)
        self.filter_kind = QComboBox(self)
        self.filter_kind.setObjectName("filter-kind")
        self.filter_kind.addItems(["Any kind", *CLAIM_KINDS])
        self.filter_label = QComboBox(self)
        self.filter_label.setObjectName("filter-label")
        for combo in (self.filter_status, self.filter_kind, self.filter_label):
            combo.activated.connect(self._on_filter_changed)
            filters.addWidget(combo)
        left_layout.addLayout(filters)
        self.queue_view = QTableView(self)
        self.queue_view.setObjectName("queue")
        self._table_style(self.queue_view)
        left_layout.addWidget(self.queue_view, 1)

        self.panes = [ArticlePane("left", self), ArticlePane("right", self)]
        self.pane_boxes = [PaneBox(p, self) for p in self.panes]
        for index, pane in enumerate(self.panes):
            pane.claimActivated.connect(lambda claim_id, i=index: self._on_pane_claim(i, claim_id))
            pane.cursorMoved.connect(lambda offset, i=index: self._on_pane_cursor(i, offset))
        panes = QSplitter(Qt.Orientation.Horizontal, self)
        for box in self.pane_boxes:
            panes.addWidget(box)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(panes, 1)
        middle_layout.addWidget(Legend(self))

        self.inspector = Inspector(self.state, self)
        self.inspector.note.finished.connect(self._finish_note)
        self.inspector.note.left.connect(self.save_note)
        right_column = QWidget(self)
        right_layout = QVBoxLayout(right_column)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._section_label("Claim"))
        right_layout.addWidget(self.inspector, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left_column)
        splitter.addWidget(middle)
        splitter.addWidget(right_column)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([400, 840, 360])
        outer.addWidget(splitter, 1)
        self.setCentralWidget(central)

        status = self.statusBar()
        self.hints = QLabel("")
        self.hints.setObjectName("key-hints")
        self.import_progress = QProgressBar(self)
        self.import_progress.setMaximumWidth(180)
        self.import_progress.hide()
        self.import_cancel = QPushButton("Cancel import", self)
        self.import_cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.import_cancel.clicked.connect(self.runner.cancel)
        self.import_cancel.hide()
        status.addPermanentWidget(self.hints)  # permanent: messages on the left never hide them
        status.addPermanentWidget(self.import_progress)
        status.addPermanentWidget(self.import_cancel)
        self.progress_label = QLabel("")
        self.progress_label.setObjectName("progress")
        status.addPermanentWidget(self.progress_label)

    @staticmethod
    def _section_label(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("section")
        return label

    @staticmethod
    def _table_style(view: QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(22)
        view.setWordWrap(False)
        view.horizontalHeader().setHighlightSections(False)

    def _build_menus(self) -> None:
        for category, commands in REGISTRY.by_category():
            menu = self.menuBar().addMenu(category)
            for cmd in commands:
                menu.addAction(self.actions[cmd.id])

    # --- the open case -------------------------------------------------------------------------------
    def _open_state(self, state: CaseState) -> None:
        if state is not self.state:
            self.state.deleteLater()
        self.state = state
        self.undo_stack.clear()
        self.skipped.clear()
        for old in (getattr(self, "queue", None), getattr(self, "articles_model", None)):
            if old is not None:
                old.deleteLater()
        self.queue = QueueModel(state, self)
        self.queue_view.setModel(self.queue)
        self.queue_view.selectionModel().currentRowChanged.connect(self._on_queue_row)
        # fixed widths: ResizeToContents would read every row again on each verdict
        header = self.queue_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (2, 64), (3, 92)):
            header.resizeSection(column, width)
        self.articles_model = ArticlesModel(state, self)
        self.articles_view.setModel(self.articles_model)
        header = self.articles_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.articles_view.resizeColumnToContents(column)
        self.inspector.set_state(state)
        # after the models: when the state changes they are up to date before the window looks at them
        state.claimChanged.connect(self._on_claim_changed)
        state.claimAdded.connect(self._on_claim_changed)
        state.claimRemoved.connect(self._on_claim_removed)
        state.matchesChanged.connect(self._on_matches_changed)
        state.reloaded.connect(self._on_reloaded)
        self.filter_label.clear()
        self.filter_label.addItems(["Any verdict", *(s.label for s in state.scale)])
        for rating in range(1, 6):
            label = state.label_for_rating(rating)
            self.actions[f"verdict-{rating}"].setText(f"Rate {rating}: {label.label}" if label else f"Rate {rating}")
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
        else:
            self._refocus()
        self._update_status()

    def _show_article(self, index: int, article_id: Optional[int]) -> None:
        article = self.state.article(article_id) if article_id is not None else None
        pane = self.panes[index]
        if article is None:
            pane.show_article(None, "", [])
        else:
            pane.show_article(article.id, article.text, self.state.claims_of(article.id))
        self._update_headers()

    def _update_headers(self) -> None:
        for index, box in enumerate(self.pane_boxes):
            article = self.state.article(box.pane.article_id) if box.pane.article_id is not None else None
            if article is None:
                text = "No article: import one with Ctrl+I, paste one with Ctrl+Shift+V, or drop files here"
            else:
                bits = [b for b in (article.outlet, (article.published or "")[:10]) if b]
                text = f"{article.title or 'Untitled'}" + (f"  ·  {' · '.join(bits)}" if bits else "")
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

    # --- the current claim and linked marks ----------------------------------------------------------
    def set_current_claim(self, claim_id: Optional[int], *, move_cursor: bool = True, focus_pane: bool = True) -> None:
        if self.inspector.note.hasFocus():
            self.save_note()  # the note belongs to the claim being left
        claim = self.state.claims.get(claim_id) if claim_id is not None else None
        self.current_claim = claim.id if claim else None
        if claim is None:
            self.focus, self._focus_matches, self.current_match = None, [], None
            self._render_marks()
            self._show_inspector()
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
            pane.setFocus()
        self._focus_on(claim.article_id, self.state.statement_of(claim))
        self._show_inspector()
        self._select_queue_row()

    def _show_inspector(self) -> None:
        """Refresh the inspector once per turn of the event loop, however many changes asked for it."""
        if not self._inspector_due:
            self._inspector_due = True
            QTimer.singleShot(0, self._refresh_inspector)

    def _refresh_inspector(self) -> None:
        self._inspector_due = False
        history = self.service.verdict_history(self.current_claim) if self.current_claim is not None else ()
        self.inspector.show_claim(self.current_claim, self.current_match, history)

    def _focus_on(self, article_id: int, span: Span, match_id: Optional[int] = None) -> None:
        """Mark the statements matched to ``span`` in the other pane and scroll there (Meld's linked panes)."""
        self.focus = (article_id, span)
        index = self.pane_of_article(article_id)
        other = self.panes[1 - index].article_id if index is not None else None
        matches = self.state.matches_at(article_id, span, other) if other is not None else []
        self._focus_matches = [m for m in matches if m.status != "rejected" or m.id == match_id]
        if match_id is None:
            match_id = self._focus_matches[0].id if self._focus_matches else None
        self.current_match = match_id
        self._render_marks()

    def _render_marks(self) -> None:
        claim = self.state.claims.get(self.current_claim) if self.current_claim is not None else None
        for pane in self.panes:
            linked: list[Span] = []
            if self.focus is not None and self._focus_matches:
                focus_article, focus_span = self.focus
                if pane.article_id == focus_article:
                    linked.append(focus_span)
                else:
                    for match in self._focus_matches:
                        sides = match_sides(match, focus_article)
                        if sides and sides[1] == pane.article_id:
                            linked.append(sides[2])
            pane.mark(claim.id if claim and claim.article_id == pane.article_id else None, linked)
        partner = self._current_partner()
        if partner is not None:
            index, start = partner
            self.panes[index].scroll_to(start)

    def _current_partner(self) -> Optional[tuple[int, int]]:
        """(pane index, start) of the current match's statement on the side away from the focus."""
        match = self.state.matches.get(self.current_match) if self.current_match is not None else None
        if match is None or self.focus is None:
            return None
        sides = match_sides(match, self.focus[0])
        if sides is None:
            return None
        index = self.pane_of_article(sides[1])
        return (index, sides[2][0]) if index is not None else None

    def _refocus(self) -> None:
        if self.focus is not None:
            article_id, span = self.focus
            keep = self.current_match if self.current_match in self.state.matches else None
            self._focus_on(article_id, span, keep)
        else:
            self._render_marks()

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

    def _on_pane_cursor(self, index: int, offset: int) -> None:
        pane = self.panes[index]
        if pane.article_id is None:
            return
        self._set_active(index)
        sentence = self.state.sentence_at(pane.article_id, offset)
        if sentence is not None and self.focus != (pane.article_id, sentence):
            self._focus_on(pane.article_id, sentence)

    def _on_queue_row(self, current, _previous) -> None:
        if self._syncing_queue or not current.isValid():
            return
        self.set_current_claim(self.queue.claim_id(current.row()), focus_pane=False)

    def _on_article_activated(self, index) -> None:
        article_id = self.articles_model.article_id(index.row())
        if article_id is not None and self.pane_of_article(article_id) is None:
            self._show_article(self.active, article_id)
            self._refocus()
        self.active_pane.setFocus()

    def _on_filter_changed(self, _index: int = 0) -> None:
        status = QUEUE_STATUSES[self.filter_status.currentIndex()][1]
        kind = self.filter_kind.currentText() if self.filter_kind.currentIndex() > 0 else None
        label = self.filter_label.currentText() if self.filter_label.currentIndex() > 0 else None
        self.queue.set_filter(QueueFilter(status, kind, label))
        self._select_queue_row()
        self._update_status()
        self.active_pane.setFocus()

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
        reviewed, total, flagged = self.state.reviewed_count()
        self.progress_label.setText(f"{reviewed} of {total} reviewed" + (f" · {flagged} flagged" if flagged else ""))
        hints = []
        for cid in HINT_COMMANDS:
            keys = self.keymap.text(cid)
            if keys:
                hints.append(f"{keys.split(' / ')[0]} {self._hint_title(cid)}")
        self.hints.setText("   ".join(hints))

    def _hint_title(self, command_id: str) -> str:
        if command_id.startswith("verdict-"):
            label = self.state.label_for_rating(int(command_id.rsplit("-", 1)[1]))
            return label.label if label else command_id
        return REGISTRY[command_id].hint or REGISTRY[command_id].title.lower()

    def _open_dialog(self, dialog: QDialog) -> None:
        """Open without blocking; when it closes, the keyboard goes back to the pane the reviewer was in."""
        def closed() -> None:
            dialog.deleteLater()
            self.activateWindow()
            self.active_pane.setFocus()

        dialog.finished.connect(closed)
        dialog.open()

    def message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def show_error(self, text: str) -> None:
        log.warning("%s", text)
        self.banner.setText(text)
        self.banner.show()

    def run_command(self, cmd: Command) -> None:
        """Every key and menu item comes through here."""
        self.guarded(cmd.title, lambda: cmd.run(self))

    def guarded(self, title: str, action: Callable[[], object]) -> None:
        """Run a user action; errors are shown in the window, never raised."""
        self.banner.hide()
        try:
            action()
        except (InputError, ReadOnlyError) as error:
            self.show_error(str(error))
        except Exception as error:  # noqa: BLE001 - a user action must never take the window down
            log.exception("%s failed", title)
            self.show_error(f"{title} failed: {type(error).__name__}: {error}")

    def _undo_error(self, error: Exception) -> None:
        log.error("undo/redo failed: %s", error)
        self.show_error(f"Undo/redo failed: {error}")

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

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.inspector.note.hasFocus():
            self.save_note()
        self._closing = True
        self.runner.stop()  # cancels the import between articles and waits: what was analysed is kept
        event.accept()
