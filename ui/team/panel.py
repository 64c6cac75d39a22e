"""Under the inspector: the current claim's verdicts from every reviewer and the final one, as this
reviewer may see them (blind review hides the others' until one's own is given)."""
from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from fact_review.store import ClaimRow
from ui.team.final_dialog import verdicts_html


class TeamPanel(QLabel):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__("", parent)
        self.setObjectName("team-panel")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

    def show_claim(self, claim: Optional[ClaimRow], reviewer: str, blind: bool) -> None:
        if claim is None:
            self.setText("")
            return
        own = claim.own(reviewer)
        hidden = blind and not (own and own.label)
        parts = ["<b>Reviewers</b>"]
        if hidden:
            parts.append("<i>Blind review: the others' verdicts show once you have given yours.</i>")
        else:
            parts.append(verdicts_html(claim.verdicts))
        final = claim.final
        if final is not None and final.label:
            parts.append(f"<b>Final</b>: {escape(final.label)} by {escape(final.reviewer or 'unnamed')}"
                         + (f" — {escape(final.note)}" if final.note else ""))
        elif claim.disputed:
            parts.append("<b>Final</b>: <i>reviewers differ — V gives the final verdict</i>")
        elif claim.concurring:
            parts.append("<b>Final</b>: <i>reviewers agree, awaiting a final verdict — Shift+V confirms theirs</i>")
        self.setText("<br>".join(parts))
