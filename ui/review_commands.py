"""Commands on claims: step through the queue, give verdicts, write notes, mark, correct and dismiss
claims, undo and redo. A mixin of the main window (``self`` is the MainWindow).

The verdict, note, flag and stepping keys work on facts too while the reviewer is in the figure table
(``rating_facts``, ``ui.overview.fact_verdicts``): each command decides there what it acts on."""
from __future__ import annotations

from typing import Optional

from fact_review.claims import extract_claims
from fact_review.pipeline import reference_time
from fact_review.reports.urls import http_url
from fact_review.store import ClaimRow, VerdictChange
from fact_review.store.rows import CLAIM_VALUE_FIELDS
from ui.commands import command
from ui.dialogs.claim_dialog import ClaimDialog
from ui.dialogs.line_dialog import LineDialog
from ui.undo import AddClaimCommand, ClaimEditCommand, FactVerdictCommand, VerdictCommand
from ui.verdict_targets import ClaimTarget, FactTarget, Target


def short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_reviewed(claim: ClaimRow) -> bool:
    """Has a verdict label (a flag, a note or an evidence url alone is not a review)."""
    return claim.verdict is not None and claim.verdict.label is not None


def evidence_problem(url: str) -> Optional[str]:
    """What is wrong with an evidence url as typed ("" removes the url), or None."""
    if not url or http_url(url):
        return None
    return ("An evidence url is a web address starting with http:// or https://, without spaces, "
            "e.g. https://example.org/report.pdf")


