"""The current claim in detail: its fields, matched statements elsewhere, discrepancies, verdict, history,
and the note editor (typing there never triggers commands; Esc or Ctrl+Return hands the note back). While
the reviewer works in the figure table, the current fact instead: its figures by source, verdict, history
and note."""
from __future__ import annotations

from html import escape
from typing import Optional, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextBrowser, QVBoxLayout, QWidget

from fact_review.claims.dates.words import date_words
from fact_review.model import match_words
from fact_review.reports.figures import value_text
from fact_review.reports.text import interval_text
from fact_review.overview.figure_table import FigureRow
from fact_review.store import CheckRow, ClaimRow, FactRow, MatchRow, VerdictEventRow, VerdictRow
from ui import theme
from ui.overview.figure_model import explanation_text
from ui.case_state import CaseState, match_sides

MAX_SOURCES = 12  # a fact's figures by source: the conflicting first, then in the table's order
MAX_CHECKS = 6  # a claim can sit in dozens of agreeing checks; the first few say enough (and render fast)
HISTORY_SHOWN = 10
CHECK_STATUS_WORDS = {"conflict": "Conflict", "agree": "Agrees", "compatible": "Compatible",
                      "superseded": "Superseded"}
CHECK_KIND_WORDS = {"value": "same figure", "sum": "parts and total", "share": "share of a whole", "date": "date",
                    "order": "order of events", "count": "how many"}


def range_words(claim: ClaimRow) -> str:
    """The interval a claim allows, in words: "270–300", "12,000 or more", "up to 300"; "" when exact."""
    low, high = (value_text(v, claim.kind, claim.unit) if v is not None else None for v in (claim.low, claim.high))
    return interval_text(low, high)


def _who(event: VerdictEventRow) -> str:
    return f" by {escape(event.reviewer)}" if event.reviewer else ""


def _change_text(event: VerdictEventRow) -> str:
    before, after = event.before, event.after
    label_before = before.label if before and before.label else None
    label_after = after.label if after and after.label else None
    if label_before != label_after:
        return f"{label_before or '—'} → {label_after or '—'}"
    changes = []
    if (before.note if before else None) != (after.note if after else None):
        changes.append("note edited")
    if (before.evidence_url if before else None) != (after.evidence_url if after else None):
        changes.append("evidence url " + ("set" if after and after.evidence_url else "removed"))
    if bool(before and before.flagged) != bool(after and after.flagged):
        changes.append("flagged" if after and after.flagged else "flag removed")
    return ", ".join(changes) or "saved again"


class NoteEditor(QPlainTextEdit):
    finished = Signal()  # Ctrl+Return: save and go back to the pane (Esc is the window's pane-focus command)
    left = Signal()  # the focus went elsewhere (Esc, a click): save

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("note-editor")
        self.set_subject("claim")
        self.setTabChangesFocus(True)

    def set_subject(self, noun: str) -> None:
        self.setPlaceholderText(f"Note on this {noun}: press E to write, Esc to save and go back")

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            self.finished.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # a context menu is not leaving
            self.left.emit()


