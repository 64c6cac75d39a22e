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
    "RatedByReviewers",
    "ScaleLabel",
    "SentenceRow",
    "VerdictChange",
    "VerdictEventRow",
    "VerdictRow",
    "awaiting_final",
    "current_verdict",
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
    blind: bool = False  # blind review: others' verdicts on a claim are hidden until one gives one's own

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
    version: int = 1


@dataclass(frozen=True)
class SentenceRow:
    id: int
    article_id: int
    start: int
    end: int


@dataclass(frozen=True)
class VerdictRow:
    """One reviewer's verdict on a claim (or on a fact: ``claim_id`` None, ``fact_id`` the rated fact's
    id), or the adjudicator's ``final`` one (``reviewer``: who set it).

    ``label`` is None for a claim flagged for later, or annotated, without a verdict.
    """

    claim_id: Optional[int]
    label: Optional[str]
    rating: Optional[int]
    note: Optional[str]
    evidence_url: Optional[str]
    reviewer: Optional[str]
    created_at: datetime
    updated_at: datetime
    version: int
    flagged: bool = False
    final: bool = False
    fact_id: Optional[int] = None


def current_verdict(verdicts: tuple[VerdictRow, ...], final: Optional[VerdictRow]) -> Optional[VerdictRow]:
    """The case's verdict on a claim, the one reports publish: the final one where an adjudicator gave it;
    else the single reviewer's, where one reviewer alone rated it (a lone row with a flag or a note and no
    label stays as it is); else None. Two reviewers or more without a final verdict publish nothing, even
    when they agree: an editor confirms their verdict (one key in the window) or settles their difference."""
    if final is not None and final.label is not None:
        return final
    labelled = [v for v in verdicts if v.label is not None]
    if len(labelled) == 1:
        return labelled[0]
    if not labelled and len(verdicts) == 1:
        return verdicts[0]
    return None


def _labels(verdicts: tuple[VerdictRow, ...]) -> set[str]:
    return {v.label for v in verdicts if v.label is not None}


def awaiting_final(verdicts: tuple[VerdictRow, ...], final: Optional[VerdictRow]) -> bool:
    """Two reviewers or more rated it and no final verdict is given: only an editor's settles what is published."""
    return sum(1 for v in verdicts if v.label is not None) >= 2 and (final is None or final.label is None)


class RatedByReviewers:
    """What a claim's or a fact's verdicts say together: the class has ``verdicts`` (each reviewer's latest)
    and ``final`` (the adjudicator's)."""

    verdicts: tuple[VerdictRow, ...]
    final: Optional[VerdictRow]

    def own(self, reviewer: Optional[str]) -> Optional[VerdictRow]:
        """``reviewer``'s verdict; a verdict from before team review (no reviewer) is anyone's until taken."""
        mine = next((v for v in self.verdicts if v.reviewer == reviewer), None)
        return mine or next((v for v in self.verdicts if v.reviewer is None), None)

    @property
    def disputed(self) -> bool:
        """Reviewers gave different labels and no final verdict settles it."""
        return awaiting_final(self.verdicts, self.final) and len(_labels(self.verdicts)) > 1

    @property
    def concurring(self) -> bool:
        """Two reviewers or more gave the same label, and it awaits an editor's final verdict to be published."""
        return awaiting_final(self.verdicts, self.final) and len(_labels(self.verdicts)) == 1

    @property
    def agreed_label(self) -> Optional[str]:
        """The label every reviewer who rated it gave, when there is one (None: none or several)."""
        labels = _labels(self.verdicts)
        return next(iter(labels)) if len(labels) == 1 else None


@dataclass(frozen=True)
class ClaimRow(RatedByReviewers):
    """A claim as the reviewer sees it: reviewer corrections applied over the machine's values.

    ``overridden`` names the fields the reviewer corrected; ``anchor_changed`` is set when a re-import
    re-attached the claim to text that differs from what the reviewer judged. ``verdicts`` are the
    reviewers' own (each one's latest; under blind review only what the reader may see), ``final`` the
    adjudicator's, ``verdict`` the current one (``current_verdict``). ``version`` rises with every
    change to the claim (optimistic concurrency on corrections).
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
    verdicts: tuple[VerdictRow, ...] = ()
    final: Optional[VerdictRow] = None
    version: int = 1


@dataclass(frozen=True)
class VerdictEventRow:
    id: int
    claim_id: Optional[int]  # None for a change to a fact's verdict (``fact_id``)
    at: datetime
    reviewer: Optional[str]
    before: Optional[VerdictRow]
    after: Optional[VerdictRow]
    fact_id: Optional[int] = None


@dataclass(frozen=True)
class VerdictChange:
    """What a verdict command changed in one row (``reviewer``'s, or the ``final`` one): pass ``before``
    to ``restore_verdict`` (``restore_fact_verdict`` for a fact's, ``fact_id``) for that row, with the
    version ``after`` has, to undo it."""

    claim_id: Optional[int]
    before: Optional[VerdictRow]
    after: Optional[VerdictRow]
    reviewer: Optional[str] = None
    final: bool = False
    version: Optional[int] = None  # the row's version after the change (None: no row)
    fact_id: Optional[int] = None  # the rated fact whose verdict changed (claim_id None)


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
    version: int = 1


@dataclass(frozen=True)
class MatchChange:
    match_id: int
    before: str
    after: str
    version: int = 1  # the match's version after the change


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
    """Article ids by outcome; ``anchor_changed`` lists claims whose reviewed text changed in an update.
    ``case_id`` is None when a new case was to be made and no article could be stored (so it was not)."""

    case_id: Optional[int]
    added: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    anchor_changed: list[int] = field(default_factory=list)
