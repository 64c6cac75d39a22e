"""Team review commands, a mixin of the main window (``self`` is the MainWindow): the final verdict, the
one-key confirmation of what the reviewers agree on, the agreement view and its queues, blind review, and
an immediate refresh."""
from __future__ import annotations

from fact_review.store import StaleError
from ui.commands import command
from ui.review_commands import short
from ui.team.agreement_dialog import AgreementDialog
from ui.team.final_dialog import FinalVerdictDialog
from ui.team.live import describe
from ui.verdict_targets import ClaimTarget, Target


class TeamCommands:
    @command("verdict-final", title="Final verdict (adjudicate where reviewers differ)…", category="Team",
             hint="final")
    def verdict_final(self) -> None:
        target = self.verdict_target()  # the current claim, or in the figure table the current fact
        if target is None:
            return
        dialog = FinalVerdictDialog(target.text, target.noun, target.row, self.state.scale, self)
        dialog.answered.connect(lambda label, note: self.guarded(
            "Give the final verdict", lambda: self.give_final_verdict(target, label, note)))
        self._open_dialog(dialog)

    def give_final_verdict(self, target: Target, label: str, note: str) -> None:
        change = target.set_verdict(self.service, label, note=note, reviewer=self.reviewer, final=True)
        self._push_verdict_change(f"Final verdict {label} on “{short(target.text)}”", change, target)
        self.message(f"Final verdict: {label}")

    @command("verdict-confirm", title="Confirm the reviewers' agreed verdict as final, then the next", category="Team",
             hint="confirm")
    def verdict_confirm(self) -> None:
        """One key per claim for an editor: where the reviewers agree, their label becomes the final verdict
        (what reports publish) and the next agreed claim is shown; elsewhere the key goes to the first one."""
        if self.rating_facts:
            self.confirm_fact()
            return
        waiting = [d.claim_id for d in self._agreement().awaiting_confirmation if d.claim_id in self.state.claims]
        current = self.current_claim
        if current not in waiting:
            if not waiting:
                self.message("No agreed verdict is waiting for confirmation")
                return
            self.go_to_claim(self._next_in_queue(waiting))
            self.message(f"{len(waiting)} agreed verdict(s) to confirm — Shift+V confirms this one")
            return
        fresh = self.service.claim(current)  # what the reviewers say now, not what the window last saw
        if not fresh.concurring:
            self.state.refresh_claim(current)
            self.message("The reviewers no longer agree here: V gives the final verdict")
            return
        label = fresh.agreed_label
        change = self.service.set_verdict(current, label, reviewer=self.reviewer, final=True)
        self._push_verdict_change(f"Confirm {label} on “{short(fresh.text)}”", change, ClaimTarget(fresh))
        rest = [i for i in waiting if i != current]
        if rest:
            self.go_to_claim(self._next_in_queue(rest))
        self.message(f"Final verdict: {label} (the reviewers agreed); {len(rest)} more to confirm" if rest
                     else f"Final verdict: {label} (the reviewers agreed); nothing more to confirm")

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
        if self.rating_facts:
            self.next_disputed_fact()
            return
        waiting = [d.claim_id for d in self._agreement().disagreements
                   if d.final is None and d.claim_id in self.state.claims]
        if not waiting:
            self.message("No disagreement is waiting for a final verdict")
            return
        self.go_to_claim(self._next_in_queue(waiting))
        self.message(f"{len(waiting)} disagreement(s) waiting — V gives the final verdict")

    def _next_in_queue(self, candidates: list[int]) -> int:
        """The first of ``candidates`` after the current claim in the queue's order, wrapping round (the
        current claim itself last); claims the queue's filter hides come after those it shows."""
        shown = self.queue.ids()
        here = shown.index(self.current_claim) if self.current_claim in shown else -1
        order = shown[here + 1:] + shown[:here + 1] + sorted(set(candidates) - set(shown))
        return next(i for i in order if i in candidates)

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
        self._show_inspector()

    def show_stale(self, error: StaleError) -> None:
        """A change made on a stale copy was refused: say so, and show what is there now."""
        self.show_error(str(error))
        if error.current is not None:
            self.state.apply_fresh(error.current)

