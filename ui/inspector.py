"""The current claim in detail: its fields, matched statements elsewhere, discrepancies, verdict, history,
and the note editor (typing there never triggers commands; Esc or Ctrl+Return hands the note back)."""
from __future__ import annotations

from html import escape
from typing import Optional, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextBrowser, QVBoxLayout, QWidget

from fact_review.model import relation_words
from fact_review.store import CheckRow, ClaimRow, MatchRow, VerdictEventRow
from ui.case_state import CaseState, match_sides

MAX_CHECKS = 6  # a claim can sit in dozens of agreeing checks; the first few say enough (and render fast)


def _number(value) -> str:
    """A Decimal as written, with thousands separators: 4500000 -> 4,500,000; 3.50 -> 3.50."""
    return "" if value is None else format(value, ",f")


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
        self.setPlaceholderText("Note on this claim: press E to write, Esc to save and go back")
        self.setTabChangesFocus(True)

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
        self.claim_id = claim_id
        claim = self._state.claims.get(claim_id) if claim_id is not None else None
        if claim is None:
            self.details.setHtml("<p style='color:#666'>No claim selected. Press <b>J</b> for the first claim,"
                                 " <b>?</b> for every key.</p>")
            self.note.setPlainText("")
            return
        matches = self._state.matches_at(claim.article_id, self._state.statement_of(claim))
        html = "".join((
            self._claim_html(claim),
            self._matches_html(claim, matches, current_match),
            self._checks_html(self._state.checks_of(claim.id)),
            self._history_html(history),
        ))
        scroll = self.details.verticalScrollBar().value()
        self.details.setHtml(html)
        self.details.verticalScrollBar().setValue(scroll)
        if not self.note.hasFocus():
            self.note.setPlainText((claim.verdict.note or "") if claim.verdict else "")

    def _claim_html(self, claim: ClaimRow) -> str:
        article = self._state.article(claim.article_id)
        source = escape(article.outlet or article.title or "") if article else ""
        verdict = claim.verdict
        verdict_text = escape(verdict.label) if verdict and verdict.label else "<i>not rated</i>"
        if verdict and verdict.flagged:
            verdict_text += " &nbsp;<b style='color:#b26a00'>⚑ flagged</b>"
        interval = ""
        if claim.low is not None or claim.high is not None:
            interval = f"{_number(claim.low)} – {_number(claim.high)}"
        fields = [("Kind", claim.kind), ("Value", _number(claim.value)), ("Unit", claim.unit), ("Noun", claim.noun),
                  ("Qualifier", claim.qualifier), ("Interval", interval), ("Date", claim.date)]
        rows = "".join(f"<tr><td style='color:#555;padding-right:10px'>{name}</td><td>{escape(str(value))}</td></tr>"
                       for name, value in fields if value)
        origin = []
        if claim.origin == "reviewer":
            origin.append("marked by the reviewer")
        if claim.overridden:
            origin.append("corrected: " + ", ".join(claim.overridden))
        if claim.anchor_changed:
            origin.append("text changed since it was judged")
        return (f"<h3 style='margin:0'>“{escape(claim.text)}”</h3>"
                f"<p style='margin:2px 0 6px 0;color:#555'>{source}"
                f"{' · ' + escape('; '.join(origin)) if origin else ''}</p>"
                f"<table cellspacing='0'>{rows}</table>"
                f"<p style='margin:6px 0'><b>Verdict:</b> {verdict_text}</p>"
                + (f"<p style='margin:0 0 6px 0'><b>Evidence:</b> {escape(verdict.evidence_url)}</p>"
                   if verdict and verdict.evidence_url else ""))

    def _matches_html(self, claim: ClaimRow, matches: list[MatchRow], current: Optional[int]) -> str:
        if not matches:
            return "<h4 style='margin:8px 0 2px 0'>Matched statements</h4><p style='color:#666'>None found.</p>"
        items = []
        for match in matches:
            sides = match_sides(match, claim.article_id)
            if sides is None:
                continue
            _own, other_id, (start, end) = sides
            other = self._state.article(other_id)
            text = other.text[start:end] if other else ""
            name = escape(other.outlet or other.title or "") if other else ""
            relation = relation_words(match.numeric)
            colour = "#c62828" if match.numeric == "conflict" else "#2e7d32" if match.numeric == "agree" else "#555"
            marker = "▶ " if match.id == current else ""
            status = "" if match.status == "suggested" else f" · {match.status}"
            method = " · linked by hand" if match.method == "manual" else ""
            items.append(f"<li style='margin-bottom:4px'>{marker}<b>{name}</b> · score {match.score:.2f} · "
                         f"<span style='color:{colour}'>{relation}</span>{escape(status)}{method}<br>"
                         f"<span style='color:#333'>{escape(text)}</span></li>")
        return f"<h4 style='margin:8px 0 2px 0'>Matched statements</h4><ul style='margin-left:-20px'>{''.join(items)}</ul>"

    def _checks_html(self, checks: list[CheckRow]) -> str:
        if not checks:
            return ""
        ordered = sorted(checks, key=lambda c: not c.is_discrepancy)  # discrepancies first
        items = []
        for check in ordered[:MAX_CHECKS]:
            colour = "#c62828" if check.is_discrepancy else "#2e7d32"
            items.append(f"<li><span style='color:{colour}'><b>{escape(check.kind)}: {escape(check.status)}</b></span>"
                         f" — {escape(check.explanation)}</li>")
        if len(ordered) > MAX_CHECKS:
            items.append(f"<li style='color:#666'>and {len(ordered) - MAX_CHECKS} more</li>")
        return f"<h4 style='margin:8px 0 2px 0'>Consistency checks</h4><ul style='margin-left:-20px'>{''.join(items)}</ul>"

    def _history_html(self, history: Sequence[VerdictEventRow]) -> str:
        if not history:
            return ""
        items = []
        for event in reversed(history[-8:]):
            items.append(f"<li>{event.at:%Y-%m-%d %H:%M}{_who(event)}: {escape(_change_text(event))}</li>")
        return f"<h4 style='margin:8px 0 2px 0'>Verdict history</h4><ul style='margin-left:-20px'>{''.join(items)}</ul>"
