"""Frozen rows the review service hands out (SERVICE_API.md).

Plain data, never live ORM objects: the UI and reports keep them as long as they like. Times are
timezone-aware UTC datetimes; numeric values stay ``Decimal``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Optional

# What ``fact_review.store`` re-exports; the status tuples stay internal to the store.
__all__ = [
    "DEFAULT_SCALE",
    "ArticleRow",
    "CaseRow",
    "CheckRow",
    "ClaimEdit",
    "ClaimRow",
    "ImportResult",
    "MatchChange",
    "MatchRow",
    "Progress",
    "ScaleLabel",
    "SentenceRow",
    "VerdictChange",
    "VerdictEventRow",
    "VerdictRow",
]

MATCH_STATUSES: tuple[str, ...] = ("suggested", "confirmed", "rejected")
QUEUE_STATUSES: tuple[str, ...] = ("unreviewed", "conflicts", "reviewed", "flagged")
CLAIM_VALUE_FIELDS: tuple[str, ...] = ("kind", "value", "unit", "noun", "qualifier", "low", "high", "date",
                                       "check_worthy", "why")


@dataclass(frozen=True)
class ScaleLabel:
    """One step of a case's verdict scale; ``rating`` None for labels outside the scale (Unverifiable)."""

    label: str
    rating: Optional[int]
    description: str = ""


DEFAULT_SCALE: tuple[ScaleLabel, ...] = (
    ScaleLabel("False", 1, "The claim is inaccurate."),
    ScaleLabel("Mostly false", 2, "The claim has an element of truth but ignores facts that change it."),
    ScaleLabel("Half true", 3, "The claim is partially accurate but leaves out important details."),
    ScaleLabel("Mostly true", 4, "The claim is accurate but needs clarification or additional information."),
    ScaleLabel("True", 5, "The claim is accurate."),
    ScaleLabel("Unverifiable", None, "The sources available cannot settle the claim."),
)


@dataclass(frozen=True)
class CaseRow:
    id: int
    name: str
    created_at: datetime
    scale: tuple[ScaleLabel, ...]

    @property
    def best_rating(self) -> Optional[int]:
        return max(self._ratings(), default=None)

    @property
    def worst_rating(self) -> Optional[int]:
        return min(self._ratings(), default=None)

    def _ratings(self) -> list[int]:
        return [s.rating for s in self.scale if s.rating is not None]


@dataclass(frozen=True)
class ArticleRow:
    id: int
    case_id: int
    position: int  # import order within the case, from 0
    title: Optional[str]
    outlet: Optional[str]
    url: Optional[str]
    author: Optional[str]
    published: Optional[str]
    content_hash: str
    path: Optional[str]
    text: str
    imported_at: datetime


@dataclass(frozen=True)
class SentenceRow:
    id: int
    article_id: int
    start: int
    end: int


@dataclass(frozen=True)
class VerdictRow:
    """A claim's current verdict. ``label`` is None only for a claim flagged for later without a verdict."""

    claim_id: int
    label: Optional[str]
    rating: Optional[int]
    note: Optional[str]
    evidence_url: Optional[str]
    reviewer: Optional[str]
    created_at: datetime
    updated_at: datetime
    version: int
    flagged: bool = False


@dataclass(frozen=True)
class ClaimRow:
    """A claim as the reviewer sees it: reviewer corrections applied over the machine's values.

    ``overridden`` names the fields the reviewer corrected; ``anchor_changed`` is set when a re-import
    re-attached the claim to text that differs from what the reviewer judged.
    """

    id: int
    article_id: int
    start: int
    end: int
    text: str
    kind: str
    value: Optional[Decimal]
    unit: Optional[str]
    noun: Optional[str]
    qualifier: Optional[str]
    low: Optional[Decimal]
    high: Optional[Decimal]
    date: Optional[str]
    check_worthy: bool
    why: str
    quote: str
    prefix: str
    suffix: str
    origin: str  # "machine" | "reviewer"
    edited: bool
    dismissed: bool
    anchor_changed: bool
    verdict: Optional[VerdictRow]
    in_conflict: bool
    agreed: bool
    overridden: tuple[str, ...] = ()


@dataclass(frozen=True)
class VerdictEventRow:
    id: int
    claim_id: int
    at: datetime
    reviewer: Optional[str]
    before: Optional[VerdictRow]
    after: Optional[VerdictRow]


@dataclass(frozen=True)
class VerdictChange:
    """What a verdict command changed: pass ``before`` to ``restore_verdict`` to undo it."""

    claim_id: int
    before: Optional[VerdictRow]
    after: Optional[VerdictRow]


@dataclass(frozen=True)
class ClaimEdit:
    claim_id: int
    before: ClaimRow
    after: ClaimRow


@dataclass(frozen=True)
class MatchRow:
    id: int
    case_id: int
    a_article_id: int
    a_start: int
    a_end: int
    b_article_id: int
    b_start: int
    b_end: int
    score: float
    tier: str
    numeric: str
    method: str  # "auto" | "manual"
    status: str  # one of MATCH_STATUSES


@dataclass(frozen=True)
class MatchChange:
    match_id: int
    before: str
    after: str


@dataclass(frozen=True)
class CheckRow:
    id: int
    case_id: int
    kind: str
    status: str
    explanation: str
    claim_ids: tuple[int, ...]

    @property
    def is_discrepancy(self) -> bool:
        return self.status == "conflict"


@dataclass(frozen=True)
class Progress:
    total: int  # claims not dismissed
    reviewed: int  # with a verdict label
    flagged: int
    conflicts: int  # claims in a conflicting check
    by_label: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportResult:
    """Article ids by outcome; ``anchor_changed`` lists claims whose reviewed text changed in an update."""

    case_id: int
    added: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    anchor_changed: list[int] = field(default_factory=list)
