"""Commands on matched statements and the two linked panes (Meld's next/previous difference), and on
discrepancies. A mixin of the main window (``self`` is the MainWindow)."""
from __future__ import annotations

from fact_review.model import match_words
from ui.case_state import match_sides
from ui.commands import command
from ui.undo import AddMatchCommand, MatchStatusCommand


class MatchCommands:
    @command("discrepancy-next", title="Next discrepancy", category="Matches")
    def discrepancy_next(self) -> None:
        if not self._next_where(lambda c: c.in_conflict, +1):
            self.message("No discrepancies in the queue")

    @command("discrepancy-prev", title="Previous discrepancy", category="Matches")
    def discrepancy_prev(self) -> None:
        if not self._next_where(lambda c: c.in_conflict, -1):
            self.message("No discrepancies in the queue")

    def _step_match(self, delta: int) -> None:
        """To the current claim's next (previous) matched statement, in whichever article it is."""
        if self.focus is None:
            self.message("Choose a claim first (J for the next one): ] walks the statements matched to it")
            return
        matches = self.statement_matches()
        if not matches:
            self.message("No statement elsewhere is matched to this claim's sentence")
            return
        ids = [m.id for m in matches]
        position = (ids.index(self.current_match) + delta) if self.current_match in ids else (0 if delta > 0 else -1)
        position %= len(ids)
        match = matches[position]
        self.show_partner(match)
        self._show_inspector()
        other = match_sides(match, self.focus[0])[1]
        words = match_words(match.score, match.numeric, match.status, match.method)
        self.message(f"Match {position + 1} of {len(ids)}, in {self.state.article_name(other)}: {words}"
                     " — A confirms, X rejects, Tab goes there")

    @command("match-next", title="Next matched statement", category="Matches", hint="next match")
    def match_next(self) -> None:
        self._step_match(+1)

    @command("match-prev", title="Previous matched statement", category="Matches")
    def match_prev(self) -> None:
        self._step_match(-1)

    def _set_match_status(self, status: str) -> None:
        match = self.state.matches.get(self.current_match) if self.current_match is not None else None
        if match is None:
            self.message("No matched statement is marked: press ] to go to one")
            return
        # made on the match as this window shows it: if another reviewer decided meanwhile, refused (StaleError)
        change = self.service.set_match_status(match.id, status, expected_version=match.version)
        self.state.set_match_status(match.id, change.after, change.version)
        verb = {"confirmed": "Confirm", "rejected": "Reject", "suggested": "Reset"}[status]
        self.undo_stack.push(MatchStatusCommand(f"{verb} match", self.state, change, self.match_ids,
                                                self._undo_error))
        self.message(f"Match {change.after}" + (" (Ctrl+Z takes it back)" if status == "rejected" else ""))

    @command("match-accept", title="Confirm the marked match", category="Matches")
    def match_accept(self) -> None:
        self._set_match_status("confirmed")

    @command("match-reject", title="Reject the marked match", category="Matches")
    def match_reject(self) -> None:
        self._set_match_status("rejected")

    @command("match-link", title="Link two statements by hand (press in each pane)", category="Matches")
    def match_link(self) -> None:
        pane = self.active_pane
        if pane.article_id is None:
            return
        selection = pane.selection()
        offset = pane.cursor_offset()
        span = selection or self.state.sentence_at(pane.article_id, offset) or (offset, offset)
        if span[0] == span[1]:
            self.message("Put the cursor in a sentence first")
            return
        if self.link_source is None or self.link_source[0] == pane.article_id:
            self.link_source = (pane.article_id, *span)
            self.message("Linking: now go to the other pane (Tab), put the cursor on the statement and press L;"
                         " Esc cancels")
            return
        source, self.link_source = self.link_source, None
        row = self.service.add_match(self.state.case.id, source, (pane.article_id, *span))
        self.state.apply_match(row)
        self.undo_stack.push(AddMatchCommand("Link statements", self.state, row, self.match_ids, self._undo_error))
        self._focus_on(pane.article_id, span, row.id)
        self.message("Statements linked")

    # --- panes ---------------------------------------------------------------------------------------
    @command("pane-focus", title="Back to the article pane (from the note, queue, filters or find bar; cancels "
             "linking)", category="View")
    def pane_focus(self) -> None:
        if self.rating_facts and self.inspector.note.hasFocus():
            self.back_to_work()  # the note was the fact's: back to the figure table
            return
        if self.link_source is not None:
            self.link_source = None
            self.message("Linking cancelled")
        self.center.side_by_side.find_bar.close_bar()
        self.show_panes()
        self.active_pane.setFocus()

    @command("pane-switch", title="Switch pane (to the matched statement)", category="View", hint="other pane")
    def pane_switch(self) -> None:
        """To the other pane, at the statement matched to the one in focus; when that statement is in an
        article neither pane shows, the other pane shows it first."""
        target = 1 - self.active
        if self._current_partner() is None and self.focus is not None:
            matches = self.statement_matches()
            current = next((m for m in matches if m.id == self.current_match), None)
            best = current or max(matches, key=lambda m: m.score, default=None)
            if best is not None:
                self.show_partner(best)
        partner = self._current_partner()
        self._set_active(target)
        if partner is not None and partner[0] == target:
            self.panes[target].move_cursor_to(partner[1])
        self.panes[target].setFocus()

    @command("pane-swap", title="Swap the two articles", category="View")
    def pane_swap(self) -> None:
        left, right = (p.article_id for p in self.panes)
        self._show_article(0, right)
        self._show_article(1, left)
        self._set_active(1 - self.active)
        if self.current_claim is not None:
            self.set_current_claim(self.current_claim)
        else:
            self._refocus()

    def _pick_article(self, index: int) -> None:
        ids = [a.id for a in self.state.articles]
        other = self.panes[1 - index].article_id
        current = self.panes[index].article_id
        choices = [i for i in ids if i != other]
        if not choices or choices == [current]:
            self.message("No other article to show here (S swaps the two panes)")
            return
        position = choices.index(current) + 1 if current in choices else 0
        self._show_article(index, choices[position % len(choices)])
        self._set_active(index)
        self.panes[index].setFocus()
        claim = self.state.claims.get(self.current_claim) if self.current_claim is not None else None
        if claim is not None and self.pane_of_article(claim.article_id) is not None:
            self.set_current_claim(claim.id)
        else:
            self._refocus()

    @command("article-pick-left", title="Show the next article in the left pane", category="View")
    def article_pick_left(self) -> None:
        self._pick_article(0)

    @command("article-pick-right", title="Show the next article in the right pane", category="View")
    def article_pick_right(self) -> None:
        self._pick_article(1)
