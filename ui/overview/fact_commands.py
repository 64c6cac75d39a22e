"""Split and merge facts: the reviewer's word on which figures state the same thing. From the figure table
(the current row's fact, the selected rows) or from the panes (the current claim's fact); each is kept in
the store by claim (it survives re-import) and undone through the window's undo stack. A mixin of the main
window (``self`` is the MainWindow)."""
from __future__ import annotations

from typing import Callable, Sequence

from fact_review.errors import InputError
from fact_review.overview.figure_table import FigureRow
from ui.case_state import CaseState
from ui.commands import command
from ui.overview.split_dialog import SplitFactDialog
from ui.undo import ServiceCommand


def decide(state: CaseState, action: str, claim_ids: Sequence[int]) -> int:
    """Take a split or a merge over ``claim_ids`` as the facts stand now; the decision's id."""
    facts = state.service.facts(state.case.id)
    if action == "split":
        source = next((f for f in facts if claim_ids[0] in f.claim_ids), None)
        if source is None:
            raise InputError("The figures to split off are no longer in a fact")
        return state.service.split_fact(state.case.id, source.key, claim_ids)
    wanted = set(claim_ids)
    return state.service.merge_facts(state.case.id, [f.key for f in facts if wanted & set(f.claim_ids)])


class FactDecisionCommand(ServiceCommand):
    """Undo takes the reviewer's decision back; redo takes it again over the same claims."""

    def __init__(self, text: str, state: CaseState, action: str, claim_ids: Sequence[int], decision_id: int,
                 on_error: Callable[[Exception], None]) -> None:
        super().__init__(text, state, on_error)
        self.action, self.claim_ids, self.decision_id = action, tuple(claim_ids), decision_id

    def _undo(self) -> None:
        self.state.service.undo_fact_decision(self.state.case.id, self.decision_id)
        self.state.refresh_facts()

    def _redo(self) -> None:
        self.decision_id = decide(self.state, self.action, self.claim_ids)
        self.state.refresh_facts()


class FactCommands:
    @command("fact-split", title="Split figures off their fact…", category="Matches")
    def fact_split(self) -> None:
        page = self.center.figures
        if self.center.currentWidget() is page:
            index = page.table.currentIndex()
            row = page.model.row(index.row())
            ticked = {c for entry in page.model.entries(index) for c in entry}
        else:
            claim = self._require_claim()
            if claim is None:
                return
            row = next((r for r in page.model.table.rows if r.is_fact and claim.id in r.fact_claim_ids), None)
            ticked = {claim.id}
            if row is None:
                self.message("This claim is in no fact: no other figure of the case states the same thing")
                return
        if row is None:
            self.message("No fact here: the case has none yet")
            return
        if not row.is_fact:
            self.message("This row is a total and the sums that add up to it: split and merge work on facts")
            return
        if len(row.fact_claim_ids) < 2:
            self.message(f"“{row.label}” has one figure: nothing to split off")
            return
        ticked &= set(row.fact_claim_ids)
        if ticked == set(row.fact_claim_ids):
            ticked = set()  # all of them is no split: let the reviewer choose
        claims = self.state.claims
        figures = [(c, claims[c].text, self.state.article_name(claims[c].article_id))
                   for c in row.fact_claim_ids if c in claims]
        dialog = SplitFactDialog(row.label, figures, ticked, self)
        dialog.chosen.connect(lambda ids: self.guarded("Split fact", lambda: self._split(row, ids)))
        self._open_dialog(dialog)

    def _split(self, row: FigureRow, claim_ids: list[int]) -> None:
        decision = self.service.split_fact(self.state.case.id, row.key, claim_ids)
        self._fact_decided("split", claim_ids, decision,
                           f"Split {len(claim_ids)} figure(s) off “{row.label}”")

    @command("fact-merge", title="Merge the selected facts into one", category="Matches")
    def fact_merge(self) -> None:
        page = self.center.figures
        if self.center.currentWidget() is not page:
            self.message("Merging works in the figure table: select two facts or more there (Shift+Down adds "
                         "the next row) and merge them")
            return
        rows = page.selected_rows()
        facts = [r for r in rows if r.is_fact]
        if len(facts) < 2:
            self.message("Select two facts or more to merge: Shift+Down or Shift+Up adds the next row"
                         + (" (a total is no fact)" if len(rows) > len(facts) else ""))
            return
        decision = self.service.merge_facts(self.state.case.id, [r.key for r in facts])
        self._fact_decided("merge", [c for r in facts for c in r.fact_claim_ids], decision,
                           "Merge " + " and ".join(f"“{r.label}”" for r in facts))

    def _fact_decided(self, action: str, claim_ids: list[int], decision: int, text: str) -> None:
        self.undo_stack.push(FactDecisionCommand(text, self.state, action, claim_ids, decision, self._undo_error))
        self.state.refresh_facts()
        self.center.figures.show_claim(claim_ids[0])
        undo = self.keymap.text("undo").split(" / ")[0]
        self.message(f"{text}. {undo} undoes it" if undo else text)