class ReviewCommands:
    # --- navigation ----------------------------------------------------------------------------------
    def _step(self, delta: int) -> bool:
        ids = self.queue.ids()
        if not ids:
            self.message("The queue is empty")
            return False
        row = self.queue.row_of(self.current_claim)
        target = (0 if delta > 0 else len(ids) - 1) if row is None else row + delta
        if not 0 <= target < len(ids):
            self.message("That was the last claim in the queue" if delta > 0 else "This is the first claim")
            return False
        self.set_current_claim(ids[target])
        return True

    def _next_where(self, wanted, delta: int = 1) -> bool:
        ids = self.queue.ids()
        row = self.queue.row_of(self.current_claim)
        start = -1 if row is None and delta > 0 else (len(ids) if row is None else row)
        for step in range(1, len(ids) + 1):
            claim_id = ids[(start + delta * step) % len(ids)]
            if claim_id != self.current_claim and wanted(self.state.claims[claim_id]):
                self.set_current_claim(claim_id)
                return True
        return False

    @command("claim-next", title="Next claim (or fact)", category="Claims", hint="next")
    def claim_next(self) -> None:
        if self.rating_facts:
            self.step_fact(+1)
            return
        self._step(+1)

    @command("claim-prev", title="Previous claim (or fact)", category="Claims", hint="previous")
    def claim_prev(self) -> None:
        if self.rating_facts:
            self.step_fact(-1)
            return
        self._step(-1)

    def _next_unreviewed(self) -> Optional[int]:
        """The next unreviewed claim after the current one in queue order; claims skipped in this
        session come last, in the order they were skipped (Anki's "bury", Prodigy's skip)."""
        ids = self.queue.ids()
        row = self.queue.row_of(self.current_claim)
        ahead = ids[row + 1:] + ids[:row] if row is not None else ids
        waiting = [i for i in ahead if not is_reviewed(self.state.claims[i])]
        fresh = [i for i in waiting if i not in self.skipped]
        if fresh:
            return fresh[0]
        return next((i for i in self.skipped if i in waiting), None)

    @command("claim-next-unreviewed", title="Next unreviewed claim (or fact)", category="Claims")
    def claim_next_unreviewed(self) -> None:
        if self.rating_facts:
            self.next_unrated_fact()
            return
        target = self._next_unreviewed()
        if target is None:
            self.message(self._all_reviewed_text())
            return
        self.set_current_claim(target)

    def _go_on(self) -> None:
        """After a verdict: to the next claim waiting for one (skipped claims last), or say the pass is over;
        in the figure table, to the next fact waiting for one."""
        if self.rating_facts:
            self.next_unrated_fact()
            return
        target = self._next_unreviewed()
        if target is None:
            self.message(self._all_reviewed_text())
            self._update_status()
            return
        self.set_current_claim(target)

    def _all_reviewed_text(self) -> str:
        export = self.keymap.text("report-export").split(" / ")[0]
        if not self.sidebar.unfiltered():
            return "Every claim this filter shows has a verdict (the queue filter hides others)"
        return f"Every claim has a verdict: the case is reviewed. {export} exports the report."

    @command("claim-at-cursor", title="Make the claim at the cursor current (from the queue: go to the claim)",
             category="Claims")
    def claim_at_cursor(self) -> None:
        if self.sidebar.queue_view.hasFocus():
            self.active_pane.setFocus()
            return
        pane = self.active_pane
        claim_id = pane.claim_at(pane.cursor_offset()) if pane.article_id is not None else None
        if claim_id is None:
            self.message("The cursor is on no claim: move it onto a highlighted figure, or press J")
            return
        self.set_current_claim(claim_id, move_cursor=False)

    @command("claim-skip", title="Skip claim or fact (it comes back at the end)", category="Claims",
             hint="skip")
    def claim_skip(self) -> None:
        if self.rating_facts:
            self.skip_fact()
            return
        claim = self._require_claim()
        if claim is None:
            return
        self.skipped.pop(claim.id, None)
        self.skipped[claim.id] = None  # to the end of the pass, behind the claims skipped before
        target = self._next_unreviewed()
        if target is None or target == claim.id:
            self.message("No other claim is waiting for a verdict")
            return
        self.set_current_claim(target)

    @command("queue-filter", title="Filter the review queue (Tab to the next filter, Esc back)", category="Claims")
    def queue_filter(self) -> None:
        self.sidebar.filter_status.setFocus()

    # --- verdicts ------------------------------------------------------------------------------------
    def verdict_target(self) -> Optional[Target]:
        """What the verdict, note, flag and evidence keys act on: the figure table's current fact while the
        reviewer works there, else the current claim (and when there is none, say what to do)."""
        if self.rating_facts:
            return self.current_fact_target()
        claim = self._require_claim()
        return ClaimTarget(claim) if claim is not None else None

    def rate(self, rating: Optional[int]) -> None:
        target = self.verdict_target()
        if target is None:
            return
        label = self.state.label_for_rating(rating)
        if label is None:
            self.message(f"This case's scale has no rating {rating}")
            return
        # the note and evidence url already saved (with or without an earlier verdict) are kept
        change = target.set_verdict(self.service, label.label, reviewer=self.reviewer)
        self._push_verdict_change(f"Rate “{short(target.text)}” {label.label}", change, target)
        self._go_on()

    @command("claim-flag", title="Flag claim (or fact) for later", category="Verdicts", hint="flag")
    def claim_flag(self) -> None:
        target = self.verdict_target()
        if target is None:
            return
        verdict = target.row.verdict
        flagged = not (verdict is not None and verdict.flagged)
        change = target.set_flag(self.service, flagged, reviewer=self.reviewer)
        self._push_verdict_change(("Flag" if flagged else "Unflag") + f" “{short(target.text)}”", change, target)
        self.message("Flagged for later" if flagged else "Flag removed")

    @command("note-edit", title="Edit note", category="Verdicts", hint="note")
    def note_edit(self) -> None:
        if self.verdict_target() is None:
            return
        if self._inspector_due:
            self._refresh_inspector()  # the note shown must be the current claim's (or fact's)
        self.inspector.note.setFocus()
        self.inspector.note.moveCursor(self.inspector.note.textCursor().MoveOperation.End)

    def _finish_note(self) -> None:
        self.save_note()
        self.back_to_work()

    def back_to_work(self) -> None:
        """The keyboard back where the reviewer rates: the figure table when rating facts, else the pane."""
        if self.rating_facts:
            self.center.figures.setFocus()
        else:
            self.active_pane.setFocus()

    def _inspected_target(self) -> Optional[Target]:
        """The claim or fact the inspector shows (its note is the one in the editor)."""
        if self.inspector.fact_key is not None:
            fact = self.state.fact_known_as(self.inspector.fact_key, self.inspector.fact_claims)
            return FactTarget(fact) if fact is not None else None
        claim = self.state.claims.get(self.inspector.claim_id) if self.inspector.claim_id is not None else None
        return ClaimTarget(claim) if claim is not None else None

    def save_note(self) -> None:
        """Store the note being edited, verdict or not (called when the editor loses focus or the window
        closes): what the reviewer typed lives in the database, never only in the window."""
        target = self._inspected_target()
        text = self.inspector.note.toPlainText().strip()
        if target is None:
            if self.inspector.fact_key is not None and text:
                self.show_error(f"The note was not saved: its fact is no longer in the case. It read: {text}")
            return
        verdict = target.row.verdict
        if text == ((verdict.note or "") if verdict else ""):
            return
        try:
            change = target.annotate(self.service, note=text, reviewer=self.reviewer)  # "" clears the note
        except Exception as error:  # noqa: BLE001 - say why, and show the text so it can be copied
            self.show_error(f"The note was not saved ({error}). It read: {text}")
            return
        self._push_verdict_change(f"Note on “{short(target.text)}”", change, target)
        self.message("Note saved")

    def _push_verdict_change(self, text: str, change: VerdictChange, target: Target) -> None:
        target.apply(self.state, change)
        if change.fact_id is not None:
            command = FactVerdictCommand(text, self.state, change, self._undo_error, lambda: self.reviewer)
        else:
            command = VerdictCommand(text, self.state, change, self.claim_ids, self._undo_error, lambda: self.reviewer)
        self.undo_stack.push(command)

    @command("evidence-edit", title="Evidence url for the claim (or fact)…", category="Verdicts", hint="evidence")
    def evidence_edit(self) -> None:
        target = self.verdict_target()
        if target is None:
            return
        verdict = target.row.verdict
        current = (verdict.evidence_url or "") if verdict else ""
        dialog = LineDialog("evidence-dialog", "Evidence url",
                            f"Where the evidence for “{short(target.text)}” can be read (http or https; "
                            "leave empty to remove it):", current, evidence_problem, self)
        dialog.answered.connect(lambda url: self.guarded("Save the evidence url",
                                                         lambda: self.set_evidence(target, url)))
        self._open_dialog(dialog)

    def set_evidence(self, target: Target, url: str) -> None:
        verdict = target.row.verdict
        if url == ((verdict.evidence_url or "") if verdict else ""):
            return
        change = target.annotate(self.service, evidence_url=url, reviewer=self.reviewer)  # "" removes it
        self._push_verdict_change(f"Evidence for “{short(target.text)}”", change, target)
        self.message("Evidence url saved" if url else "Evidence url removed")

    # --- claims: mark, correct, dismiss --------------------------------------------------------------
    @command("claim-mark", title="Mark selection as a claim", category="Claims")
    def claim_mark(self) -> None:
        pane = self.active_pane
        selection = pane.selection()
        if pane.article_id is None or selection is None or selection[0] == selection[1]:
            self.message("Select the words of the claim first (Shift+arrows or the mouse), then press M")
            return
        start, end = selection
        article = self.state.article(pane.article_id)
        quote = article.text[start:end]
        found = extract_claims(quote, reference_time(article))
        dialog = ClaimDialog("Mark a claim", quote, found[0] if found else None, self)
        dialog.accepted.connect(lambda: self._add_claim(article.id, start, end, dialog.fields()))
        self._open_dialog(dialog)

    def _add_claim(self, article_id: int, start: int, end: int, fields: dict) -> None:
        def add() -> None:
            row = self.service.add_claim(article_id, start, end, **fields)
            self.state.apply_claim(row)
            self.undo_stack.push(AddClaimCommand(f"Mark “{short(row.text)}”", self.state, row, self.claim_ids,
                                                 self._undo_error))
            self.set_current_claim(row.id)
        self.guarded("Mark a claim", add)

    @command("claim-edit", title="Correct claim (kind, value, noun...)", category="Claims")
    def claim_edit(self) -> None:
        claim = self._require_claim()
        if claim is None:
            return
        dialog = ClaimDialog("Correct the claim", claim.text, claim, self)
        dialog.accepted.connect(lambda: self._edit_claim(claim, dialog.fields()))
        self._open_dialog(dialog)

    def _edit_claim(self, claim: ClaimRow, fields: dict) -> None:
        changed = {k: v for k, v in fields.items() if k in CLAIM_VALUE_FIELDS and getattr(claim, k) != v}
        if not changed:
            return

        def edit() -> None:
            result = self.service.edit_claim(claim.id, expected_version=claim.version, **changed)
            self.state.apply_claim(result.after)
            self.undo_stack.push(ClaimEditCommand(f"Correct “{short(claim.text)}”", self.state, result,
                                                  self.claim_ids, self._undo_error))
        self.guarded("Correct the claim", edit)

    @command("claim-dismiss", title="Dismiss claim (not a claim)", category="Claims")
    def claim_dismiss(self) -> None:
        claim = self._require_claim()
        if claim is None:
            return
        ids = self.queue.ids()
        row = self.queue.row_of(claim.id)
        following = [i for i in (ids[row + 1:] + ids[:row] if row is not None else ids) if i != claim.id]
        result = self.service.dismiss_claim(claim.id, expected_version=claim.version)
        self.state.apply_claim(result.after)
        self.undo_stack.push(ClaimEditCommand(f"Dismiss “{short(claim.text)}”", self.state, result, self.claim_ids,
                                              self._undo_error))
        self.set_current_claim(following[0] if following else None)
        self.message("Claim dismissed (Ctrl+Z brings it back)")

    # --- undo ----------------------------------------------------------------------------------------
    def _after_history_step(self, index: int) -> None:
        """After an undo or redo, show the claim or fact it changed (Prodigy: undo goes back to the decision)."""
        fact_id = getattr(self.undo_stack.command(index), "fact_id", None)
        if fact_id is not None:
            self.show_rated_fact(fact_id)
            return
        claim_id = getattr(self.undo_stack.command(index), "claim_id", None)
        if claim_id is not None and self.claim_ids(claim_id) in self.state.claims:
            self.set_current_claim(self.claim_ids(claim_id))

    @command("undo", title="Undo", category="Edit", hint="undo")
    def undo(self) -> None:
        if not self.undo_stack.canUndo():
            self.message("Nothing to undo")
            return
        text = self.undo_stack.undoText()
        self.undo_stack.undo()
        self._after_history_step(self.undo_stack.index())
        self.message(f"Undone: {text}")

    @command("redo", title="Redo", category="Edit")
    def redo(self) -> None:
        if not self.undo_stack.canRedo():
            self.message("Nothing to redo")
            return
        text = self.undo_stack.redoText()
        self.undo_stack.redo()
        self._after_history_step(self.undo_stack.index() - 1)
        self.message(f"Redone: {text}")


for _rating in range(1, 6):
    command(f"verdict-{_rating}", title=f"Rate {_rating} on the case's scale (and go on)",
            category="Verdicts")(lambda window, r=_rating: window.rate(r))
command("verdict-unverifiable", title="Rate Unverifiable (and go on)",
        category="Verdicts")(lambda window: window.rate(None))
