"""How a claim's review state looks: one colour per status, shared by the panes, the queue and the legend."""
from __future__ import annotations

from PySide6.QtGui import QColor

# (status, legend text, background)
STATUSES = (
    ("unreviewed", "Unreviewed", "#ffe98a"),
    ("agreed", "Agreed across sources", "#b9ebb9"),
    ("conflict", "In conflict", "#ffb3b3"),
    ("rated", "Rated", "#c4d8ff"),
)
BACKGROUND = {status: QColor(colour) for status, _text, colour in STATUSES}
CURRENT_CLAIM = QColor("#1f5fd1")
CURRENT_CLAIM_TEXT = QColor("#ffffff")
LINKED_STATEMENT = QColor("#e4dcff")
CONFLICT_UNDERLINE = QColor("#c62828")


def claim_status(claim) -> str:
    """The colour a claim gets: a verdict wins, then a conflict, then agreement across sources."""
    if claim.verdict is not None and claim.verdict.label:
        return "rated"
    if claim.in_conflict:
        return "conflict"
    if claim.agreed:
        return "agreed"
    return "unreviewed"
