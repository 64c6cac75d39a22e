"""Team review commands, a mixin of the main window (``self`` is the MainWindow): the final verdict, the
agreement view and its queue of disagreements, blind review, and an immediate refresh."""
from __future__ import annotations

from fact_review.store import StaleError
from ui.commands import command
from ui.team.agreement_dialog import AgreementDialog
from ui.team.final_dialog import FinalVerdictDialog
from ui.team.live import describe


class TeamCommands:
    @command("verdict-final", title="Final verdict (adjudicate where reviewers differ)…", category="Team",
             hint="final")
    def verdict_final(self) -> None:
        claim = self._require_claim()
        if claim is None:
            return
        dialog = FinalVerdictDialog(claim, self.state.scale, self)
        dialog.answered.connect(lambda label, note: self.guarded(
            "Give the final verdict", lambda: self.give_final_verdict(claim.id, label, note)))
        self._open_dialog(dialog)

    def give_final_verdict(self, claim_id: int, label: str, note: str) -> None:
        claim = self.state.claims.get(claim_id)
        if claim is None:
            return
        change = self.service.set_verdict(claim_id, label, note=note, reviewer=self.reviewer, final=True)
        self._push_verdict_change(f"Final verdict {label} on “{claim.text[:40]}”", change)
        self.message(f"Final verdict: {label}")

    def _agreement(self):
        return self.service.agreement(self.state.case.id)

    @command("agreement-show", title="Agreement and disagreements…", category="Team")
    def agreement_show(self) -> None:
        dialog = AgreementDialog(self._agreement(), self)
        dialog.chosen.connect(self.go_to_claim)
        self._open_dialog(dialog)

    @command("disagreement-next", title="Next disagreement waiting for a final verdict", category="Team",
             hint="next disagreement")
    def disagreement_next(self) -> None:
        waiting = [d.claim_id for d in self._agreement().disagreements
                   if d.final is None and d.claim_id in self.state.claims]
        if not waiting:
            self.message("No disagreement is waiting for a final verdict")
            return
        later = [i for i in waiting if i != self.current_claim]
        after = waiting.index(self.current_claim) + 1 if self.current_claim in waiting else 0
        target = (waiting[after:] + waiting[:after]) if later else waiting
        self.go_to_claim(next(i for i in target if i != self.current_claim or len(waiting) == 1))
        self.message(f"{len(waiting)} disagreement(s) waiting — V gives the final verdict")

    def go_to_claim(self, claim_id: int) -> None:
        if claim_id in self.state.claims:
            self.set_current_claim(claim_id)

    @command("blind-review", title="Blind review (reviewers see the others' verdicts after their own)",
             category="Team")
    def blind_review(self) -> None:
        case = self.service.set_blind_review(self.state.case.id, not self.state.case.blind)
        self.state.case = case
        self.state.reload()
        self.message("Blind review on: the others' verdicts show once you have given yours" if case.blind
                     else "Blind review off: every reviewer's verdict shows")

    @command("team-refresh", title="Show the others' changes now", category="Team")
    def team_refresh(self) -> None:
        self.live.poll()

    # --- reactions ---------------------------------------------------------------------------------
    def on_team_changes(self, arrived: list) -> None:
        said = describe(arrived, self.reviewer)
        if said:
            self.message(said)
        if self.current_claim is not None:
            self._show_inspector()

    def show_stale(self, error: StaleError) -> None:
        """A change made on a stale copy was refused: say so, and show what is there now."""
        self.show_error(str(error))
        if error.current is not None:
            self.state.apply_fresh(error.current)
