"""The statement in focus (the current claim's sentence) and its matches, marked in the other pane and
scrolled into view there (Meld's linked panes). A mixin of the main window (``self`` is the MainWindow).

Only the current claim puts a statement in focus: moving the text cursor does not. A rejected match is
neither marked nor stepped to; the inspector still lists it, so the reviewer can see what was rejected.
"""
from __future__ import annotations

from typing import Optional

from fact_review.store import MatchRow
from ui.case_state import Span, match_sides


class LinkedMarks:
    focus: Optional[tuple[int, Span]]
    current_match: Optional[int]

    def statement_matches(self) -> list[MatchRow]:
        """The focus statement's matches to any other article, not rejected, in case then reading order."""
        if self.focus is None:
            return []
        article_id, span = self.focus
        order = {a.id: a.position for a in self.state.articles}
        found = [m for m in self.state.matches_at(article_id, span) if m.status != "rejected"]
        return sorted(found, key=lambda m: (order.get(match_sides(m, article_id)[1], 0),
                                            match_sides(m, article_id)[2][0]))

    def _focus_on(self, article_id: int, span: Span, match_id: Optional[int] = None) -> None:
        """Put ``span`` in focus; its current match is ``match_id`` or the best one in the other pane."""
        self.focus = (article_id, span)
        matches = self.statement_matches()
        if match_id not in {m.id for m in matches}:
            index = self.pane_of_article(article_id)
            other = self.panes[1 - index].article_id if index is not None else None
            shown = [m for m in matches if match_sides(m, article_id)[1] == other]
            best = max(shown or matches, key=lambda m: m.score, default=None)
            match_id = best.id if best is not None else None
        self.current_match = match_id
        self._render_marks()

    def _render_marks(self) -> None:
        claim = self.state.claims.get(self.current_claim) if self.current_claim is not None else None
        matches = self.statement_matches()
        for pane in self.panes:
            linked: list[Span] = []
            if self.focus is not None and matches:
                focus_article, focus_span = self.focus
                if pane.article_id == focus_article:
                    linked.append(focus_span)
                else:
                    linked += [match_sides(m, focus_article)[2] for m in matches
                               if match_sides(m, focus_article)[1] == pane.article_id]
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

    def show_partner(self, match: MatchRow) -> None:
        """Make ``match`` current; its other statement's article comes into the other pane if not shown."""
        focus_article, span = self.focus
        other_article = match_sides(match, focus_article)[1]
        if self.pane_of_article(other_article) is None:
            own = self.pane_of_article(focus_article)
            self._show_article(1 - own if own is not None else 1, other_article)
        self._focus_on(focus_article, span, match.id)

    def _refocus(self) -> None:
        if self.focus is not None:
            article_id, span = self.focus
            self._focus_on(article_id, span, self.current_match)
        else:
            self._render_marks()
