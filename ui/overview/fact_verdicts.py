"""Verdicts on facts from the figure table. While the keyboard is in the table (``rating_facts``), the
verdict keys, the note, flag and evidence keys, the final-verdict and confirm keys, and the keys that step
through the work (next, previous, next unrated, skip, next disagreement) act on the current row's fact; in
the panes and the queue they act on claims. The commands are the claims' own (``ui.review_commands``,
``ui.team.commands``): each asks here when the figure table has the keyboard. A mixin of the main window
(``self`` is the MainWindow)."""
from __future__ import annotations

from typing import Callable, Optional

from fact_review.overview.figure_table import FigureRow
from fact_review.store import FactRow
from ui.keymap import mark_review_surface
from ui.overview.figure_view import FigureTablePage
from ui.review_commands import short
from ui.verdict_targets import FactTarget

# the commands whose plain keys (1, E, V, J, Space ...) work in the figure table; its other letters find a row
FACT_SURFACE_COMMANDS = (
    "verdict-1", "verdict-2", "verdict-3", "verdict-4", "verdict-5", "verdict-unverifiable", "verdict-final",
    "verdict-confirm", "note-edit", "evidence-edit", "claim-flag", "claim-next", "claim-prev",
    "claim-next-unreviewed", "claim-skip", "disagreement-next", "undo", "cheat-sheet",
)
# the status bar's key hints while the figure table has the keyboard (the panes' own are ui.main_window's)
FACT_HINT_COMMANDS = ("claim-next", "claim-prev", "verdict-1", "verdict-5", "claim-skip", "note-edit",
                      "verdict-final", "undo", "command-palette", "cheat-sheet")
TOTAL_ROW = ("This row is a total and the sums that add up to it, not a fact: its figures are rated as claims "
             "(Enter goes to the one under the cursor)")


def is_rated(fact: FactRow) -> bool:
    """Has the reviewer's own verdict label (a flag or a note alone is not a verdict)."""
    return fact.verdict is not None and fact.verdict.label is not None


