"""Other reviewers' changes, live: every ``REFRESH_MS`` the window asks the store's change log what
changed in its case since the last look, and refreshes just that (a claim, the matches, the facts'
verdicts, the articles).

This window's own changes come back too and refresh rows already up to date; the note being typed is
never overwritten (the inspector leaves a note with the keyboard focus alone).
"""
from __future__ import annotations

import logging
from typing import Callable, Optional

from PySide6.QtCore import QObject, QTimer, Signal

from fact_review.errors import ExplainedError
from fact_review.store import changes
from fact_review.store.changes import ChangeFeed, ChangeRow
from ui.case_state import CaseState

log = logging.getLogger(__name__)
REFRESH_MS = 2000
WHOLE_CASE = {changes.ARTICLE, changes.ARTICLES, changes.CASE}  # these change more than a claim or a match


class LiveRefresh(QObject):
    """Polls the change log of the open case; ``changed`` carries what arrived (for the status line)."""

    changed = Signal(list)
    failed = Signal(str)  # the server went away: said once per outage
    recovered = Signal()

    def __init__(self, parent: QObject, interval_ms: int = REFRESH_MS) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self._state: Optional[CaseState] = None
        self._feed: Optional[ChangeFeed] = None
        self._failing = False

    def follow(self, state: CaseState) -> None:
        """Watch ``state``'s case from now on (its rows were just read)."""
        self._state = state
        self._feed = self._guarded(lambda: state.service.change_feed(state.case.id))
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        state = self._state
        if state is None:
            return
        if self._feed is None:  # the first look failed: try again
            self._feed = self._guarded(lambda: state.service.change_feed(state.case.id))
            return
        arrived = self._guarded(lambda: state.service.poll_changes(self._feed))
        if arrived:
            self._guarded(lambda: apply_changes(state, arrived))
            self.changed.emit(arrived)

    def _guarded(self, work: Callable[[], object]):
        try:
            result = work()
        except ExplainedError as error:
            if not self._failing:
                self._failing = True
                log.warning("live refresh: %s", error)
                self.failed.emit(str(error))
            return None
        if self._failing:
            self._failing = False
            self.recovered.emit()
        return result


def apply_changes(state: CaseState, arrived: list[ChangeRow]) -> None:
    """Refresh what ``arrived`` changed: the whole case after an import or an article or case change, else
    the claims and matches named."""
    kinds = {change.kind for change in arrived}
    if kinds & WHOLE_CASE:
        if changes.CASE in kinds:
            state.case = state.service.find_case(state.case.name)
        state.reload()
        return
    if changes.MATCH in kinds:
        state.refresh_matches()
    if changes.FACT_VERDICT in kinds:
        state.refresh_fact_verdicts()
    for claim_id in dict.fromkeys(c.subject_id for c in arrived if c.kind in (changes.VERDICT, changes.CLAIM)):
        state.refresh_claim(claim_id)


def describe(arrived: list[ChangeRow], me: str) -> Optional[str]:
    """A status line for others' changes: "ana changed 3 verdicts", or None when they were all one's own."""
    others = [c for c in arrived if c.reviewer != me]
    if not others:
        return None
    names = ", ".join(dict.fromkeys(c.reviewer or "someone" for c in others))
    what = {changes.VERDICT: "verdict", changes.FACT_VERDICT: "fact verdict", changes.CLAIM: "claim",
            changes.MATCH: "match", changes.ARTICLE: "article", changes.ARTICLES: "articles",
            changes.CASE: "case settings"}
    counts: dict[str, int] = {}
    for change in others:
        counts[what.get(change.kind, change.kind)] = counts.get(what.get(change.kind, change.kind), 0) + 1
    listed = ", ".join(f"{n} {w}{'s' if n > 1 and not w.endswith('s') else ''}" for w, n in counts.items())
    return f"Updated from {names}: {listed}"
