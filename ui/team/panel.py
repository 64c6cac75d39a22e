"""Under the inspector: the current claim's (or fact's) verdicts from every reviewer and the final one, as
this reviewer may see them (blind review hides the others' until one's own is given)."""
from __future__ import annotations

from html import escape
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from fact_review.store.rows import RatedByReviewers
from ui.team.final_dialog import verdicts_html


def team_verdicts_html(rated: RatedByReviewers, reviewer: str, blind: bool, noun: str = "claim") -> str:
    """Every reviewer's verdict as ``reviewer`` may see it, and the final one (or what it waits for)."""
    own = rated.own(reviewer)
    parts = ["<b>Reviewers</b>"]
    if blind and not (own and own.label):
        parts.append("<i>Blind review: the others' verdicts show once you have given yours.</i>")
    else:
        parts.append(verdicts_html(rated.verdicts, noun))
    final = rated.final
    if final is not None and final.label:
        parts.append(f"<b>Final</b>: {escape(final.label)} by {escape(final.reviewer or 'unnamed')}"
                     + (f" — {escape(final.note)}" if final.note else ""))
    elif rated.disputed:
        parts.append("<b>Final</b>: <i>reviewers differ — V gives the final verdict</i>")
    elif rated.concurring:
        parts.append("<b>Final</b>: <i>reviewers agree, awaiting a final verdict — Shift+V confirms theirs</i>")
    return "<br>".join(parts)


class TeamPanel(QLabel):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__("", parent)
        self.setObjectName("team-panel")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

    def show_verdicts(self, rated: Optional[RatedByReviewers], reviewer: str, blind: bool, noun: str = "claim"
                      ) -> None:
        self.setText(team_verdicts_html(rated, reviewer, blind, noun) if rated is not None else "")