class FactVerdicts:
    rating_facts = False  # the keyboard is in the figure table: the verdict keys rate its facts

    def follow_figure_table(self, page: FigureTablePage) -> None:
        mark_review_surface(page.table, FACT_SURFACE_COMMANDS)
        page.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_fact_row())

    def track_focus(self, _old, new) -> None:
        """The keyboard in the figure table: the verdict keys rate facts; in the panes, the queue or the
        timeline: claims. Elsewhere (the note, a filter, the menus, a dialog) it stays as it was."""
        if new is None or new.window() is not self or self.center.figures is None:
            return
        if new is self.center.figures.table:
            facts = True
        elif new in self.panes or new is self.queue_view or self.center.timeline.isAncestorOf(new):
            facts = False
        else:
            return
        if facts != self.rating_facts:
            self.rating_facts = facts
            self._show_inspector()
            self._update_status()  # the key hints of where the keyboard is

    def _on_fact_row(self) -> None:
        if self.rating_facts:
            self._show_inspector()

    # --- the current fact ----------------------------------------------------------------------------
    def current_fact_row(self) -> Optional[FigureRow]:
        page = self.center.figures
        row = page.current_row() if page is not None else None
        return page.model.row(row) if row is not None else None

    def current_fact_target(self) -> Optional[FactTarget]:
        """The current row's fact as what the verdict keys rate; None (and why, said) on a total's row or
        in a case without facts."""
        row = self.current_fact_row()
        fact = self.state.fact(row.key) if row is not None and row.is_fact else None
        if fact is None:
            self.message(TOTAL_ROW if row is not None else
                         "The case has no fact yet: facts come from figures that two statements give")
            return None
        return FactTarget(fact)

    def show_fact_in_inspector(self) -> None:
        row = self.current_fact_row()
        fact = self.state.fact(row.key) if row is not None and row.is_fact else None
        history = (self.service.fact_verdict_history(fact.rated_id, viewer=self.reviewer)
                   if fact is not None and fact.rated_id is not None else ())
        self.inspector.show_fact(fact, row, history)
        self.team_panel.show_verdicts(fact, self.reviewer, self.state.case.blind, "fact")

    def go_to_fact_row(self, row: int) -> None:
        self.center.figures.go_to_row(row)

    def show_rated_fact(self, fact_id: int) -> None:
        """The figure table at the fact whose verdicts hang on the rated fact ``fact_id`` (after an undo)."""
        fact = next((f for f in self.state.facts if f.rated_id == fact_id), None)
        row = self.center.figures.model.table.row_of_fact(fact.key) if fact is not None else None
        if row is None:
            return  # the fact no longer shows (its claims went)
        self.view_figures()
        self.go_to_fact_row(row)

    # --- stepping through the facts --------------------------------------------------------------------
    def _rows_after_current(self, *, with_current: bool = False) -> list[int]:
        """Every row but the current one (``with_current``: it too, last), those after it first, wrapping."""
        count = self.center.figures.model.rowCount()
        here = self.center.figures.current_row()
        if here is None:
            return list(range(count))
        return [(here + step) % count for step in range(1, count + with_current)]

    def _fact_rows_where(self, wanted: Callable[[FactRow], bool]) -> list[int]:
        model = self.center.figures.model
        return [row for row in self._rows_after_current()
                if (fact := model.fact(row)) is not None and wanted(fact)]

    def _next_unrated_row(self) -> Optional[int]:
        """The next fact without the reviewer's verdict after the current row; facts skipped in this session
        come last, in the order they were skipped (as claims do)."""
        waiting = self._fact_rows_where(lambda fact: not is_rated(fact))
        model = self.center.figures.model
        keys = {row: model.row(row).key for row in waiting}
        fresh = [row for row in waiting if keys[row] not in self.skipped_facts]
        if fresh:
            return fresh[0]
        rows = {key: row for row, key in keys.items()}
        return next((rows[key] for key in self.skipped_facts if key in rows), None)

    def next_unrated_fact(self) -> None:
        row = self._next_unrated_row()
        if row is None:
            self.message("Every fact in the figure table has your verdict")
            return
        self.go_to_fact_row(row)

    def step_fact(self, delta: int) -> None:
        count = self.center.figures.model.rowCount()
        if not count:
            self.message("The figure table is empty: the case has no fact yet")
            return
        here = self.center.figures.current_row()
        target = (0 if delta > 0 else count - 1) if here is None else here + delta
        if not 0 <= target < count:
            self.message("That was the last fact" if delta > 0 else "This is the first fact")
            return
        self.go_to_fact_row(target)

    def skip_fact(self) -> None:
        target = self.current_fact_target()
        if target is None:
            return
        key = target.fact.key
        self.skipped_facts.pop(key, None)
        self.skipped_facts[key] = None  # to the end of the pass, behind the facts skipped before
        row = self._next_unrated_row()
        if row is None:
            self.message("No other fact is waiting for a verdict")
            return
        self.go_to_fact_row(row)

    # --- team review -----------------------------------------------------------------------------------
    def _desk_facts(self) -> dict[str, FactRow]:
        """The facts with every reviewer's verdicts as they stand now (an editor settles what all said)."""
        return {fact.key: fact for fact in self.service.facts(self.state.case.id)}

    def _rows_of(self, keys: set[str]) -> list[int]:
        """The rows of the facts ``keys``, from the one after the current row round to the current one."""
        model = self.center.figures.model
        return [row for row in self._rows_after_current(with_current=True) if model.row(row).key in keys]

    def confirm_fact(self) -> None:
        """Shift+V on a fact: where the reviewers agree, their label becomes the final verdict and the next
        such fact is shown; elsewhere the key goes to the first one."""
        desk = self._desk_facts()
        waiting = {key for key, fact in desk.items() if fact.concurring}
        row = self.current_fact_row()
        if row is None or row.key not in waiting:
            rows = self._rows_of(waiting)
            if not rows:
                self.message("No fact has agreed verdicts waiting for confirmation")
                return
            self.go_to_fact_row(rows[0])
            self.message(f"{len(rows)} fact(s) with agreed verdicts to confirm — Shift+V confirms this one")
            return
        fresh = desk[row.key]
        label = fresh.agreed_label
        target = FactTarget(fresh)
        change = target.set_verdict(self.service, label, reviewer=self.reviewer, final=True)
        self._push_verdict_change(f"Confirm {label} on “{short(fresh.label)}”", change, target)
        rest = self._rows_of(waiting - {row.key})
        if rest:
            self.go_to_fact_row(rest[0])
        self.message(f"Final verdict: {label} (the reviewers agreed); {len(rest)} more to confirm" if rest
                     else f"Final verdict: {label} (the reviewers agreed); nothing more to confirm")

    def next_disputed_fact(self) -> None:
        rows = self._rows_of({key for key, fact in self._desk_facts().items() if fact.disputed})
        if not rows:
            self.message("No fact has reviewers who differ and wait for a final verdict")
            return
        self.go_to_fact_row(rows[0])
        self.message(f"{len(rows)} fact(s) where the reviewers differ — V gives the final verdict")