class Inspector(QWidget):
    def __init__(self, state: CaseState, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._state = state
        self.claim_id: Optional[int] = None
        self.fact_key: Optional[str] = None  # set instead of claim_id while a fact is shown
        self.fact_claims: tuple[int, ...] = ()  # its claims (its key may change when facts are analysed again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.details = QTextBrowser(self)
        self.details.setObjectName("inspector")
        self.details.setOpenLinks(False)
        self.details.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addWidget(self.details, 1)
        note_label = QLabel("&Note")
        layout.addWidget(note_label)
        self.note = NoteEditor(self)
        self.note.setMaximumHeight(110)
        note_label.setBuddy(self.note)
        layout.addWidget(self.note)

    def set_state(self, state: CaseState) -> None:
        self._state = state
        self.show_claim(None)

    def show_claim(self, claim_id: Optional[int], current_match: Optional[int] = None,
                   history: Sequence[VerdictEventRow] = ()) -> None:
        self.claim_id, self.fact_key = claim_id, None
        self.note.set_subject("claim")
        claim = self._state.claims.get(claim_id) if claim_id is not None else None
        if claim is None:
            self.details.setHtml(f"<p style='color:{self._colours()['muted']}'>No claim selected. Press <b>J</b> "
                                 "for the first claim, <b>?</b> for every key.</p>")
            self.note.setPlainText("")
            return
        matches = self._state.matches_at(claim.article_id, self._state.statement_of(claim))
        html = "".join((
            self._claim_html(claim),
            self._matches_html(claim, matches, current_match),
            self._checks_html(self._state.checks_of(claim.id)),
            self._history_html(history),
        ))
        self._show(html, claim.verdict)

    def show_fact(self, fact: Optional[FactRow], row: Optional[FigureRow], history: Sequence[VerdictEventRow] = ()
                  ) -> None:
        """A fact of the figure table (``row``: its row there, for its figures by source); None: the row is
        no fact (a total and its sums) or the table is empty, said in words."""
        self.claim_id, self.fact_key = None, fact.key if fact is not None else None
        self.fact_claims = fact.claim_ids if fact is not None else ()
        self.note.set_subject("fact")
        if fact is None or row is None:
            what = ("This row is a total and the sums that add up to it, not a fact: its figures are rated as "
                    "claims (Enter goes to one)." if row is not None else "The case has no fact yet.")
            self.details.setHtml(f"<p style='color:{self._colours()['muted']}'>{escape(what)}</p>")
            self.note.setPlainText("")
            return
        self._show(self._fact_html(fact, row) + self._history_html(history), fact.verdict)

    def _show(self, html: str, verdict: Optional[VerdictRow]) -> None:
        scroll = self.details.verticalScrollBar().value()
        self.details.setHtml(html)
        self.details.verticalScrollBar().setValue(scroll)
        if not self.note.hasFocus():
            self.note.setPlainText((verdict.note or "") if verdict else "")

    def _colours(self) -> dict[str, str]:
        """Text colours legible on the inspector's background, light or dark."""
        palette = self.details.palette()
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        return {"muted": theme.muted(palette).name(), "conflict": "#ff8a80" if dark else "#c62828",
                "agree": "#81c995" if dark else "#2e7d32", "flag": "#ffb74d" if dark else "#b26a00"}

    def _verdict_html(self, verdict: Optional[VerdictRow], in_conflict: bool) -> str:
        """The reviewer's own verdict, its flag and evidence url."""
        colour = self._colours()
        verdict_text = escape(verdict.label) if verdict and verdict.label else "<i>not rated</i>"
        if verdict and verdict.flagged:
            verdict_text += f" &nbsp;<b style='color:{colour['flag']}'>⚑ flagged</b>"
        if in_conflict:
            verdict_text += f" &nbsp;<b style='color:{colour['conflict']}'>in conflict</b>"
        return (f"<p style='margin:6px 0'><b>Verdict:</b> {verdict_text}</p>"
                + (f"<p style='margin:0 0 6px 0'><b>Evidence:</b> {escape(verdict.evidence_url)}</p>"
                   if verdict and verdict.evidence_url else ""))

    def _fact_html(self, fact: FactRow, row: FigureRow) -> str:
        """The fact's name, status and why, each source's figures (red: cannot hold with another's, struck
        through: updated later), and the reviewer's verdict."""
        colour = self._colours()
        claims, state = self._state.claims, self._state
        status = {"superseded": "updated by a later report"}.get(row.status, row.status)
        sources = []
        columns = [a.id for a in sorted(state.articles, key=lambda a: a.position)]  # the table's, in its order
        given = sorted(((article_id, cell) for article_id, cell in zip(columns, row.cells) if cell),
                       key=lambda pair: not any(c in row.conflicting for entry in pair[1] for c in entry))
        for article_id, cell in given[:MAX_SOURCES]:
            figures = []
            for entry in cell:
                shown = " + ".join(escape(claims[c].text) for c in entry if c in claims)
                if any(c in row.conflicting for c in entry):
                    shown = f"<span style='color:{colour['conflict']}'>{shown}</span>"
                if all(c in row.superseded for c in entry):
                    shown = f"<s>{shown}</s>"
                figures.append(shown)
            sources.append(f"<li><b>{escape(state.article_name(article_id))}</b>: {' / '.join(figures)}</li>")
        if len(given) > MAX_SOURCES:
            sources.append(f"<li style='color:{colour['muted']}'>and {len(given) - MAX_SOURCES} more sources (the "
                           "table shows them all)</li>")
        made = " · made by the reviewer" if fact.by_reviewer else ""
        return (f"<h3 style='margin:0'>{escape(fact.label)}</h3>"
                f"<p style='margin:2px 0 6px 0;color:{colour['muted']}'>Fact · {escape(status)}{made}</p>"
                + (f"<p style='margin:0 0 6px 0'>{escape(explanation_text(row))}</p>" if row.explanation else "")
                + f"<h4 style='margin:8px 0 2px 0'>Figures by source</h4>"
                  f"<ul style='margin-left:-20px'>{''.join(sources)}</ul>"
                + self._verdict_html(fact.verdict, row.status == "conflict"))

    def _claim_html(self, claim: ClaimRow) -> str:
        colour = self._colours()
        verdict = claim.verdict
        value = value_text(claim.value, claim.kind, claim.unit) if claim.value is not None else claim.unit
        fields = [("Kind", claim.kind), ("Value", value), ("Counts", claim.noun), ("Qualifier", claim.qualifier),
                  ("Range", range_words(claim)), ("Date", date_words(claim.date) or (claim.date or ""))]
        rows = "".join(f"<tr><td style='color:{colour['muted']};padding-right:10px'>{name}</td>"
                       f"<td>{escape(str(value))}</td></tr>" for name, value in fields if value)
        origin = []
        if claim.origin == "reviewer":
            origin.append("marked by the reviewer")
        if claim.overridden:
            origin.append("corrected: " + ", ".join(claim.overridden))
        if claim.anchor_changed:
            origin.append("text changed since it was judged")
        return (f"<h3 style='margin:0'>“{escape(claim.text)}”</h3>"
                f"<p style='margin:2px 0 6px 0;color:{colour['muted']}'>"
                f"{escape(self._state.article_name(claim.article_id))}"
                f"{' · ' + escape('; '.join(origin)) if origin else ''}</p>"
                + self._worth_html(claim) +
                f"<table cellspacing='0'>{rows}</table>"
                + self._verdict_html(verdict, claim.in_conflict))

    def _worth_html(self, claim: ClaimRow) -> str:
        """Why the claim is worth checking, or why it is context (left out of the queue by default)."""
        if claim.check_worthy:
            return (f"<p style='margin:0 0 6px 0;color:{self._colours()['muted']}'>Worth checking: "
                    f"{escape(claim.why)}</p>") if claim.why else ""
        return (f"<p style='margin:0 0 6px 0'><b>Context, not worth checking</b>"
                f"{': ' + escape(claim.why) if claim.why else ''}.<br>"
                f"<span style='color:{self._colours()['muted']}'>Left out of the review queue; the queue's "
                "“Context claims” filter brings such claims back.</span></p>")

    def _matches_html(self, claim: ClaimRow, matches: list[MatchRow], current: Optional[int]) -> str:
        colour = self._colours()
        if not matches:
            return (f"<h4 style='margin:8px 0 2px 0'>Matched statements</h4>"
                    f"<p style='color:{colour['muted']}'>None found.</p>")
        items = []
        for match in matches:
            sides = match_sides(match, claim.article_id)
            if sides is None:
                continue
            _own, other_id, (start, end) = sides
            other = self._state.article(other_id)
            text = other.text[start:end] if other else ""
            relation = colour["conflict"] if match.numeric == "conflict" else (
                colour["agree"] if match.numeric == "agree" else colour["muted"])
            marker = "▶ " if match.id == current else ""
            struck = ("<s>", "</s>") if match.status == "rejected" else ("", "")
            words = match_words(match.score, match.numeric, match.status, match.method)
            items.append(f"<li style='margin-bottom:4px'>{marker}{struck[0]}<b>"
                         f"{escape(self._state.article_name(other_id))}</b> · "
                         f"<span style='color:{relation}'>{escape(words)}</span>{struck[1]}<br>"
                         f"{escape(text)}</li>")
        return f"<h4 style='margin:8px 0 2px 0'>Matched statements</h4><ul style='margin-left:-20px'>{''.join(items)}</ul>"

    def _checks_html(self, checks: list[CheckRow]) -> str:
        if not checks:
            return ""
        colour = self._colours()
        ordered = sorted(checks, key=lambda c: not c.is_discrepancy)  # discrepancies first
        items = []
        for check in ordered[:MAX_CHECKS]:
            tone = colour["conflict"] if check.is_discrepancy else colour["agree"]
            heading = (f"{CHECK_STATUS_WORDS.get(check.status, check.status)} "
                       f"({CHECK_KIND_WORDS.get(check.kind, check.kind)})")
            items.append(f"<li><span style='color:{tone}'><b>{escape(heading)}</b></span>"
                         f" — {escape(check.explanation)}</li>")
        if len(ordered) > MAX_CHECKS:
            items.append(f"<li style='color:{colour['muted']}'>and {len(ordered) - MAX_CHECKS} more</li>")
        return f"<h4 style='margin:8px 0 2px 0'>Consistency checks</h4><ul style='margin-left:-20px'>{''.join(items)}</ul>"

    def _history_html(self, history: Sequence[VerdictEventRow]) -> str:
        if not history:
            return ""
        items = []
        for event in reversed(history[-HISTORY_SHOWN:]):
            when = event.at.astimezone().strftime("%d %b %Y %H:%M")
            items.append(f"<li>{when}{_who(event)}: {escape(_change_text(event))}</li>")
        more = len(history) - HISTORY_SHOWN
        if more > 0:
            items.append(f"<li>and {more} earlier change(s)</li>")
        return f"<h4 style='margin:8px 0 2px 0'>History</h4><ul style='margin-left:-20px'>{''.join(items)}</ul>"
