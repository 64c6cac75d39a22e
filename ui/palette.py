"""How a claim's review state looks: one colour per status, shared by the panes, the queue and the legend.

The colours are light in both the light and the dark theme, so a claim's text is always drawn dark on
them (``CLAIM_TEXT``). "Rated" is a neutral grey, far from any selection blue; a claim in conflict keeps
a red underline after it is rated, so the conflict never disappears from view. A context claim (not worth
checking: the report's own timing, "now") is shown quietly: no fill, the theme's own text colour, a faint
dotted underline (``CONTEXT``), unless it is rated or in conflict.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtGui import QColor

# (status, legend text, background)
STATUSES = (
    ("unreviewed", "Unreviewed", "#ffe98a"),
    ("agreed", "Agreed across sources", "#b9ebb9"),
    ("conflict", "In conflict", "#ffb3b3"),
    ("rated", "Rated", "#d6d6d6"),
)
BACKGROUND = {status: QColor(colour) for status, _text, colour in STATUSES}
CLAIM_TEXT = QColor("#1a1a1a")
CURRENT_CLAIM = QColor("#1f5fd1")
CURRENT_CLAIM_TEXT = QColor("#ffffff")
LINKED_STATEMENT = QColor("#e4dcff")
CONFLICT_UNDERLINE = QColor("#c62828")
CONFLICT_MARK = "conflict"  # the part of a status key that adds the underline: "rated conflict"
CONTEXT = "context"  # the status of a context claim: no fill
CONTEXT_UNDERLINE = QColor("#8c8c8c")  # a mid grey, faint on a light and on a dark background


def claim_status(claim, agreed_across: bool) -> str:
    """The colour a claim gets, as a status key: a verdict wins, then a conflict, then agreement across
    sources; a rated claim in conflict is "rated conflict" (grey, underlined red)."""
    if claim.verdict is not None and claim.verdict.label:
        return "rated conflict" if claim.in_conflict else "rated"
    if claim.in_conflict:
        return "conflict"
    if not claim.check_worthy:
        return CONTEXT
    if agreed_across:
        return "agreed"
    return "unreviewed"


def background(status: str) -> Optional[QColor]:
    """The fill of a status; None for a context claim, which has none."""
    return BACKGROUND.get(status.split()[0])


def foreground(status: str) -> Optional[QColor]:
    """The text colour on that fill; None (the theme's own) where there is no fill."""
    return None if is_quiet(status) else CLAIM_TEXT


def is_quiet(status: str) -> bool:
    return status == CONTEXT


def is_conflict(status: str) -> bool:
    return CONFLICT_MARK in status.split()
